package dev.weft.kernels.reduce;

/**
 * Reduction functions. MAX/MIN propagate NaN (any NaN in the slice gives NaN); ALL/ANY are BOOL only.
 * Over an empty slice (r = 0): SUM 0, PROD 1, ALL 1, ANY 0; MAX/MIN are an error.
 */
public enum ReduceFn {
    /** The sum of the slice. */
    SUM,
    /** The product of the slice. */
    PROD,
    /** The largest element (NaN if any is NaN). */
    MAX,
    /** The smallest element (NaN if any is NaN). */
    MIN,
    /** BOOL: 1 if every element is non-zero. */
    ALL,
    /** BOOL: 1 if some element is non-zero. */
    ANY;

    /** {@return true for the functions the numeric (F32, F64, I32, I64) kernels take} */
    public boolean numeric() {
        return this != ALL && this != ANY;
    }
}
