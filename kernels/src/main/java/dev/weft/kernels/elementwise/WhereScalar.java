package dev.weft.kernels.elementwise;

/** Scalar reference for {@link Where}: y[i] = c[i] != 0 ? a[i] : b[i], one element at a time. No checks, no threading. */
public final class WhereScalar {
    private WhereScalar() {}

    /** F32 values. Writes y. */
    public static void apply(byte[] c, int cOff, int cStride, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        for (int i = 0, ci = cOff, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ci += cStride, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = c[ci] != 0 ? a[ai] : b[bi];
        }
    }

    /** F64 values. Writes y. */
    public static void apply(byte[] c, int cOff, int cStride, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        for (int i = 0, ci = cOff, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ci += cStride, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = c[ci] != 0 ? a[ai] : b[bi];
        }
    }

    /** I32 values. Writes y. */
    public static void apply(byte[] c, int cOff, int cStride, int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, int[] y, int yOff, int yStride, int n) {
        for (int i = 0, ci = cOff, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ci += cStride, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = c[ci] != 0 ? a[ai] : b[bi];
        }
    }

    /** I64 values. Writes y. */
    public static void apply(byte[] c, int cOff, int cStride, long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, long[] y, int yOff, int yStride, int n) {
        for (int i = 0, ci = cOff, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ci += cStride, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = c[ci] != 0 ? a[ai] : b[bi];
        }
    }

    /** BOOL values. Writes y. */
    public static void apply(byte[] c, int cOff, int cStride, byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        for (int i = 0, ci = cOff, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ci += cStride, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = c[ci] != 0 ? a[ai] : b[bi];
        }
    }
}
