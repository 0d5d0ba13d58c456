package dev.weft.kernels.elementwise;

/**
 * The unary elementwise functions. {@link #apply} is the double-precision reference formula each
 * kernel must match (F32 kernels round it once); p0/p1 are the parameters named per constant (ignored elsewhere).
 * {@link #integerSafe} marks the functions the I32/I64 kernels serve (via {@link #applyLong}).
 */
public enum UnaryFn {
    /** -x */
    NEG,
    /** |x| */
    ABS,
    /** e^x */
    EXP,
    /** ln x (NaN for {@code x < 0}, -inf at 0) */
    LOG,
    /** ln(1 + x) */
    LOG1P,
    /** e^x - 1 */
    EXPM1,
    /** sqrt(x) */
    SQRT,
    /** 1 / sqrt(x) */
    RSQRT,
    /** x * x */
    SQUARE,
    /** sin x */
    SIN,
    /** cos x */
    COS,
    /** tanh x */
    TANH,
    /** 1 / (1 + e^-x), evaluated as e^x / (1 + e^x) for {@code x < 0} */
    SIGMOID,
    /** x > 0 ? x : 0 (NaN stays NaN) */
    RELU,
    /** x > 0 ? x : p0 * x; p0 = negative slope */
    LEAKY_RELU,
    /** x > 0 ? x : p0 * (e^x - 1); p0 = alpha */
    ELU,
    /** x/2 * (1 + erf(x / sqrt 2)) */
    GELU_ERF,
    /** x/2 * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x^3))) */
    GELU_TANH,
    /** x * sigmoid(x) = x / (1 + e^-x) */
    SILU,
    /** p0*x > p1 ? x : ln(1 + e^(p0*x)) / p0; p0 = beta, p1 = threshold */
    SOFTPLUS,
    /** signum: -1, 0 or 1 (signed zero and NaN pass through) */
    SIGN,
    /** largest integer {@code <= x} */
    FLOOR,
    /** smallest integer >= x */
    CEIL,
    /** nearest integer, ties to even (as torch.round) */
    ROUND,
    /** min(max(x, p0), p1); a NaN bound means no bound; NaN x stays NaN */
    CLAMP,
    /** x^p0 (Math.pow rules) */
    POW_SCALAR,
    /** 1 / x */
    RECIPROCAL,
    /** erf x */
    ERF,
    /** logical not: x == 0 ? 1 : 0 */
    NOT;

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

    /**
     * {@return the reference value of this function at x (double precision)}
     *
     * @param x the input array
     * @param p0 the function's first scalar parameter (unused by most functions)
     * @param p1 the function's second scalar parameter (unused by most functions)
     */
    public double apply(double x, double p0, double p1) {
        return switch (this) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case LOG1P -> Math.log1p(x);
            case EXPM1 -> Math.expm1(x);
            case SQRT -> Math.sqrt(x);
            case RSQRT -> 1.0 / Math.sqrt(x);
            case SQUARE -> x * x;
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case TANH -> Math.tanh(x);
            case SIGMOID -> sigmoid(x);
            case RELU -> Math.max(x, 0.0);   // NaN stays NaN, -0.0 becomes 0.0
            case LEAKY_RELU -> x > 0 ? x : p0 * x;
            case ELU -> x > 0 ? x : p0 * Math.expm1(x);
            case GELU_ERF -> geluErf(x);
            case GELU_TANH -> geluTanh(x);
            case SILU -> x * sigmoid(x);
            case SOFTPLUS -> softplus(x, p0, p1);
            case SIGN -> Math.signum(x);
            case FLOOR -> Math.floor(x);
            case CEIL -> Math.ceil(x);
            case ROUND -> Math.rint(x);
            case CLAMP -> clamp(x, p0, p1);
            case POW_SCALAR -> Math.pow(x, p0);
            case RECIPROCAL -> 1.0 / x;
            case ERF -> SpecialFns.erf(x);
            case NOT -> x == 0 ? 1.0 : 0.0;
        };
    }

    // x < 0: 1 + erf(x/sqrt 2) = erfc(-x/sqrt 2), which keeps its relative accuracy in the far tail
    static double geluErf(double x) {
        return x >= 0 ? 0.5 * x * (1.0 + SpecialFns.erf(x * SQRT_HALF)) : 0.5 * x * SpecialFns.erfc(-x * SQRT_HALF);
    }

    // (1 + tanh u) / 2 = sigmoid(2u): the same value without the cancellation for x << 0
    static double geluTanh(double x) {
        return x * sigmoid(2.0 * SQRT_2_OVER_PI * (x + 0.044715 * x * x * x));
    }

    static double softplus(double x, double beta, double threshold) {
        return beta * x > threshold ? x : Math.log1p(Math.exp(beta * x)) / beta;
    }

    /**
     * 1 / (1 + e^-x), without overflow for {@code x << 0} (the scalar reference of every sigmoid).
     *
     * @param x the input array
     * @return 1 / (1 + e^-x)
     */
    public static double sigmoid(double x) {
        if (x >= 0) return 1.0 / (1.0 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    static double clamp(double x, double lo, double hi) {
        double v = x < lo ? lo : x;   // NaN x and NaN bounds fail the comparison: no change
        return v > hi ? hi : v;
    }

    /** {@return true for the functions the I32/I64 kernels serve} */
    public boolean integerSafe() {
        return switch (this) {
            case NEG, ABS, SQUARE, SIGN, CLAMP, RELU, FLOOR, CEIL, ROUND, NOT -> true;
            default -> false;
        };
    }

    /**
     * {@return the integer reference: wrapping two's-complement arithmetic (NEG/ABS of MIN_VALUE wrap, SQUARE wraps);
     * FLOOR/CEIL/ROUND are the identity; CLAMP clamps to the integers inside [p0, p1], i.e. ceil(p0) and floor(p1)}
     * I32 kernels cast the long result to int, which equals 32-bit wrapping arithmetic.
     *
     * @param x the input array
     * @param p0 the function's first scalar parameter (unused by most functions)
     * @param p1 the function's second scalar parameter (unused by most functions)
     */
    public long applyLong(long x, double p0, double p1) {
        return switch (this) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case SQUARE -> x * x;
            case SIGN -> Long.signum(x);
            case RELU -> Math.max(x, 0L);
            case FLOOR, CEIL, ROUND -> x;
            case CLAMP -> {
                long v = x;
                if (!Double.isNaN(p0) && v < p0) v = (long) Math.ceil(p0);
                if (!Double.isNaN(p1) && v > p1) v = (long) Math.floor(p1);
                yield v;
            }
            case NOT -> x == 0 ? 1L : 0L;
            default -> throw new IllegalArgumentException("unary " + this + ": not defined on integer dtypes");
        };
    }
}
