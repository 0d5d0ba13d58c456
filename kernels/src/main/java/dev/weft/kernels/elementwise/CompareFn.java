package dev.weft.kernels.elementwise;

/** Elementwise comparisons; the result is BOOL (1 or 0). Any comparison with NaN is false except NE. */
public enum CompareFn {
    /** a == b */
    EQ,
    /** a != b (true when either is NaN) */
    NE,
    /** a {@code <} b */
    LT,
    /** a {@code <=} b */
    LE,
    /** a {@code >} b */
    GT,
    /** a {@code >=} b */
    GE;

    /**
     * {@return the reference result on doubles (IEEE comparison: NaN is unordered)}
     *
     * @param a the first operand
     * @param b the second operand
     */
    public boolean test(double a, double b) {
        return switch (this) {
            case EQ -> a == b;
            case NE -> a != b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
        };
    }

    /**
     * {@return the reference result on integers (BOOL bytes compare as signed values)}
     *
     * @param a the first operand
     * @param b the second operand
     */
    public boolean test(long a, long b) {
        return switch (this) {
            case EQ -> a == b;
            case NE -> a != b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
        };
    }
}
