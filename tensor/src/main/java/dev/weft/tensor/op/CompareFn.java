package dev.weft.tensor.op;

/** Comparisons of {@link ElementwiseOp.Compare}: both inputs of one dtype, BOOL output. NaN compares false except NE. */
public enum CompareFn {
    EQ("eq"), NE("ne"), LT("lt"), LE("le"), GT("gt"), GE("ge");

    private final String opName;

    CompareFn(String opName) {
        this.opName = opName;
    }

    /** {@return the op name in errors, e.g. "lt"} */
    public String opName() {
        return opName;
    }
}
