package dev.weft.tensor.core;


/**
 * Element types of a tensor. F32 is the default; F64 serves gradient checking and science; I32/I64
 * hold indices; BOOL holds masks (one byte per element on the CPU).
 * Promotion follows the chain {@code BOOL < I32 < I64 < F32 < F64}; a Java scalar never widens a tensor's
 * floating dtype (an F32 tensor times a Java double stays F32), as in PyTorch.
 */
public enum DType {
    /** 32-bit IEEE float, the default. */
    F32(4, true, 3),
    /** 64-bit IEEE double (gradient checks, science). */
    F64(8, true, 4),
    /** 32-bit signed integer. */
    I32(4, false, 1),
    /** 64-bit signed integer, the dtype of indices. */
    I64(8, false, 2),
    /** Boolean, one byte (0 or 1) per element on the CPU. */
    BOOL(1, false, 0);

    private final int byteSize;
    private final boolean floating;
    private final int rank;

    DType(int byteSize, boolean floating, int rank) {
        this.byteSize = byteSize;
        this.floating = floating;
        this.rank = rank;
    }

    /** {@return bytes per element} */
    public int byteSize() {
        return byteSize;
    }

    /** {@return true for F32 and F64} */
    public boolean isFloatingPoint() {
        return floating;
    }

    /** {@return true for I32 and I64 (not BOOL)} */
    public boolean isIntegral() {
        return this == I32 || this == I64;
    }

    /**
     * {@return the wider of two dtypes on the chain {@code BOOL < I32 < I64 < F32 < F64}}
     *
     * @param a the first operand
     * @param b the second operand
     */
    public static DType promote(DType a, DType b) {
        return a.rank >= b.rank ? a : b;
    }

    /**
     * {@return the result dtype of a tensor combined with a Java floating scalar: a floating tensor keeps its
     * dtype, an integral or BOOL tensor becomes F32 (the default float)}
     *
     * @param t the tensor's dtype
     */
    public static DType promoteWithFloatScalar(DType t) {
        return t.floating ? t : F32;
    }

    /**
     * {@return the result dtype of a tensor combined with a Java integral scalar: BOOL becomes I64, every
     * other dtype stays}
     *
     * @param t the tensor's dtype
     */
    public static DType promoteWithIntScalar(DType t) {
        return t == BOOL ? I64 : t;
    }

    /** Lower-case name as printed: "f32", "i64", "bool". */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
