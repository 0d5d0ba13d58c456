//@class ReduceScalar
package dev.weft.kernels.reduce;

/**
 * Scalar reference for {@link Reduce}: x contiguous (outer, r, inner) -> y (outer, inner).
 * F32 sums and products accumulate in double (rounded once at the end), integer ones wrap in their own type.
 * No checks, no threading.
 */
public final class ReduceScalar {
    private ReduceScalar() {}

    //@each F32 F64
    /**
     * ${D} SUM/PROD/MAX/MIN. Writes y[yOff .. yOff + outer*inner).
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
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                double acc = init(fn);
                for (int k = 0; k < r; k++) acc = step(fn, acc, x[base + k * inner]);
                y[yOff + o * inner + j] = (${t}) acc;
            }
        }
    }
    //@end

    //@each I32 I64
    /**
     * ${D} SUM/PROD (wrapping) and MAX/MIN. Writes y.
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
    public static void reduce(ReduceFn fn, ${s}[] x, int xOff, int outer, int r, int inner, ${s}[] y, int yOff) {
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
    public static void reduce(ReduceFn fn, ${s}[] x, int xOff, int outer, int r, int inner, int j0, int j1, ${s}[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                ${t} acc = (${t}) initLong(fn, ${B}.MIN_VALUE, ${B}.MAX_VALUE);
                for (int k = 0; k < r; k++) acc = (${t}) stepLong(fn, acc, x[base + k * inner]);
                y[yOff + o * inner + j] = acc;
            }
        }
    }
    //@end

    /**
     * BOOL ALL/ANY: y = 1 if every / some x in the slice is non-zero. Writes y.
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
    public static void reduce(ReduceFn fn, byte[] x, int xOff, int outer, int r, int inner, byte[] y, int yOff) {
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
    public static void reduce(ReduceFn fn, byte[] x, int xOff, int outer, int r, int inner, int j0, int j1, byte[] y, int yOff) {
        boolean all = fn == ReduceFn.ALL;
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                boolean acc = all;
                for (int k = 0; k < r && acc == all; k++) acc = x[base + k * inner] != 0;
                y[yOff + o * inner + j] = (byte) (acc ? 1 : 0);
            }
        }
    }

    static double init(ReduceFn fn) {
        return switch (fn) {
            case SUM -> 0.0;
            case PROD -> 1.0;
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
            default -> throw new IllegalArgumentException("reduce " + fn + ": BOOL only");
        };
    }

    static double step(ReduceFn fn, double acc, double v) {
        return switch (fn) {
            case SUM -> acc + v;
            case PROD -> acc * v;
            case MAX -> Math.max(acc, v);
            case MIN -> Math.min(acc, v);
            default -> throw new IllegalArgumentException("reduce " + fn + ": BOOL only");
        };
    }

    static long initLong(ReduceFn fn, long min, long max) {
        return switch (fn) {
            case SUM -> 0;
            case PROD -> 1;
            case MAX -> min;
            case MIN -> max;
            default -> throw new IllegalArgumentException("reduce " + fn + ": BOOL only");
        };
    }

    static long stepLong(ReduceFn fn, long acc, long v) {
        return switch (fn) {
            case SUM -> acc + v;
            case PROD -> acc * v;
            case MAX -> Math.max(acc, v);
            case MIN -> Math.min(acc, v);
            default -> throw new IllegalArgumentException("reduce " + fn + ": BOOL only");
        };
    }

    // ---- argmax / argmin: first occurrence on ties, the first NaN wins ----

    //@each F32 F64
    /**
     * ${D}: y = max (or min) over r, idx = its index along r. Writes y and idx.
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
    public static void argReduce(boolean max, ${t}[] x, int xOff, int outer, int r, int inner, ${t}[] y, int yOff, long[] idx, int idxOff) {
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
    public static void argReduce(boolean max, ${t}[] x, int xOff, int outer, int r, int inner, int j0, int j1, ${t}[] y, int yOff, long[] idx, int idxOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                ${t} best = x[base];
                int bi = 0;
                for (int k = 1; k < r && best == best; k++) {
                    ${t} v = x[base + k * inner];
                    if (v != v || (max ? v > best : v < best)) { best = v; bi = k; }
                }
                y[yOff + o * inner + j] = best;
                idx[idxOff + o * inner + j] = bi;
            }
        }
    }
    //@end

    //@each I32 I64
    /**
     * ${D} argmax/argmin. Writes y and idx.
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
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                ${t} best = x[base];
                int bi = 0;
                for (int k = 1; k < r; k++) {
                    ${t} v = x[base + k * inner];
                    if (max ? v > best : v < best) { best = v; bi = k; }
                }
                y[yOff + o * inner + j] = best;
                idx[idxOff + o * inner + j] = bi;
            }
        }
    }
    //@end

    // ---- mean and variance: two passes in double ----

    //@each F32 F64
    /**
     * ${D}: mean = sum/r, var = sum((x - mean)^2) / max(0, r - correction). Writes mean and var.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param correction subtracted from r in the divisor (1: unbiased)
     * @param mean the means (outer, inner), written
     * @param mOff index of mean's first element
     * @param var the variances (outer, inner), written
     * @param vOff index of var's first element
     */
    public static void meanVar(${t}[] x, int xOff, int outer, int r, int inner, double correction, ${t}[] mean, int mOff, ${t}[] var, int vOff) {
        meanVar(x, xOff, outer, r, inner, 0, inner, correction, mean, mOff, var, vOff);
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
     * @param correction subtracted from r in the divisor (1: unbiased)
     * @param mean the means (outer, inner), written
     * @param mOff index of mean's first element
     * @param var the variances (outer, inner), written
     * @param vOff index of var's first element
     */
    public static void meanVar(${t}[] x, int xOff, int outer, int r, int inner, int j0, int j1, double correction, ${t}[] mean, int mOff, ${t}[] var, int vOff) {
        double dof = Math.max(0.0, r - correction);
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                double s = 0;
                for (int k = 0; k < r; k++) s += x[base + k * inner];
                double mu = s / r, q = 0;
                for (int k = 0; k < r; k++) { double d = x[base + k * inner] - mu; q += d * d; }
                mean[mOff + o * inner + j] = (${t}) mu;
                var[vOff + o * inner + j] = (${t}) (q / dof);
            }
        }
    }
    //@end
}
