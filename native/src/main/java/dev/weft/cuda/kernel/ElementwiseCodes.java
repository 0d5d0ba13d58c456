package dev.weft.cuda.kernel;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.op.BinaryFn;
import dev.weft.tensor.op.CompareFn;
import dev.weft.tensor.op.UnaryFn;

/**
 * The function codes elementwise.cu switches on (its case labels), and the dtype suffixes of kernel names.
 * Exhaustive switches: a new UnaryFn/BinaryFn/CompareFn does not compile until it has a code here and a
 * case in the kernel.
 */
public final class ElementwiseCodes {
    private ElementwiseCodes() {}

    /** The w_unary / w_unary_int case of a unary function (LOGICAL_NOT has its own kernel: -1). */
    public static int unary(UnaryFn fn) {
        return switch (fn) {
            case NEG -> 0;
            case ABS -> 1;
            case EXP -> 2;
            case LOG -> 3;
            case LOG1P -> 4;
            case EXPM1 -> 5;
            case SQRT -> 6;
            case RSQRT -> 7;
            case SQUARE -> 8;
            case SIN -> 9;
            case COS -> 10;
            case TANH -> 11;
            case SIGMOID -> 12;
            case RELU -> 13;
            case LEAKY_RELU -> 14;
            case ELU -> 15;
            case GELU -> 16;
            case GELU_TANH -> 17;
            case SILU -> 18;
            case SOFTPLUS -> 19;
            case SIGN -> 20;
            case FLOOR -> 21;
            case CEIL -> 22;
            case ROUND -> 23;
            case POW -> 24;
            case RECIPROCAL -> 25;
            case ERF -> 26;
            case CLAMP -> 27;
            case LOGICAL_NOT -> -1;
        };
    }

    /** The w_binary / w_binary_int / logical_u8 case of a binary function. */
    public static int binary(BinaryFn fn) {
        return switch (fn) {
            case ADD -> 0;
            case SUB -> 1;
            case MUL -> 2;
            case DIV -> 3;
            case POW -> 4;
            case MAXIMUM -> 5;
            case MINIMUM -> 6;
            case ATAN2 -> 7;
            case REMAINDER -> 8;
            case FMOD -> 9;
            case LOGICAL_AND -> 10;
            case LOGICAL_OR -> 11;
            case LOGICAL_XOR -> 12;
            case RELU_BACKWARD -> 13;
        };
    }

    /** The w_compare case of a comparison. */
    public static int compare(CompareFn fn) {
        return switch (fn) {
            case EQ -> 0;
            case NE -> 1;
            case LT -> 2;
            case LE -> 3;
            case GT -> 4;
            case GE -> 5;
        };
    }

    /** The dtype suffix of kernel names: f32, f64, i32, i64, u8 (BOOL). */
    public static String suffix(DType t) {
        return switch (t) {
            case F32 -> "f32";
            case F64 -> "f64";
            case I32 -> "i32";
            case I64 -> "i64";
            case BOOL -> "u8";
        };
    }
}
