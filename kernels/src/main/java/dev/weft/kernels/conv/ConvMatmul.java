package dev.weft.kernels.conv;

import dev.weft.kernels.KernelImpl;

/**
 * The convolution's product of a weight shared by the batch with every sample's im2col columns, the
 * columns read in place (no packing). Picks the scalar or SIMD kernel by {@link KernelImpl#current()}.
 *
 * <pre>
 * w: (G*co, K), element (r, k) at w[wOff + r*rs + k*cs] (row-major: rs = K, cs = 1; transposed: rs = 1, cs = G*co)
 * cols: (B, G*K, L) row-major  ->  y: (B, G*co, L) row-major
 * y[b, g*co + o, l] = sum_k w(g*co + o, k) * cols[b, g*K + k, l]
 * </pre>
 */
public final class ConvMatmul {
    private ConvMatmul() {}

    /**
     * y = the product above (y overwritten; w and cols read only).
     *
     * @param w the weight (G*co, K)
     * @param wOff index of w's first element
     * @param rs distance in w between consecutive rows
     * @param cs distance in w between consecutive columns
     * @param cols the im2col columns (B, G*K, L), row-major
     * @param colsOff index of cols's first element
     * @param B batch size
     * @param G number of groups
     * @param co output channels per group
     * @param K taps per group: (C/G) kH kW
     * @param L output positions per sample: outH outW
     * @param y the output (B, G*co, L), overwritten
     * @param yOff index of y's first element
     */
    public static void matmul(float[] w, int wOff, int rs, int cs, float[] cols, int colsOff, int B, int G, int co, int K, int L,
                              float[] y, int yOff) {
        check(w.length, wOff, rs, cs, cols.length, colsOff, B, G, co, K, L, y.length, yOff);
        if (KernelImpl.current() == KernelImpl.SIMD) ConvMatmulSimdF32.matmul(w, wOff, rs, cs, cols, colsOff, B, G, co, K, L, y, yOff);
        else ConvMatmulF32.matmul(w, wOff, rs, cs, cols, colsOff, B, G, co, K, L, y, yOff);
    }

    /**
     * y = the product above, on F64 (y overwritten).
     *
     * @param w the weight (G*co, K)
     * @param wOff index of w's first element
     * @param rs distance in w between consecutive rows
     * @param cs distance in w between consecutive columns
     * @param cols the im2col columns (B, G*K, L), row-major
     * @param colsOff index of cols's first element
     * @param B batch size
     * @param G number of groups
     * @param co output channels per group
     * @param K taps per group: (C/G) kH kW
     * @param L output positions per sample: outH outW
     * @param y the output (B, G*co, L), overwritten
     * @param yOff index of y's first element
     */
    public static void matmul(double[] w, int wOff, int rs, int cs, double[] cols, int colsOff, int B, int G, int co, int K, int L,
                              double[] y, int yOff) {
        check(w.length, wOff, rs, cs, cols.length, colsOff, B, G, co, K, L, y.length, yOff);
        if (KernelImpl.current() == KernelImpl.SIMD) ConvMatmulSimdF64.matmul(w, wOff, rs, cs, cols, colsOff, B, G, co, K, L, y, yOff);
        else ConvMatmulF64.matmul(w, wOff, rs, cs, cols, colsOff, B, G, co, K, L, y, yOff);
    }

    private static void check(int wLen, int wOff, int rs, int cs, int colsLen, int colsOff, int B, int G, int co, int K, int L,
                              int yLen, int yOff) {
        if (B < 0 || G < 1 || co < 1 || K < 1 || L < 1 || rs < 0 || cs < 0) {
            throw new IllegalArgumentException("convMatmul: needs B >= 0, G, co, K, L >= 1, strides >= 0; got B=" + B + ", G=" + G
                    + ", co=" + co + ", K=" + K + ", L=" + L + ", rs=" + rs + ", cs=" + cs);
        }
        ConvGeom.checkProduct("convMatmul", (long) B * G * K * L, "B*G*K*L");
        ConvGeom.checkProduct("convMatmul", (long) B * G * co * L, "B*G*co*L");
        long span = wOff + (long) (G * co - 1) * rs + (long) (K - 1) * cs + 1;
        if (wOff < 0 || span > wLen) {
            throw new IllegalArgumentException("convMatmul: w has " + wLen + " elements, offset " + wOff + " with strides (" + rs + ", "
                    + cs + ") reaches element " + (span - 1) + " for (G*co, K) = (" + G * co + ", " + K + ")");
        }
        ConvGeom.need("convMatmul", "cols", colsLen, colsOff, (long) B * G * K * L, "B*G*K*L", B, G, K, L);
        ConvGeom.need("convMatmul", "y", yLen, yOff, (long) B * G * co * L, "B*G*co*L", B, G, co, L);
    }
}
