package dev.weft.kernels.reduce;

/**
 * Scalar reference for {@link Scan}: inclusive cumulative sum / product along r of contiguous (outer, r, inner)
 * data, y the same shape. F32 accumulates in double (each output rounded once), integers wrap. No checks, no threading.
 */
public final class ScanScalar {
    private ScanScalar() {}

    /** F32: y[k] = x[0] + ... + x[k] along r. Writes y. */
    public static void cumsum(float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        cumsum(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void cumsum(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = o * r * inner + j;
                double acc = 0;
                for (int k = 0; k < r; k++) {
                    acc += x[xOff + base + k * inner];
                    y[yOff + base + k * inner] = (float) acc;
                }
            }
        }
    }

    /** F32: y[k] = x[0] * ... * x[k] along r. Writes y. */
    public static void cumprod(float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        cumprod(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void cumprod(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = o * r * inner + j;
                double acc = 1;
                for (int k = 0; k < r; k++) {
                    acc *= x[xOff + base + k * inner];
                    y[yOff + base + k * inner] = (float) acc;
                }
            }
        }
    }

    /** F64: y[k] = x[0] + ... + x[k] along r. Writes y. */
    public static void cumsum(double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff) {
        cumsum(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void cumsum(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = o * r * inner + j;
                double acc = 0;
                for (int k = 0; k < r; k++) {
                    acc += x[xOff + base + k * inner];
                    y[yOff + base + k * inner] = acc;
                }
            }
        }
    }

    /** F64: y[k] = x[0] * ... * x[k] along r. Writes y. */
    public static void cumprod(double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff) {
        cumprod(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void cumprod(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = o * r * inner + j;
                double acc = 1;
                for (int k = 0; k < r; k++) {
                    acc *= x[xOff + base + k * inner];
                    y[yOff + base + k * inner] = acc;
                }
            }
        }
    }

    /** I32: y[k] = x[0] + ... + x[k] along r. Writes y. */
    public static void cumsum(int[] x, int xOff, int outer, int r, int inner, int[] y, int yOff) {
        cumsum(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void cumsum(int[] x, int xOff, int outer, int r, int inner, int j0, int j1, int[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = o * r * inner + j;
                int acc = 0;
                for (int k = 0; k < r; k++) {
                    acc += x[xOff + base + k * inner];
                    y[yOff + base + k * inner] = acc;
                }
            }
        }
    }

    /** I32: y[k] = x[0] * ... * x[k] along r. Writes y. */
    public static void cumprod(int[] x, int xOff, int outer, int r, int inner, int[] y, int yOff) {
        cumprod(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void cumprod(int[] x, int xOff, int outer, int r, int inner, int j0, int j1, int[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = o * r * inner + j;
                int acc = 1;
                for (int k = 0; k < r; k++) {
                    acc *= x[xOff + base + k * inner];
                    y[yOff + base + k * inner] = acc;
                }
            }
        }
    }

    /** I64: y[k] = x[0] + ... + x[k] along r. Writes y. */
    public static void cumsum(long[] x, int xOff, int outer, int r, int inner, long[] y, int yOff) {
        cumsum(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void cumsum(long[] x, int xOff, int outer, int r, int inner, int j0, int j1, long[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = o * r * inner + j;
                long acc = 0;
                for (int k = 0; k < r; k++) {
                    acc += x[xOff + base + k * inner];
                    y[yOff + base + k * inner] = acc;
                }
            }
        }
    }

    /** I64: y[k] = x[0] * ... * x[k] along r. Writes y. */
    public static void cumprod(long[] x, int xOff, int outer, int r, int inner, long[] y, int yOff) {
        cumprod(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void cumprod(long[] x, int xOff, int outer, int r, int inner, int j0, int j1, long[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = o * r * inner + j;
                long acc = 1;
                for (int k = 0; k < r; k++) {
                    acc *= x[xOff + base + k * inner];
                    y[yOff + base + k * inner] = acc;
                }
            }
        }
    }
}
