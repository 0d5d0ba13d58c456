package dev.weft.kernels.elementwise;

/**
 * Vector API version of {@link Unary}. No argument checks and no threading: the facade does both.
 */
public final class UnarySimd {
    private UnarySimd() {}

    public static void apply(UnaryFn fn, double p0, double p1, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride, int n) {
        UnaryScalar.apply(fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);
    }

    public static void apply(UnaryFn fn, double p0, double p1, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride, int n) {
        UnaryScalar.apply(fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);
    }

    public static void apply(UnaryFn fn, double p0, double p1, int[] x, int xOff, int xStride, int[] y, int yOff, int yStride, int n) {
        UnaryScalar.apply(fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);
    }

    public static void apply(UnaryFn fn, double p0, double p1, long[] x, int xOff, int xStride, long[] y, int yOff, int yStride, int n) {
        UnaryScalar.apply(fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);
    }

    public static void apply(UnaryFn fn, double p0, double p1, byte[] x, int xOff, int xStride, byte[] y, int yOff, int yStride, int n) {
        UnaryScalar.apply(fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);
    }
}
