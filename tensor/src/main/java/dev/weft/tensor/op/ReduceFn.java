package dev.weft.tensor.op;

/**
 * Reductions of {@link ReduceOp.Reduce}. SUM/PROD of I32/I64/BOOL give I64 (floats keep their dtype);
 * MAX/MIN keep the dtype and need a non-empty reduction; ALL/ANY read value != 0 and give BOOL.
 */
public enum ReduceFn {
    SUM("sum"), PROD("prod"), MAX("amax"), MIN("amin"), ALL("all"), ANY("any");

    private final String opName;

    ReduceFn(String opName) {
        this.opName = opName;
    }

    /** {@return the op name in errors} */
    public String opName() {
        return opName;
    }
}
