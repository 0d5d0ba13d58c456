package dev.weft.tensor.op;

/**
 * Binary elementwise functions of {@link ElementwiseOp.Binary}. Both inputs have one dtype (the op
 * layer promotes first) and the output has it too. floatOnly functions (div, atan2) need F32/F64 (the op
 * layer promotes integer division to float, as PyTorch does); LOGICAL_* need BOOL inputs (the op layer
 * casts other dtypes with value != 0); the arithmetic ones do not take BOOL. Integer arithmetic wraps.
 */
public enum BinaryFn {
    /** a + b. */
    ADD("add", false),
    /** a - b. */
    SUB("sub", false),
    /** a * b. */
    MUL("mul", false),
    /** a / b, true division (floating only). */
    DIV("div", true),
    /** a ^ b. */
    POW("pow", false),
    /** max(a, b), NaN propagating. */
    MAXIMUM("maximum", false),
    /** min(a, b), NaN propagating. */
    MINIMUM("minimum", false),
    /** atan2(a, b), the angle of (b, a) (floating only). */
    ATAN2("atan2", true),
    /** a - floor(a / b) * b: the sign of b (Python's %). */
    REMAINDER("remainder", false),
    /** a - trunc(a / b) * b: the sign of a (C's fmod). */
    FMOD("fmod", false),
    /** BOOL: a and b. */
    LOGICAL_AND("logical_and", false),
    /** BOOL: a or b. */
    LOGICAL_OR("logical_or", false),
    /** BOOL: a xor b. */
    LOGICAL_XOR("logical_xor", false),
    /** b > 0 ? a : 0: relu's backward, the gradient a where relu's input b is positive (NaN b gives 0; floating only). */
    RELU_BACKWARD("relu_backward", true);

    private final String opName;
    private final boolean floatOnly;

    BinaryFn(String opName, boolean floatOnly) {
        this.opName = opName;
        this.floatOnly = floatOnly;
    }

    /** {@return the op name in errors, e.g. "add"} */
    public String opName() {
        return opName;
    }

    /** {@return true if the inputs must be F32/F64} */
    public boolean floatOnly() {
        return floatOnly;
    }

    /** {@return true for the LOGICAL_* functions (BOOL inputs and output)} */
    public boolean logical() {
        return this == LOGICAL_AND || this == LOGICAL_OR || this == LOGICAL_XOR;
    }
}
