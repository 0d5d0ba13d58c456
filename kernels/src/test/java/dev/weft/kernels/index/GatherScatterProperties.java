package dev.weft.kernels.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** gather / scatter / scatterReduce against naive loops, their laws, and the error messages. */
class GatherScatterProperties {
    static final String SEED = "4411";

    static long[] randomIdx(Random rnd, int n, int bound) {
        long[] idx = new long[n];
        for (int i = 0; i < n; i++) idx[i] = rnd.nextInt(bound);
        return idx;
    }

    @Property(tries = 150, seed = SEED)
    void gatherMatchesNaiveOnEveryDtype(@ForAll @IntRange(min = 0, max = 4) int outer, @ForAll @IntRange(min = 1, max = 9) int dX,
                                        @ForAll @IntRange(min = 0, max = 9) int dY, @ForAll @IntRange(min = 1, max = 5) int inner,
                                        @ForAll @IntRange(min = 0, max = 3) int off) {
        Random rnd = new Random(outer * 97L + dX * 13 + dY * 7 + inner);
        int nx = outer * dX * inner, ny = outer * dY * inner;
        long[] idx = new long[off + ny];
        System.arraycopy(randomIdx(rnd, ny, dX), 0, idx, off, ny);
        double[] x = new double[off + nx];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextInt(1000) - 500;
        double[] ref = new double[off + ny];
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < dY; j++)
                for (int i = 0; i < inner; i++) {
                    int p = (o * dY + j) * inner + i;
                    ref[off + p] = x[off + (o * dX + (int) idx[off + p]) * inner + i];
                }
        double[] yd = new double[off + ny];
        Gather.gather(x, off, outer, dX, inner, idx, off, dY, yd, off);
        assertArrayEquals(ref, yd);
        float[] yf = new float[off + ny];
        Gather.gather(Convert.floats(x), off, outer, dX, inner, idx, off, dY, yf, off);
        assertArrayEquals(Convert.floats(ref), yf);
        int[] yi = new int[off + ny];
        Gather.gather(Convert.ints(x), off, outer, dX, inner, idx, off, dY, yi, off);
        assertArrayEquals(Convert.ints(ref), yi);
        long[] yl = new long[off + ny];
        Gather.gather(Convert.longs(x), off, outer, dX, inner, idx, off, dY, yl, off);
        assertArrayEquals(Convert.longs(ref), yl);
        byte[] yb = new byte[off + ny];
        Gather.gather(Convert.bytes(x), off, outer, dX, inner, idx, off, dY, yb, off);
        assertArrayEquals(Convert.bytes(ref), yb);
    }

    @Property(tries = 100, seed = SEED)
    void scatterThenGatherWithAPermutationIsIdentity(@ForAll @IntRange(min = 1, max = 4) int outer, @ForAll @IntRange(min = 1, max = 40) int d,
                                                     @ForAll @IntRange(min = 1, max = 4) int inner) {
        Random rnd = new Random(outer * 5L + d * 3 + inner);
        int n = outer * d * inner;
        // idx[o, :, i] a permutation of [0, d) for every (o, i)
        long[] idx = new long[n];
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++) {
                List<Long> perm = new ArrayList<>();
                for (long v = 0; v < d; v++) perm.add(v);
                java.util.Collections.shuffle(perm, rnd);
                for (int j = 0; j < d; j++) idx[(o * d + j) * inner + i] = perm.get(j);
            }
        float[] src = new float[n];
        for (int i = 0; i < n; i++) src[i] = rnd.nextFloat();
        float[] y = new float[n], back = new float[n];
        Scatter.scatter(src, 0, idx, 0, outer, d, inner, y, 0, d);
        Gather.gather(y, 0, outer, d, inner, idx, 0, d, back, 0);
        assertArrayEquals(src, back);
        long[] srcL = new long[n], yL = new long[n], backL = new long[n];
        for (int i = 0; i < n; i++) srcL[i] = rnd.nextLong();
        Scatter.scatter(srcL, 0, idx, 0, outer, d, inner, yL, 0, d);
        Gather.gather(yL, 0, outer, d, inner, idx, 0, d, backL, 0);
        assertArrayEquals(srcL, backL);
    }

    @Property(tries = 100, seed = SEED)
    void scatterLastWriteWinsOnEveryDtype(@ForAll @IntRange(min = 1, max = 3) int outer, @ForAll @IntRange(min = 1, max = 12) int dS,
                                          @ForAll @IntRange(min = 1, max = 4) int dY, @ForAll @IntRange(min = 1, max = 3) int inner) {
        Random rnd = new Random(outer * 7L + dS * 11 + dY + inner);
        int ns = outer * dS * inner, ny = outer * dY * inner;
        long[] idx = randomIdx(rnd, ns, dY);
        double[] src = new double[ns], y0 = new double[ny];
        for (int i = 0; i < ns; i++) src[i] = rnd.nextInt(100);
        for (int i = 0; i < ny; i++) y0[i] = -1 - rnd.nextInt(100);
        double[] ref = y0.clone();
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < dS; j++)
                for (int i = 0; i < inner; i++) {
                    int p = (o * dS + j) * inner + i;
                    ref[(o * dY + (int) idx[p]) * inner + i] = src[p];
                }
        double[] yd = y0.clone();
        Scatter.scatter(src, 0, idx, 0, outer, dS, inner, yd, 0, dY);
        assertArrayEquals(ref, yd);
        float[] yf = Convert.floats(y0);
        Scatter.scatter(Convert.floats(src), 0, idx, 0, outer, dS, inner, yf, 0, dY);
        assertArrayEquals(Convert.floats(ref), yf);
        int[] yi = Convert.ints(y0);
        Scatter.scatter(Convert.ints(src), 0, idx, 0, outer, dS, inner, yi, 0, dY);
        assertArrayEquals(Convert.ints(ref), yi);
        byte[] yb = Convert.bytes(y0);
        Scatter.scatter(Convert.bytes(src), 0, idx, 0, outer, dS, inner, yb, 0, dY);
        assertArrayEquals(Convert.bytes(ref), yb);
    }

    /** scatter_reduce written from its definition: collect each target's values, then reduce them in order. */
    static double[] naiveReduce(ScatterReduceFn fn, boolean includeSelf, double[] src, long[] idx, int outer, int dS, int inner,
                                double[] self, int dY) {
        double[] out = self.clone();
        for (int o = 0; o < outer; o++)
            for (int t = 0; t < dY; t++)
                for (int i = 0; i < inner; i++) {
                    List<Double> vals = new ArrayList<>();
                    int yi = (o * dY + t) * inner + i;
                    if (includeSelf) vals.add(self[yi]);
                    int sent = 0;
                    for (int j = 0; j < dS; j++) {
                        int p = (o * dS + j) * inner + i;
                        if (idx[p] == t) {
                            vals.add(src[p]);
                            sent++;
                        }
                    }
                    if (sent == 0) continue;
                    double acc = vals.get(0);
                    for (int v = 1; v < vals.size(); v++) {
                        double b = vals.get(v);
                        acc = switch (fn) {
                            case SUM, MEAN -> acc + b;
                            case PROD -> acc * b;
                            case AMAX -> Double.isNaN(acc) || Double.isNaN(b) ? Double.NaN : Math.max(acc, b);
                            case AMIN -> Double.isNaN(acc) || Double.isNaN(b) ? Double.NaN : Math.min(acc, b);
                        };
                    }
                    out[yi] = fn == ScatterReduceFn.MEAN ? acc / vals.size() : acc;
                }
        return out;
    }

    @Property(tries = 200, seed = SEED)
    void scatterReduceMatchesNaive(@ForAll ScatterReduceFn fn, @ForAll boolean includeSelf,
                                   @ForAll @IntRange(min = 1, max = 3) int outer, @ForAll @IntRange(min = 0, max = 12) int dS,
                                   @ForAll @IntRange(min = 1, max = 5) int dY, @ForAll @IntRange(min = 1, max = 3) int inner,
                                   @ForAll boolean withNaN) {
        Random rnd = new Random(fn.ordinal() * 1000L + outer * 100 + dS * 10 + dY + inner);
        int ns = outer * dS * inner, ny = outer * dY * inner;
        long[] idx = randomIdx(rnd, ns, dY);
        double[] src = new double[ns], self = new double[ny];
        for (int i = 0; i < ns; i++) src[i] = rnd.nextInt(9) - 4 + 0.5;
        for (int i = 0; i < ny; i++) self[i] = rnd.nextInt(9) - 4 + 0.25;
        if (withNaN && ns > 0) src[rnd.nextInt(ns)] = Double.NaN;
        double[] ref = naiveReduce(fn, includeSelf, src, idx, outer, dS, inner, self, dY);
        double[] y = self.clone();
        Scatter.scatterReduce(fn, includeSelf, src, 0, idx, 0, outer, dS, inner, y, 0, dY);
        assertArrayEquals(ref, y, fn + " includeSelf=" + includeSelf);
        float[] yf = Convert.floats(self);
        Scatter.scatterReduce(fn, includeSelf, Convert.floats(src), 0, idx, 0, outer, dS, inner, yf, 0, dY);
        assertArrayEquals(Convert.floats(ref), yf, 1e-5f, fn + " F32 includeSelf=" + includeSelf);
    }

    @Test
    void goldenGatherAndScatterAdd() {
        // torch.gather([[1, 2], [3, 4]], 1, [[0, 0], [1, 0]]) == [[1, 1], [4, 3]]
        float[] y = new float[4];
        Gather.gather(new float[] {1, 2, 3, 4}, 0, 2, 2, 1, new long[] {0, 0, 1, 0}, 0, 2, y, 0);
        assertArrayEquals(new float[] {1, 1, 4, 3}, y);
        // scatter_add of ones into zeros(5) at [0, 1, 1, 4]
        double[] z = new double[5];
        Scatter.scatterAdd(new double[] {1, 1, 1, 1}, 0, new long[] {0, 1, 1, 4}, 0, 1, 4, 1, z, 0, 5);
        assertArrayEquals(new double[] {1, 2, 0, 0, 1}, z);
        // scatter_reduce mean, include_self=False: [10, 20, 30] with src [1, 2, 3, 4] at [0, 0, 2, 2] -> [1.5, 20, 3.5]
        double[] m = {10, 20, 30};
        Scatter.scatterReduce(ScatterReduceFn.MEAN, false, new double[] {1, 2, 3, 4}, 0, new long[] {0, 0, 2, 2}, 0, 1, 4, 1, m, 0, 3);
        assertArrayEquals(new double[] {1.5, 20, 3.5}, m);
        double[] mi = {10, 20, 30};
        Scatter.scatterReduce(ScatterReduceFn.MEAN, true, new double[] {1, 2, 3, 4}, 0, new long[] {0, 0, 2, 2}, 0, 1, 4, 1, mi, 0, 3);
        assertArrayEquals(new double[] {13.0 / 3, 20, 37.0 / 3}, mi, 1e-15);
    }

    @Test
    void indexErrorsNameKernelIndexPositionAndDim() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> Gather.gather(new float[10], 0, 2, 5, 1, new long[] {0, 1, 2, 7}, 0, 2, new float[4], 0));
        assertEquals("gather: index 7 at position 3 is out of range for dim of size 5", e.getMessage());
        IndexOutOfBoundsException n = assertThrows(IndexOutOfBoundsException.class,
                () -> Gather.gather(new int[10], 0, 1, 10, 1, new long[] {-1}, 0, 1, new int[1], 0));
        assertEquals("gather: index -1 at position 0 is out of range for dim of size 10", n.getMessage());
        float[] y = {1, 2, 3};
        IndexOutOfBoundsException s = assertThrows(IndexOutOfBoundsException.class,
                () -> Scatter.scatter(new float[] {9, 9}, 0, new long[] {0, 3}, 0, 1, 2, 1, y, 0, 3));
        assertEquals("scatter: index 3 at position 1 is out of range for dim of size 3", s.getMessage());
        assertArrayEquals(new float[] {1, 2, 3}, y, "y untouched after a bad index");
        IndexOutOfBoundsException r = assertThrows(IndexOutOfBoundsException.class,
                () -> Scatter.scatterReduce(ScatterReduceFn.SUM, true, new double[2], 0, new long[] {0, 4}, 0, 1, 2, 1, new double[4], 0, 4));
        assertEquals("scatterReduce: index 4 at position 1 is out of range for dim of size 4", r.getMessage());
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> Gather.gather(new float[10], 0, 2, 5, 1, new long[3], 0, 2, new float[4], 0));
        assertTrue(a.getMessage().startsWith("gather: idx has 3 elements") && a.getMessage().contains("outer*dY*inner = 2*2*1 = 4"), a.getMessage());
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> Gather.gather(new float[10], 0, -2, 5, 1, new long[3], 0, 2, new float[4], 0));
        assertTrue(neg.getMessage().contains("(outer, dX, inner) = (-2, 5, 1)"), neg.getMessage());
    }

    @Test
    void largeGatherSplitsIntoChunksDeterministically() {
        Random rnd = new Random(5);
        int outer = 3, dX = 50, dY = 40000, inner = 1;
        long[] idx = randomIdx(rnd, outer * dY * inner, dX);
        float[] x = new float[outer * dX];
        for (int i = 0; i < x.length; i++) x[i] = i;
        float[] y = new float[outer * dY];
        Gather.gather(x, 0, outer, dX, inner, idx, 0, dY, y, 0);
        for (int p = 0; p < y.length; p++) assertEquals((p / dY) * dX + idx[p], y[p], 0, "position " + p);
        idx[70001] = dX;
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> Gather.gather(x, 0, outer, dX, inner, idx, 0, dY, y, 0));
        assertEquals("gather: index 50 at position 70001 is out of range for dim of size 50", e.getMessage());
    }
}
