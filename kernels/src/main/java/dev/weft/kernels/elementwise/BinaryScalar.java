package dev.weft.kernels.elementwise;

/**
 * Scalar reference for {@link Binary}: y[i] = fn(a[i], b[i]) one element at a time through {@link BinaryFn#apply}
 * (F32 widened to double, rounded once: for + - * / this equals the float operation exactly) or
 * {@link BinaryFn#applyLong}; axpy uses a fused multiply-add. No checks, no threading.
 */
public final class BinaryScalar {
    private BinaryScalar() {}

    /** F32. Writes y. */
    public static void apply(BinaryFn fn, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = (float) fn.apply(a[ai], b[bi]);
        }
    }

    /** F64. Writes y. */
    public static void apply(BinaryFn fn, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = fn.apply(a[ai], b[bi]);
        }
    }

    /** I32 (wrapping). Writes y. */
    public static void apply(BinaryFn fn, int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, int[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = (int) fn.applyLong(a[ai], b[bi]);
        }
    }

    /** I64 (wrapping). Writes y. */
    public static void apply(BinaryFn fn, long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, long[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = fn.applyLong(a[ai], b[bi]);
        }
    }

    /** BOOL (logical/bitwise/MAXIMUM/MINIMUM on the raw bytes). Writes y. */
    public static void apply(BinaryFn fn, byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = (byte) fn.applyLong(a[ai], b[bi]);
        }
    }

    /** y[i] = fma(alpha, x[i], y[i]) (F32). Modifies y. */
    public static void axpy(int n, float alpha, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) y[yi] = Math.fma(alpha, x[xi], y[yi]);
    }

    /** y[i] = fma(alpha, x[i], y[i]) (F64). Modifies y. */
    public static void axpy(int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) y[yi] = Math.fma(alpha, x[xi], y[yi]);
    }

    /** y[i] = alpha * x[i] (F32). Writes y. */
    public static void scale(int n, float alpha, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) y[yi] = alpha * x[xi];
    }

    /** y[i] = alpha * x[i] (F64). Writes y. */
    public static void scale(int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) y[yi] = alpha * x[xi];
    }
}
