package dev.weft.tensor.op;

/**
 * Binary elementwise functions of {@link ElementwiseOp.Binary}. Both inputs have one dtype (the op
 * layer promotes first); the output has that dtype, except the LOGICAL_* functions which return BOOL.
 * FLOAT functions (atan2) need F32/F64 inputs; DIV on integers is true division done in float by the
 * op layer, so the primitive DIV on integers truncates toward zero (only reached by explicit request).
 */
public enum BinaryFn {
    ADD("add", false),
    SUB("sub", false),
    MUL("mul", false),
    DIV("div", false),
    POW("pow", false),
    MAXIMUM("maximum", false),
    MINIMUM("minimum", false),
    ATAN2("atan2", true),
    /** a - floor(a / b) * b: the sign of b (Python's %). */
    REMAINDER("remainder", false),
    /** a - trunc(a / b) * b: the sign of a (C's fmod). */
    FMOD("fmod", false),
    LOGICAL_AND("logical_and", false),
    LOGICAL_OR("logical_or", false),
    LOGICAL_XOR("logical_xor", false);

    private final String opName;
    private final boolean floatOnly;

    BinaryFn(String opName, boolean floatOnly) {
        this.opName = opName;
        this.floatOnly = floatOnly;
    }

    /** The op name in errors, e.g. "add". */
    public String opName() {
        return opName;
    }

    /** True if the inputs must be F32/F64. */
    public boolean floatOnly() {
        return floatOnly;
    }

    /** True for the LOGICAL_* functions (BOOL output, inputs read as value != 0). */
    public boolean logical() {
        return this == LOGICAL_AND || this == LOGICAL_OR || this == LOGICAL_XOR;
    }
}
