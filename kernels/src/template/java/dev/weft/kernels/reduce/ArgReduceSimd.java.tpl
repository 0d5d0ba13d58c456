//@class ArgReduceSimd
package dev.weft.kernels.reduce;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API argmax/argmin for every dtype: inner == 1 finds the extreme with vector max/min, then its
 * first index with a vector compare; inner > 1 tracks value and index per lane. Exact (first occurrence,
 * the first NaN wins), as {@link ReduceScalar}. No checks, no threading.
 */
public final class ArgReduceSimd {
    private ArgReduceSimd() {}

    /**
     * float argmax/argmin (first occurrence; the first NaN wins). Writes y and idx.
     *
     * @param max the upper bound (inclusive)
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param idx the index array
     * @param idxOff index of idx's first element
     */
    public static void argReduce(boolean max, float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff, long[] idx, int idxOff) {
        argReduce(max, x, xOff, outer, r, inner, 0, inner, y, yOff, idx, idxOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
     * @param max the upper bound (inclusive)
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param j0 first inner column to compute (inclusive)
     * @param j1 end of the inner column range (exclusive)
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param idx the index array
     * @param idxOff index of idx's first element
     */
    public static void argReduce(boolean max, float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff, long[] idx, int idxOff) {
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            if (inner == 1) {
                ReduceFn fn = max ? ReduceFn.MAX : ReduceFn.MIN;
                float best = ReduceSimd.row(fn, x, base, r);
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
        FloatVector vv = FloatVector.broadcast(ReduceSimd.FS, v);
        boolean nan = v != v;
        int len = ReduceSimd.FS.length(), k = 0;
        for (; k + len <= r; k += len) {
            FloatVector xv = FloatVector.fromArray(ReduceSimd.FS, x, off + k);
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
        VectorSpecies<Integer> is = ReduceSimd.IS;
        int len = ReduceSimd.FS.length();
        int[] ki = new int[len];
        for (int j = j0; j < j1; j += len) {
            VectorMask<Float> mask = ReduceSimd.FS.indexInRange(j, j1);
            FloatVector best = FloatVector.fromArray(ReduceSimd.FS, x, base + j, mask);
            IntVector bi = IntVector.zero(is);
            for (int k = 1; k < r; k++) {
                FloatVector v = FloatVector.fromArray(ReduceSimd.FS, x, base + k * inner + j, mask);
                VectorMask<Float> upd = (max ? v.compare(VectorOperators.GT, best) : v.compare(VectorOperators.LT, best)).or(v.compare(VectorOperators.NE, v).andNot(best.compare(VectorOperators.NE, best)));
                best = best.blend(v, upd);
                bi = bi.blend((int) k, upd.cast(is));
            }
            best.intoArray(y, yb + j, mask);
            bi.intoArray(ki, 0);
            for (int l = 0; l < len && j + l < j1; l++) idx[ib + j + l] = ki[l];
        }
    }

    /**
     * double argmax/argmin (first occurrence; the first NaN wins). Writes y and idx.
     *
     * @param max the upper bound (inclusive)
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param idx the index array
     * @param idxOff index of idx's first element
     */
    public static void argReduce(boolean max, double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff, long[] idx, int idxOff) {
        argReduce(max, x, xOff, outer, r, inner, 0, inner, y, yOff, idx, idxOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
     * @param max the upper bound (inclusive)
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param j0 first inner column to compute (inclusive)
     * @param j1 end of the inner column range (exclusive)
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param idx the index array
     * @param idxOff index of idx's first element
     */
    public static void argReduce(boolean max, double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff, long[] idx, int idxOff) {
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            if (inner == 1) {
                ReduceFn fn = max ? ReduceFn.MAX : ReduceFn.MIN;
                double best = ReduceSimd.row(fn, x, base, r);
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
        DoubleVector vv = DoubleVector.broadcast(ReduceSimd.DS, v);
        boolean nan = v != v;
        int len = ReduceSimd.DS.length(), k = 0;
        for (; k + len <= r; k += len) {
            DoubleVector xv = DoubleVector.fromArray(ReduceSimd.DS, x, off + k);
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
        VectorSpecies<Long> is = ReduceSimd.LS;
        int len = ReduceSimd.DS.length();
        long[] ki = new long[len];
        for (int j = j0; j < j1; j += len) {
            VectorMask<Double> mask = ReduceSimd.DS.indexInRange(j, j1);
            DoubleVector best = DoubleVector.fromArray(ReduceSimd.DS, x, base + j, mask);
            LongVector bi = LongVector.zero(is);
            for (int k = 1; k < r; k++) {
                DoubleVector v = DoubleVector.fromArray(ReduceSimd.DS, x, base + k * inner + j, mask);
                VectorMask<Double> upd = (max ? v.compare(VectorOperators.GT, best) : v.compare(VectorOperators.LT, best)).or(v.compare(VectorOperators.NE, v).andNot(best.compare(VectorOperators.NE, best)));
                best = best.blend(v, upd);
                bi = bi.blend((long) k, upd.cast(is));
            }
            best.intoArray(y, yb + j, mask);
            bi.intoArray(ki, 0);
            for (int l = 0; l < len && j + l < j1; l++) idx[ib + j + l] = ki[l];
        }
    }

    //@each I32 I64
    /**
     * ${t} argmax/argmin (first occurrence; the first NaN wins). Writes y and idx.
     *
     * @param max the upper bound (inclusive)
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param idx the index array
     * @param idxOff index of idx's first element
     */
    public static void argReduce(boolean max, ${s}[] x, int xOff, int outer, int r, int inner, ${s}[] y, int yOff, long[] idx, int idxOff) {
        argReduce(max, x, xOff, outer, r, inner, 0, inner, y, yOff, idx, idxOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
     * @param max the upper bound (inclusive)
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param j0 first inner column to compute (inclusive)
     * @param j1 end of the inner column range (exclusive)
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param idx the index array
     * @param idxOff index of idx's first element
     */
    public static void argReduce(boolean max, ${s}[] x, int xOff, int outer, int r, int inner, int j0, int j1, ${s}[] y, int yOff, long[] idx, int idxOff) {
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            if (inner == 1) {
                ReduceFn fn = max ? ReduceFn.MAX : ReduceFn.MIN;
                ${t} best = ReduceSimdInt.row(fn, x, base, r);
                int k = firstIndex(x, base, r, best);
                y[yOff + o] = x[base + k];   // the element itself: max(-0.0, 0.0) is 0.0, the scan keeps -0.0
                idx[idxOff + o] = k;
            } else {
                argCols(max, x, base, r, inner, j0, j1, y, yOff + o * inner, idx, idxOff + o * inner);
            }
        }
    }

    /** First k in [0, r) with x[off + k] == v. */
    private static int firstIndex(${s}[] x, int off, int r, ${t} v) {
        ${T}Vector vv = ${T}Vector.broadcast(ReduceSimd.${V}, v);
        
        int len = ReduceSimd.${V}.length(), k = 0;
        for (; k + len <= r; k += len) {
            ${T}Vector xv = ${T}Vector.fromArray(ReduceSimd.${V}, x, off + k);
            VectorMask<${L}> hit = xv.compare(VectorOperators.EQ, vv);
            if (hit.anyTrue()) return k + hit.firstTrue();
        }
        for (; k < r; k++) {
            ${t} xk = x[off + k];
            if (xk == v) return k;
        }
        return r - 1;   // unreachable: v is an element of the row
    }

    /** Per-lane running extreme and its row index across columns [j0, j1). */
    private static void argCols(boolean max, ${s}[] x, int base, int r, int inner, int j0, int j1, ${s}[] y, int yb, long[] idx, int ib) {
        VectorSpecies<${L}> is = ReduceSimd.${V};
        int len = ReduceSimd.${V}.length();
        ${s}[] ki = new ${s}[len];
        for (int j = j0; j < j1; j += len) {
            VectorMask<${L}> mask = ReduceSimd.${V}.indexInRange(j, j1);
            ${T}Vector best = ${T}Vector.fromArray(ReduceSimd.${V}, x, base + j, mask);
            ${T}Vector bi = ${T}Vector.zero(is);
            for (int k = 1; k < r; k++) {
                ${T}Vector v = ${T}Vector.fromArray(ReduceSimd.${V}, x, base + k * inner + j, mask);
                VectorMask<${L}> upd = (max ? v.compare(VectorOperators.GT, best) : v.compare(VectorOperators.LT, best));
                best = best.blend(v, upd);
                bi = bi.blend((${t}) k, upd.cast(is));
            }
            best.intoArray(y, yb + j, mask);
            bi.intoArray(ki, 0);
            for (int l = 0; l < len && j + l < j1; l++) idx[ib + j + l] = ki[l];
        }
    }
    //@end
}
