package dev.weft.kernels.reduce;

/** Vector API version of {@link Scan}. No checks, no threading. */
public final class ScanSimd {
    private ScanSimd() {}

    public static void cumsum(float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        ScanScalar.cumsum(x, xOff, outer, r, inner, y, yOff);
    }

    public static void cumsum(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        ScanScalar.cumsum(x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void cumprod(float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        ScanScalar.cumprod(x, xOff, outer, r, inner, y, yOff);
    }

    public static void cumprod(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        ScanScalar.cumprod(x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void cumsum(double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff) {
        ScanScalar.cumsum(x, xOff, outer, r, inner, y, yOff);
    }

    public static void cumsum(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff) {
        ScanScalar.cumsum(x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void cumprod(double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff) {
        ScanScalar.cumprod(x, xOff, outer, r, inner, y, yOff);
    }

    public static void cumprod(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff) {
        ScanScalar.cumprod(x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void cumsum(int[] x, int xOff, int outer, int r, int inner, int[] y, int yOff) {
        ScanScalar.cumsum(x, xOff, outer, r, inner, y, yOff);
    }

    public static void cumsum(int[] x, int xOff, int outer, int r, int inner, int j0, int j1, int[] y, int yOff) {
        ScanScalar.cumsum(x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void cumprod(int[] x, int xOff, int outer, int r, int inner, int[] y, int yOff) {
        ScanScalar.cumprod(x, xOff, outer, r, inner, y, yOff);
    }

    public static void cumprod(int[] x, int xOff, int outer, int r, int inner, int j0, int j1, int[] y, int yOff) {
        ScanScalar.cumprod(x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void cumsum(long[] x, int xOff, int outer, int r, int inner, long[] y, int yOff) {
        ScanScalar.cumsum(x, xOff, outer, r, inner, y, yOff);
    }

    public static void cumsum(long[] x, int xOff, int outer, int r, int inner, int j0, int j1, long[] y, int yOff) {
        ScanScalar.cumsum(x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void cumprod(long[] x, int xOff, int outer, int r, int inner, long[] y, int yOff) {
        ScanScalar.cumprod(x, xOff, outer, r, inner, y, yOff);
    }

    public static void cumprod(long[] x, int xOff, int outer, int r, int inner, int j0, int j1, long[] y, int yOff) {
        ScanScalar.cumprod(x, xOff, outer, r, inner, j0, j1, y, yOff);
    }
}
