package dev.weft.kernels.reduce;

/**
 * Scalar reference for {@link Softmax} along r of contiguous (outer, r, inner) data: max-shifted, exponentials
 * and their sum in double (F32 rounded once). softmax/logSoftmax shift by the max (a row of -inf gives NaN, as
 * torch); logSumExp shifts by 0 when the max is infinite, so an all -inf row gives -inf. No checks, no threading.
 */
public final class SoftmaxScalar {
    private SoftmaxScalar() {}

    /**
     * F32: y = exp(x - max) / sum(exp(x - max)) along r; y has x's shape. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void softmax(float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        softmax(x, xOff, outer, r, inner, 0, inner, y, yOff);
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
    public static void softmax(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                double m = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < r; k++) m = Math.max(m, x[base + k * inner]);
                double s = 0;
                for (int k = 0; k < r; k++) s += Math.exp(x[base + k * inner] - m);
                int yb = yOff + o * r * inner + j;
                for (int k = 0; k < r; k++) y[yb + k * inner] = (float) (Math.exp(x[base + k * inner] - m) / s);
            }
        }
    }

    /**
     * F32: y = x - max - log(sum(exp(x - max))) along r; y has x's shape. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void logSoftmax(float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        logSoftmax(x, xOff, outer, r, inner, 0, inner, y, yOff);
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
    public static void logSoftmax(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                double m = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < r; k++) m = Math.max(m, x[base + k * inner]);
                double s = 0;
                for (int k = 0; k < r; k++) s += Math.exp(x[base + k * inner] - m);
                double ls = Math.log(s);
                int yb = yOff + o * r * inner + j;
                for (int k = 0; k < r; k++) y[yb + k * inner] = (float) ((x[base + k * inner] - m) - ls);
            }
        }
    }

    /**
     * F32: y = log(sum(exp(x))) along r, y (outer, inner). Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void logSumExp(float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        logSumExp(x, xOff, outer, r, inner, 0, inner, y, yOff);
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
    public static void logSumExp(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                double m = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < r; k++) m = Math.max(m, x[base + k * inner]);
                if (Double.isInfinite(m)) m = 0;
                double s = 0;
                for (int k = 0; k < r; k++) s += Math.exp(x[base + k * inner] - m);
                y[yOff + o * inner + j] = (float) (Math.log(s) + m);
            }
        }
    }

    /**
     * F64: y = exp(x - max) / sum(exp(x - max)) along r; y has x's shape. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void softmax(double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff) {
        softmax(x, xOff, outer, r, inner, 0, inner, y, yOff);
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
    public static void softmax(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                double m = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < r; k++) m = Math.max(m, x[base + k * inner]);
                double s = 0;
                for (int k = 0; k < r; k++) s += Math.exp(x[base + k * inner] - m);
                int yb = yOff + o * r * inner + j;
                for (int k = 0; k < r; k++) y[yb + k * inner] = (Math.exp(x[base + k * inner] - m) / s);
            }
        }
    }

    /**
     * F64: y = x - max - log(sum(exp(x - max))) along r; y has x's shape. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void logSoftmax(double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff) {
        logSoftmax(x, xOff, outer, r, inner, 0, inner, y, yOff);
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
    public static void logSoftmax(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                double m = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < r; k++) m = Math.max(m, x[base + k * inner]);
                double s = 0;
                for (int k = 0; k < r; k++) s += Math.exp(x[base + k * inner] - m);
                double ls = Math.log(s);
                int yb = yOff + o * r * inner + j;
                for (int k = 0; k < r; k++) y[yb + k * inner] = ((x[base + k * inner] - m) - ls);
            }
        }
    }

    /**
     * F64: y = log(sum(exp(x))) along r, y (outer, inner). Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void logSumExp(double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff) {
        logSumExp(x, xOff, outer, r, inner, 0, inner, y, yOff);
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
    public static void logSumExp(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = xOff + o * r * inner + j;
                double m = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < r; k++) m = Math.max(m, x[base + k * inner]);
                if (Double.isInfinite(m)) m = 0;
                double s = 0;
                for (int k = 0; k < r; k++) s += Math.exp(x[base + k * inner] - m);
                y[yOff + o * inner + j] = (Math.log(s) + m);
            }
        }
    }
}
