package dev.weft.nn.io;

/**
 * IEEE binary16 (F16) and bfloat16 (BF16) bit patterns to and from Java floats. Encoding rounds a
 * double straight to the 16-bit format (round to nearest, ties to even), so an F64 source is not
 * rounded twice; subnormals, overflow to infinity, signed zeros and NaN (kept quiet, sign and top
 * payload bits preserved) follow IEEE 754.
 */
final class HalfFloats {
    private HalfFloats() {}

    /** F16 bits (in the low 16 bits) of x rounded to nearest even. */
    static short toF16(double x) {
        return encode(x, 5, 10);
    }

    /** BF16 bits (in the low 16 bits) of x rounded to nearest even. */
    static short toBF16(double x) {
        return encode(x, 8, 7);
    }

    /**
     * F16 bits of an F32 value, rounded to nearest even, in integer arithmetic (same result as
     * {@link #toF16(double)} on the widened value; the writer's fast path for F32 tensors).
     */
    static short toF16(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7FFF_FFFF;
        if (abs > 0x7F80_0000) return (short) (sign | 0x7E00 | ((abs >>> 13) & 0x3FF));     // NaN: quiet, top payload bits
        if (abs >= 0x477F_F000) return (short) (sign | 0x7C00);                              // >= 65520 (the overflow tie): inf
        if (abs >= 0x3880_0000) {                                                            // normal in F16 (>= 2^-14)
            int r = abs + 0xFFF + ((abs >>> 13) & 1);                                        // round at bit 13, ties to even
            return (short) (sign | ((r - 0x3800_0000) >>> 13));                              // rebias 127 -> 15; carries bump the exponent
        }
        if (abs <= 0x3300_0000) return (short) sign;                                         // <= 2^-25 (a tie with 0): zero
        int e = abs >>> 23;                                                                  // 102..112: an F16 subnormal
        int m = (abs & 0x7F_FFFF) | 0x80_0000;
        int shift = 126 - e;                                                                 // value * 2^24 = m >> shift
        int q = m >>> shift;
        int rem = m & ((1 << shift) - 1), half = 1 << (shift - 1);
        if (rem > half || (rem == half && (q & 1) == 1)) q++;
        return (short) (sign | q);
    }

    /** BF16 bits of an F32 value, rounded to nearest even (the top half of the bits, rounded). */
    static short toBF16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if ((bits & 0x7FFF_FFFF) > 0x7F80_0000) return (short) ((bits >>> 16) | 0x0040);    // NaN: quiet, sign and payload kept
        return (short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16);
    }

    /** The value of F16 bits (exact). */
    static float fromF16(short bits) {
        return Float.float16ToFloat(bits);
    }

    /** The value of BF16 bits (exact: BF16 is the top half of an F32). */
    static float fromBF16(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    /**
     * Rounds x to a binary format with expBits exponent bits and manBits stored mantissa bits.
     * With e = max(exponent(|x|), emin) and quantum q = 2^(e - manBits), the significand count
     * m = rint(|x| / q) is exact in double (|x| / q only scales by a power of two), and the bits are
     * ((e + bias) << manBits) + m - 2^manBits: a carry out of the mantissa bumps the exponent, the
     * subnormal case (e = emin, m < 2^manBits) gives m itself, and rounding past the largest finite
     * value lands exactly on the infinity pattern.
     */
    private static short encode(double x, int expBits, int manBits) {
        long raw = Double.doubleToRawLongBits(x);
        int sign = (int) (raw >>> 63) << (expBits + manBits);
        int expMask = (1 << expBits) - 1;
        int inf = expMask << manBits;
        if (Double.isNaN(x)) {
            int payload = (int) ((raw & 0x000F_FFFF_FFFF_FFFFL) >>> (52 - manBits));
            return (short) (sign | inf | (1 << (manBits - 1)) | payload);
        }
        double a = Math.abs(x);
        int bias = (1 << (expBits - 1)) - 1;
        int emin = 1 - bias;
        int emax = bias;
        if (Double.isInfinite(a) || Math.getExponent(a) > emax) return (short) (sign | inf);
        int e = Math.max(Math.getExponent(a), emin);
        long m = (long) Math.rint(Math.scalb(a, manBits - e));
        long bits = ((long) (e + bias) << manBits) + m - (1L << manBits);
        return (short) (sign | (int) bits);
    }
}
