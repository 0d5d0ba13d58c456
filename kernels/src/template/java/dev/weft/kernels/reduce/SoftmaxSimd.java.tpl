//@class SoftmaxSimd
package dev.weft.kernels.reduce;

import dev.weft.kernels.LaneSums;
import dev.weft.kernels.elementwise.DoubleMath;
import dev.weft.kernels.elementwise.FloatMath;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link Softmax}. inner == 1: vector max over the row, then exp(x - max) lane-wise
 * (softmax stores the exponentials and rescales them by 1/sum); sums are per-block vector sums added into a
 * double. inner > 1: the same three passes with vectors across columns and r as the outer loop, float sums
 * flushed into double every {@link ReduceSimd#FLUSH} rows. Exp is {@link FloatMath#exp} / {@link DoubleMath#exp}
 * (basic lane ops only, so a row gives the same bits in every JIT mode and wherever the tail falls), not the
 * Vector API's EXP; results stay within the tolerance the tests document. No checks, no threading.
 */
public final class SoftmaxSimd {
    private SoftmaxSimd() {}

    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final int SOFTMAX = 0, LOG_SOFTMAX = 1, LOG_SUM_EXP = 2;

    //@each F32 F64
    /**
     * ${D} {@link Softmax#softmax}: y = exp(x - max) / sum exp(x - max) along r. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void softmax(${t}[] x, int xOff, int outer, int r, int inner, ${t}[] y, int yOff) {
        run(SOFTMAX, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
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
    public static void softmax(${t}[] x, int xOff, int outer, int r, int inner, int j0, int j1, ${t}[] y, int yOff) {
        run(SOFTMAX, x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    /**
     * ${D} {@link Softmax#logSoftmax}: y = x - max - log sum exp(x - max) along r. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void logSoftmax(${t}[] x, int xOff, int outer, int r, int inner, ${t}[] y, int yOff) {
        run(LOG_SOFTMAX, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
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
    public static void logSoftmax(${t}[] x, int xOff, int outer, int r, int inner, int j0, int j1, ${t}[] y, int yOff) {
        run(LOG_SOFTMAX, x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    /**
     * ${D} {@link Softmax#logSumExp}: y (outer, inner) = max + log sum exp(x - max) along r. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void logSumExp(${t}[] x, int xOff, int outer, int r, int inner, ${t}[] y, int yOff) {
        run(LOG_SUM_EXP, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
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
    public static void logSumExp(${t}[] x, int xOff, int outer, int r, int inner, int j0, int j1, ${t}[] y, int yOff) {
        run(LOG_SUM_EXP, x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    private static void run(int kind, ${t}[] x, int xOff, int outer, int r, int inner, int j0, int j1, ${t}[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            int yb = kind == LOG_SUM_EXP ? yOff + o * inner : yOff + o * r * inner;
            if (inner == 1) row(kind, x, base, r, y, yb);
            else cols(kind, x, base, r, inner, j0, j1, y, yb);
        }
    }

    private static void row(int kind, ${t}[] x, int off, int r, ${t}[] y, int yb) {
        ${t} m = r == 0 ? ${T}.NEGATIVE_INFINITY : ReduceSimd.row(ReduceFn.MAX, x, off, r);
        ${t} shift = kind == LOG_SUM_EXP && ${T}.isInfinite(m) ? 0 : m;
        ${T}Vector mv = ${T}Vector.broadcast(${V}, shift);
        int len = ${V}.length();
        double s = 0;
        for (int k0 = 0; k0 < r; k0 += ReduceSimd.BLOCK) {
            int k1 = Math.min(r, k0 + ReduceSimd.BLOCK), k = k0;
            ${T}Vector acc = ${T}Vector.zero(${V});
            for (; k + len <= k1; k += len) {
                ${T}Vector e = ${T}Math.exp(${T}Vector.fromArray(${V}, x, off + k).sub(mv));
                if (kind == SOFTMAX) e.intoArray(y, yb + k);
                acc = acc.add(e);
            }
            if (k < k1) {
                VectorMask<${T}> mask = ${V}.indexInRange(k, k1);
                ${T}Vector e = ${T}Math.exp(${T}Vector.fromArray(${V}, x, off + k, mask).sub(mv)).blend(0, mask.not());
                if (kind == SOFTMAX) e.intoArray(y, yb + k, mask);
                acc = acc.add(e);
            }
            s += LaneSums.sum(acc);
        }
        if (kind == LOG_SUM_EXP) {
            y[yb] = (${t}) (Math.log(s) + shift);
        } else if (kind == SOFTMAX) {
            ${T}Vector inv = ${T}Vector.broadcast(${V}, (${t}) (1.0 / s));
            int k = 0;
            for (; k + len <= r; k += len) ${T}Vector.fromArray(${V}, y, yb + k).mul(inv).intoArray(y, yb + k);
            if (k < r) {
                VectorMask<${T}> mask = ${V}.indexInRange(k, r);
                ${T}Vector.fromArray(${V}, y, yb + k, mask).mul(inv).intoArray(y, yb + k, mask);
            }
        } else {
            ${t} ls = (${t}) Math.log(s);
            int k = 0;
            for (; k + len <= r; k += len) ${T}Vector.fromArray(${V}, x, off + k).sub(mv).sub(ls).intoArray(y, yb + k);
            for (; k < r; k++) y[yb + k] = (x[off + k] - m) - ls;
        }
    }

    private static void cols(int kind, ${t}[] x, int base, int r, int inner, int j0, int j1, ${t}[] y, int yb) {
        int len = ${V}.length();
        double[] wide = new double[len];
        ${t}[] part = new ${t}[len], s = new ${t}[len];
        for (int j = j0; j < j1; j += len) {
            VectorMask<${T}> mask = ${V}.indexInRange(j, j1);
            ${T}Vector m = ${T}Vector.broadcast(${V}, ${T}.NEGATIVE_INFINITY);
            for (int k = 0; k < r; k++) m = m.max(${T}Vector.fromArray(${V}, x, base + k * inner + j, mask));
            if (kind == LOG_SUM_EXP) m = m.blend(0, m.abs().compare(VectorOperators.EQ, ${T}.POSITIVE_INFINITY));
            java.util.Arrays.fill(wide, 0.0);
            for (int k0 = 0; k0 < r; k0 += ReduceSimd.FLUSH) {
                int k1 = Math.min(r, k0 + ReduceSimd.FLUSH);
                ${T}Vector acc = ${T}Vector.zero(${V});
                for (int k = k0; k < k1; k++) {
                    ${T}Vector e = ${T}Math.exp(${T}Vector.fromArray(${V}, x, base + k * inner + j, mask).sub(m));
                    if (kind == SOFTMAX) e.intoArray(y, yb + k * inner + j, mask);
                    acc = acc.add(e);
                }
                acc.intoArray(part, 0);
                for (int l = 0; l < len; l++) wide[l] += part[l];
            }
            for (int l = 0; l < len; l++) s[l] = (${t}) (kind == SOFTMAX ? 1.0 / wide[l] : Math.log(wide[l]));
            ${T}Vector sv = ${T}Vector.fromArray(${V}, s, 0);
            if (kind == LOG_SUM_EXP) {
                sv.add(m).intoArray(y, yb + j, mask);
            } else if (kind == SOFTMAX) {
                for (int k = 0; k < r; k++) ${T}Vector.fromArray(${V}, y, yb + k * inner + j, mask).mul(sv).intoArray(y, yb + k * inner + j, mask);
            } else {
                for (int k = 0; k < r; k++) ${T}Vector.fromArray(${V}, x, base + k * inner + j, mask).sub(m).sub(sv).intoArray(y, yb + k * inner + j, mask);
            }
        }
    }
    //@end
}
