//@class ReduceSimd
package dev.weft.kernels.reduce;

import dev.weft.kernels.LaneSums;
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


    //@each F32 F64 literals
    /**
     * ${t}: as {@link ReduceScalar}. Writes y.
     *
     * @param fn the function to apply
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void reduce(ReduceFn fn, ${t}[] x, int xOff, int outer, int r, int inner, ${t}[] y, int yOff) {
        reduce(fn, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
     * @param fn the function to apply
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param j0 first inner column to compute (inclusive)
     * @param j1 end of the inner column range (exclusive)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void reduce(ReduceFn fn, ${t}[] x, int xOff, int outer, int r, int inner, int j0, int j1, ${t}[] y, int yOff) {
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

    /** The SUM of x[off .. off + r) before rounding to ${t}: the double total of the block sums. */
    static double rowSum(${t}[] x, int off, int r) {
        double total = 0;
        for (int k0 = 0; k0 < r; k0 += BLOCK) total += rowBlock(ReduceFn.SUM, 0, x, off + k0, Math.min(BLOCK, r - k0));
        return total;
    }

    /** fn over x[off .. off + r): blocks of BLOCK, each with four vector accumulators, combined in order. */
    static ${t} row(ReduceFn fn, ${t}[] x, int off, int r) {
        ${t} id = fn == ReduceFn.SUM ? 0.0 : fn == ReduceFn.PROD ? 1.0 : fn == ReduceFn.MAX ? ${T}.NEGATIVE_INFINITY : ${T}.POSITIVE_INFINITY;
        double total = id;
        for (int k0 = 0; k0 < r; k0 += BLOCK) {
            ${t} part = rowBlock(fn, id, x, off + k0, Math.min(BLOCK, r - k0));
            total = ReduceScalar.step(fn, total, part);
        }
        return (${t}) total;
    }

    // NOTE: one loop per operator: a VectorOperators value that is not a compile-time constant at the call
    // site defeats the intrinsics (the generic lanewise(op, v) path ran 3x slower than the scalar loop).
    private static ${t} rowBlock(ReduceFn fn, ${t} id, ${t}[] x, int off, int m) {
        return switch (fn) {
            case SUM -> rowBlockSum(id, x, off, m);
            case MAX -> rowBlockMax(id, x, off, m);
            case MIN -> rowBlockMin(id, x, off, m);
            default -> throw new IllegalArgumentException("reduce " + fn + ": not vectorized for ${t}");
        };
    }

    private static ${t} rowBlockSum(${t} id, ${t}[] x, int off, int m) {
        int len = ${V}.length(), i = 0;
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.add(${T}Vector.fromArray(${V}, x, off + i));
            a1 = a1.add(${T}Vector.fromArray(${V}, x, off + i + len));
            a2 = a2.add(${T}Vector.fromArray(${V}, x, off + i + 2 * len));
            a3 = a3.add(${T}Vector.fromArray(${V}, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.add(${T}Vector.fromArray(${V}, x, off + i));
        if (i < m) {
            VectorMask<${T}> mask = ${V}.indexInRange(i, m);
            a1 = a1.add(${T}Vector.broadcast(${V}, id).blend(${T}Vector.fromArray(${V}, x, off + i, mask), mask));
        }
        return LaneSums.sum(a0.add(a1).add(a2.add(a3)));
    }

    private static ${t} rowBlockMax(${t} id, ${t}[] x, int off, int m) {
        int len = ${V}.length(), i = 0;
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.max(${T}Vector.fromArray(${V}, x, off + i));
            a1 = a1.max(${T}Vector.fromArray(${V}, x, off + i + len));
            a2 = a2.max(${T}Vector.fromArray(${V}, x, off + i + 2 * len));
            a3 = a3.max(${T}Vector.fromArray(${V}, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.max(${T}Vector.fromArray(${V}, x, off + i));
        if (i < m) {
            VectorMask<${T}> mask = ${V}.indexInRange(i, m);
            a1 = a1.max(${T}Vector.broadcast(${V}, id).blend(${T}Vector.fromArray(${V}, x, off + i, mask), mask));
        }
        return a0.max(a1).max(a2.max(a3)).reduceLanes(VectorOperators.MAX);
    }

    private static ${t} rowBlockMin(${t} id, ${t}[] x, int off, int m) {
        int len = ${V}.length(), i = 0;
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.min(${T}Vector.fromArray(${V}, x, off + i));
            a1 = a1.min(${T}Vector.fromArray(${V}, x, off + i + len));
            a2 = a2.min(${T}Vector.fromArray(${V}, x, off + i + 2 * len));
            a3 = a3.min(${T}Vector.fromArray(${V}, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.min(${T}Vector.fromArray(${V}, x, off + i));
        if (i < m) {
            VectorMask<${T}> mask = ${V}.indexInRange(i, m);
            a1 = a1.min(${T}Vector.broadcast(${V}, id).blend(${T}Vector.fromArray(${V}, x, off + i, mask), mask));
        }
        return a0.min(a1).min(a2.min(a3)).reduceLanes(VectorOperators.MIN);
    }
    //@end

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

}
