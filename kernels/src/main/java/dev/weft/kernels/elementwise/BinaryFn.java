package dev.weft.kernels.elementwise;

/**
 * The binary elementwise functions. {@link #apply} is the double-precision reference (F32 kernels round it
 * once), {@link #applyLong} the integer one (wrapping two's-complement). Logical functions return 1 or 0 in the
 * operand type; bitwise ones are integer/BOOL only. Which dtypes take which function:
 * {@link #onFloat}, {@link #onInteger}, {@link #onBool}.
 */
public enum BinaryFn {
    /** a + b */
    ADD,
    /** a - b */
    SUB,
    /** a * b */
    MUL,
    /** a / b (float dtypes only: the tensor layer promotes integer division to float, as torch does) */
    DIV,
    /** a^b (Math.pow; integers: exact by squaring, negative exponents only for bases 1 and -1) */
    POW,
    /** max(a, b); NaN if either is NaN */
    MAXIMUM,
    /** min(a, b); NaN if either is NaN */
    MINIMUM,
    /** atan2(a, b) (float dtypes only) */
    ATAN2,
    /** a mod b with the sign of the divisor (Python %): r = fmod(a, b); r != 0 and sign(r) != sign(b) ? r + b : r */
    REMAINDER,
    /** C fmod: a - trunc(a / b) * b, sign of the dividend */
    FMOD,
    /** {@code (a != 0 && b != 0) ? 1 : 0} */
    LOGICAL_AND,
    /** (a != 0 || b != 0) ? 1 : 0 */
    LOGICAL_OR,
    /** ((a != 0) != (b != 0)) ? 1 : 0 */
    LOGICAL_XOR,
    /** {@code a & b} (integer and BOOL dtypes) */
    BITWISE_AND,
    /** a | b (integer and BOOL dtypes) */
    BITWISE_OR,
    /** a ^ b (integer and BOOL dtypes) */
    BITWISE_XOR,
    /** {@code b > 0 ? a : 0}: relu's backward, the gradient a passed where relu's input b is positive (NaN b gives 0) */
    RELU_BACKWARD;

    /**
     * {@return the double reference value; bitwise functions act on the values truncated to long}
     *
     * @param a the first operand
     * @param b the second operand
     */
    public double apply(double a, double b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> Math.pow(a, b);
            case MAXIMUM -> Math.max(a, b);
            case MINIMUM -> Math.min(a, b);
            case ATAN2 -> Math.atan2(a, b);
            case REMAINDER -> remainder(a, b);
            case FMOD -> a % b;
            case LOGICAL_AND -> a != 0 && b != 0 ? 1.0 : 0.0;
            case LOGICAL_OR -> a != 0 || b != 0 ? 1.0 : 0.0;
            case LOGICAL_XOR -> (a != 0) != (b != 0) ? 1.0 : 0.0;
            case BITWISE_AND -> (double) ((long) a & (long) b);
            case BITWISE_OR -> (double) ((long) a | (long) b);
            case BITWISE_XOR -> (double) ((long) a ^ (long) b);
            case RELU_BACKWARD -> b > 0 ? a : 0.0;
        };
    }

    static double remainder(double a, double b) {
        double r = a % b;
        return r != 0 && (r < 0) != (b < 0) ? r + b : r;
    }

    /**
     * {@return the integer reference (I64; I32 kernels cast the result, which equals 32-bit wrapping arithmetic)}
     * REMAINDER/FMOD by zero and POW to a negative power throw ArithmeticException naming the function.
     *
     * @param a the first operand
     * @param b the second operand
     */
    public long applyLong(long a, long b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case POW -> ipow(a, b);
            case MAXIMUM -> Math.max(a, b);
            case MINIMUM -> Math.min(a, b);
            case REMAINDER -> {
                if (b == 0) throw divByZero();
                long r = a % b;
                yield r != 0 && (r ^ b) < 0 ? r + b : r;
            }
            case FMOD -> {
                if (b == 0) throw divByZero();
                yield a % b;
            }
            case LOGICAL_AND -> a != 0 && b != 0 ? 1 : 0;
            case LOGICAL_OR -> a != 0 || b != 0 ? 1 : 0;
            case LOGICAL_XOR -> (a != 0) != (b != 0) ? 1 : 0;
            case BITWISE_AND -> a & b;
            case BITWISE_OR -> a | b;
            case BITWISE_XOR -> a ^ b;
            case RELU_BACKWARD -> b > 0 ? a : 0;
            case DIV, ATAN2 -> throw new IllegalArgumentException("binary " + this
                    + ": not defined on integer dtypes (promote to a float dtype first)");
        };
    }

    ArithmeticException divByZero() {
        return new ArithmeticException("binary " + this + ": integer division by zero");
    }

    private long ipow(long a, long b) {
        if (b < 0) {
            if (a == 1) return 1;
            if (a == -1) return (b & 1) == 0 ? 1 : -1;
            throw new ArithmeticException("binary POW: integer base " + a + " to negative power " + b);
        }
        long result = 1, base = a;
        while (b != 0) {
            if ((b & 1) != 0) result *= base;
            base *= base;
            b >>>= 1;
        }
        return result;
    }

    /** {@return true if the F32/F64 kernels take this function (all but the bitwise ones)} */
    public boolean onFloat() {
        return this != BITWISE_AND && this != BITWISE_OR && this != BITWISE_XOR;
    }

    /** {@return true if the I32/I64 kernels take this function (all but DIV and ATAN2)} */
    public boolean onInteger() {
        return this != DIV && this != ATAN2;
    }

    /** {@return true if the BOOL kernels take this function: logical, bitwise, MAXIMUM (= or), MINIMUM (= and)} */
    public boolean onBool() {
        return switch (this) {
            case LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR, BITWISE_AND, BITWISE_OR, BITWISE_XOR, MAXIMUM, MINIMUM -> true;
            default -> false;
        };
    }
}
