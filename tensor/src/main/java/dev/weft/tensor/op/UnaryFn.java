package dev.weft.tensor.op;

/**
 * Unary elementwise functions of {@link ElementwiseOp.Unary}; p0/p1 are the op's scalar parameters
 * (unused ones are 0). {@link Domain} says which input dtypes a primitive accepts: FLOAT functions see
 * only F32/F64 (the op layer casts integers first, as PyTorch promotes them), NUMERIC ones also
 * I32/I64, ANY also BOOL. LOGICAL_NOT returns BOOL; every other function keeps the input dtype.
 */
public enum UnaryFn {
    /** -x. */
    NEG("neg", Domain.NUMERIC),
    /** |x|. */
    ABS("abs", Domain.NUMERIC),
    /** e^x. */
    EXP("exp", Domain.FLOAT),
    /** ln x. */
    LOG("log", Domain.FLOAT),
    /** ln(1 + x). */
    LOG1P("log1p", Domain.FLOAT),
    /** e^x - 1. */
    EXPM1("expm1", Domain.FLOAT),
    /** sqrt(x). */
    SQRT("sqrt", Domain.FLOAT),
    /** 1 / sqrt(x). */
    RSQRT("rsqrt", Domain.FLOAT),
    /** x^2. */
    SQUARE("square", Domain.NUMERIC),
    /** sin x. */
    SIN("sin", Domain.FLOAT),
    /** cos x. */
    COS("cos", Domain.FLOAT),
    /** tanh x. */
    TANH("tanh", Domain.FLOAT),
    /** 1 / (1 + e^-x). */
    SIGMOID("sigmoid", Domain.FLOAT),
    /** max(x, 0). */
    RELU("relu", Domain.NUMERIC),
    /** x if x > 0 else p0 * x (p0 = negative slope). */
    LEAKY_RELU("leaky_relu", Domain.FLOAT),
    /** x if x > 0 else p0 * (exp(x) - 1) (p0 = alpha). */
    ELU("elu", Domain.FLOAT),
    /** x * Phi(x), exact (erf) form. */
    GELU("gelu", Domain.FLOAT),
    /** 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). */
    GELU_TANH("gelu_tanh", Domain.FLOAT),
    /** x * sigmoid(x). */
    SILU("silu", Domain.FLOAT),
    /** log(1 + exp(p0 x)) / p0, or x where p0 x > p1 (p0 = beta, p1 = threshold). */
    SOFTPLUS("softplus", Domain.FLOAT),
    /** -1, 0 or 1 by the sign of x. */
    SIGN("sign", Domain.NUMERIC),
    /** The largest integer value not above x. */
    FLOOR("floor", Domain.NUMERIC),
    /** The smallest integer value not below x. */
    CEIL("ceil", Domain.NUMERIC),
    /** Round half to even. */
    ROUND("round", Domain.NUMERIC),
    /** x ^ p0. */
    POW("pow", Domain.FLOAT),
    /** 1 / x. */
    RECIPROCAL("reciprocal", Domain.FLOAT),
    /** The error function erf x. */
    ERF("erf", Domain.FLOAT),
    /** min(max(x, p0), p1); a bound of -inf/+inf is absent. */
    CLAMP("clamp", Domain.NUMERIC),
    /** BOOL: x == 0. */
    LOGICAL_NOT("logical_not", Domain.BOOL);

    /** Input dtypes a function accepts. */
    public enum Domain {
        /** F32 and F64 only. */
        FLOAT,
        /** F32, F64, I32 and I64. */
        NUMERIC,
        /** BOOL only. */
        BOOL
    }

    private final String opName;
    private final Domain domain;

    UnaryFn(String opName, Domain domain) {
        this.opName = opName;
        this.domain = domain;
    }

    /** {@return the op name in errors and records, e.g. "exp"} */
    public String opName() {
        return opName;
    }

    /**
     * Which input dtypes the primitive accepts.
     *
     * @return the accepted dtypes
     */
    public Domain domain() {
        return domain;
    }
}
