package dev.weft.kernels.reduce;

/** Vector API version of {@link Softmax}. No checks, no threading. */
public final class SoftmaxSimd {
    private SoftmaxSimd() {}

    public static void softmax(float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        SoftmaxScalar.softmax(x, xOff, outer, r, inner, y, yOff);
    }

    public static void softmax(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        SoftmaxScalar.softmax(x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void logSoftmax(float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        SoftmaxScalar.logSoftmax(x, xOff, outer, r, inner, y, yOff);
    }

    public static void logSoftmax(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        SoftmaxScalar.logSoftmax(x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void logSumExp(float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        SoftmaxScalar.logSumExp(x, xOff, outer, r, inner, y, yOff);
    }

    public static void logSumExp(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        SoftmaxScalar.logSumExp(x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void softmax(double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff) {
        SoftmaxScalar.softmax(x, xOff, outer, r, inner, y, yOff);
    }

    public static void softmax(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff) {
        SoftmaxScalar.softmax(x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void logSoftmax(double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff) {
        SoftmaxScalar.logSoftmax(x, xOff, outer, r, inner, y, yOff);
    }

    public static void logSoftmax(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff) {
        SoftmaxScalar.logSoftmax(x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void logSumExp(double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff) {
        SoftmaxScalar.logSumExp(x, xOff, outer, r, inner, y, yOff);
    }

    public static void logSumExp(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff) {
        SoftmaxScalar.logSumExp(x, xOff, outer, r, inner, j0, j1, y, yOff);
    }
}
