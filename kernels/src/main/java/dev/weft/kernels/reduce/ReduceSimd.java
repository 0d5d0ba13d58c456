package dev.weft.kernels.reduce;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link Reduce}. inner == 1: each row is reduced across r with four vector accumulators
 * in blocks of {@link #BLOCK} (F32 SUM: each block's float sum is added into a double total, so the error
 * stays near a block's, and the result depends only on r). inner > 1: vectors run across the inner columns,
 * r is the outer loop (F32 flushes its float accumulators into double every {@link #FLUSH} rows).
 * SUM/MAX/MIN are vectorized for F32, F64, I32, I64 (integer results exact, MAX/MIN exact; F32/F64 SUM within
 * the tolerance the tests document); PROD is vectorized for I32 only, the others run the scalar reference;
 * ALL/ANY run the scalar loop (it stops at the first deciding byte). argReduce: inner == 1 finds the extreme
 * with vector max/min, then its first index with a vector compare; inner > 1 tracks value and index per lane;
 * both exact. meanVar: two passes, vector sums as SUM. No checks, no threading.
 */
public final class ReduceSimd {
    private ReduceSimd() {}

    static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;

    /** Elements per row block (inner == 1). */
    public static final int BLOCK = 1024;
    /** Rows between flushes of float column accumulators into double (inner > 1). */
    public static final int FLUSH = 64;

    private static VectorOperators.Associative op(ReduceFn fn) {
        return switch (fn) {
            case SUM -> VectorOperators.ADD;
            case PROD -> VectorOperators.MUL;
            case MAX -> VectorOperators.MAX;
            case MIN -> VectorOperators.MIN;
            default -> throw new IllegalArgumentException("reduce " + fn + ": BOOL only");
        };
    }

    // ================================================================ float

    /** float: as {@link ReduceScalar}. Writes y. */
    public static void reduce(ReduceFn fn, float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        reduce(fn, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void reduce(ReduceFn fn, float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        if (!(fn == ReduceFn.SUM || fn == ReduceFn.MAX || fn == ReduceFn.MIN) || r == 0) {
            ReduceScalar.reduce(fn, x, xOff, outer, r, inner, j0, j1, y, yOff);
            return;
        }
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            if (inner == 1) y[yOff + o] = row(fn, x, base, r);
            else cols(fn, x, base, r, inner, j0, j1, y, yOff + o * inner);
        }
    }

    /** The SUM of x[off .. off + r) before rounding to float: the double total of the block sums. */
    static double rowSum(float[] x, int off, int r) {
        double total = 0;
        for (int k0 = 0; k0 < r; k0 += BLOCK) total += rowBlock(ReduceFn.SUM, 0, x, off + k0, Math.min(BLOCK, r - k0));
        return total;
    }

    /** fn over x[off .. off + r): blocks of BLOCK, each with four vector accumulators, combined in order. */
    static float row(ReduceFn fn, float[] x, int off, int r) {
        float id = fn == ReduceFn.SUM ? 0f : fn == ReduceFn.PROD ? 1f : fn == ReduceFn.MAX ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        double total = id;
        for (int k0 = 0; k0 < r; k0 += BLOCK) {
            float part = rowBlock(fn, id, x, off + k0, Math.min(BLOCK, r - k0));
            total = ReduceScalar.step(fn, total, part);
        }
        return (float) total;
    }

    private static float rowBlock(ReduceFn fn, float id, float[] x, int off, int m) {
        VectorOperators.Associative op = op(fn);
        int len = FS.length(), i = 0;
        FloatVector a0 = FloatVector.broadcast(FS, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.lanewise(op, FloatVector.fromArray(FS, x, off + i));
            a1 = a1.lanewise(op, FloatVector.fromArray(FS, x, off + i + len));
            a2 = a2.lanewise(op, FloatVector.fromArray(FS, x, off + i + 2 * len));
            a3 = a3.lanewise(op, FloatVector.fromArray(FS, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.lanewise(op, FloatVector.fromArray(FS, x, off + i));
        if (i < m) {
            VectorMask<Float> mask = FS.indexInRange(i, m);
            a1 = a1.lanewise(op, FloatVector.broadcast(FS, id).blend(FloatVector.fromArray(FS, x, off + i, mask), mask));
        }
        return a0.lanewise(op, a1).lanewise(op, a2.lanewise(op, a3)).reduceLanes(op);
    }

    /** Column reduction: vectors across columns [j0, j1), r the outer loop. */
    private static void cols(ReduceFn fn, float[] x, int base, int r, int inner, int j0, int j1, float[] y, int yb) {
        VectorOperators.Associative op = op(fn);
        float id = fn == ReduceFn.SUM ? 0f : fn == ReduceFn.PROD ? 1f : fn == ReduceFn.MAX ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        int len = FS.length(), j = j0;
        FloatVector idv = FloatVector.broadcast(FS, id);
        double[] wide = new double[len];
        float[] part = new float[len];
        for (; j < j1; j += len) {
            VectorMask<Float> mask = FS.indexInRange(j, j1);
            java.util.Arrays.fill(wide, fn == ReduceFn.SUM ? 0.0 : id);
            for (int k0 = 0; k0 < r; k0 += FLUSH) {
                int k1 = Math.min(r, k0 + FLUSH);
                FloatVector a = idv;
                for (int k = k0; k < k1; k++) a = a.lanewise(op, FloatVector.fromArray(FS, x, base + k * inner + j, mask));
                a.intoArray(part, 0);
                for (int l = 0; l < len; l++) wide[l] = ReduceScalar.step(fn, wide[l], part[l]);
            }
            for (int l = 0; l < len && j + l < j1; l++) y[yb + j + l] = (float) wide[l];
        }
    }

    // ================================================================ double

    /** double: as {@link ReduceScalar}. Writes y. */
    public static void reduce(ReduceFn fn, double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff) {
        reduce(fn, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void reduce(ReduceFn fn, double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff) {
        if (!(fn == ReduceFn.SUM || fn == ReduceFn.MAX || fn == ReduceFn.MIN) || r == 0) {
            ReduceScalar.reduce(fn, x, xOff, outer, r, inner, j0, j1, y, yOff);
            return;
        }
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            if (inner == 1) y[yOff + o] = row(fn, x, base, r);
            else cols(fn, x, base, r, inner, j0, j1, y, yOff + o * inner);
        }
    }

    /** The SUM of x[off .. off + r) before rounding to double: the double total of the block sums. */
    static double rowSum(double[] x, int off, int r) {
        double total = 0;
        for (int k0 = 0; k0 < r; k0 += BLOCK) total += rowBlock(ReduceFn.SUM, 0, x, off + k0, Math.min(BLOCK, r - k0));
        return total;
    }

    /** fn over x[off .. off + r): blocks of BLOCK, each with four vector accumulators, combined in order. */
    static double row(ReduceFn fn, double[] x, int off, int r) {
        double id = fn == ReduceFn.SUM ? 0.0 : fn == ReduceFn.PROD ? 1.0 : fn == ReduceFn.MAX ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        double total = id;
        for (int k0 = 0; k0 < r; k0 += BLOCK) {
            double part = rowBlock(fn, id, x, off + k0, Math.min(BLOCK, r - k0));
            total = ReduceScalar.step(fn, total, part);
        }
        return (double) total;
    }

    private static double rowBlock(ReduceFn fn, double id, double[] x, int off, int m) {
        VectorOperators.Associative op = op(fn);
        int len = DS.length(), i = 0;
        DoubleVector a0 = DoubleVector.broadcast(DS, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.lanewise(op, DoubleVector.fromArray(DS, x, off + i));
            a1 = a1.lanewise(op, DoubleVector.fromArray(DS, x, off + i + len));
            a2 = a2.lanewise(op, DoubleVector.fromArray(DS, x, off + i + 2 * len));
            a3 = a3.lanewise(op, DoubleVector.fromArray(DS, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.lanewise(op, DoubleVector.fromArray(DS, x, off + i));
        if (i < m) {
            VectorMask<Double> mask = DS.indexInRange(i, m);
            a1 = a1.lanewise(op, DoubleVector.broadcast(DS, id).blend(DoubleVector.fromArray(DS, x, off + i, mask), mask));
        }
        return a0.lanewise(op, a1).lanewise(op, a2.lanewise(op, a3)).reduceLanes(op);
    }

    /** Column reduction: vectors across columns [j0, j1), r the outer loop. */
    private static void cols(ReduceFn fn, double[] x, int base, int r, int inner, int j0, int j1, double[] y, int yb) {
        VectorOperators.Associative op = op(fn);
        double id = fn == ReduceFn.SUM ? 0.0 : fn == ReduceFn.PROD ? 1.0 : fn == ReduceFn.MAX ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        int len = DS.length(), j = j0;
        DoubleVector idv = DoubleVector.broadcast(DS, id);
        for (; j + 2 * len <= j1; j += 2 * len) {
            DoubleVector a = idv, b = idv;
            for (int k = 0; k < r; k++) {
                int p = base + k * inner + j;
                a = a.lanewise(op, DoubleVector.fromArray(DS, x, p));
                b = b.lanewise(op, DoubleVector.fromArray(DS, x, p + len));
            }
            a.intoArray(y, yb + j);
            b.intoArray(y, yb + j + len);
        }
        for (; j < j1; j += len) {
            VectorMask<Double> mask = DS.indexInRange(j, j1);
            DoubleVector a = idv;
            for (int k = 0; k < r; k++) a = a.lanewise(op, DoubleVector.fromArray(DS, x, base + k * inner + j, mask));
            a.intoArray(y, yb + j, mask);
        }
    }

    // ================================================================ int

    /** int: as {@link ReduceScalar}. Writes y. */
    public static void reduce(ReduceFn fn, int[] x, int xOff, int outer, int r, int inner, int[] y, int yOff) {
        reduce(fn, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void reduce(ReduceFn fn, int[] x, int xOff, int outer, int r, int inner, int j0, int j1, int[] y, int yOff) {
        if (!(fn == ReduceFn.SUM || fn == ReduceFn.MAX || fn == ReduceFn.MIN || fn == ReduceFn.PROD) || r == 0) {
            ReduceScalar.reduce(fn, x, xOff, outer, r, inner, j0, j1, y, yOff);
            return;
        }
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            if (inner == 1) y[yOff + o] = row(fn, x, base, r);
            else cols(fn, x, base, r, inner, j0, j1, y, yOff + o * inner);
        }
    }

    /** fn over x[off .. off + r): blocks of BLOCK, each with four vector accumulators, combined in order. */
    static int row(ReduceFn fn, int[] x, int off, int r) {
        int id = fn == ReduceFn.SUM ? 0 : fn == ReduceFn.PROD ? 1 : fn == ReduceFn.MAX ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        long total = id;
        for (int k0 = 0; k0 < r; k0 += BLOCK) {
            int part = rowBlock(fn, id, x, off + k0, Math.min(BLOCK, r - k0));
            total = ReduceScalar.stepLong(fn, total, part);
        }
        return (int) total;
    }

    private static int rowBlock(ReduceFn fn, int id, int[] x, int off, int m) {
        VectorOperators.Associative op = op(fn);
        int len = IS.length(), i = 0;
        IntVector a0 = IntVector.broadcast(IS, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.lanewise(op, IntVector.fromArray(IS, x, off + i));
            a1 = a1.lanewise(op, IntVector.fromArray(IS, x, off + i + len));
            a2 = a2.lanewise(op, IntVector.fromArray(IS, x, off + i + 2 * len));
            a3 = a3.lanewise(op, IntVector.fromArray(IS, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.lanewise(op, IntVector.fromArray(IS, x, off + i));
        if (i < m) {
            VectorMask<Integer> mask = IS.indexInRange(i, m);
            a1 = a1.lanewise(op, IntVector.broadcast(IS, id).blend(IntVector.fromArray(IS, x, off + i, mask), mask));
        }
        return a0.lanewise(op, a1).lanewise(op, a2.lanewise(op, a3)).reduceLanes(op);
    }

    /** Column reduction: vectors across columns [j0, j1), r the outer loop. */
    private static void cols(ReduceFn fn, int[] x, int base, int r, int inner, int j0, int j1, int[] y, int yb) {
        VectorOperators.Associative op = op(fn);
        int id = fn == ReduceFn.SUM ? 0 : fn == ReduceFn.PROD ? 1 : fn == ReduceFn.MAX ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        int len = IS.length(), j = j0;
        IntVector idv = IntVector.broadcast(IS, id);
        for (; j + 2 * len <= j1; j += 2 * len) {
            IntVector a = idv, b = idv;
            for (int k = 0; k < r; k++) {
                int p = base + k * inner + j;
                a = a.lanewise(op, IntVector.fromArray(IS, x, p));
                b = b.lanewise(op, IntVector.fromArray(IS, x, p + len));
            }
            a.intoArray(y, yb + j);
            b.intoArray(y, yb + j + len);
        }
        for (; j < j1; j += len) {
            VectorMask<Integer> mask = IS.indexInRange(j, j1);
            IntVector a = idv;
            for (int k = 0; k < r; k++) a = a.lanewise(op, IntVector.fromArray(IS, x, base + k * inner + j, mask));
            a.intoArray(y, yb + j, mask);
        }
    }

    // ================================================================ long

    /** long: as {@link ReduceScalar}. Writes y. */
    public static void reduce(ReduceFn fn, long[] x, int xOff, int outer, int r, int inner, long[] y, int yOff) {
        reduce(fn, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void reduce(ReduceFn fn, long[] x, int xOff, int outer, int r, int inner, int j0, int j1, long[] y, int yOff) {
        if (!(fn == ReduceFn.SUM || fn == ReduceFn.MAX || fn == ReduceFn.MIN) || r == 0) {
            ReduceScalar.reduce(fn, x, xOff, outer, r, inner, j0, j1, y, yOff);
            return;
        }
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            if (inner == 1) y[yOff + o] = row(fn, x, base, r);
            else cols(fn, x, base, r, inner, j0, j1, y, yOff + o * inner);
        }
    }

    /** fn over x[off .. off + r): blocks of BLOCK, each with four vector accumulators, combined in order. */
    static long row(ReduceFn fn, long[] x, int off, int r) {
        long id = fn == ReduceFn.SUM ? 0L : fn == ReduceFn.PROD ? 1L : fn == ReduceFn.MAX ? Long.MIN_VALUE : Long.MAX_VALUE;
        long total = id;
        for (int k0 = 0; k0 < r; k0 += BLOCK) {
            long part = rowBlock(fn, id, x, off + k0, Math.min(BLOCK, r - k0));
            total = ReduceScalar.stepLong(fn, total, part);
        }
        return (long) total;
    }

    private static long rowBlock(ReduceFn fn, long id, long[] x, int off, int m) {
        VectorOperators.Associative op = op(fn);
        int len = LS.length(), i = 0;
        LongVector a0 = LongVector.broadcast(LS, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.lanewise(op, LongVector.fromArray(LS, x, off + i));
            a1 = a1.lanewise(op, LongVector.fromArray(LS, x, off + i + len));
            a2 = a2.lanewise(op, LongVector.fromArray(LS, x, off + i + 2 * len));
            a3 = a3.lanewise(op, LongVector.fromArray(LS, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.lanewise(op, LongVector.fromArray(LS, x, off + i));
        if (i < m) {
            VectorMask<Long> mask = LS.indexInRange(i, m);
            a1 = a1.lanewise(op, LongVector.broadcast(LS, id).blend(LongVector.fromArray(LS, x, off + i, mask), mask));
        }
        return a0.lanewise(op, a1).lanewise(op, a2.lanewise(op, a3)).reduceLanes(op);
    }

    /** Column reduction: vectors across columns [j0, j1), r the outer loop. */
    private static void cols(ReduceFn fn, long[] x, int base, int r, int inner, int j0, int j1, long[] y, int yb) {
        VectorOperators.Associative op = op(fn);
        long id = fn == ReduceFn.SUM ? 0L : fn == ReduceFn.PROD ? 1L : fn == ReduceFn.MAX ? Long.MIN_VALUE : Long.MAX_VALUE;
        int len = LS.length(), j = j0;
        LongVector idv = LongVector.broadcast(LS, id);
        for (; j + 2 * len <= j1; j += 2 * len) {
            LongVector a = idv, b = idv;
            for (int k = 0; k < r; k++) {
                int p = base + k * inner + j;
                a = a.lanewise(op, LongVector.fromArray(LS, x, p));
                b = b.lanewise(op, LongVector.fromArray(LS, x, p + len));
            }
            a.intoArray(y, yb + j);
            b.intoArray(y, yb + j + len);
        }
        for (; j < j1; j += len) {
            VectorMask<Long> mask = LS.indexInRange(j, j1);
            LongVector a = idv;
            for (int k = 0; k < r; k++) a = a.lanewise(op, LongVector.fromArray(LS, x, base + k * inner + j, mask));
            a.intoArray(y, yb + j, mask);
        }
    }

    /** BOOL ALL/ANY: the scalar loop (early exit). Writes y. */
    public static void reduce(ReduceFn fn, byte[] x, int xOff, int outer, int r, int inner, byte[] y, int yOff) {
        ReduceScalar.reduce(fn, x, xOff, outer, r, inner, y, yOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void reduce(ReduceFn fn, byte[] x, int xOff, int outer, int r, int inner, int j0, int j1, byte[] y, int yOff) {
        ReduceScalar.reduce(fn, x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    /** float argmax/argmin (first occurrence; the first NaN wins). Writes y and idx. */
    public static void argReduce(boolean max, float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff, long[] idx, int idxOff) {
        argReduce(max, x, xOff, outer, r, inner, 0, inner, y, yOff, idx, idxOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void argReduce(boolean max, float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff, long[] idx, int idxOff) {
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            if (inner == 1) {
                ReduceFn fn = max ? ReduceFn.MAX : ReduceFn.MIN;
                float best = row(fn, x, base, r);
                int k = firstIndex(x, base, r, best);
                y[yOff + o] = x[base + k];   // the element itself: max(-0.0, 0.0) is 0.0, the scan keeps -0.0
                idx[idxOff + o] = k;
            } else {
                argCols(max, x, base, r, inner, j0, j1, y, yOff + o * inner, idx, idxOff + o * inner);
            }
        }
    }

    /** First k in [0, r) with x[off + k] == v (or is NaN, when v is NaN). */
    private static int firstIndex(float[] x, int off, int r, float v) {
        FloatVector vv = FloatVector.broadcast(FS, v);
        boolean nan = v != v;
        int len = FS.length(), k = 0;
        for (; k + len <= r; k += len) {
            FloatVector xv = FloatVector.fromArray(FS, x, off + k);
            VectorMask<Float> hit = nan ? xv.compare(VectorOperators.NE, xv) : xv.compare(VectorOperators.EQ, vv);
            if (hit.anyTrue()) return k + hit.firstTrue();
        }
        for (; k < r; k++) {
            float xk = x[off + k];
            if (xk == v || (nan && xk != xk)) return k;
        }
        return r - 1;   // unreachable: v is an element of the row
    }

    /** Per-lane running extreme and its row index across columns [j0, j1). */
    private static void argCols(boolean max, float[] x, int base, int r, int inner, int j0, int j1, float[] y, int yb, long[] idx, int ib) {
        VectorOperators.Comparison better = max ? VectorOperators.GT : VectorOperators.LT;
        VectorSpecies<Integer> is = IS;
        int len = FS.length();
        int[] ki = new int[len];
        for (int j = j0; j < j1; j += len) {
            VectorMask<Float> mask = FS.indexInRange(j, j1);
            FloatVector best = FloatVector.fromArray(FS, x, base + j, mask);
            IntVector bi = IntVector.zero(is);
            for (int k = 1; k < r; k++) {
                FloatVector v = FloatVector.fromArray(FS, x, base + k * inner + j, mask);
                VectorMask<Float> upd = v.compare(better, best).or(v.compare(VectorOperators.NE, v).andNot(best.compare(VectorOperators.NE, best)));
                best = best.blend(v, upd);
                bi = bi.blend((int) k, upd.cast(is));
            }
            best.intoArray(y, yb + j, mask);
            bi.intoArray(ki, 0);
            for (int l = 0; l < len && j + l < j1; l++) idx[ib + j + l] = ki[l];
        }
    }

    /** double argmax/argmin (first occurrence; the first NaN wins). Writes y and idx. */
    public static void argReduce(boolean max, double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff, long[] idx, int idxOff) {
        argReduce(max, x, xOff, outer, r, inner, 0, inner, y, yOff, idx, idxOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void argReduce(boolean max, double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff, long[] idx, int idxOff) {
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            if (inner == 1) {
                ReduceFn fn = max ? ReduceFn.MAX : ReduceFn.MIN;
                double best = row(fn, x, base, r);
                int k = firstIndex(x, base, r, best);
                y[yOff + o] = x[base + k];   // the element itself: max(-0.0, 0.0) is 0.0, the scan keeps -0.0
                idx[idxOff + o] = k;
            } else {
                argCols(max, x, base, r, inner, j0, j1, y, yOff + o * inner, idx, idxOff + o * inner);
            }
        }
    }

    /** First k in [0, r) with x[off + k] == v (or is NaN, when v is NaN). */
    private static int firstIndex(double[] x, int off, int r, double v) {
        DoubleVector vv = DoubleVector.broadcast(DS, v);
        boolean nan = v != v;
        int len = DS.length(), k = 0;
        for (; k + len <= r; k += len) {
            DoubleVector xv = DoubleVector.fromArray(DS, x, off + k);
            VectorMask<Double> hit = nan ? xv.compare(VectorOperators.NE, xv) : xv.compare(VectorOperators.EQ, vv);
            if (hit.anyTrue()) return k + hit.firstTrue();
        }
        for (; k < r; k++) {
            double xk = x[off + k];
            if (xk == v || (nan && xk != xk)) return k;
        }
        return r - 1;   // unreachable: v is an element of the row
    }

    /** Per-lane running extreme and its row index across columns [j0, j1). */
    private static void argCols(boolean max, double[] x, int base, int r, int inner, int j0, int j1, double[] y, int yb, long[] idx, int ib) {
        VectorOperators.Comparison better = max ? VectorOperators.GT : VectorOperators.LT;
        VectorSpecies<Long> is = LS;
        int len = DS.length();
        long[] ki = new long[len];
        for (int j = j0; j < j1; j += len) {
            VectorMask<Double> mask = DS.indexInRange(j, j1);
            DoubleVector best = DoubleVector.fromArray(DS, x, base + j, mask);
            LongVector bi = LongVector.zero(is);
            for (int k = 1; k < r; k++) {
                DoubleVector v = DoubleVector.fromArray(DS, x, base + k * inner + j, mask);
                VectorMask<Double> upd = v.compare(better, best).or(v.compare(VectorOperators.NE, v).andNot(best.compare(VectorOperators.NE, best)));
                best = best.blend(v, upd);
                bi = bi.blend((long) k, upd.cast(is));
            }
            best.intoArray(y, yb + j, mask);
            bi.intoArray(ki, 0);
            for (int l = 0; l < len && j + l < j1; l++) idx[ib + j + l] = ki[l];
        }
    }

    /** int argmax/argmin (first occurrence; the first NaN wins). Writes y and idx. */
    public static void argReduce(boolean max, int[] x, int xOff, int outer, int r, int inner, int[] y, int yOff, long[] idx, int idxOff) {
        argReduce(max, x, xOff, outer, r, inner, 0, inner, y, yOff, idx, idxOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void argReduce(boolean max, int[] x, int xOff, int outer, int r, int inner, int j0, int j1, int[] y, int yOff, long[] idx, int idxOff) {
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            if (inner == 1) {
                ReduceFn fn = max ? ReduceFn.MAX : ReduceFn.MIN;
                int best = row(fn, x, base, r);
                int k = firstIndex(x, base, r, best);
                y[yOff + o] = x[base + k];   // the element itself: max(-0.0, 0.0) is 0.0, the scan keeps -0.0
                idx[idxOff + o] = k;
            } else {
                argCols(max, x, base, r, inner, j0, j1, y, yOff + o * inner, idx, idxOff + o * inner);
            }
        }
    }

    /** First k in [0, r) with x[off + k] == v. */
    private static int firstIndex(int[] x, int off, int r, int v) {
        IntVector vv = IntVector.broadcast(IS, v);
        
        int len = IS.length(), k = 0;
        for (; k + len <= r; k += len) {
            IntVector xv = IntVector.fromArray(IS, x, off + k);
            VectorMask<Integer> hit = xv.compare(VectorOperators.EQ, vv);
            if (hit.anyTrue()) return k + hit.firstTrue();
        }
        for (; k < r; k++) {
            int xk = x[off + k];
            if (xk == v) return k;
        }
        return r - 1;   // unreachable: v is an element of the row
    }

    /** Per-lane running extreme and its row index across columns [j0, j1). */
    private static void argCols(boolean max, int[] x, int base, int r, int inner, int j0, int j1, int[] y, int yb, long[] idx, int ib) {
        VectorOperators.Comparison better = max ? VectorOperators.GT : VectorOperators.LT;
        VectorSpecies<Integer> is = IS;
        int len = IS.length();
        int[] ki = new int[len];
        for (int j = j0; j < j1; j += len) {
            VectorMask<Integer> mask = IS.indexInRange(j, j1);
            IntVector best = IntVector.fromArray(IS, x, base + j, mask);
            IntVector bi = IntVector.zero(is);
            for (int k = 1; k < r; k++) {
                IntVector v = IntVector.fromArray(IS, x, base + k * inner + j, mask);
                VectorMask<Integer> upd = v.compare(better, best);
                best = best.blend(v, upd);
                bi = bi.blend((int) k, upd.cast(is));
            }
            best.intoArray(y, yb + j, mask);
            bi.intoArray(ki, 0);
            for (int l = 0; l < len && j + l < j1; l++) idx[ib + j + l] = ki[l];
        }
    }

    /** long argmax/argmin (first occurrence; the first NaN wins). Writes y and idx. */
    public static void argReduce(boolean max, long[] x, int xOff, int outer, int r, int inner, long[] y, int yOff, long[] idx, int idxOff) {
        argReduce(max, x, xOff, outer, r, inner, 0, inner, y, yOff, idx, idxOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void argReduce(boolean max, long[] x, int xOff, int outer, int r, int inner, int j0, int j1, long[] y, int yOff, long[] idx, int idxOff) {
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            if (inner == 1) {
                ReduceFn fn = max ? ReduceFn.MAX : ReduceFn.MIN;
                long best = row(fn, x, base, r);
                int k = firstIndex(x, base, r, best);
                y[yOff + o] = x[base + k];   // the element itself: max(-0.0, 0.0) is 0.0, the scan keeps -0.0
                idx[idxOff + o] = k;
            } else {
                argCols(max, x, base, r, inner, j0, j1, y, yOff + o * inner, idx, idxOff + o * inner);
            }
        }
    }

    /** First k in [0, r) with x[off + k] == v. */
    private static int firstIndex(long[] x, int off, int r, long v) {
        LongVector vv = LongVector.broadcast(LS, v);
        
        int len = LS.length(), k = 0;
        for (; k + len <= r; k += len) {
            LongVector xv = LongVector.fromArray(LS, x, off + k);
            VectorMask<Long> hit = xv.compare(VectorOperators.EQ, vv);
            if (hit.anyTrue()) return k + hit.firstTrue();
        }
        for (; k < r; k++) {
            long xk = x[off + k];
            if (xk == v) return k;
        }
        return r - 1;   // unreachable: v is an element of the row
    }

    /** Per-lane running extreme and its row index across columns [j0, j1). */
    private static void argCols(boolean max, long[] x, int base, int r, int inner, int j0, int j1, long[] y, int yb, long[] idx, int ib) {
        VectorOperators.Comparison better = max ? VectorOperators.GT : VectorOperators.LT;
        VectorSpecies<Long> is = LS;
        int len = LS.length();
        long[] ki = new long[len];
        for (int j = j0; j < j1; j += len) {
            VectorMask<Long> mask = LS.indexInRange(j, j1);
            LongVector best = LongVector.fromArray(LS, x, base + j, mask);
            LongVector bi = LongVector.zero(is);
            for (int k = 1; k < r; k++) {
                LongVector v = LongVector.fromArray(LS, x, base + k * inner + j, mask);
                VectorMask<Long> upd = v.compare(better, best);
                best = best.blend(v, upd);
                bi = bi.blend((long) k, upd.cast(is));
            }
            best.intoArray(y, yb + j, mask);
            bi.intoArray(ki, 0);
            for (int l = 0; l < len && j + l < j1; l++) idx[ib + j + l] = ki[l];
        }
    }

    /** float mean and variance (two passes). Writes mean and var. */
    public static void meanVar(float[] x, int xOff, int outer, int r, int inner, double correction, float[] mean, int mOff, float[] var, int vOff) {
        meanVar(x, xOff, outer, r, inner, 0, inner, correction, mean, mOff, var, vOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void meanVar(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, double correction, float[] mean, int mOff, float[] var, int vOff) {
        if (r == 0 || inner > 1) {
            // columns: the sums vectorize across inner in reduce(); the centred pass is cheap next to them
            meanVarCols(x, xOff, outer, r, inner, j0, j1, correction, mean, mOff, var, vOff);
            return;
        }
        double dof = Math.max(0.0, r - correction);
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r;
            double mu = rowSum(x, base, r) / r;
            FloatVector mv = FloatVector.broadcast(FS, (float) mu);
            double q = 0;
            int len = FS.length();
            for (int k0 = 0; k0 < r; k0 += BLOCK) {
                int m = Math.min(BLOCK, r - k0), k = 0;
                FloatVector a = FloatVector.zero(FS);
                for (; k + len <= m; k += len) {
                    FloatVector dv = FloatVector.fromArray(FS, x, base + k0 + k).sub(mv);
                    a = dv.fma(dv, a);
                }
                float s = a.reduceLanes(VectorOperators.ADD);
                for (; k < m; k++) {
                    float dk = x[base + k0 + k] - (float) mu;
                    s += dk * dk;
                }
                q += s;
            }
            mean[mOff + o] = (float) mu;
            var[vOff + o] = (float) (q / dof);
        }
    }

    private static void meanVarCols(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, double correction, float[] mean, int mOff, float[] var, int vOff) {
        double dof = Math.max(0.0, r - correction);
        int w = j1 - j0;
        float[] s = new float[inner];
        double[] q = new double[w];
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            if (r > 0) reduce(ReduceFn.SUM, x, base, 1, r, inner, j0, j1, s, 0);
            java.util.Arrays.fill(q, 0.0);
            for (int j = j0; j < j1; j++) mean[mOff + o * inner + j] = (float) ((double) s[j] / r);
            for (int k = 0; k < r; k++) {
                int p = base + k * inner;
                for (int j = j0; j < j1; j++) {
                    double dk = x[p + j] - (double) mean[mOff + o * inner + j];
                    q[j - j0] += dk * dk;
                }
            }
            for (int j = j0; j < j1; j++) var[vOff + o * inner + j] = (float) (q[j - j0] / dof);
        }
    }

    /** double mean and variance (two passes). Writes mean and var. */
    public static void meanVar(double[] x, int xOff, int outer, int r, int inner, double correction, double[] mean, int mOff, double[] var, int vOff) {
        meanVar(x, xOff, outer, r, inner, 0, inner, correction, mean, mOff, var, vOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void meanVar(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double correction, double[] mean, int mOff, double[] var, int vOff) {
        if (r == 0 || inner > 1) {
            // columns: the sums vectorize across inner in reduce(); the centred pass is cheap next to them
            meanVarCols(x, xOff, outer, r, inner, j0, j1, correction, mean, mOff, var, vOff);
            return;
        }
        double dof = Math.max(0.0, r - correction);
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r;
            double mu = rowSum(x, base, r) / r;
            DoubleVector mv = DoubleVector.broadcast(DS, (double) mu);
            double q = 0;
            int len = DS.length();
            for (int k0 = 0; k0 < r; k0 += BLOCK) {
                int m = Math.min(BLOCK, r - k0), k = 0;
                DoubleVector a = DoubleVector.zero(DS);
                for (; k + len <= m; k += len) {
                    DoubleVector dv = DoubleVector.fromArray(DS, x, base + k0 + k).sub(mv);
                    a = dv.fma(dv, a);
                }
                double s = a.reduceLanes(VectorOperators.ADD);
                for (; k < m; k++) {
                    double dk = x[base + k0 + k] - (double) mu;
                    s += dk * dk;
                }
                q += s;
            }
            mean[mOff + o] = (double) mu;
            var[vOff + o] = (double) (q / dof);
        }
    }

    private static void meanVarCols(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double correction, double[] mean, int mOff, double[] var, int vOff) {
        double dof = Math.max(0.0, r - correction);
        int w = j1 - j0;
        double[] s = new double[inner];
        double[] q = new double[w];
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            if (r > 0) reduce(ReduceFn.SUM, x, base, 1, r, inner, j0, j1, s, 0);
            java.util.Arrays.fill(q, 0.0);
            for (int j = j0; j < j1; j++) mean[mOff + o * inner + j] = (double) ((double) s[j] / r);
            for (int k = 0; k < r; k++) {
                int p = base + k * inner;
                for (int j = j0; j < j1; j++) {
                    double dk = x[p + j] - (double) mean[mOff + o * inner + j];
                    q[j - j0] += dk * dk;
                }
            }
            for (int j = j0; j < j1; j++) var[vOff + o * inner + j] = (double) (q[j - j0] / dof);
        }
    }
}
