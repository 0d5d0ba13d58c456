//@class ScanScalar
package dev.weft.kernels.reduce;

/**
 * Scalar reference for {@link Scan}: inclusive cumulative sum / product along r of contiguous (outer, r, inner)
 * data, y the same shape. F32 accumulates in double (each output rounded once), integers wrap. No checks, no threading.
 */
public final class ScanScalar {
    private ScanScalar() {}

    /**
     * F32: y[k] = x[0] + ... + x[k] along r. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void cumsum(float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        cumsum(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param j0 first inner column to compute (inclusive)
     * @param j1 end of the inner column range (exclusive)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
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

    /**
     * F32: y[k] = x[0] * ... * x[k] along r. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void cumprod(float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        cumprod(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param j0 first inner column to compute (inclusive)
     * @param j1 end of the inner column range (exclusive)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
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
    //@each F64 I32 I64
    /**
     * ${D}: y[k] = x[0] + ... + x[k] along r. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void cumsum(${s}[] x, int xOff, int outer, int r, int inner, ${s}[] y, int yOff) {
        cumsum(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param j0 first inner column to compute (inclusive)
     * @param j1 end of the inner column range (exclusive)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void cumsum(${s}[] x, int xOff, int outer, int r, int inner, int j0, int j1, ${s}[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = o * r * inner + j;
                ${t} acc = 0;
                for (int k = 0; k < r; k++) {
                    acc += x[xOff + base + k * inner];
                    y[yOff + base + k * inner] = acc;
                }
            }
        }
    }

    /**
     * ${D}: y[k] = x[0] * ... * x[k] along r. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void cumprod(${s}[] x, int xOff, int outer, int r, int inner, ${s}[] y, int yOff) {
        cumprod(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param j0 first inner column to compute (inclusive)
     * @param j1 end of the inner column range (exclusive)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void cumprod(${s}[] x, int xOff, int outer, int r, int inner, int j0, int j1, ${s}[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            for (int j = j0; j < j1; j++) {
                int base = o * r * inner + j;
                ${t} acc = 1;
                for (int k = 0; k < r; k++) {
                    acc *= x[xOff + base + k * inner];
                    y[yOff + base + k * inner] = acc;
                }
            }
        }
    }
    //@end
}
