package dev.weft.kernels.elementwise;

/**
 * Scalar reference for {@link Unary}: y[yOff + i*yStride] = fn(x[xOff + i*xStride]) for i < n, one element
 * at a time through {@link UnaryFn#apply} (F32: parameters and inputs widened from float, result rounded once).
 * No argument checks and no threading: the facade does both.
 */
public final class UnaryScalar {
    private UnaryScalar() {}

    /** F32; p0/p1 are rounded to float first so the SIMD kernel sees the same parameters. Writes y. */
    public static void apply(UnaryFn fn, double p0, double p1, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride, int n) {
        double q0 = (float) p0, q1 = (float) p1;
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            y[yi] = (float) fn.apply(x[xi], q0, q1);
        }
    }

    /** F64. Writes y. */
    public static void apply(UnaryFn fn, double p0, double p1, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            y[yi] = fn.apply(x[xi], p0, p1);
        }
    }

    /** I32 (integer-safe fns only); CLAMP bounds are first limited to the int range. Writes y. */
    public static void apply(UnaryFn fn, double p0, double p1, int[] x, int xOff, int xStride, int[] y, int yOff, int yStride, int n) {
        double q0 = Math.max(p0, Integer.MIN_VALUE), q1 = Math.min(p1, Integer.MAX_VALUE);
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            y[yi] = (int) fn.applyLong(x[xi], q0, q1);
        }
    }

    /** I64 (integer-safe fns only). Writes y. */
    public static void apply(UnaryFn fn, double p0, double p1, long[] x, int xOff, int xStride, long[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            y[yi] = fn.applyLong(x[xi], p0, p1);
        }
    }

    /** BOOL: NOT only (y = x == 0 ? 1 : 0). Writes y. */
    public static void apply(UnaryFn fn, double p0, double p1, byte[] x, int xOff, int xStride, byte[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            y[yi] = (byte) (x[xi] == 0 ? 1 : 0);
        }
    }
}
