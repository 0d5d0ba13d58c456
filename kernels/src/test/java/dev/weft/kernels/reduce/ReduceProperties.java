package dev.weft.kernels.reduce;

import dev.weft.kernels.Parallel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * ReduceSimd / SoftmaxSimd / ScanSimd == their scalar references over random (outer, r, inner), r = 1 included,
 * unaligned offsets. Exact: integer reductions, MAX/MIN, argmax/argmin (values and indices), scans. Tolerances:
 * F32 SUM within 64 * 2^-24 * sum|x| (F64: 2^-53), mean likewise / r, variance within 1e-5 relative to
 * (var + mean of x^2) (F64 1e-12); softmax within 1e-5 relative (+ smallest normal), log-softmax and
 * log-sum-exp within 1e-5 * (1 + |y|) (F64: 1e-12).
 */
class ReduceProperties {

    @Provide
    Arbitrary<Integer> rs() {
        return Arbitraries.oneOf(Arbitraries.of(1, 2, 7, 17, 1023, 1500), Arbitraries.integers().between(1, 300));
    }

    @Provide
    Arbitrary<Integer> inners() {
        return Arbitraries.oneOf(Arbitraries.of(1, 1, 1), Arbitraries.integers().between(2, 40));
    }

    static float[] floats(SplittableRandom g, int n, boolean specials) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            int k = g.nextInt(60);
            a[i] = specials && k == 0 ? Float.NaN : specials && k == 1 ? Float.NEGATIVE_INFINITY : k == 2 ? -0.0f : k == 3 ? 0.0f
                    : k == 4 ? (float) Math.floor(g.nextDouble(-3, 3)) : (float) g.nextDouble(-10, 10);
        }
        return a;
    }

    static double[] widen(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i] * 1.000000001;
        return d;
    }

    static int[] ints(SplittableRandom g, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = g.nextInt(10) == 0 ? g.nextInt() : g.nextInt(-50, 50);
        return a;
    }

    static long[] longs(SplittableRandom g, int n) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) a[i] = g.nextInt(10) == 0 ? g.nextLong() : g.nextLong(-50, 50);
        return a;
    }

    private static void near(String what, double ref, double got, double tol) {
        if (Double.isNaN(ref) || Double.isNaN(got)) {
            if (Double.isNaN(ref) != Double.isNaN(got)) fail(what + ": scalar " + ref + " simd " + got);
            return;
        }
        if (ref == got) return;
        if (!(Math.abs(ref - got) <= tol)) fail(what + ": scalar " + ref + " simd " + got + " (tolerance " + tol + ")");
    }

    @Property(tries = 150, seed = "11")
    void reduceMatchesScalar(@ForAll ReduceFn fn, @ForAll @IntRange(min = 1, max = 3) int outer, @ForAll("rs") int r,
                             @ForAll("inners") int inner, @ForAll @IntRange(max = 3) int off, @ForAll long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        int n = outer * r * inner, m = outer * inner;
        if (!fn.numeric()) {
            byte[] x = new byte[off + n];
            for (int i = 0; i < x.length; i++) x[i] = (byte) (g.nextInt(r < 20 ? 3 : 200) == 0 ? 0 : 1);
            byte[] w = new byte[m + 1], v = new byte[m + 1];
            ReduceScalar.reduce(fn, x, off, outer, r, inner, w, 1);
            ReduceSimdInt.reduce(fn, x, off, outer, r, inner, v, 1);
            assertArrayEquals(w, v, () -> fn + " BOOL");
            return;
        }
        boolean sum = fn == ReduceFn.SUM, prod = fn == ReduceFn.PROD;
        float[] xf = floats(g, off + n, !sum && !prod);
        if (prod) for (int i = 0; i < xf.length; i++) xf[i] = (float) g.nextDouble(0.5, 1.5);
        float[] wf = new float[m + 2], vf = new float[m + 2];
        ReduceScalar.reduce(fn, xf, off, outer, r, inner, wf, 2);
        ReduceSimd.reduce(fn, xf, off, outer, r, inner, vf, 2);
        double[] xd = widen(xf);
        double[] wd = new double[m + 2], vd = new double[m + 2];
        ReduceScalar.reduce(fn, xd, off, outer, r, inner, wd, 2);
        ReduceSimd.reduce(fn, xd, off, outer, r, inner, vd, 2);
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) {
                double abs = 0;
                for (int k = 0; k < r; k++) abs += Math.abs(xd[off + (o * r + k) * inner + j]);
                int yi = 2 + o * inner + j;
                String what = fn + " (" + outer + ", " + r + ", " + inner + ") at (" + o + ", " + j + ")";
                if (sum) {
                    near(what + " F32", wf[yi], vf[yi], 64 * 0x1p-24 * abs + Math.ulp(wf[yi]));
                    near(what + " F64", wd[yi], vd[yi], 64 * 0x1p-53 * abs);
                } else {
                    assertEquals(Float.floatToIntBits(wf[yi]), Float.floatToIntBits(vf[yi]), () -> what + " F32: " + wf[yi] + " vs " + vf[yi]);
                    assertEquals(Double.doubleToLongBits(wd[yi]), Double.doubleToLongBits(vd[yi]), () -> what + " F64");
                }
            }
        }
        int[] xi = ints(g, off + n);
        int[] wi = new int[m], vi = new int[m];
        ReduceScalar.reduce(fn, xi, off, outer, r, inner, wi, 0);
        ReduceSimdInt.reduce(fn, xi, off, outer, r, inner, vi, 0);
        assertArrayEquals(wi, vi, () -> fn + " I32");
        long[] xl = longs(g, off + n);
        long[] wl = new long[m], vl = new long[m];
        ReduceScalar.reduce(fn, xl, off, outer, r, inner, wl, 0);
        ReduceSimdInt.reduce(fn, xl, off, outer, r, inner, vl, 0);
        assertArrayEquals(wl, vl, () -> fn + " I64");
    }

    @Property(tries = 120, seed = "12")
    void argReduceIsExact(@ForAll boolean max, @ForAll @IntRange(min = 1, max = 3) int outer, @ForAll("rs") int r,
                          @ForAll("inners") int inner, @ForAll @IntRange(max = 3) int off, @ForAll long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        int n = outer * r * inner, m = outer * inner;
        float[] xf = floats(g, off + n, g.nextBoolean());
        for (int i = 0; i < xf.length; i++) if (g.nextInt(4) == 0) xf[i] = (float) Math.floor(xf[i]);   // ties
        float[] wf = new float[m], vf = new float[m];
        long[] wi = new long[m + 1], vi = new long[m + 1];
        ReduceScalar.argReduce(max, xf, off, outer, r, inner, wf, 0, wi, 1);
        ArgReduceSimd.argReduce(max, xf, off, outer, r, inner, vf, 0, vi, 1);
        assertArrayEquals(wi, vi, "arg F32 indices");
        for (int i = 0; i < m; i++) assertEquals(Float.floatToIntBits(wf[i]), Float.floatToIntBits(vf[i]), "arg F32 values");
        double[] xd = widen(xf), wd = new double[m], vd = new double[m];
        ReduceScalar.argReduce(max, xd, off, outer, r, inner, wd, 0, wi, 1);
        ArgReduceSimd.argReduce(max, xd, off, outer, r, inner, vd, 0, vi, 1);
        assertArrayEquals(wi, vi, "arg F64 indices");
        assertArrayEquals(wd, vd, "arg F64 values");
        int[] xi = ints(g, off + n), wint = new int[m], vint = new int[m];
        for (int i = 0; i < xi.length; i++) xi[i] %= 5;
        ReduceScalar.argReduce(max, xi, off, outer, r, inner, wint, 0, wi, 1);
        ArgReduceSimd.argReduce(max, xi, off, outer, r, inner, vint, 0, vi, 1);
        assertArrayEquals(wi, vi, "arg I32 indices");
        assertArrayEquals(wint, vint, "arg I32 values");
        long[] xl = longs(g, off + n), wl = new long[m], vl = new long[m];
        ReduceScalar.argReduce(max, xl, off, outer, r, inner, wl, 0, wi, 1);
        ArgReduceSimd.argReduce(max, xl, off, outer, r, inner, vl, 0, vi, 1);
        assertArrayEquals(wi, vi, "arg I64 indices");
        assertArrayEquals(wl, vl, "arg I64 values");
    }

    @Property(tries = 100, seed = "13")
    void meanVarWithinTolerance(@ForAll @IntRange(min = 1, max = 3) int outer, @ForAll("rs") int r, @ForAll("inners") int inner,
                                @ForAll @IntRange(max = 1) int correction, @ForAll long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        int n = outer * r * inner, m = outer * inner;
        float[] x = floats(g, n, false);
        float shift = (float) g.nextDouble(-100, 100);
        for (int i = 0; i < n; i++) x[i] += shift;
        float[] wm = new float[m], wv = new float[m], vm = new float[m], vv = new float[m];
        ReduceScalar.meanVar(x, 0, outer, r, inner, correction, wm, 0, wv, 0);
        MeanVarSimd.meanVar(x, 0, outer, r, inner, correction, vm, 0, vv, 0);
        double[] xd = widen(x), dwm = new double[m], dwv = new double[m], dvm = new double[m], dvv = new double[m];
        ReduceScalar.meanVar(xd, 0, outer, r, inner, correction, dwm, 0, dwv, 0);
        MeanVarSimd.meanVar(xd, 0, outer, r, inner, correction, dvm, 0, dvv, 0);
        for (int i = 0; i < m; i++) {
            int o = i / inner, j = i % inner;
            double abs = 0, sq = 0;
            for (int k = 0; k < r; k++) {
                double v = xd[(o * r + k) * inner + j];
                abs += Math.abs(v);
                sq += v * v;
            }
            String what = "meanVar (" + outer + ", " + r + ", " + inner + ") at " + i;
            near(what + " mean F32", wm[i], vm[i], 64 * 0x1p-24 * abs / r + Math.ulp(wm[i]));
            near(what + " var F32", wv[i], vv[i], 1e-5 * (Math.abs(wv[i]) + sq / r));
            near(what + " mean F64", dwm[i], dvm[i], 64 * 0x1p-53 * abs / r);
            near(what + " var F64", dwv[i], dvv[i], 1e-12 * (Math.abs(dwv[i]) + sq / r));
        }
    }

    @Property(tries = 120, seed = "14")
    void softmaxFamilyWithinTolerance(@ForAll @IntRange(max = 2) int kind, @ForAll @IntRange(min = 1, max = 3) int outer,
                                      @ForAll("rs") int r, @ForAll("inners") int inner, @ForAll long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        int n = outer * r * inner, m = kind == 2 ? outer * inner : n;
        float[] x = floats(g, n + 1, false);
        if (g.nextInt(4) == 0) for (int i = 1; i <= Math.min(n, r * inner); i++) x[i] = Float.NEGATIVE_INFINITY;   // a -inf slice
        float[] w = new float[m], v = new float[m];
        double[] xd = widen(x), wd = new double[m], vd = new double[m];
        switch (kind) {
            case 0 -> { SoftmaxScalar.softmax(x, 1, outer, r, inner, w, 0); SoftmaxSimd.softmax(x, 1, outer, r, inner, v, 0);
                SoftmaxScalar.softmax(xd, 1, outer, r, inner, wd, 0); SoftmaxSimd.softmax(xd, 1, outer, r, inner, vd, 0); }
            case 1 -> { SoftmaxScalar.logSoftmax(x, 1, outer, r, inner, w, 0); SoftmaxSimd.logSoftmax(x, 1, outer, r, inner, v, 0);
                SoftmaxScalar.logSoftmax(xd, 1, outer, r, inner, wd, 0); SoftmaxSimd.logSoftmax(xd, 1, outer, r, inner, vd, 0); }
            default -> { SoftmaxScalar.logSumExp(x, 1, outer, r, inner, w, 0); SoftmaxSimd.logSumExp(x, 1, outer, r, inner, v, 0);
                SoftmaxScalar.logSumExp(xd, 1, outer, r, inner, wd, 0); SoftmaxSimd.logSumExp(xd, 1, outer, r, inner, vd, 0); }
        }
        String what = new String[] {"softmax", "logSoftmax", "logSumExp"}[kind] + " (" + outer + ", " + r + ", " + inner + ")";
        for (int i = 0; i < m; i++) {
            if (Float.isInfinite(w[i]) || Float.isInfinite(v[i])) assertEquals(w[i], v[i], what + " F32 at " + i);
            else near(what + " F32 at " + i, w[i], v[i], kind == 0 ? 1e-5 * Math.abs(w[i]) + Float.MIN_NORMAL : 1e-5 * (1 + Math.abs(w[i])));
            if (Double.isInfinite(wd[i]) || Double.isInfinite(vd[i])) assertEquals(wd[i], vd[i], what + " F64 at " + i);
            else near(what + " F64 at " + i, wd[i], vd[i], kind == 0 ? 1e-12 * Math.abs(wd[i]) + Double.MIN_NORMAL : 1e-12 * (1 + Math.abs(wd[i])));
        }
    }

    /**
     * The SIMD softmax family gives the same bits for a row wherever it sits in memory: the exponentials come
     * from lane math that does not depend on JIT state or masking, and the blocks are counted from the row start.
     */
    @Property(tries = 60, seed = "17")
    void softmaxRowSameBitsAtAnyOffset(@ForAll @IntRange(max = 2) int kind, @ForAll("rs") int r, @ForAll long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        int lanes = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length(), m = kind == 2 ? 1 : r;
        float[] row = floats(g, r, false);
        double[] rowD = widen(row);
        float[] want = null;
        double[] wantD = null;
        for (int off = 0; off <= 2 * lanes; off++) {
            float[] x = new float[off + r], y = new float[m];
            double[] xd = new double[off + r], yd = new double[m];
            System.arraycopy(row, 0, x, off, r);
            System.arraycopy(rowD, 0, xd, off, r);
            switch (kind) {
                case 0 -> { SoftmaxSimd.softmax(x, off, 1, r, 1, y, 0); SoftmaxSimd.softmax(xd, off, 1, r, 1, yd, 0); }
                case 1 -> { SoftmaxSimd.logSoftmax(x, off, 1, r, 1, y, 0); SoftmaxSimd.logSoftmax(xd, off, 1, r, 1, yd, 0); }
                default -> { SoftmaxSimd.logSumExp(x, off, 1, r, 1, y, 0); SoftmaxSimd.logSumExp(xd, off, 1, r, 1, yd, 0); }
            }
            if (want == null) {
                want = y;
                wantD = yd;
            } else {
                assertArrayEquals(want, y, "softmax kind " + kind + " r " + r + " F32 at offset " + off);
                assertArrayEquals(wantD, yd, "softmax kind " + kind + " r " + r + " F64 at offset " + off);
            }
        }
    }

    @Property(tries = 100, seed = "15")
    void scansAreExact(@ForAll boolean prod, @ForAll @IntRange(min = 1, max = 3) int outer, @ForAll("rs") int r,
                       @ForAll("inners") int inner, @ForAll @IntRange(max = 2) int off, @ForAll long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        int n = outer * r * inner;
        float[] x = floats(g, off + n, false);
        if (prod) for (int i = 0; i < x.length; i++) x[i] = (float) g.nextDouble(0.9, 1.1);
        float[] w = new float[n + 1], v = new float[n + 1];
        double[] xd = widen(x), wd = new double[n], vd = new double[n];
        int[] xi = ints(g, off + n), wi = new int[n], vi = new int[n];
        long[] xl = longs(g, off + n), wl = new long[n], vl = new long[n];
        if (prod) {
            ScanScalar.cumprod(x, off, outer, r, inner, w, 1); ScanSimd.cumprod(x, off, outer, r, inner, v, 1);
            ScanScalar.cumprod(xd, off, outer, r, inner, wd, 0); ScanSimd.cumprod(xd, off, outer, r, inner, vd, 0);
            ScanScalar.cumprod(xi, off, outer, r, inner, wi, 0); ScanSimd.cumprod(xi, off, outer, r, inner, vi, 0);
            ScanScalar.cumprod(xl, off, outer, r, inner, wl, 0); ScanSimd.cumprod(xl, off, outer, r, inner, vl, 0);
        } else {
            ScanScalar.cumsum(x, off, outer, r, inner, w, 1); ScanSimd.cumsum(x, off, outer, r, inner, v, 1);
            ScanScalar.cumsum(xd, off, outer, r, inner, wd, 0); ScanSimd.cumsum(xd, off, outer, r, inner, vd, 0);
            ScanScalar.cumsum(xi, off, outer, r, inner, wi, 0); ScanSimd.cumsum(xi, off, outer, r, inner, vi, 0);
            ScanScalar.cumsum(xl, off, outer, r, inner, wl, 0); ScanSimd.cumsum(xl, off, outer, r, inner, vl, 0);
        }
        assertArrayEquals(w, v, "scan F32");
        assertArrayEquals(wd, vd, "scan F64");
        assertArrayEquals(wi, vi, "scan I32");
        assertArrayEquals(wl, vl, "scan I64");
    }

    /** The facade's result does not depend on the thread count (long rows are chunked by size alone). */
    @Property(tries = 3, seed = "16")
    void facadeIsThreadCountIndependent(@ForAll ReduceFn fn, @ForAll long seed) {
        if (!fn.numeric() || fn == ReduceFn.PROD) return;
        SplittableRandom g = new SplittableRandom(seed);
        int r = Reduce.R_CHUNK * 2 + 12345;
        float[] x = floats(g, 2 * r, false);
        float[] a = new float[2], b = new float[2];
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            Reduce.reduce(fn, x, 0, 2, r, 1, a, 0);
            Parallel.setThreads(3);
            Reduce.reduce(fn, x, 0, 2, r, 1, b, 0);
        } finally {
            Parallel.setThreads(before);
        }
        assertArrayEquals(a, b, fn.toString());
    }
}
