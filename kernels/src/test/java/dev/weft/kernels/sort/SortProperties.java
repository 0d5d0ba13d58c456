package dev.weft.kernels.sort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * sort / topk against a boxed stable sort with an explicit comparator (NaN largest, -0.0 == 0.0),
 * on every dtype, strided lines and both directions; topk == the first k of sort.
 */
class SortProperties {
    static final String SEED = "2231";

    /** Values from a small pool so that ties are common; NaN, -0.0 and 0.0 included for the float dtypes. */
    static double[] values(Random rnd, int n, boolean specials) {
        double[] pool = specials ? new double[] {-3, -1.5, -0.0, 0.0, 0.5, 2, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}
                : new double[] {-7, -3, -1, 0, 1, 2, 5, 9};
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rnd.nextInt(4) == 0 ? pool[rnd.nextInt(pool.length)] : rnd.nextInt(2000) - 1000;
        return x;
    }

    static int compare(double a, double b) {
        boolean na = Double.isNaN(a), nb = Double.isNaN(b);
        if (na || nb) return Boolean.compare(na, nb);
        return Double.compare(a == 0 ? 0 : a, b == 0 ? 0 : b);
    }

    /** Reference permutation of one line: a stable boxed sort. */
    static int[] refPerm(double[] line, boolean descending) {
        List<Integer> p = new ArrayList<>();
        for (int j = 0; j < line.length; j++) p.add(j);
        Comparator<Integer> c = (u, v) -> compare(line[u], line[v]);
        p.sort(descending ? (u, v) -> c.compare(v, u) : c);
        return p.stream().mapToInt(Integer::intValue).toArray();
    }

    enum Dtype { F32, F64, I32, I64, I8 }

    /** Runs sort or topk on x (as dtype) and returns values widened to double, plus indices. */
    static double[] run(Dtype dt, double[] x, int off, int outer, int r, int inner, int k, boolean topk, boolean desc,
                        boolean sorted, long[] idx) {
        int ny = outer * k * inner;
        double[] out = new double[ny];
        switch (dt) {
            case F32 -> {
                float[] xs = new float[x.length], y = new float[off + ny];
                for (int i = 0; i < x.length; i++) xs[i] = (float) x[i];
                if (topk) Sort.topk(xs, off, outer, r, inner, k, desc, sorted, y, off, idx, off);
                else Sort.sort(xs, off, outer, r, inner, desc, true, y, off, idx, off);
                for (int i = 0; i < ny; i++) out[i] = y[off + i];
            }
            case F64 -> {
                double[] y = new double[off + ny];
                if (topk) Sort.topk(x, off, outer, r, inner, k, desc, sorted, y, off, idx, off);
                else Sort.sort(x, off, outer, r, inner, desc, false, y, off, idx, off);
                System.arraycopy(y, off, out, 0, ny);
            }
            case I32 -> {
                int[] xs = new int[x.length], y = new int[off + ny];
                for (int i = 0; i < x.length; i++) xs[i] = (int) x[i];
                if (topk) Sort.topk(xs, off, outer, r, inner, k, desc, sorted, y, off, idx, off);
                else Sort.sort(xs, off, outer, r, inner, desc, true, y, off, idx, off);
                for (int i = 0; i < ny; i++) out[i] = y[off + i];
            }
            case I8 -> {
                byte[] xs = new byte[x.length], y = new byte[off + ny];
                for (int i = 0; i < x.length; i++) xs[i] = (byte) x[i];
                if (topk) Sort.topk(xs, off, outer, r, inner, k, desc, sorted, y, off, idx, off);
                else Sort.sort(xs, off, outer, r, inner, desc, true, y, off, idx, off);
                for (int i = 0; i < ny; i++) out[i] = y[off + i];
            }
            case I64 -> {
                long[] xs = new long[x.length], y = new long[off + ny];
                for (int i = 0; i < x.length; i++) xs[i] = (long) x[i] * 1_000_000_007L; // exercise the high bits
                if (topk) Sort.topk(xs, off, outer, r, inner, k, desc, sorted, y, off, idx, off);
                else Sort.sort(xs, off, outer, r, inner, desc, true, y, off, idx, off);
                for (int i = 0; i < ny; i++) out[i] = (double) (y[off + i] / 1_000_000_007L);
            }
        }
        return out;
    }

    @Property(tries = 200, seed = SEED)
    void sortAndTopkMatchAStableBoxedSort(@ForAll Dtype dt, @ForAll @IntRange(min = 1, max = 3) int outer,
                                          @ForAll @IntRange(min = 1, max = 300) int r, @ForAll @IntRange(min = 1, max = 3) int inner,
                                          @ForAll boolean descending, @ForAll @IntRange(min = 0, max = 100) int kPercent,
                                          @ForAll boolean sorted, @ForAll @IntRange(min = 0, max = 2) int off) {
        Random rnd = new Random(dt.ordinal() * 100000L + outer * 1000 + r * 3 + inner);
        boolean fl = dt == Dtype.F32 || dt == Dtype.F64;
        double[] x = new double[off + outer * r * inner];
        System.arraycopy(values(rnd, outer * r * inner, fl), 0, x, off, outer * r * inner);
        if (!fl) for (int i = 0; i < x.length; i++) x[i] = Math.rint(x[i]);
        if (dt == Dtype.I8) for (int i = 0; i < x.length; i++) x[i] = (byte) x[i];
        int k = Math.min(r, r * kPercent / 100 + (kPercent > 0 ? 1 : 0));
        long[] sIdx = new long[off + outer * r * inner], tIdx = new long[off + outer * k * inner];
        double[] sy = run(dt, x, off, outer, r, inner, r, false, descending, true, sIdx);
        double[] ty = run(dt, x, off, outer, r, inner, k, true, descending, sorted, tIdx);
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++) {
                double[] line = new double[r];
                for (int j = 0; j < r; j++) line[j] = x[off + (o * r + j) * inner + i];
                int[] ref = refPerm(line, descending);
                for (int t = 0; t < r; t++) {
                    int p = (o * r + t) * inner + i;
                    String at = dt + " line (" + o + ", " + i + ") position " + t + " r=" + r;
                    assertEquals(ref[t], sIdx[off + p], "sort index " + at);
                    assertEquals(0, compare(line[ref[t]], sy[p]), "sort value " + at);
                }
                // topk == first k of the stable sort (largest == descending); unsorted: same set by position
                int[] first = java.util.Arrays.copyOf(ref, k);
                if (!sorted) java.util.Arrays.sort(first);
                for (int t = 0; t < k; t++) {
                    int p = (o * k + t) * inner + i;
                    assertEquals(first[t], tIdx[off + p], dt + " topk index t=" + t + " k=" + k + " r=" + r + " sorted=" + sorted);
                    assertEquals(0, compare(line[first[t]], ty[p]), dt + " topk value t=" + t);
                }
            }
    }

    @Test
    void goldenSortNaNAndStability() {
        float[] x = {3, Float.NaN, -1, 3, -0.0f, 0.0f, Float.NEGATIVE_INFINITY};
        float[] y = new float[7];
        long[] idx = new long[7];
        Sort.sort(x, 0, 1, 7, 1, false, true, y, 0, idx, 0);
        assertArrayEquals(new long[] {6, 2, 4, 5, 0, 3, 1}, idx);
        assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, -1, -0.0f, 0.0f, 3, 3, Float.NaN}, y);
        Sort.sort(x, 0, 1, 7, 1, true, true, y, 0, idx, 0);
        assertArrayEquals(new long[] {1, 0, 3, 4, 5, 2, 6}, idx);
        // topk(largest=2) of [1, 5, 5, 2]: both 5s, first position first
        double[] t = new double[2];
        long[] ti = new long[2];
        Sort.topk(new double[] {1, 5, 5, 2}, 0, 1, 4, 1, 2, true, true, t, 0, ti, 0);
        assertArrayEquals(new double[] {5, 5}, t);
        assertArrayEquals(new long[] {1, 2}, ti);
        Sort.topk(new double[] {1, 5, 5, 2}, 0, 1, 4, 1, 2, false, true, t, 0, ti, 0);
        assertArrayEquals(new long[] {0, 3}, ti);
    }

    @Test
    void largeLinesUseHeapSelection() {
        Random rnd = new Random(17);
        int r = 5000, k = 10;
        for (boolean wide : new boolean[] {false, true}) {
            double[] x = new double[r];
            for (int i = 0; i < r; i++) x[i] = rnd.nextInt(300);
            long[] idx = new long[k];
            double[] y = run(wide ? Dtype.F64 : Dtype.F32, x, 0, 1, r, 1, k, true, true, true, idx);
            int[] ref = refPerm(x, true);
            for (int t = 0; t < k; t++) {
                assertEquals(ref[t], idx[t], "wide=" + wide + " t=" + t);
                assertEquals(x[ref[t]], y[t]);
            }
        }
    }

    @Test
    void errorsNameKernelAndSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sort.topk(new float[6], 0, 2, 3, 1, 4, true, true, new float[8], 0, new long[8], 0));
        assertEquals("topk: k = 4 must be in [0, r] with r = 3", e.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> Sort.sort(new int[6], 0, 2, 3, 1, false, true, new int[6], 0, new long[5], 0));
        assertTrue(s.getMessage().startsWith("sort: idx has 5 elements") && s.getMessage().contains("outer*r*inner = 2*3*1 = 6"), s.getMessage());
    }
}
