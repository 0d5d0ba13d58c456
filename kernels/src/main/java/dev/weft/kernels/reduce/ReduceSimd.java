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
 * stays near a block's, and the result depends only on r). inner > 1: tiles of {@link #TILE} columns keep their
 * accumulators in L1 while rows stream past (vector ops across columns, r the outer loop); F32 flushes its float
 * accumulators into double every {@link #FLUSH} rows, F64 and integers accumulate in order like the reference.
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
    /** Columns per tile (inner > 1): the tile's accumulators stay in L1 while whole rows stream past. */
    static final int TILE = 1024;


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

    // NOTE: one loop per operator: a VectorOperators value that is not a compile-time constant at the call
    // site defeats the intrinsics (the generic lanewise(op, v) path ran 3x slower than the scalar loop).
    private static float rowBlock(ReduceFn fn, float id, float[] x, int off, int m) {
        return switch (fn) {
            case SUM -> rowBlockSum(id, x, off, m);
            case MAX -> rowBlockMax(id, x, off, m);
            case MIN -> rowBlockMin(id, x, off, m);
            default -> throw new IllegalArgumentException("reduce " + fn + ": not vectorized for float");
        };
    }

    private static float rowBlockSum(float id, float[] x, int off, int m) {
        int len = FS.length(), i = 0;
        FloatVector a0 = FloatVector.broadcast(FS, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.add(FloatVector.fromArray(FS, x, off + i));
            a1 = a1.add(FloatVector.fromArray(FS, x, off + i + len));
            a2 = a2.add(FloatVector.fromArray(FS, x, off + i + 2 * len));
            a3 = a3.add(FloatVector.fromArray(FS, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.add(FloatVector.fromArray(FS, x, off + i));
        if (i < m) {
            VectorMask<Float> mask = FS.indexInRange(i, m);
            a1 = a1.add(FloatVector.broadcast(FS, id).blend(FloatVector.fromArray(FS, x, off + i, mask), mask));
        }
        return a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
    }

    private static float rowBlockMax(float id, float[] x, int off, int m) {
        int len = FS.length(), i = 0;
        FloatVector a0 = FloatVector.broadcast(FS, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.max(FloatVector.fromArray(FS, x, off + i));
            a1 = a1.max(FloatVector.fromArray(FS, x, off + i + len));
            a2 = a2.max(FloatVector.fromArray(FS, x, off + i + 2 * len));
            a3 = a3.max(FloatVector.fromArray(FS, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.max(FloatVector.fromArray(FS, x, off + i));
        if (i < m) {
            VectorMask<Float> mask = FS.indexInRange(i, m);
            a1 = a1.max(FloatVector.broadcast(FS, id).blend(FloatVector.fromArray(FS, x, off + i, mask), mask));
        }
        return a0.max(a1).max(a2.max(a3)).reduceLanes(VectorOperators.MAX);
    }

    private static float rowBlockMin(float id, float[] x, int off, int m) {
        int len = FS.length(), i = 0;
        FloatVector a0 = FloatVector.broadcast(FS, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.min(FloatVector.fromArray(FS, x, off + i));
            a1 = a1.min(FloatVector.fromArray(FS, x, off + i + len));
            a2 = a2.min(FloatVector.fromArray(FS, x, off + i + 2 * len));
            a3 = a3.min(FloatVector.fromArray(FS, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.min(FloatVector.fromArray(FS, x, off + i));
        if (i < m) {
            VectorMask<Float> mask = FS.indexInRange(i, m);
            a1 = a1.min(FloatVector.broadcast(FS, id).blend(FloatVector.fromArray(FS, x, off + i, mask), mask));
        }
        return a0.min(a1).min(a2.min(a3)).reduceLanes(VectorOperators.MIN);
    }

    /** Column reduction: vectors across columns [j0, j1), r the outer loop; one loop per operator. */
    private static void cols(ReduceFn fn, float[] x, int base, int r, int inner, int j0, int j1, float[] y, int yb) {
        switch (fn) {
            case SUM -> colsSum(x, base, r, inner, j0, j1, y, yb);
            case MAX -> colsMax(x, base, r, inner, j0, j1, y, yb);
            case MIN -> colsMin(x, base, r, inner, j0, j1, y, yb);
            default -> throw new IllegalArgumentException("reduce " + fn + ": not vectorized for float");
        }
    }

    private static void colsSum(float[] x, int base, int r, int inner, int j0, int j1, float[] y, int yb) {
        int len = FS.length();
        float[] acc = new float[Math.min(TILE, j1 - j0)];
        double[] wide = new double[acc.length];
        for (int t0 = j0; t0 < j1; t0 += TILE) {
            int w = Math.min(TILE, j1 - t0);
            java.util.Arrays.fill(wide, 0, w, 0.0);
            for (int k0 = 0; k0 < r; k0 += FLUSH) {
                java.util.Arrays.fill(acc, 0, w, 0);
                for (int k = k0, k1 = Math.min(r, k0 + FLUSH); k < k1; k++) {
                    int p = base + k * inner + t0, j = 0;
                    for (; j + len <= w; j += len) {
                        FloatVector.fromArray(FS, acc, j).add(FloatVector.fromArray(FS, x, p + j)).intoArray(acc, j);
                    }
                    for (; j < w; j++) acc[j] = acc[j] + x[p + j];
                }
                for (int j = 0; j < w; j++) wide[j] = wide[j] + acc[j];
            }
            for (int j = 0; j < w; j++) y[yb + t0 + j] = (float) wide[j];
        }
    }

    private static void colsMax(float[] x, int base, int r, int inner, int j0, int j1, float[] y, int yb) {
        int len = FS.length();
        float[] acc = new float[Math.min(TILE, j1 - j0)];
        double[] wide = new double[acc.length];
        for (int t0 = j0; t0 < j1; t0 += TILE) {
            int w = Math.min(TILE, j1 - t0);
            java.util.Arrays.fill(wide, 0, w, Float.NEGATIVE_INFINITY);
            for (int k0 = 0; k0 < r; k0 += FLUSH) {
                java.util.Arrays.fill(acc, 0, w, Float.NEGATIVE_INFINITY);
                for (int k = k0, k1 = Math.min(r, k0 + FLUSH); k < k1; k++) {
                    int p = base + k * inner + t0, j = 0;
                    for (; j + len <= w; j += len) {
                        FloatVector.fromArray(FS, acc, j).max(FloatVector.fromArray(FS, x, p + j)).intoArray(acc, j);
                    }
                    for (; j < w; j++) acc[j] = Math.max(acc[j], x[p + j]);
                }
                for (int j = 0; j < w; j++) wide[j] = Math.max(wide[j], acc[j]);
            }
            for (int j = 0; j < w; j++) y[yb + t0 + j] = (float) wide[j];
        }
    }

    private static void colsMin(float[] x, int base, int r, int inner, int j0, int j1, float[] y, int yb) {
        int len = FS.length();
        float[] acc = new float[Math.min(TILE, j1 - j0)];
        double[] wide = new double[acc.length];
        for (int t0 = j0; t0 < j1; t0 += TILE) {
            int w = Math.min(TILE, j1 - t0);
            java.util.Arrays.fill(wide, 0, w, Float.POSITIVE_INFINITY);
            for (int k0 = 0; k0 < r; k0 += FLUSH) {
                java.util.Arrays.fill(acc, 0, w, Float.POSITIVE_INFINITY);
                for (int k = k0, k1 = Math.min(r, k0 + FLUSH); k < k1; k++) {
                    int p = base + k * inner + t0, j = 0;
                    for (; j + len <= w; j += len) {
                        FloatVector.fromArray(FS, acc, j).min(FloatVector.fromArray(FS, x, p + j)).intoArray(acc, j);
                    }
                    for (; j < w; j++) acc[j] = Math.min(acc[j], x[p + j]);
                }
                for (int j = 0; j < w; j++) wide[j] = Math.min(wide[j], acc[j]);
            }
            for (int j = 0; j < w; j++) y[yb + t0 + j] = (float) wide[j];
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

    // NOTE: one loop per operator: a VectorOperators value that is not a compile-time constant at the call
    // site defeats the intrinsics (the generic lanewise(op, v) path ran 3x slower than the scalar loop).
    private static double rowBlock(ReduceFn fn, double id, double[] x, int off, int m) {
        return switch (fn) {
            case SUM -> rowBlockSum(id, x, off, m);
            case MAX -> rowBlockMax(id, x, off, m);
            case MIN -> rowBlockMin(id, x, off, m);
            default -> throw new IllegalArgumentException("reduce " + fn + ": not vectorized for double");
        };
    }

    private static double rowBlockSum(double id, double[] x, int off, int m) {
        int len = DS.length(), i = 0;
        DoubleVector a0 = DoubleVector.broadcast(DS, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.add(DoubleVector.fromArray(DS, x, off + i));
            a1 = a1.add(DoubleVector.fromArray(DS, x, off + i + len));
            a2 = a2.add(DoubleVector.fromArray(DS, x, off + i + 2 * len));
            a3 = a3.add(DoubleVector.fromArray(DS, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.add(DoubleVector.fromArray(DS, x, off + i));
        if (i < m) {
            VectorMask<Double> mask = DS.indexInRange(i, m);
            a1 = a1.add(DoubleVector.broadcast(DS, id).blend(DoubleVector.fromArray(DS, x, off + i, mask), mask));
        }
        return a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
    }

    private static double rowBlockMax(double id, double[] x, int off, int m) {
        int len = DS.length(), i = 0;
        DoubleVector a0 = DoubleVector.broadcast(DS, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.max(DoubleVector.fromArray(DS, x, off + i));
            a1 = a1.max(DoubleVector.fromArray(DS, x, off + i + len));
            a2 = a2.max(DoubleVector.fromArray(DS, x, off + i + 2 * len));
            a3 = a3.max(DoubleVector.fromArray(DS, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.max(DoubleVector.fromArray(DS, x, off + i));
        if (i < m) {
            VectorMask<Double> mask = DS.indexInRange(i, m);
            a1 = a1.max(DoubleVector.broadcast(DS, id).blend(DoubleVector.fromArray(DS, x, off + i, mask), mask));
        }
        return a0.max(a1).max(a2.max(a3)).reduceLanes(VectorOperators.MAX);
    }

    private static double rowBlockMin(double id, double[] x, int off, int m) {
        int len = DS.length(), i = 0;
        DoubleVector a0 = DoubleVector.broadcast(DS, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.min(DoubleVector.fromArray(DS, x, off + i));
            a1 = a1.min(DoubleVector.fromArray(DS, x, off + i + len));
            a2 = a2.min(DoubleVector.fromArray(DS, x, off + i + 2 * len));
            a3 = a3.min(DoubleVector.fromArray(DS, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.min(DoubleVector.fromArray(DS, x, off + i));
        if (i < m) {
            VectorMask<Double> mask = DS.indexInRange(i, m);
            a1 = a1.min(DoubleVector.broadcast(DS, id).blend(DoubleVector.fromArray(DS, x, off + i, mask), mask));
        }
        return a0.min(a1).min(a2.min(a3)).reduceLanes(VectorOperators.MIN);
    }

    /** Column reduction: vectors across columns [j0, j1), r the outer loop; one loop per operator. */
    private static void cols(ReduceFn fn, double[] x, int base, int r, int inner, int j0, int j1, double[] y, int yb) {
        switch (fn) {
            case SUM -> colsSum(x, base, r, inner, j0, j1, y, yb);
            case MAX -> colsMax(x, base, r, inner, j0, j1, y, yb);
            case MIN -> colsMin(x, base, r, inner, j0, j1, y, yb);
            default -> throw new IllegalArgumentException("reduce " + fn + ": not vectorized for double");
        }
    }

    private static void colsSum(double[] x, int base, int r, int inner, int j0, int j1, double[] y, int yb) {
        int len = DS.length();
        for (int t0 = j0; t0 < j1; t0 += TILE) {
            int w = Math.min(TILE, j1 - t0), q = yb + t0;
            java.util.Arrays.fill(y, q, q + w, 0);
            for (int k = 0; k < r; k++) {
                int p = base + k * inner + t0, j = 0;
                for (; j + len <= w; j += len) {
                    DoubleVector.fromArray(DS, y, q + j).add(DoubleVector.fromArray(DS, x, p + j)).intoArray(y, q + j);
                }
                for (; j < w; j++) y[q + j] = (y[q + j] + x[p + j]);
            }
        }
    }

    private static void colsMax(double[] x, int base, int r, int inner, int j0, int j1, double[] y, int yb) {
        int len = DS.length();
        for (int t0 = j0; t0 < j1; t0 += TILE) {
            int w = Math.min(TILE, j1 - t0), q = yb + t0;
            java.util.Arrays.fill(y, q, q + w, Double.NEGATIVE_INFINITY);
            for (int k = 0; k < r; k++) {
                int p = base + k * inner + t0, j = 0;
                for (; j + len <= w; j += len) {
                    DoubleVector.fromArray(DS, y, q + j).max(DoubleVector.fromArray(DS, x, p + j)).intoArray(y, q + j);
                }
                for (; j < w; j++) y[q + j] = (Math.max(y[q + j], x[p + j]));
            }
        }
    }

    private static void colsMin(double[] x, int base, int r, int inner, int j0, int j1, double[] y, int yb) {
        int len = DS.length();
        for (int t0 = j0; t0 < j1; t0 += TILE) {
            int w = Math.min(TILE, j1 - t0), q = yb + t0;
            java.util.Arrays.fill(y, q, q + w, Double.POSITIVE_INFINITY);
            for (int k = 0; k < r; k++) {
                int p = base + k * inner + t0, j = 0;
                for (; j + len <= w; j += len) {
                    DoubleVector.fromArray(DS, y, q + j).min(DoubleVector.fromArray(DS, x, p + j)).intoArray(y, q + j);
                }
                for (; j < w; j++) y[q + j] = (Math.min(y[q + j], x[p + j]));
            }
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

    // NOTE: one loop per operator: a VectorOperators value that is not a compile-time constant at the call
    // site defeats the intrinsics (the generic lanewise(op, v) path ran 3x slower than the scalar loop).
    private static int rowBlock(ReduceFn fn, int id, int[] x, int off, int m) {
        return switch (fn) {
            case SUM -> rowBlockSum(id, x, off, m);
            case MAX -> rowBlockMax(id, x, off, m);
            case MIN -> rowBlockMin(id, x, off, m);
            case PROD -> rowBlockProd(id, x, off, m);
            default -> throw new IllegalArgumentException("reduce " + fn + ": not vectorized for int");
        };
    }

    private static int rowBlockSum(int id, int[] x, int off, int m) {
        int len = IS.length(), i = 0;
        IntVector a0 = IntVector.broadcast(IS, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.add(IntVector.fromArray(IS, x, off + i));
            a1 = a1.add(IntVector.fromArray(IS, x, off + i + len));
            a2 = a2.add(IntVector.fromArray(IS, x, off + i + 2 * len));
            a3 = a3.add(IntVector.fromArray(IS, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.add(IntVector.fromArray(IS, x, off + i));
        if (i < m) {
            VectorMask<Integer> mask = IS.indexInRange(i, m);
            a1 = a1.add(IntVector.broadcast(IS, id).blend(IntVector.fromArray(IS, x, off + i, mask), mask));
        }
        return a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
    }

    private static int rowBlockMax(int id, int[] x, int off, int m) {
        int len = IS.length(), i = 0;
        IntVector a0 = IntVector.broadcast(IS, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.max(IntVector.fromArray(IS, x, off + i));
            a1 = a1.max(IntVector.fromArray(IS, x, off + i + len));
            a2 = a2.max(IntVector.fromArray(IS, x, off + i + 2 * len));
            a3 = a3.max(IntVector.fromArray(IS, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.max(IntVector.fromArray(IS, x, off + i));
        if (i < m) {
            VectorMask<Integer> mask = IS.indexInRange(i, m);
            a1 = a1.max(IntVector.broadcast(IS, id).blend(IntVector.fromArray(IS, x, off + i, mask), mask));
        }
        return a0.max(a1).max(a2.max(a3)).reduceLanes(VectorOperators.MAX);
    }

    private static int rowBlockMin(int id, int[] x, int off, int m) {
        int len = IS.length(), i = 0;
        IntVector a0 = IntVector.broadcast(IS, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.min(IntVector.fromArray(IS, x, off + i));
            a1 = a1.min(IntVector.fromArray(IS, x, off + i + len));
            a2 = a2.min(IntVector.fromArray(IS, x, off + i + 2 * len));
            a3 = a3.min(IntVector.fromArray(IS, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.min(IntVector.fromArray(IS, x, off + i));
        if (i < m) {
            VectorMask<Integer> mask = IS.indexInRange(i, m);
            a1 = a1.min(IntVector.broadcast(IS, id).blend(IntVector.fromArray(IS, x, off + i, mask), mask));
        }
        return a0.min(a1).min(a2.min(a3)).reduceLanes(VectorOperators.MIN);
    }

    private static int rowBlockProd(int id, int[] x, int off, int m) {
        int len = IS.length(), i = 0;
        IntVector a0 = IntVector.broadcast(IS, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.mul(IntVector.fromArray(IS, x, off + i));
            a1 = a1.mul(IntVector.fromArray(IS, x, off + i + len));
            a2 = a2.mul(IntVector.fromArray(IS, x, off + i + 2 * len));
            a3 = a3.mul(IntVector.fromArray(IS, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.mul(IntVector.fromArray(IS, x, off + i));
        if (i < m) {
            VectorMask<Integer> mask = IS.indexInRange(i, m);
            a1 = a1.mul(IntVector.broadcast(IS, id).blend(IntVector.fromArray(IS, x, off + i, mask), mask));
        }
        return a0.mul(a1).mul(a2.mul(a3)).reduceLanes(VectorOperators.MUL);
    }

    /** Column reduction: vectors across columns [j0, j1), r the outer loop; one loop per operator. */
    private static void cols(ReduceFn fn, int[] x, int base, int r, int inner, int j0, int j1, int[] y, int yb) {
        switch (fn) {
            case SUM -> colsSum(x, base, r, inner, j0, j1, y, yb);
            case MAX -> colsMax(x, base, r, inner, j0, j1, y, yb);
            case MIN -> colsMin(x, base, r, inner, j0, j1, y, yb);
            case PROD -> colsProd(x, base, r, inner, j0, j1, y, yb);
            default -> throw new IllegalArgumentException("reduce " + fn + ": not vectorized for int");
        }
    }

    private static void colsSum(int[] x, int base, int r, int inner, int j0, int j1, int[] y, int yb) {
        int len = IS.length();
        for (int t0 = j0; t0 < j1; t0 += TILE) {
            int w = Math.min(TILE, j1 - t0), q = yb + t0;
            java.util.Arrays.fill(y, q, q + w, 0);
            for (int k = 0; k < r; k++) {
                int p = base + k * inner + t0, j = 0;
                for (; j + len <= w; j += len) {
                    IntVector.fromArray(IS, y, q + j).add(IntVector.fromArray(IS, x, p + j)).intoArray(y, q + j);
                }
                for (; j < w; j++) y[q + j] = (int) (y[q + j] + x[p + j]);
            }
        }
    }

    private static void colsMax(int[] x, int base, int r, int inner, int j0, int j1, int[] y, int yb) {
        int len = IS.length();
        for (int t0 = j0; t0 < j1; t0 += TILE) {
            int w = Math.min(TILE, j1 - t0), q = yb + t0;
            java.util.Arrays.fill(y, q, q + w, Integer.MIN_VALUE);
            for (int k = 0; k < r; k++) {
                int p = base + k * inner + t0, j = 0;
                for (; j + len <= w; j += len) {
                    IntVector.fromArray(IS, y, q + j).max(IntVector.fromArray(IS, x, p + j)).intoArray(y, q + j);
                }
                for (; j < w; j++) y[q + j] = (Math.max(y[q + j], x[p + j]));
            }
        }
    }

    private static void colsMin(int[] x, int base, int r, int inner, int j0, int j1, int[] y, int yb) {
        int len = IS.length();
        for (int t0 = j0; t0 < j1; t0 += TILE) {
            int w = Math.min(TILE, j1 - t0), q = yb + t0;
            java.util.Arrays.fill(y, q, q + w, Integer.MAX_VALUE);
            for (int k = 0; k < r; k++) {
                int p = base + k * inner + t0, j = 0;
                for (; j + len <= w; j += len) {
                    IntVector.fromArray(IS, y, q + j).min(IntVector.fromArray(IS, x, p + j)).intoArray(y, q + j);
                }
                for (; j < w; j++) y[q + j] = (Math.min(y[q + j], x[p + j]));
            }
        }
    }

    private static void colsProd(int[] x, int base, int r, int inner, int j0, int j1, int[] y, int yb) {
        int len = IS.length();
        for (int t0 = j0; t0 < j1; t0 += TILE) {
            int w = Math.min(TILE, j1 - t0), q = yb + t0;
            java.util.Arrays.fill(y, q, q + w, 1);
            for (int k = 0; k < r; k++) {
                int p = base + k * inner + t0, j = 0;
                for (; j + len <= w; j += len) {
                    IntVector.fromArray(IS, y, q + j).mul(IntVector.fromArray(IS, x, p + j)).intoArray(y, q + j);
                }
                for (; j < w; j++) y[q + j] = (int) (y[q + j] * x[p + j]);
            }
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

    // NOTE: one loop per operator: a VectorOperators value that is not a compile-time constant at the call
    // site defeats the intrinsics (the generic lanewise(op, v) path ran 3x slower than the scalar loop).
    private static long rowBlock(ReduceFn fn, long id, long[] x, int off, int m) {
        return switch (fn) {
            case SUM -> rowBlockSum(id, x, off, m);
            case MAX -> rowBlockMax(id, x, off, m);
            case MIN -> rowBlockMin(id, x, off, m);
            default -> throw new IllegalArgumentException("reduce " + fn + ": not vectorized for long");
        };
    }

    private static long rowBlockSum(long id, long[] x, int off, int m) {
        int len = LS.length(), i = 0;
        LongVector a0 = LongVector.broadcast(LS, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.add(LongVector.fromArray(LS, x, off + i));
            a1 = a1.add(LongVector.fromArray(LS, x, off + i + len));
            a2 = a2.add(LongVector.fromArray(LS, x, off + i + 2 * len));
            a3 = a3.add(LongVector.fromArray(LS, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.add(LongVector.fromArray(LS, x, off + i));
        if (i < m) {
            VectorMask<Long> mask = LS.indexInRange(i, m);
            a1 = a1.add(LongVector.broadcast(LS, id).blend(LongVector.fromArray(LS, x, off + i, mask), mask));
        }
        return a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
    }

    private static long rowBlockMax(long id, long[] x, int off, int m) {
        int len = LS.length(), i = 0;
        LongVector a0 = LongVector.broadcast(LS, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.max(LongVector.fromArray(LS, x, off + i));
            a1 = a1.max(LongVector.fromArray(LS, x, off + i + len));
            a2 = a2.max(LongVector.fromArray(LS, x, off + i + 2 * len));
            a3 = a3.max(LongVector.fromArray(LS, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.max(LongVector.fromArray(LS, x, off + i));
        if (i < m) {
            VectorMask<Long> mask = LS.indexInRange(i, m);
            a1 = a1.max(LongVector.broadcast(LS, id).blend(LongVector.fromArray(LS, x, off + i, mask), mask));
        }
        return a0.max(a1).max(a2.max(a3)).reduceLanes(VectorOperators.MAX);
    }

    private static long rowBlockMin(long id, long[] x, int off, int m) {
        int len = LS.length(), i = 0;
        LongVector a0 = LongVector.broadcast(LS, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.min(LongVector.fromArray(LS, x, off + i));
            a1 = a1.min(LongVector.fromArray(LS, x, off + i + len));
            a2 = a2.min(LongVector.fromArray(LS, x, off + i + 2 * len));
            a3 = a3.min(LongVector.fromArray(LS, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.min(LongVector.fromArray(LS, x, off + i));
        if (i < m) {
            VectorMask<Long> mask = LS.indexInRange(i, m);
            a1 = a1.min(LongVector.broadcast(LS, id).blend(LongVector.fromArray(LS, x, off + i, mask), mask));
        }
        return a0.min(a1).min(a2.min(a3)).reduceLanes(VectorOperators.MIN);
    }

    /** Column reduction: vectors across columns [j0, j1), r the outer loop; one loop per operator. */
    private static void cols(ReduceFn fn, long[] x, int base, int r, int inner, int j0, int j1, long[] y, int yb) {
        switch (fn) {
            case SUM -> colsSum(x, base, r, inner, j0, j1, y, yb);
            case MAX -> colsMax(x, base, r, inner, j0, j1, y, yb);
            case MIN -> colsMin(x, base, r, inner, j0, j1, y, yb);
            default -> throw new IllegalArgumentException("reduce " + fn + ": not vectorized for long");
        }
    }

    private static void colsSum(long[] x, int base, int r, int inner, int j0, int j1, long[] y, int yb) {
        int len = LS.length();
        for (int t0 = j0; t0 < j1; t0 += TILE) {
            int w = Math.min(TILE, j1 - t0), q = yb + t0;
            java.util.Arrays.fill(y, q, q + w, 0);
            for (int k = 0; k < r; k++) {
                int p = base + k * inner + t0, j = 0;
                for (; j + len <= w; j += len) {
                    LongVector.fromArray(LS, y, q + j).add(LongVector.fromArray(LS, x, p + j)).intoArray(y, q + j);
                }
                for (; j < w; j++) y[q + j] = (y[q + j] + x[p + j]);
            }
        }
    }

    private static void colsMax(long[] x, int base, int r, int inner, int j0, int j1, long[] y, int yb) {
        int len = LS.length();
        for (int t0 = j0; t0 < j1; t0 += TILE) {
            int w = Math.min(TILE, j1 - t0), q = yb + t0;
            java.util.Arrays.fill(y, q, q + w, Long.MIN_VALUE);
            for (int k = 0; k < r; k++) {
                int p = base + k * inner + t0, j = 0;
                for (; j + len <= w; j += len) {
                    LongVector.fromArray(LS, y, q + j).max(LongVector.fromArray(LS, x, p + j)).intoArray(y, q + j);
                }
                for (; j < w; j++) y[q + j] = (Math.max(y[q + j], x[p + j]));
            }
        }
    }

    private static void colsMin(long[] x, int base, int r, int inner, int j0, int j1, long[] y, int yb) {
        int len = LS.length();
        for (int t0 = j0; t0 < j1; t0 += TILE) {
            int w = Math.min(TILE, j1 - t0), q = yb + t0;
            java.util.Arrays.fill(y, q, q + w, Long.MAX_VALUE);
            for (int k = 0; k < r; k++) {
                int p = base + k * inner + t0, j = 0;
                for (; j + len <= w; j += len) {
                    LongVector.fromArray(LS, y, q + j).min(LongVector.fromArray(LS, x, p + j)).intoArray(y, q + j);
                }
                for (; j < w; j++) y[q + j] = (Math.min(y[q + j], x[p + j]));
            }
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
        VectorSpecies<Integer> is = IS;
        int len = FS.length();
        int[] ki = new int[len];
        for (int j = j0; j < j1; j += len) {
            VectorMask<Float> mask = FS.indexInRange(j, j1);
            FloatVector best = FloatVector.fromArray(FS, x, base + j, mask);
            IntVector bi = IntVector.zero(is);
            for (int k = 1; k < r; k++) {
                FloatVector v = FloatVector.fromArray(FS, x, base + k * inner + j, mask);
                VectorMask<Float> upd = (max ? v.compare(VectorOperators.GT, best) : v.compare(VectorOperators.LT, best)).or(v.compare(VectorOperators.NE, v).andNot(best.compare(VectorOperators.NE, best)));
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
        VectorSpecies<Long> is = LS;
        int len = DS.length();
        long[] ki = new long[len];
        for (int j = j0; j < j1; j += len) {
            VectorMask<Double> mask = DS.indexInRange(j, j1);
            DoubleVector best = DoubleVector.fromArray(DS, x, base + j, mask);
            LongVector bi = LongVector.zero(is);
            for (int k = 1; k < r; k++) {
                DoubleVector v = DoubleVector.fromArray(DS, x, base + k * inner + j, mask);
                VectorMask<Double> upd = (max ? v.compare(VectorOperators.GT, best) : v.compare(VectorOperators.LT, best)).or(v.compare(VectorOperators.NE, v).andNot(best.compare(VectorOperators.NE, best)));
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
        VectorSpecies<Integer> is = IS;
        int len = IS.length();
        int[] ki = new int[len];
        for (int j = j0; j < j1; j += len) {
            VectorMask<Integer> mask = IS.indexInRange(j, j1);
            IntVector best = IntVector.fromArray(IS, x, base + j, mask);
            IntVector bi = IntVector.zero(is);
            for (int k = 1; k < r; k++) {
                IntVector v = IntVector.fromArray(IS, x, base + k * inner + j, mask);
                VectorMask<Integer> upd = (max ? v.compare(VectorOperators.GT, best) : v.compare(VectorOperators.LT, best));
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
        VectorSpecies<Long> is = LS;
        int len = LS.length();
        long[] ki = new long[len];
        for (int j = j0; j < j1; j += len) {
            VectorMask<Long> mask = LS.indexInRange(j, j1);
            LongVector best = LongVector.fromArray(LS, x, base + j, mask);
            LongVector bi = LongVector.zero(is);
            for (int k = 1; k < r; k++) {
                LongVector v = LongVector.fromArray(LS, x, base + k * inner + j, mask);
                VectorMask<Long> upd = (max ? v.compare(VectorOperators.GT, best) : v.compare(VectorOperators.LT, best));
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
