package dev.weft.kernels.elementwise;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Copy.copy against a naive N-d index walk on random shapes (rank 1..4, sizes 1..6 plus one big dim for the
 * parallel path), random permutations of the source strides (transposes), negative strides and offsets;
 * Convert against per-element casts. Exact.
 */
class CopyProperties {

    @Property(tries = 200, seed = "21")
    void copyMatchesNaiveWalk(@ForAll @IntRange(min = 1, max = 4) int rank, @ForAll boolean big, @ForAll long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        int[] shape = new int[rank];
        for (int d = 0; d < rank; d++) shape[d] = 1 + g.nextInt(6);
        if (big) shape[g.nextInt(rank)] = 40000 + g.nextInt(1000);
        int total = 1;
        for (int s : shape) total *= s;
        // source: a permuted contiguous layout, maybe with one dim reversed, plus an offset
        int[] perm = new int[rank];
        for (int d = 0; d < rank; d++) perm[d] = d;
        for (int d = rank - 1; d > 0; d--) { int k = g.nextInt(d + 1), t = perm[d]; perm[d] = perm[k]; perm[k] = t; }
        int[] ss = new int[rank];
        int stride = 1;
        for (int q = rank - 1; q >= 0; q--) { ss[perm[q]] = stride; stride *= shape[perm[q]]; }
        int sOff = 3;
        int flip = g.nextInt(rank + 1);
        if (flip < rank) { sOff += (shape[flip] - 1) * ss[flip]; ss[flip] = -ss[flip]; }
        int[] ds = new int[rank];
        stride = 1;
        for (int d = rank - 1; d >= 0; d--) { ds[d] = stride; stride *= shape[d]; }
        float[] src = new float[total + 5];
        for (int i = 0; i < src.length; i++) src[i] = i;
        float[] got = new float[total + 2], want = new float[total + 2];
        Copy.copy(src, sOff, shape, ss, got, 2, ds);
        int[] idx = new int[rank];
        for (int lin = 0; lin < total; lin++) {
            int s = sOff, d = 2;
            for (int q = 0; q < rank; q++) { s += idx[q] * ss[q]; d += idx[q] * ds[q]; }
            want[d] = src[s];
            for (int q = rank - 1; q >= 0 && ++idx[q] == shape[q]; q--) idx[q] = 0;
        }
        assertArrayEquals(want, got);
    }

    @Property(tries = 100, seed = "22")
    void convertMatchesCasts(@ForAll @IntRange(min = 1, max = 200) int n, @ForAll long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        double[] x = Operands.doubles(g, n, 1e3);
        float[] f = new float[n];
        int[] i = new int[n];
        long[] l = new long[n];
        byte[] b = new byte[n];
        Convert.convert(x, 0, 1, f, 0, 1, n);
        Convert.convert(f, n - 1, -1, i, 0, 1, n);
        Convert.convert(i, 0, 1, l, 0, 1, n);
        Convert.convert(x, 0, 1, b, 0, 1, n);
        for (int k = 0; k < n; k++) {
            assertArrayEquals(new float[] {(float) x[k]}, new float[] {f[k]});
            assertArrayEquals(new int[] {(int) f[n - 1 - k]}, new int[] {i[k]});
            assertArrayEquals(new long[] {i[k]}, new long[] {l[k]});
            assertArrayEquals(new byte[] {(byte) (x[k] != 0 ? 1 : 0)}, new byte[] {b[k]});
        }
    }
}
