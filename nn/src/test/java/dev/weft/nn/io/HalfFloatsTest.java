package dev.weft.nn.io;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** F16/BF16 encoding: golden bits (from PyTorch 1.13), agreement with the JDK's F16 rounding, exhaustive decode/encode. */
class HalfFloatsTest {
    /** Checks the double path, and the float path too when x is a float value. */
    private static void f16(double x, int bits) {
        assertEquals(bits, HalfFloats.toF16(x) & 0xFFFF, () -> "toF16(" + x + ") = 0x" + Integer.toHexString(HalfFloats.toF16(x) & 0xFFFF));
        if ((float) x == x || Double.isNaN(x)) {
            assertEquals(bits, HalfFloats.toF16((float) x) & 0xFFFF, () -> "toF16(" + x + "f)");
        }
    }

    private static void bf16(double x, int bits) {
        assertEquals(bits, HalfFloats.toBF16(x) & 0xFFFF, () -> "toBF16(" + x + ") = 0x" + Integer.toHexString(HalfFloats.toBF16(x) & 0xFFFF));
        if ((float) x == x || Double.isNaN(x)) {
            assertEquals(bits, HalfFloats.toBF16((float) x) & 0xFFFF, () -> "toBF16(" + x + "f)");
        }
    }

    @Test
    void f16GoldenValues() {
        // Bits PyTorch 1.13 gives for float32 -> float16 (make_interop.py dtype fixture).
        f16(1.0, 0x3C00);
        f16(-2.5, 0xC100);
        f16(65504.0, 0x7BFF);                            // largest finite
        f16(65519.99609375, 0x7BFF);                     // just below the overflow tie
        f16(65520.0, 0x7C00);                            // tie between 65504 and 2^16 rounds to even: inf
        f16(1e6, 0x7C00);
        f16(1.0 + 0x1p-11, 0x3C00);                      // tie -> even (down)
        f16(1.0 + 3 * 0x1p-11, 0x3C02);                  // tie -> even (up)
        f16(1.0 + 0x1p-11 + 0x1p-23, 0x3C01);            // just above the tie
        f16(0x1p-24, 0x0001);                            // smallest subnormal
        f16(0x1p-25, 0x0000);                            // tie with 0 -> even: 0
        f16(0x1p-25 + 0x1p-35, 0x0001);
        f16(3 * 0x1p-25, 0x0002);                        // subnormal tie -> even (up)
        f16(0x1p-14, 0x0400);                            // smallest normal
        f16(0x1p-14 - 0x1p-24, 0x03FF);                  // largest subnormal
        f16(0x1p-14 - 0x1p-25, 0x0400);                  // tie between them -> even: the normal
        f16(1e-10, 0x0000);
        f16(0.1f, 0x2E66);
        f16(-0.0, 0x8000);
        f16(0.0, 0x0000);
        f16(Double.POSITIVE_INFINITY, 0x7C00);
        f16(Double.NEGATIVE_INFINITY, 0xFC00);
        f16(Float.NaN, 0x7E00);
        f16(-1234.5677490234375, 0xE4D3);
    }

    @Test
    void bf16GoldenValues() {
        bf16(1.0, 0x3F80);
        bf16(-2.5, 0xC020);
        bf16(65504.0, 0x4780);
        bf16(1.0 + 0x1p-8, 0x3F80);                      // tie -> even (down)
        bf16(1.0 + 3 * 0x1p-8, 0x3F82);                  // tie -> even (up)
        bf16(1.0 + 0x1p-8 + 0x1p-20, 0x3F81);
        bf16(0x1.FEp127, 0x7F7F);                        // largest finite (3.3895314e38)
        bf16(0x1.FFp127, 0x7F80);                         // overflow tie (3.3961776e38) -> inf
        bf16(Float.MAX_VALUE, 0x7F80);
        bf16(0x1p-126, 0x0080);
        bf16(0x1p-133, 0x0001);                          // smallest subnormal
        bf16(0x1p-134, 0x0000);                          // tie with 0 -> 0
        bf16(3 * 0x1p-134, 0x0002);
        bf16(1e-40f, 0x0001);
        bf16(Float.MIN_VALUE, 0x0000);
        bf16(0.1f, 0x3DCD);
        bf16(-0.0, 0x8000);
        bf16(Double.NEGATIVE_INFINITY, 0xFF80);
        bf16(Float.NaN, 0x7FC0);
        bf16(Math.PI, 0x4049);
    }

    @Test
    void f64SourceIsRoundedOnce() {
        // Through F32 first, 1 + 2^-11 + 2^-40 would become the tie 1 + 2^-11 and then round down to 1.0.
        f16(1.0 + 0x1p-11 + 0x1p-40, 0x3C01);
        bf16(1.0 + 0x1p-8 + 0x1p-40, 0x3F81);
        f16(Double.MIN_VALUE, 0x0000);
        f16(-Double.MAX_VALUE, 0xFC00);
    }

    @Test
    void everyF16PatternDecodesAndReEncodesToItself() {
        for (int h = 0; h < 0x10000; h++) {
            float f = HalfFloats.fromF16((short) h);
            int back = HalfFloats.toF16(f) & 0xFFFF;
            if (Float.isNaN(f)) {
                assertTrue((back & 0x7C00) == 0x7C00 && (back & 0x3FF) != 0, "NaN stays NaN: 0x" + Integer.toHexString(h));
                assertEquals(h & 0x8000, back & 0x8000, "NaN keeps its sign");
            } else {
                assertEquals(h, back, "0x" + Integer.toHexString(h));
            }
        }
    }

    @Test
    void everyBF16PatternDecodesAndReEncodesToItself() {
        for (int h = 0; h < 0x10000; h++) {
            float f = HalfFloats.fromBF16((short) h);
            assertEquals(h << 16, Float.floatToRawIntBits(f), "BF16 is the top half of F32");
            int back = HalfFloats.toBF16(f) & 0xFFFF;
            if (Float.isNaN(f)) {
                assertTrue((back & 0x7F80) == 0x7F80 && (back & 0x7F) != 0, "NaN stays NaN");
            } else {
                assertEquals(h, back, "0x" + Integer.toHexString(h));
            }
        }
    }

    @Property(tries = 200, seed = "1")
    void f16AgreesWithTheJdkForEveryFloat(@ForAll("floatBits") int bits) {
        float f = Float.intBitsToFloat(bits);
        int ours = HalfFloats.toF16((double) f) & 0xFFFF;
        int jdk = Float.floatToFloat16(f) & 0xFFFF;
        if (Float.isNaN(f)) assertTrue(Float.isNaN(Float.float16ToFloat((short) ours)));
        else assertEquals(jdk, ours, () -> f + ": jdk 0x" + Integer.toHexString(jdk) + ", ours 0x" + Integer.toHexString(ours));
    }

    @Property(tries = 300, seed = "4")
    void theFloatFastPathsEqualTheDoublePathBitForBit(@ForAll("floatBits") int bits) {
        float f = Float.intBitsToFloat(bits);
        assertEquals(HalfFloats.toF16((double) f) & 0xFFFF, HalfFloats.toF16(f) & 0xFFFF, () -> "f16 of 0x" + Integer.toHexString(bits));
        assertEquals(HalfFloats.toBF16((double) f) & 0xFFFF, HalfFloats.toBF16(f) & 0xFFFF, () -> "bf16 of 0x" + Integer.toHexString(bits));
    }

    @Property(tries = 200, seed = "2")
    void bf16AgreesWithIntegerRoundingForEveryFloat(@ForAll("floatBits") int bits) {
        float f = Float.intBitsToFloat(bits);
        if (Float.isNaN(f)) return;
        // Round to nearest even on the raw bits: add 0x7FFF plus the lowest kept bit, keep the top half.
        int expected = (bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16;
        assertEquals(expected & 0xFFFF, HalfFloats.toBF16((double) f) & 0xFFFF, () -> Float.toString(f));
    }

    @Property(tries = 200, seed = "3")
    void doublesRoundToTheNearestF16AndTiesToEven(@ForAll("halfRangeDoubles") double x) {
        int h = HalfFloats.toF16(x) & 0xFFFF;
        double v = HalfFloats.fromF16((short) h);
        double up = neighbour(h, +1), down = neighbour(h, -1);
        double err = Math.abs(x - v);
        assertTrue(err <= Math.abs(x - up) && err <= Math.abs(x - down), () -> x + " -> " + v + " but " + up + " or " + down + " is nearer");
        if (err == Math.abs(x - up) || err == Math.abs(x - down)) assertEquals(0, h & 1, () -> "tie " + x + " must go to the even pattern");
    }

    /** The value of the next F16 pattern away from (+1) or towards (-1) zero; infinity past the end. */
    private static double neighbour(int h, int step) {
        int mag = (h & 0x7FFF) + step;
        if (mag < 0) return (h & 0x8000) != 0 ? 0x1p-24 : -0x1p-24;
        if (mag >= 0x7C00) return (h & 0x8000) != 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        return HalfFloats.fromF16((short) (mag | (h & 0x8000)));
    }

    @Provide
    Arbitrary<Integer> floatBits() {
        return Arbitraries.oneOf(Arbitraries.integers(),
                // around F16's overflow, subnormal and rounding boundaries
                Arbitraries.integers().between(0x477FE000, 0x47800000),
                Arbitraries.integers().between(0x33000000, 0x38800000),
                Arbitraries.integers().between(0x32FFF000, 0x33001000).map(b -> b | 0x80000000),
                Arbitraries.integers().between(0x7F7F0000, 0x7FFFFFFF),
                Arbitraries.of(0x3F801000, 0x3F803000, 0x7F800001, 0xFFC00000, 0x80000001));
    }

    @Provide
    Arbitrary<Double> halfRangeDoubles() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-65504, 65504),
                Arbitraries.doubles().between(-1e-4, 1e-4).ofScale(12),
                // exact midpoints between neighbouring F16 values: every one is a tie
                Arbitraries.integers().between(0, 0x7BFE).map(h -> 0.5 * ((double) HalfFloats.fromF16((short) (int) h)
                        + HalfFloats.fromF16((short) (h + 1)))));
    }
}
