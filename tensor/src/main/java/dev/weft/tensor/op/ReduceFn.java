package dev.weft.tensor.op;

/**
 * Reductions of {@link ReduceOp.Reduce}. SUM/PROD of I32/I64/BOOL give I64 (floats keep their dtype);
 * MAX/MIN keep the dtype and need a non-empty reduction; ALL/ANY read value != 0 and give BOOL.
 */
public enum ReduceFn {
    /** The sum. */
    SUM("sum"),
    /** The product. */
    PROD("prod"),
    /** The maximum (NaN propagates). */
    MAX("amax"),
    /** The minimum (NaN propagates). */
    MIN("amin"),
    /** BOOL: every element non-zero. */
    ALL("all"),
    /** BOOL: some element non-zero. */
    ANY("any");

    private final String opName;

    ReduceFn(String opName) {
        this.opName = opName;
    }

    /** {@return the op name in errors} */
    public String opName() {
        return opName;
    }
}
