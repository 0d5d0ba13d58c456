package dev.weft.tensor.op;

/** Comparisons of {@link ElementwiseOp.Compare}: both inputs of one dtype, BOOL output. NaN compares false except NE. */
public enum CompareFn {
    /** a == b */
    EQ("eq"),
    /** a != b (true when either is NaN) */
    NE("ne"),
    /** a {@code <} b */
    LT("lt"),
    /** a {@code <=} b */
    LE("le"),
    /** a {@code >} b */
    GT("gt"),
    /** a {@code >=} b */
    GE("ge");

    private final String opName;

    CompareFn(String opName) {
        this.opName = opName;
    }

    /** {@return the op name in errors, e.g. "lt"} */
    public String opName() {
        return opName;
    }
}
