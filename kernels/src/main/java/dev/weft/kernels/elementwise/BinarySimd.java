package dev.weft.kernels.elementwise;

/**
 * Vector API version of {@link Binary}. No argument checks and no threading: the facade does both.
 */
public final class BinarySimd {
    private BinarySimd() {}

    public static void apply(BinaryFn fn, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        BinaryScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    public static void apply(BinaryFn fn, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        BinaryScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    public static void apply(BinaryFn fn, int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, int[] y, int yOff, int yStride, int n) {
        BinaryScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    public static void apply(BinaryFn fn, long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, long[] y, int yOff, int yStride, int n) {
        BinaryScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    public static void apply(BinaryFn fn, byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        BinaryScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    public static void axpy(int n, float alpha, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        BinaryScalar.axpy(n, alpha, x, xOff, xStride, y, yOff, yStride);
    }

    public static void scale(int n, float alpha, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        BinaryScalar.scale(n, alpha, x, xOff, xStride, y, yOff, yStride);
    }

    public static void axpy(int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        BinaryScalar.axpy(n, alpha, x, xOff, xStride, y, yOff, yStride);
    }

    public static void scale(int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        BinaryScalar.scale(n, alpha, x, xOff, xStride, y, yOff, yStride);
    }
}
