package dev.weft.kernels.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.kernels.KernelImpl;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** indexSelect / indexAdd against naive loops (indexAdd SIMD == scalar bitwise); mask compaction and nonzero. */
class IndexSelectMaskProperties {
    static final String SEED = "8813";

    static void with(KernelImpl impl, Runnable body) {
        KernelImpl old = KernelImpl.current();
        KernelImpl.set(impl);
        try {
            body.run();
        } finally {
            KernelImpl.set(old);
        }
    }

    @Property(tries = 150, seed = SEED)
    void indexSelectMatchesNaiveOnEveryDtype(@ForAll @IntRange(min = 0, max = 3) int outer, @ForAll @IntRange(min = 1, max = 9) int dX,
                                             @ForAll @IntRange(min = 0, max = 12) int nIdx, @ForAll @IntRange(min = 1, max = 17) int inner,
                                             @ForAll @IntRange(min = 0, max = 3) int off) {
        Random rnd = new Random(outer * 31L + dX * 7 + nIdx * 3 + inner);
        int nx = outer * dX * inner, ny = outer * nIdx * inner;
        long[] idx = new long[off + nIdx];
        for (int j = 0; j < nIdx; j++) idx[off + j] = rnd.nextInt(dX);
        double[] x = new double[off + nx];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextInt(200) - 100;
        double[] ref = new double[off + ny];
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < nIdx; j++)
                for (int i = 0; i < inner; i++) ref[off + (o * nIdx + j) * inner + i] = x[off + (o * dX + (int) idx[off + j]) * inner + i];
        double[] yd = new double[off + ny];
        IndexSelect.indexSelect(x, off, outer, dX, inner, idx, off, nIdx, yd, off);
        assertArrayEquals(ref, yd);
        float[] yf = new float[off + ny];
        IndexSelect.indexSelect(Convert.floats(x), off, outer, dX, inner, idx, off, nIdx, yf, off);
        assertArrayEquals(Convert.floats(ref), yf);
        int[] yi = new int[off + ny];
        IndexSelect.indexSelect(Convert.ints(x), off, outer, dX, inner, idx, off, nIdx, yi, off);
        assertArrayEquals(Convert.ints(ref), yi);
        long[] yl = new long[off + ny];
        IndexSelect.indexSelect(Convert.longs(x), off, outer, dX, inner, idx, off, nIdx, yl, off);
        assertArrayEquals(Convert.longs(ref), yl);
        byte[] yb = new byte[off + ny];
        IndexSelect.indexSelect(Convert.bytes(x), off, outer, dX, inner, idx, off, nIdx, yb, off);
        assertArrayEquals(Convert.bytes(ref), yb);
    }

    @Property(tries = 150, seed = SEED)
    void indexAddMatchesNaiveAndSimdEqualsScalar(@ForAll @IntRange(min = 1, max = 3) int outer, @ForAll @IntRange(min = 0, max = 12) int nIdx,
                                                 @ForAll @IntRange(min = 1, max = 6) int dY, @ForAll @IntRange(min = 1, max = 70) int inner,
                                                 @ForAll @IntRange(min = 0, max = 3) int off) {
        Random rnd = new Random(outer * 131L + nIdx * 17 + dY * 5 + inner);
        int ns = outer * nIdx * inner, ny = outer * dY * inner;
        long[] idx = new long[off + nIdx];
        for (int j = 0; j < nIdx; j++) idx[off + j] = rnd.nextInt(dY);
        double[] src = new double[off + ns], y0 = new double[off + ny];
        for (int i = 0; i < src.length; i++) src[i] = rnd.nextDouble() - 0.5;
        for (int i = 0; i < y0.length; i++) y0[i] = rnd.nextDouble() - 0.5;
        double alpha = 0.75;
        double[] ref = y0.clone();
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < nIdx; j++)
                for (int i = 0; i < inner; i++)
                    ref[off + (o * dY + (int) idx[off + j]) * inner + i] += alpha * src[off + (o * nIdx + j) * inner + i];
        float[] srcF = Convert.floats(src);
        float[] scalarF = null;
        for (KernelImpl impl : KernelImpl.values()) {
            double[] y = y0.clone();
            float[] yf = Convert.floats(y0);
            with(impl, () -> {
                IndexSelect.indexAdd(src, off, outer, nIdx, inner, idx, off, alpha, y, off, dY);
                IndexSelect.indexAdd(srcF, off, outer, nIdx, inner, idx, off, (float) alpha, yf, off, dY);
            });
            assertArrayEquals(ref, y, impl + " F64");
            if (scalarF == null) scalarF = yf;
            else assertArrayEquals(scalarF, yf, "F32 SIMD vs scalar");
        }
    }

    @Property(tries = 100, seed = SEED)
    void countNonzeroSimdEqualsScalar(@ForAll @IntRange(min = 0, max = 1100) int n, @ForAll @IntRange(min = 0, max = 33) int off,
                                      @ForAll @IntRange(min = 0, max = 100) int density) {
        Random rnd = new Random(n * 7L + off + density);
        byte[] m = new byte[off + n + 5];
        for (int i = 0; i < m.length; i++) m[i] = rnd.nextInt(100) < density ? (byte) (1 + rnd.nextInt(255)) : 0;
        int expected = 0;
        for (int t = 0; t < n; t++) if (m[off + t] != 0) expected++;
        assertEquals(expected, Mask.countScalar(m, off, n));
        assertEquals(expected, Mask.countSimd(m, off, n));
        for (int len : new int[] {1, 7, 17, 1023}) {
            if (len > n) continue;
            assertEquals(Mask.countScalar(m, off, len), Mask.countSimd(m, off, len), "length " + len);
        }
    }

    @Property(tries = 100, seed = SEED)
    void maskedSelectAndNonzeroMatchNaive(@ForAll @IntRange(min = 1, max = 5) int a, @ForAll @IntRange(min = 1, max = 6) int b,
                                          @ForAll @IntRange(min = 1, max = 700) int c, @ForAll @IntRange(min = 0, max = 3) int off) {
        Random rnd = new Random(a * 1000L + b * 100 + c + off);
        int n = a * b * c;
        byte[] mask = new byte[off + n];
        double[] x = new double[off + n];
        for (int t = 0; t < n; t++) {
            mask[off + t] = rnd.nextInt(3) == 0 ? (byte) 1 : 0;
            x[off + t] = mask[off + t] != 0 ? rnd.nextInt(50) + 1 : 0;
        }
        int count = 0;
        double[] ref = new double[n];
        long[] coords = new long[n * 3];
        for (int t = 0; t < n; t++) {
            if (mask[off + t] == 0) continue;
            coords[3 * count] = t / (b * c);
            coords[3 * count + 1] = (t / c) % b;
            coords[3 * count + 2] = t % c;
            ref[count++] = x[off + t];
        }
        double[] y = new double[count];
        assertEquals(count, Mask.maskedSelect(x, off, mask, off, n, y, 0));
        assertArrayEquals(java.util.Arrays.copyOf(ref, count), y);
        long[] yl = new long[count];
        assertEquals(count, Mask.maskedSelect(Convert.longs(x), off, mask, off, n, yl, 0));
        assertArrayEquals(Convert.longs(java.util.Arrays.copyOf(ref, count)), yl);
        long[] out = new long[1 + count * 3];
        assertEquals(count, Mask.nonzero(mask, off, new int[] {a, b, c}, out, 1));
        assertArrayEquals(java.util.Arrays.copyOf(coords, count * 3), java.util.Arrays.copyOfRange(out, 1, out.length));
        long[] outF = new long[count * 3];
        assertEquals(count, Mask.countNonzero(Convert.floats(x), off, n));
        assertEquals(count, Mask.nonzero(Convert.floats(x), off, new int[] {a, b, c}, outF, 0));
        assertArrayEquals(java.util.Arrays.copyOf(coords, count * 3), outF);
    }

    @Test
    void goldenNonzeroAndMaskedSelect() {
        // nonzero of [[0, 1.5], [-0.0, NaN]] -> [[0, 1], [1, 1]] (-0.0 is zero, NaN is not)
        double[] x = {0, 1.5, -0.0, Double.NaN};
        long[] out = new long[4];
        assertEquals(2, Mask.countNonzero(x, 0, 4));
        assertEquals(2, Mask.nonzero(x, 0, new int[] {2, 2}, out, 0));
        assertArrayEquals(new long[] {0, 1, 1, 1}, out);
        // a 0-d tensor: one element, no coordinates
        assertEquals(1, Mask.nonzero(new int[] {3}, 0, new int[] {}, new long[0], 0));
        float[] y = new float[2];
        assertEquals(2, Mask.maskedSelect(new float[] {1, 2, 3, 4}, 0, new byte[] {0, 1, 0, 1}, 0, 4, y, 0));
        assertArrayEquals(new float[] {2, 4}, y);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mask.maskedSelect(new float[] {1, 2, 3, 4}, 0, new byte[] {1, 1, 0, 1}, 0, 4, new float[2], 0));
        assertTrue(e.getMessage().startsWith("maskedSelect: y has 2 elements") && e.getMessage().contains("= 3"), e.getMessage());
    }

    @Test
    void indexSelectGoldenAndErrors() {
        // torch.index_select([[1, 2, 3], [4, 5, 6]], 0, [1, 1, 0]) -> rows 1, 1, 0
        float[] y = new float[9];
        IndexSelect.indexSelect(new float[] {1, 2, 3, 4, 5, 6}, 0, 1, 2, 3, new long[] {1, 1, 0}, 0, 3, y, 0);
        assertArrayEquals(new float[] {4, 5, 6, 4, 5, 6, 1, 2, 3}, y);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> IndexSelect.indexSelect(new float[6], 0, 1, 2, 3, new long[] {1, 2}, 0, 2, new float[6], 0));
        assertEquals("indexSelect: index 2 at position 1 is out of range for dim of size 2", e.getMessage());
        double[] t = {1, 1};
        IndexOutOfBoundsException a = assertThrows(IndexOutOfBoundsException.class,
                () -> IndexSelect.indexAdd(new double[] {5, 5}, 0, 1, 2, 1, new long[] {0, -3}, 0, 1, t, 0, 2));
        assertEquals("indexAdd: index -3 at position 1 is out of range for dim of size 2", a.getMessage());
        assertArrayEquals(new double[] {1, 1}, t, "y untouched after a bad index");
    }
}
