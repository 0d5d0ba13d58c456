package dev.weft.kernels.elementwise;

/** Scalar reference for {@link Compare}: y[i] = fn(a[i], b[i]) ? 1 : 0, one element at a time. No checks, no threading. */
public final class CompareScalar {
    private CompareScalar() {}

    /** F32 operands. Writes y. */
    public static void apply(CompareFn fn, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = (byte) (fn.test(a[ai], b[bi]) ? 1 : 0);
        }
    }

    /** F64 operands. Writes y. */
    public static void apply(CompareFn fn, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = (byte) (fn.test(a[ai], b[bi]) ? 1 : 0);
        }
    }

    /** I32 operands. Writes y. */
    public static void apply(CompareFn fn, int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = (byte) (fn.test(a[ai], b[bi]) ? 1 : 0);
        }
    }

    /** I64 operands. Writes y. */
    public static void apply(CompareFn fn, long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = (byte) (fn.test(a[ai], b[bi]) ? 1 : 0);
        }
    }

    /** BOOL operands. Writes y. */
    public static void apply(CompareFn fn, byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = (byte) (fn.test(a[ai], b[bi]) ? 1 : 0);
        }
    }
}
