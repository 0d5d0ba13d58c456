package dev.weft.tensor.op;

/**
 * Unary elementwise functions of {@link ElementwiseOp.Unary}; p0/p1 are the op's scalar parameters
 * (unused ones are 0). {@link Domain} says which input dtypes a primitive accepts: FLOAT functions see
 * only F32/F64 (the op layer casts integers first, as PyTorch promotes them), NUMERIC ones also
 * I32/I64, ANY also BOOL. LOGICAL_NOT returns BOOL; every other function keeps the input dtype.
 */
public enum UnaryFn {
    NEG("neg", Domain.NUMERIC),
    ABS("abs", Domain.NUMERIC),
    EXP("exp", Domain.FLOAT),
    LOG("log", Domain.FLOAT),
    LOG1P("log1p", Domain.FLOAT),
    EXPM1("expm1", Domain.FLOAT),
    SQRT("sqrt", Domain.FLOAT),
    RSQRT("rsqrt", Domain.FLOAT),
    SQUARE("square", Domain.NUMERIC),
    SIN("sin", Domain.FLOAT),
    COS("cos", Domain.FLOAT),
    TANH("tanh", Domain.FLOAT),
    SIGMOID("sigmoid", Domain.FLOAT),
    RELU("relu", Domain.NUMERIC),
    /** x if x > 0 else p0 * x (p0 = negative slope). */
    LEAKY_RELU("leaky_relu", Domain.FLOAT),
    /** x if x > 0 else p0 * (exp(x) - 1) (p0 = alpha). */
    ELU("elu", Domain.FLOAT),
    /** x * Phi(x), exact (erf) form. */
    GELU("gelu", Domain.FLOAT),
    /** 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). */
    GELU_TANH("gelu_tanh", Domain.FLOAT),
    SILU("silu", Domain.FLOAT),
    /** log(1 + exp(p0 x)) / p0, or x where p0 x > p1 (p0 = beta, p1 = threshold). */
    SOFTPLUS("softplus", Domain.FLOAT),
    SIGN("sign", Domain.NUMERIC),
    FLOOR("floor", Domain.NUMERIC),
    CEIL("ceil", Domain.NUMERIC),
    /** Round half to even. */
    ROUND("round", Domain.NUMERIC),
    /** x ^ p0. */
    POW("pow", Domain.FLOAT),
    RECIPROCAL("reciprocal", Domain.FLOAT),
    ERF("erf", Domain.FLOAT),
    /** min(max(x, p0), p1); a bound of -inf/+inf is absent. */
    CLAMP("clamp", Domain.NUMERIC),
    LOGICAL_NOT("logical_not", Domain.BOOL);

    /** Input dtypes a function accepts. */
    public enum Domain { FLOAT, NUMERIC, BOOL }

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
