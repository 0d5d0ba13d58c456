package dev.weft.kernels.reduce;

import dev.weft.kernels.KernelImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden values of the reduction facades on both implementations, and their error messages. */
class ReduceGoldenTest {

    @AfterEach
    void restore() {
        KernelImpl.set(KernelImpl.SIMD);
    }

    @ParameterizedTest
    @EnumSource(KernelImpl.class)
    void argmaxTakesFirstTieAndNanWins(KernelImpl impl) {
        KernelImpl.set(impl);
        float[] x = new float[40];
        x[5] = 7;
        x[30] = 7;
        float[] y = new float[1];
        long[] idx = new long[1];
        Reduce.argReduce(true, x, 0, 1, 40, 1, y, 0, idx, 0);
        assertEquals(5, idx[0]);
        assertEquals(7f, y[0]);
        x[33] = Float.NaN;
        x[35] = Float.NaN;
        Reduce.argReduce(true, x, 0, 1, 40, 1, y, 0, idx, 0);
        assertEquals(33, idx[0]);
        assertTrue(Float.isNaN(y[0]));
        Reduce.argReduce(false, x, 0, 1, 40, 1, y, 0, idx, 0);
        assertEquals(33, idx[0]);
        // columns: (r = 4, inner = 3)
        float[] c = {1, 5, 2,  3, 5, Float.NaN,  3, 9, 0,  0, 9, 4};
        float[] cy = new float[3];
        long[] ci = new long[3];
        Reduce.argReduce(true, c, 0, 1, 4, 3, cy, 0, ci, 0);
        assertArrayEquals(new long[] {1, 2, 1}, ci);
        assertEquals(3f, cy[0]);
        assertTrue(Float.isNaN(cy[2]));
    }

    @ParameterizedTest
    @EnumSource(KernelImpl.class)
    void maxPropagatesNanAndSumsAreRight(KernelImpl impl) {
        KernelImpl.set(impl);
        float[] x = new float[100];
        for (int i = 0; i < 100; i++) x[i] = i;
        float[] y = new float[2];
        Reduce.reduce(ReduceFn.SUM, x, 0, 2, 50, 1, y, 0);
        assertArrayEquals(new float[] {1225, 3725}, y);
        Reduce.reduce(ReduceFn.SUM, x, 0, 1, 50, 2, y, 0);      // columns: evens and odds
        assertArrayEquals(new float[] {2450, 2500}, y);
        x[77] = Float.NaN;
        Reduce.reduce(ReduceFn.MAX, x, 0, 2, 50, 1, y, 0);
        assertEquals(49f, y[0]);
        assertTrue(Float.isNaN(y[1]));
        int[] xi = {Integer.MAX_VALUE, 1, 5, -3};
        int[] yi = new int[1];
        Reduce.reduce(ReduceFn.SUM, xi, 0, 1, 4, 1, yi, 0);
        assertEquals(Integer.MIN_VALUE + 2, yi[0]);   // wraps, like the I32 sum of torch
        byte[] b = {1, 1, 0, 1, 1, 1}, yb = new byte[2];
        Reduce.reduce(ReduceFn.ALL, b, 0, 2, 3, 1, yb, 0);
        assertArrayEquals(new byte[] {0, 1}, yb);
        Reduce.reduce(ReduceFn.ANY, new byte[] {0, 0, 0, 1}, 0, 1, 2, 2, yb, 0);
        assertArrayEquals(new byte[] {0, 1}, yb);
    }

    @ParameterizedTest
    @EnumSource(KernelImpl.class)
    void meanVarSoftmaxScan(KernelImpl impl) {
        KernelImpl.set(impl);
        double[] x = {1, 2, 3, 4};
        double[] m = new double[1], v = new double[1];
        Reduce.meanVar(x, 0, 1, 4, 1, 1, m, 0, v, 0);
        assertEquals(2.5, m[0], 1e-15);
        assertEquals(5.0 / 3, v[0], 1e-15);
        Reduce.meanVar(x, 0, 1, 4, 1, 0, m, 0, v, 0);
        assertEquals(1.25, v[0], 1e-15);
        double[] s = new double[4];
        Softmax.softmax(new double[] {0, Math.log(3), 1000, 1000}, 0, 2, 2, 1, s, 0);
        assertArrayEquals(new double[] {0.25, 0.75, 0.5, 0.5}, s, 1e-15);
        float[] lse = new float[2];
        float ninf = Float.NEGATIVE_INFINITY;
        Softmax.logSumExp(new float[] {ninf, ninf, ninf, 0, 0, ninf}, 0, 2, 3, 1, lse, 0);
        assertEquals(ninf, lse[0]);
        assertEquals((float) Math.log(2), lse[1], 1e-7f);
        float[] ls = new float[2];
        Softmax.logSoftmax(new float[] {0, 0}, 0, 1, 2, 1, ls, 0);
        assertArrayEquals(new float[] {(float) -Math.log(2), (float) -Math.log(2)}, ls, 1e-7f);
        long[] c = new long[6];
        Scan.cumsum(new long[] {1, 2, 3, 4, 5, 6}, 0, 1, 3, 2, c, 0);
        assertArrayEquals(new long[] {1, 2, 4, 6, 9, 12}, c);
        float[] p = new float[4];
        Scan.cumprod(new float[] {2, 3, 0.5f, 4}, 0, 1, 4, 1, p, 0);
        assertArrayEquals(new float[] {2, 6, 3, 12}, p);
    }

    @Test
    void errorsNameTheKernelAndSizes() {
        var e1 = assertThrows(IllegalArgumentException.class, () -> Reduce.reduce(ReduceFn.MAX, new float[0], 0, 2, 0, 3, new float[6], 0));
        assertEquals("reduce MAX: empty slice (outer, r, inner) = (2, 0, 3) has no maximum", e1.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> Reduce.reduce(ReduceFn.ALL, new float[4], 0, 1, 4, 1, new float[1], 0));
        assertTrue(e2.getMessage().startsWith("reduce ALL: not defined on F32"), e2.getMessage());
        var e3 = assertThrows(IndexOutOfBoundsException.class, () -> Reduce.reduce(ReduceFn.SUM, new float[10], 0, 2, 3, 2, new float[4], 0));
        assertEquals("reduce SUM: operand x (length 10) needs 12 elements from offset 0", e3.getMessage());
        var e4 = assertThrows(IllegalArgumentException.class, () -> Reduce.argReduce(true, new int[0], 0, 1, 0, 1, new int[1], 0, new long[1], 0));
        assertEquals("argmax: empty slice (outer, r, inner) = (1, 0, 1) has no maximum", e4.getMessage());
        var e5 = assertThrows(IllegalArgumentException.class, () -> Softmax.softmax(new float[4], 0, 1, -4, 1, new float[4], 0));
        assertEquals("softmax: sizes (outer, r, inner) = (1, -4, 1) must be >= 0", e5.getMessage());
        var e6 = assertThrows(IndexOutOfBoundsException.class, () -> Scan.cumsum(new int[6], 0, 1, 3, 2, new int[5], 0));
        assertEquals("cumsum: operand y (length 5) needs 6 elements from offset 0", e6.getMessage());
    }

    @Test
    void emptyReductionsGiveTheIdentity() {
        float[] y = {9, 9};
        Reduce.reduce(ReduceFn.SUM, new float[0], 0, 2, 0, 1, y, 0);
        assertArrayEquals(new float[] {0, 0}, y);
        Reduce.reduce(ReduceFn.PROD, new float[0], 0, 2, 0, 1, y, 0);
        assertArrayEquals(new float[] {1, 1}, y);
        Softmax.logSumExp(new float[0], 0, 2, 0, 1, y, 0);
        assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, y);
    }
}
