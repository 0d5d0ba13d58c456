package dev.weft.kernels.elementwise;

import dev.weft.kernels.KernelImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden values through the facades on both implementations (reference values from the defining formulas,
 * e.g. gelu(1) = Phi(1) = 0.8413447460685429), and the error messages of invalid calls.
 */
class ElementwiseGoldenTest {

    @AfterEach
    void restore() {
        KernelImpl.set(KernelImpl.SIMD);
    }

    private static float[] unary(UnaryFn fn, double p0, double p1, float... x) {
        float[] y = new float[x.length];
        Unary.apply(fn, p0, p1, x, 0, 1, y, 0, 1, x.length);
        return y;
    }

    private static double[] unary(UnaryFn fn, double p0, double p1, double... x) {
        double[] y = new double[x.length];
        Unary.apply(fn, p0, p1, x, 0, 1, y, 0, 1, x.length);
        return y;
    }

    @ParameterizedTest
    @EnumSource(KernelImpl.class)
    void geluSiluSoftplusGolden(KernelImpl impl) {
        KernelImpl.set(impl);
        assertEquals(0.8413447460685429, unary(UnaryFn.GELU_ERF, 0, 0, 1.0)[0], 1e-15);
        assertEquals(-0.15865525393145707, unary(UnaryFn.GELU_ERF, 0, 0, -1.0)[0], 1e-15);
        assertEquals(0.8413447f, unary(UnaryFn.GELU_ERF, 0, 0, 1.0f)[0], 1e-7f);
        assertEquals(0.8411919906082768, unary(UnaryFn.GELU_TANH, 0, 0, 1.0)[0], 1e-15);
        assertEquals(0.7310585786300049, unary(UnaryFn.SILU, 0, 0, 1.0)[0], 1e-15);
        assertEquals(0.5204998778130465, unary(UnaryFn.ERF, 0, 0, 0.5)[0], 1e-15);
        // softplus: beta * x above the threshold returns x itself; below, log1p(exp(beta x)) / beta
        assertArrayEquals(new double[] {25.0, 10.000045398899218, 0.6931471805599453, 10.50002753607023},
                unary(UnaryFn.SOFTPLUS, 1, 20, 25.0, 10.0, 0.0, 10.5), 1e-14);
        assertEquals(10.5, unary(UnaryFn.SOFTPLUS, 2, 20, 10.5)[0]);   // 2 * 10.5 > 20
        assertEquals(10.5f, unary(UnaryFn.SOFTPLUS, 2, 20, 10.5f)[0]);
    }

    @ParameterizedTest
    @EnumSource(KernelImpl.class)
    void roundHalfToEvenAndSignedZeros(KernelImpl impl) {
        KernelImpl.set(impl);
        float[] x = {0.5f, 1.5f, 2.5f, -0.5f, -1.5f, -2.5f, 3.7f, -3.7f, 8388609f, Float.NaN};
        assertArrayEquals(new float[] {0f, 2f, 2f, -0f, -2f, -2f, 4f, -4f, 8388609f, Float.NaN}, unary(UnaryFn.ROUND, 0, 0, x));
        assertArrayEquals(new float[] {0f, 1f, 2f, -1f, -2f, -3f, 3f, -4f, 8388609f, Float.NaN}, unary(UnaryFn.FLOOR, 0, 0, x));
        assertArrayEquals(new float[] {1f, 2f, 3f, -0f, -1f, -2f, 4f, -3f, 8388609f, Float.NaN}, unary(UnaryFn.CEIL, 0, 0, x));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(unary(UnaryFn.CEIL, 0, 0, -0.3f)[0]));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(unary(UnaryFn.SIGN, 0, 0, -0f)[0]));
    }

    @ParameterizedTest
    @EnumSource(KernelImpl.class)
    void clampWithNanBoundsAndNanInput(KernelImpl impl) {
        KernelImpl.set(impl);
        assertArrayEquals(new float[] {-1f, 0.5f, 2f, Float.NaN}, unary(UnaryFn.CLAMP, -1, 2, -5f, 0.5f, 7f, Float.NaN));
        assertArrayEquals(new float[] {-5f, 0.5f, 2f}, unary(UnaryFn.CLAMP, Double.NaN, 2, -5f, 0.5f, 7f));
        int[] y = new int[3];
        Unary.apply(UnaryFn.CLAMP, -1.5, 2.5, new int[] {-5, 1, 7}, 0, 1, y, 0, 1, 3);
        assertArrayEquals(new int[] {-1, 1, 2}, y);
    }

    @ParameterizedTest
    @EnumSource(KernelImpl.class)
    void remainderFollowsTheDivisorSign(KernelImpl impl) {
        KernelImpl.set(impl);
        float[] a = {-7, 7, -7, 7, 5.5f}, b = {3, -3, -3, 3, 2}, y = new float[5];
        Binary.apply(BinaryFn.REMAINDER, a, 0, 1, b, 0, 1, y, 0, 1, 5);
        assertArrayEquals(new float[] {2, -2, -1, 1, 1.5f}, y);
        Binary.apply(BinaryFn.FMOD, a, 0, 1, b, 0, 1, y, 0, 1, 5);
        assertArrayEquals(new float[] {-1, 1, -1, 1, 1.5f}, y);
        int[] ai = {-7, 7, -7, 7}, bi = {3, -3, -3, 3}, yi = new int[4];
        Binary.apply(BinaryFn.REMAINDER, ai, 0, 1, bi, 0, 1, yi, 0, 1, 4);
        assertArrayEquals(new int[] {2, -2, -1, 1}, yi);
    }

    @ParameterizedTest
    @EnumSource(KernelImpl.class)
    void maximumMinimumPropagateNan(KernelImpl impl) {
        KernelImpl.set(impl);
        float[] a = new float[17], b = new float[17], y = new float[17];
        for (int i = 0; i < 17; i++) { a[i] = i; b[i] = 8; }
        a[3] = Float.NaN;
        b[12] = Float.NaN;
        Binary.apply(BinaryFn.MAXIMUM, a, 0, 1, b, 0, 1, y, 0, 1, 17);
        assertTrue(Float.isNaN(y[3]) && Float.isNaN(y[12]) && y[2] == 8 && y[16] == 16);
        Binary.apply(BinaryFn.MINIMUM, a, 0, 1, b, 0, 1, y, 0, 1, 17);
        assertTrue(Float.isNaN(y[3]) && Float.isNaN(y[12]) && y[2] == 2 && y[16] == 8);
    }

    @ParameterizedTest
    @EnumSource(KernelImpl.class)
    void broadcastNegativeStrideAndAxpy(KernelImpl impl) {
        KernelImpl.set(impl);
        float[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9}, s = {10}, y = new float[9];
        Binary.apply(BinaryFn.SUB, a, 8, -1, s, 0, 0, y, 0, 1, 9);     // reversed a minus a broadcast scalar
        assertArrayEquals(new float[] {-1, -2, -3, -4, -5, -6, -7, -8, -9}, y);
        float[] acc = {1, 1, 1};
        Binary.axpy(3, 2f, new float[] {1, 2, 3}, 0, 1, acc, 0, 1);
        assertArrayEquals(new float[] {3, 5, 7}, acc);
        byte[] c = new byte[4];
        Compare.apply(CompareFn.GT, new float[] {1, Float.NaN, 3, -1}, 0, 1, new float[] {0}, 0, 0, c, 0, 1, 4);
        assertArrayEquals(new byte[] {1, 0, 1, 0}, c);
        float[] w = new float[4];
        Where.apply(c, 0, 1, new float[] {9}, 0, 0, new float[] {1, 2, 3, 4}, 0, 1, w, 0, 1, 4);
        assertArrayEquals(new float[] {9, 2, 9, 4}, w);
    }

    @org.junit.jupiter.api.Test
    void convertCastsLikeTheDocsSay() {
        int[] i = new int[5];
        Convert.convert(new float[] {-2.7f, 2.7f, Float.NaN, 1e20f, -0.5f}, 0, 1, i, 0, 1, 5);
        assertArrayEquals(new int[] {-2, 2, 0, Integer.MAX_VALUE, 0}, i);
        byte[] b = new byte[4];
        Convert.convert(new double[] {0.0, -0.0, 0.1, Double.NaN}, 0, 1, b, 0, 1, 4);
        assertArrayEquals(new byte[] {0, 0, 1, 1}, b);
        float[] f = new float[3];
        Convert.convert(new long[] {1L << 40, -3, 7}, 2, -1, f, 0, 1, 3);
        assertArrayEquals(new float[] {7, -3, (float) (1L << 40)}, f);
    }

    @org.junit.jupiter.api.Test
    void copyTransposesAndFills() {
        // src (2, 3) row-major, copied through its transpose view (3, 2) with strides (1, 3) into a contiguous dst
        float[] src = {1, 2, 3, 4, 5, 6}, dst = new float[6];
        Copy.copy(src, 0, new int[] {3, 2}, new int[] {1, 3}, dst, 0, new int[] {2, 1});
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, dst);
        long[] l = new long[4];
        Copy.fill(l, 1, 2, 2, Long.MAX_VALUE);
        assertArrayEquals(new long[] {0, Long.MAX_VALUE, 0, Long.MAX_VALUE}, l);
        byte[] m = new byte[3];
        Copy.fill(m, 0, 1, 3, 2.0);
        assertArrayEquals(new byte[] {1, 1, 1}, m);
    }

    @org.junit.jupiter.api.Test
    void errorsNameTheKernelAndTheValues() {
        int[] xi = new int[4];
        var e1 = assertThrows(IllegalArgumentException.class, () -> Unary.apply(UnaryFn.EXP, 0, 0, xi, 0, 1, xi, 0, 1, 4));
        assertTrue(e1.getMessage().contains("unary EXP") && e1.getMessage().contains("I32"), e1.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> Binary.apply(BinaryFn.DIV, xi, 0, 1, xi, 0, 1, xi, 0, 1, 4));
        assertTrue(e2.getMessage().contains("binary DIV") && e2.getMessage().contains("I32"), e2.getMessage());
        var e3 = assertThrows(ArithmeticException.class,
                () -> Binary.apply(BinaryFn.REMAINDER, new long[] {5}, 0, 1, new long[] {0}, 0, 1, new long[1], 0, 1, 1));
        assertEquals("binary REMAINDER: integer division by zero", e3.getMessage());
        var e4 = assertThrows(IndexOutOfBoundsException.class,
                () -> Unary.apply(UnaryFn.NEG, 0, 0, new float[5], 1, 2, new float[5], 0, 1, 3));
        assertEquals("unary NEG: operand x (length 5) with offset 1, stride 2, n 3 addresses indices 1 .. 5", e4.getMessage());
        var e5 = assertThrows(IllegalArgumentException.class,
                () -> Binary.apply(BinaryFn.BITWISE_AND, new float[1], 0, 1, new float[1], 0, 1, new float[1], 0, 1, 1));
        assertTrue(e5.getMessage().startsWith("binary BITWISE_AND: not defined on F32"), e5.getMessage());
        var e6 = assertThrows(IllegalArgumentException.class, () -> Copy.copy(new float[4], 0, new int[] {4}, new int[] {1}, new double[4], 0, new int[] {1}));
        assertTrue(e6.getMessage().contains("F32") && e6.getMessage().contains("F64"), e6.getMessage());
        var e7 = assertThrows(IllegalArgumentException.class, () -> Convert.convert(new float[2], 0, 1, new String[2], 0, 1, 2));
        assertTrue(e7.getMessage().startsWith("convert: unsupported array type String[]"), e7.getMessage());
        var e8 = assertThrows(IllegalArgumentException.class, () -> Unary.apply(UnaryFn.ABS, 0, 0, new byte[2], 0, 1, new byte[2], 0, 1, 2));
        assertTrue(e8.getMessage().contains("unary ABS") && e8.getMessage().contains("BOOL"), e8.getMessage());
        var e9 = assertThrows(IllegalArgumentException.class, () -> Unary.apply(UnaryFn.NEG, 0, 0, new float[4], 0, 1, new float[4], 0, 0, 4));
        assertTrue(e9.getMessage().contains("output stride 0 with n 4"), e9.getMessage());
    }
}
