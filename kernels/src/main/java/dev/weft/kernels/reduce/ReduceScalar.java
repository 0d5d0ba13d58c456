package dev.weft.kernels.reduce;

/**
 * Scalar reference for {@link Reduce}: x contiguous (outer, r, inner) -> y (outer, inner).
 * F32 sums and products accumulate in double (rounded once at the end), integer ones wrap in their own type.
 * No checks, no threading.
 */
public final class ReduceScalar {
    private ReduceScalar() {}

    /** F32 SUM/PROD/MAX/MIN. Writes y[yOff .. yOff + outer*inner). */
    public static void reduce(ReduceFn fn, float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        reduce(fn, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void reduce(ReduceFn fn, float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                double acc = init(fn);
                for (int k = 0; k < r; k++) acc = step(fn, acc, x[base + k * inner]);
                y[yOff + o * inner + j] = (float) acc;
            }
        }
    }

    /** F64 SUM/PROD/MAX/MIN. Writes y. */
    public static void reduce(ReduceFn fn, double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff) {
        reduce(fn, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void reduce(ReduceFn fn, double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                double acc = init(fn);
                for (int k = 0; k < r; k++) acc = step(fn, acc, x[base + k * inner]);
                y[yOff + o * inner + j] = acc;
            }
        }
    }

    /** I32 SUM/PROD (wrapping) and MAX/MIN. Writes y. */
    public static void reduce(ReduceFn fn, int[] x, int xOff, int outer, int r, int inner, int[] y, int yOff) {
        reduce(fn, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void reduce(ReduceFn fn, int[] x, int xOff, int outer, int r, int inner, int j0, int j1, int[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                int acc = (int) initLong(fn, Integer.MIN_VALUE, Integer.MAX_VALUE);
                for (int k = 0; k < r; k++) acc = (int) stepLong(fn, acc, x[base + k * inner]);
                y[yOff + o * inner + j] = acc;
            }
        }
    }

    /** I64 SUM/PROD (wrapping) and MAX/MIN. Writes y. */
    public static void reduce(ReduceFn fn, long[] x, int xOff, int outer, int r, int inner, long[] y, int yOff) {
        reduce(fn, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void reduce(ReduceFn fn, long[] x, int xOff, int outer, int r, int inner, int j0, int j1, long[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                long acc = initLong(fn, Long.MIN_VALUE, Long.MAX_VALUE);
                for (int k = 0; k < r; k++) acc = stepLong(fn, acc, x[base + k * inner]);
                y[yOff + o * inner + j] = acc;
            }
        }
    }

    /** BOOL ALL/ANY: y = 1 if every / some x in the slice is non-zero. Writes y. */
    public static void reduce(ReduceFn fn, byte[] x, int xOff, int outer, int r, int inner, byte[] y, int yOff) {
        reduce(fn, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
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

    /** F32: y = max (or min) over r, idx = its index along r. Writes y and idx. */
    public static void argReduce(boolean max, float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff, long[] idx, int idxOff) {
        argReduce(max, x, xOff, outer, r, inner, 0, inner, y, yOff, idx, idxOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void argReduce(boolean max, float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff, long[] idx, int idxOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                float best = x[base];
                int bi = 0;
                for (int k = 1; k < r && best == best; k++) {
                    float v = x[base + k * inner];
                    if (v != v || (max ? v > best : v < best)) { best = v; bi = k; }
                }
                y[yOff + o * inner + j] = best;
                idx[idxOff + o * inner + j] = bi;
            }
        }
    }

    /** F64 argmax/argmin. Writes y and idx. */
    public static void argReduce(boolean max, double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff, long[] idx, int idxOff) {
        argReduce(max, x, xOff, outer, r, inner, 0, inner, y, yOff, idx, idxOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void argReduce(boolean max, double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff, long[] idx, int idxOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                double best = x[base];
                int bi = 0;
                for (int k = 1; k < r && best == best; k++) {
                    double v = x[base + k * inner];
                    if (v != v || (max ? v > best : v < best)) { best = v; bi = k; }
                }
                y[yOff + o * inner + j] = best;
                idx[idxOff + o * inner + j] = bi;
            }
        }
    }

    /** I32 argmax/argmin. Writes y and idx. */
    public static void argReduce(boolean max, int[] x, int xOff, int outer, int r, int inner, int[] y, int yOff, long[] idx, int idxOff) {
        argReduce(max, x, xOff, outer, r, inner, 0, inner, y, yOff, idx, idxOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void argReduce(boolean max, int[] x, int xOff, int outer, int r, int inner, int j0, int j1, int[] y, int yOff, long[] idx, int idxOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                int best = x[base], bi = 0;
                for (int k = 1; k < r; k++) {
                    int v = x[base + k * inner];
                    if (max ? v > best : v < best) { best = v; bi = k; }
                }
                y[yOff + o * inner + j] = best;
                idx[idxOff + o * inner + j] = bi;
            }
        }
    }

    /** I64 argmax/argmin. Writes y and idx. */
    public static void argReduce(boolean max, long[] x, int xOff, int outer, int r, int inner, long[] y, int yOff, long[] idx, int idxOff) {
        argReduce(max, x, xOff, outer, r, inner, 0, inner, y, yOff, idx, idxOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void argReduce(boolean max, long[] x, int xOff, int outer, int r, int inner, int j0, int j1, long[] y, int yOff, long[] idx, int idxOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                long best = x[base];
                int bi = 0;
                for (int k = 1; k < r; k++) {
                    long v = x[base + k * inner];
                    if (max ? v > best : v < best) { best = v; bi = k; }
                }
                y[yOff + o * inner + j] = best;
                idx[idxOff + o * inner + j] = bi;
            }
        }
    }

    // ---- mean and variance: two passes in double ----

    /** F32: mean = sum/r, var = sum((x - mean)^2) / max(0, r - correction). Writes mean and var. */
    public static void meanVar(float[] x, int xOff, int outer, int r, int inner, double correction, float[] mean, int mOff, float[] var, int vOff) {
        meanVar(x, xOff, outer, r, inner, 0, inner, correction, mean, mOff, var, vOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void meanVar(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, double correction, float[] mean, int mOff, float[] var, int vOff) {
        double dof = Math.max(0.0, r - correction);
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                double s = 0;
                for (int k = 0; k < r; k++) s += x[base + k * inner];
                double mu = s / r, q = 0;
                for (int k = 0; k < r; k++) { double d = x[base + k * inner] - mu; q += d * d; }
                mean[mOff + o * inner + j] = (float) mu;
                var[vOff + o * inner + j] = (float) (q / dof);
            }
        }
    }

    /** F64 mean and variance. Writes mean and var. */
    public static void meanVar(double[] x, int xOff, int outer, int r, int inner, double correction, double[] mean, int mOff, double[] var, int vOff) {
        meanVar(x, xOff, outer, r, inner, 0, inner, correction, mean, mOff, var, vOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void meanVar(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double correction, double[] mean, int mOff, double[] var, int vOff) {
        double dof = Math.max(0.0, r - correction);
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                double s = 0;
                for (int k = 0; k < r; k++) s += x[base + k * inner];
                double mu = s / r, q = 0;
                for (int k = 0; k < r; k++) { double d = x[base + k * inner] - mu; q += d * d; }
                mean[mOff + o * inner + j] = mu;
                var[vOff + o * inner + j] = q / dof;
            }
        }
    }
}
