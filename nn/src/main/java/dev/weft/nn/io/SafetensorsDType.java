package dev.weft.nn.io;

import dev.weft.tensor.core.DType;

/**
 * The element types of a safetensors file that Weft reads and writes, with their header names and
 * sizes. Weft has no 16-bit floats or narrow integers: F16/BF16 read into F32, U8/I8/I16/U16 into
 * I32; writing converts back (rounding to nearest even, or range-checking integers).
 */
public enum SafetensorsDType {
    // NOTE: declared in the format's own dtype order; writers sort tensors by it, descending (see rank()).
    /** One byte per boolean, read as BOOL. */
    BOOL(1, DType.BOOL),
    /** Unsigned 8-bit integers, read as I32. */
    U8(1, DType.I32),
    /** Signed 8-bit integers, read as I32. */
    I8(1, DType.I32),
    /** Signed 16-bit integers, read as I32. */
    I16(2, DType.I32),
    /** Unsigned 16-bit integers, read as I32. */
    U16(2, DType.I32),
    /** IEEE half precision, read as F32. */
    F16(2, DType.F32),
    /** bfloat16 (the top 16 bits of an F32), read as F32. */
    BF16(2, DType.F32),
    /** Signed 32-bit integers. */
    I32(4, DType.I32),
    /** IEEE single precision. */
    F32(4, DType.F32),
    /** IEEE double precision. */
    F64(8, DType.F64),
    /** Signed 64-bit integers. */
    I64(8, DType.I64);

    /** Header names the format defines that Weft cannot read (reported as unsupported, not unknown). */
    static final java.util.Set<String> UNSUPPORTED = java.util.Set.of(
            "U32", "U64", "F8_E5M2", "F8_E4M3", "F8_E8M0", "F4", "F6_E2M3", "F6_E3M2", "C64");

    private final int byteSize;
    private final DType weft;

    SafetensorsDType(int byteSize, DType weft) {
        this.byteSize = byteSize;
        this.weft = weft;
    }

    /** {@return bytes per element in the file} */
    public int byteSize() {
        return byteSize;
    }

    /** {@return the Weft dtype this type reads into} */
    public DType weftDType() {
        return weft;
    }

    /**
     * Position in the format's dtype order (BOOL < U8 < I8 < ... < F32 < F64 < I64); a file lists
     * its tensors by this rank descending, then by name, so wide types come first and stay aligned.
     */
    int rank() {
        return ordinal();
    }

    /** {@return the header name ("F32", "BF16", ...)} */
    public String headerName() {
        return name();
    }

    /** The type with this header name, or null if Weft does not know it. */
    static SafetensorsDType fromHeader(String name) {
        for (SafetensorsDType d : values()) if (d.name().equals(name)) return d;
        return null;
    }

    /**
     * The type a Weft dtype is written as by default (its own width).
     *
     * @param d a Weft dtype
     * @return the safetensors type of the same width
     */
    public static SafetensorsDType of(DType d) {
        return switch (d) {
            case F32 -> F32;
            case F64 -> F64;
            case I32 -> I32;
            case I64 -> I64;
            case BOOL -> BOOL;
        };
    }

    /** {@return true for F16, BF16, F32, F64} */
    public boolean isFloatingPoint() {
        return weft.isFloatingPoint();
    }
}
