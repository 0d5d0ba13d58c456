package dev.weft.kernels.conv;

import dev.weft.kernels.KernelImpl;

/**
 * The weight gradient of a convolution computed as im2col + matrix product, summed over the batch in
 * one pass: no per-sample product and no transposed copy of the columns. Picks the scalar or SIMD
 * kernel by {@link KernelImpl#current()}.
 *
 * <pre>
 * gy: (B, G*co, L), cols: (B, G*K, L), both row-major  ->  gw: (G*co, K)
 * gw[g*co + o, k] = sum_b sum_l gy[b, g*co + o, l] * cols[b, g*K + k, l]
 * </pre>
 */
public final class WeightGrad {
    private WeightGrad() {}

    /**
     * gw = the sum above (gw overwritten; gy and cols read only).
     *
     * @param gy the gradient of the output (B, G*co, L)
     * @param gyOff index of gy's first element
     * @param cols the im2col columns (B, G*K, L), row-major
     * @param colsOff index of cols's first element
     * @param B batch size
     * @param G number of groups
     * @param co output channels per group
     * @param K taps per group: (C/G) kH kW
     * @param L output positions per sample: outH outW
     * @param gw the weight gradient (G*co, K), overwritten
     * @param gwOff index of gw's first element
     */
    public static void weightGrad(float[] gy, int gyOff, float[] cols, int colsOff, int B, int G, int co, int K, int L,
                                  float[] gw, int gwOff) {
        check(gy.length, gyOff, cols.length, colsOff, B, G, co, K, L, gw.length, gwOff);
        if (KernelImpl.current() == KernelImpl.SIMD) WeightGradSimdF32.weightGrad(gy, gyOff, cols, colsOff, B, G, co, K, L, gw, gwOff);
        else WeightGradF32.weightGrad(gy, gyOff, cols, colsOff, B, G, co, K, L, gw, gwOff);
    }

    /**
     * gw = the sum above with each sample's L positions read as rows of rowWidth: on the SIMD kernels each row
     * starts a vector step of its own (its last one masked), which orders the sums as {@link ConvFused#weightGrad}
     * does for convolutions of stride 1 along W (rowWidth = outW). rowWidth = L is the function above.
     *
     * @param gy the gradient of the output (B, G*co, L)
     * @param gyOff index of gy's first element
     * @param cols the im2col columns (B, G*K, L), row-major
     * @param colsOff index of cols's first element
     * @param B batch size
     * @param G number of groups
     * @param co output channels per group
     * @param K taps per group: (C/G) kH kW
     * @param L output positions per sample: outH outW
     * @param rowWidth positions per row (outW); divides L
     * @param gw the weight gradient (G*co, K), overwritten
     * @param gwOff index of gw's first element
     */
    public static void weightGrad(float[] gy, int gyOff, float[] cols, int colsOff, int B, int G, int co, int K, int L, int rowWidth,
                                  float[] gw, int gwOff) {
        check(gy.length, gyOff, cols.length, colsOff, B, G, co, K, L, gw.length, gwOff);
        checkRows(L, rowWidth);
        if (KernelImpl.current() == KernelImpl.SIMD) WeightGradSimdF32.weightGradRows(gy, gyOff, cols, colsOff, B, G, co, K, L, rowWidth, gw, gwOff);
        else WeightGradF32.weightGrad(gy, gyOff, cols, colsOff, B, G, co, K, L, gw, gwOff);
    }

    /**
     * gw = the sum above in rows of rowWidth, on F64 (gw overwritten).
     *
     * @param gy the gradient of the output (B, G*co, L)
     * @param gyOff index of gy's first element
     * @param cols the im2col columns (B, G*K, L), row-major
     * @param colsOff index of cols's first element
     * @param B batch size
     * @param G number of groups
     * @param co output channels per group
     * @param K taps per group: (C/G) kH kW
     * @param L output positions per sample: outH outW
     * @param rowWidth positions per row (outW); divides L
     * @param gw the weight gradient (G*co, K), overwritten
     * @param gwOff index of gw's first element
     */
    public static void weightGrad(double[] gy, int gyOff, double[] cols, int colsOff, int B, int G, int co, int K, int L, int rowWidth,
                                  double[] gw, int gwOff) {
        check(gy.length, gyOff, cols.length, colsOff, B, G, co, K, L, gw.length, gwOff);
        checkRows(L, rowWidth);
        if (KernelImpl.current() == KernelImpl.SIMD) WeightGradSimdF64.weightGradRows(gy, gyOff, cols, colsOff, B, G, co, K, L, rowWidth, gw, gwOff);
        else WeightGradF64.weightGrad(gy, gyOff, cols, colsOff, B, G, co, K, L, gw, gwOff);
    }

    private static void checkRows(int L, int rowWidth) {
        if (rowWidth < 1 || L % rowWidth != 0) {
            throw new IllegalArgumentException("weightGrad: rowWidth must be >= 1 and divide L; got rowWidth=" + rowWidth + ", L=" + L);
        }
    }

    /**
     * gw = the sum above, on F64 (gw overwritten).
     *
     * @param gy the gradient of the output (B, G*co, L)
     * @param gyOff index of gy's first element
     * @param cols the im2col columns (B, G*K, L), row-major
     * @param colsOff index of cols's first element
     * @param B batch size
     * @param G number of groups
     * @param co output channels per group
     * @param K taps per group: (C/G) kH kW
     * @param L output positions per sample: outH outW
     * @param gw the weight gradient (G*co, K), overwritten
     * @param gwOff index of gw's first element
     */
    public static void weightGrad(double[] gy, int gyOff, double[] cols, int colsOff, int B, int G, int co, int K, int L,
                                  double[] gw, int gwOff) {
        check(gy.length, gyOff, cols.length, colsOff, B, G, co, K, L, gw.length, gwOff);
        if (KernelImpl.current() == KernelImpl.SIMD) WeightGradSimdF64.weightGrad(gy, gyOff, cols, colsOff, B, G, co, K, L, gw, gwOff);
        else WeightGradF64.weightGrad(gy, gyOff, cols, colsOff, B, G, co, K, L, gw, gwOff);
    }

    private static void check(int gyLen, int gyOff, int colsLen, int colsOff, int B, int G, int co, int K, int L,
                              int gwLen, int gwOff) {
        if (B < 0 || G < 1 || co < 1 || K < 1 || L < 1) {
            throw new IllegalArgumentException("weightGrad: needs B >= 0, G, co, K, L >= 1; got B=" + B + ", G=" + G + ", co=" + co
                    + ", K=" + K + ", L=" + L);
        }
        ConvGeom.checkProduct("weightGrad", (long) B * G * co * L, "B*G*co*L");
        ConvGeom.checkProduct("weightGrad", (long) B * G * K * L, "B*G*K*L");
        ConvGeom.need("weightGrad", "gy", gyLen, gyOff, (long) B * G * co * L, "B*G*co*L", B, G, co, L);
        ConvGeom.need("weightGrad", "cols", colsLen, colsOff, (long) B * G * K * L, "B*G*K*L", B, G, K, L);
        ConvGeom.need("weightGrad", "gw", gwLen, gwOff, (long) G * co * K, "G*co*K", G, co, K);
    }
}
