package dev.weft.nn.data;

/** The element types of the IDX format, with their type code (byte 2 of the magic) and size in bytes. */
public enum IdxType {
    /** Unsigned byte, code 0x08 (MNIST pixels and labels). */
    U8(0x08, 1),
    /** Signed byte, code 0x09. */
    I8(0x09, 1),
    /** Big-endian 16-bit integer, code 0x0B. */
    I16(0x0B, 2),
    /** Big-endian 32-bit integer, code 0x0C. */
    I32(0x0C, 4),
    /** Big-endian IEEE single, code 0x0D. */
    F32(0x0D, 4),
    /** Big-endian IEEE double, code 0x0E. */
    F64(0x0E, 8);

    private final int code;
    private final int byteSize;

    IdxType(int code, int byteSize) {
        this.code = code;
        this.byteSize = byteSize;
    }

    /** {@return the type code as stored in the file} */
    public int code() {
        return code;
    }

    /** {@return bytes per element} */
    public int byteSize() {
        return byteSize;
    }

    /** {@return true for F32 and F64} */
    public boolean isFloatingPoint() {
        return this == F32 || this == F64;
    }

    /**
     * The type with a code.
     *
     * @param code byte 2 of the magic, 0 to 255
     * @return the type, or null for an unknown code
     */
    public static IdxType ofCode(int code) {
        for (IdxType t : values()) if (t.code == code) return t;
        return null;
    }

    /** "0x08 u8, 0x09 i8, ..." for error messages. */
    static String known() {
        StringBuilder sb = new StringBuilder();
        for (IdxType t : values()) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(String.format("0x%02X %s", t.code, t));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
