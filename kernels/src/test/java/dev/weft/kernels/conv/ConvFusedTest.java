package dev.weft.kernels.conv;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.WithKernels;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.weft.kernels.TestArrays.uniformF;
import static dev.weft.kernels.TestArrays.uniformD;

/**
 * The fused convolution products give exactly the bits of the unfused primitives (a whole batch's im2col,
 * then ConvMatmul / WeightGrad, in rows of outW at stride 1 along W / ConvMatmul + col2im), under each kernel and thread count, including
 * groups, padding, strides, dilation and batches that do not fill the weight gradient's last group.
 */
class ConvFusedTest {

    /** B, C, H, W, G, cOut, kH, kW, sH, sW, pH, pW, dH, dW. */
    private static final int[][] CASES = {
            {3, 1, 28, 28, 1, 6, 5, 5, 1, 1, 2, 2, 1, 1},   // LeNet conv1 (smaller batch)
            {6, 6, 14, 14, 1, 16, 5, 5, 1, 1, 0, 0, 1, 1},  // LeNet conv2: two groups of samples, the second short
            {5, 4, 9, 11, 2, 6, 3, 2, 2, 1, 1, 0, 1, 2},    // groups, strides, padding, dilation
            {1, 3, 7, 40, 3, 3, 2, 3, 1, 1, 1, 1, 2, 1},    // wide rows (longer than two vectors)
            {9, 2, 5, 5, 1, 1, 5, 5, 1, 1, 0, 0, 1, 1},     // one output position, one output channel
            // stride 1, read straight from the padded image under SIMD: groups of 7 output channels (a short
            // second block), dilation, one sample (split over output channels at 2 threads), odd widths
            {1, 4, 9, 10, 2, 14, 3, 3, 1, 1, 1, 2, 2, 1},
            {2, 3, 12, 33, 1, 13, 3, 4, 1, 1, 0, 3, 1, 2},
            {2, 8, 6, 6, 1, 16, 1, 1, 1, 1, 0, 0, 1, 1},    // 1x1 convolution
            // output channels as lanes (two vectors, the second part padding) with strides, padding, dilation,
            // groups, and one sample split over its positions at 2 threads
            {3, 4, 11, 9, 1, 20, 3, 3, 2, 1, 1, 1, 1, 2},
            {1, 6, 8, 8, 2, 32, 3, 3, 2, 2, 1, 1, 1, 1}};



    @Test
    void fusedEqualsUnfusedBitForBit() {
        for (KernelImpl impl : KernelImpl.values()) {
            for (int threads : new int[] {1, 2}) {
                WithKernels.run(impl, threads, () -> {
                    for (int[] c : CASES) check(c, impl + " threads=" + threads);
                    return null;
                });
            }
        }
    }

    private static void check(int[] p, String how) {
        int B = p[0], C = p[1], H = p[2], W = p[3], G = p[4], cOut = p[5], kH = p[6], kW = p[7], sH = p[8], sW = p[9];
        int pH = p[10], pW = p[11], dH = p[12], dW = p[13];
        int oh = Im2col.outSize(H, kH, sH, pH, dH), ow = Im2col.outSize(W, kW, sW, pW, dW), L = oh * ow;
        int K = C / G * kH * kW, co = cOut / G, img = C * H * W, rows = C * kH * kW;
        String what = how + " case " + java.util.Arrays.toString(p);
        // F32
        float[] x = uniformF(1 + B * img, 1), w = uniformF(cOut * K, 2), gy = uniformF(B * cOut * L, 3);
        float[] cols = new float[B * rows * L];
        for (int b = 0; b < B; b++) Im2col.im2col(x, 1 + b * img, C, H, W, kH, kW, sH, sW, pH, pW, dH, dW, cols, b * rows * L);
        float[] y0 = new float[B * cOut * L], y1 = uniformF(B * cOut * L, 8);   // y1 starts dirty: overwritten
        ConvMatmul.matmul(w, 0, K, 1, cols, 0, B, G, co, K, L, y0, 0);
        ConvFused.conv2d(x, 1, B, C, H, W, w, 0, G, cOut, kH, kW, sH, sW, pH, pW, dH, dW, y1, 0);
        assertArrayEquals(y0, y1, "conv2d " + what);
        float[] gw0 = new float[cOut * K], gw1 = new float[cOut * K];
        WeightGrad.weightGrad(gy, 0, cols, 0, B, G, co, K, L, sW == 1 ? ow : L, gw0, 0);
        ConvFused.weightGrad(gy, 0, x, 1, B, C, H, W, G, cOut, kH, kW, sH, sW, pH, pW, dH, dW, gw1, 0);
        assertArrayEquals(gw0, gw1, "weightGrad " + what);
        float[] wt = new float[G * K * co];
        for (int g = 0; g < G; g++) for (int o = 0; o < co; o++) for (int k = 0; k < K; k++) wt[(g * K + k) * co + o] = w[(g * co + o) * K + k];
        float[] dcols = new float[B * rows * L], gx0 = new float[B * img], gx1 = uniformF(B * img, 9);   // gx1 starts dirty: overwritten
        ConvMatmul.matmul(wt, 0, co, 1, gy, 0, B, G, K, co, L, dcols, 0);
        for (int b = 0; b < B; b++) Im2col.col2im(dcols, b * rows * L, C, H, W, kH, kW, sH, sW, pH, pW, dH, dW, gx0, b * img);
        ConvFused.inputGrad(gy, 0, w, 0, B, C, H, W, G, cOut, kH, kW, sH, sW, pH, pW, dH, dW, gx1, 0);
        assertArrayEquals(gx0, gx1, "inputGrad " + what);
        // F64
        double[] xd = uniformD(B * img, 4), wd = uniformD(cOut * K, 5), gyd = uniformD(B * cOut * L, 6);
        double[] colsd = new double[B * rows * L];
        for (int b = 0; b < B; b++) Im2col.im2col(xd, b * img, C, H, W, kH, kW, sH, sW, pH, pW, dH, dW, colsd, b * rows * L);
        double[] yd0 = new double[B * cOut * L], yd1 = uniformD(B * cOut * L, 7);
        ConvMatmul.matmul(wd, 0, K, 1, colsd, 0, B, G, co, K, L, yd0, 0);
        ConvFused.conv2d(xd, 0, B, C, H, W, wd, 0, G, cOut, kH, kW, sH, sW, pH, pW, dH, dW, yd1, 0);
        assertArrayEquals(yd0, yd1, "conv2d F64 " + what);
        double[] gwd0 = new double[cOut * K], gwd1 = new double[cOut * K];
        WeightGrad.weightGrad(gyd, 0, colsd, 0, B, G, co, K, L, sW == 1 ? ow : L, gwd0, 0);
        ConvFused.weightGrad(gyd, 0, xd, 0, B, C, H, W, G, cOut, kH, kW, sH, sW, pH, pW, dH, dW, gwd1, 0);
        assertArrayEquals(gwd0, gwd1, "weightGrad F64 " + what);
        double[] wtd = new double[G * K * co];
        for (int g = 0; g < G; g++) for (int o = 0; o < co; o++) for (int k = 0; k < K; k++) wtd[(g * K + k) * co + o] = wd[(g * co + o) * K + k];
        double[] dcolsd = new double[B * rows * L], gxd0 = new double[B * img], gxd1 = new double[B * img];
        ConvMatmul.matmul(wtd, 0, co, 1, gyd, 0, B, G, K, co, L, dcolsd, 0);
        for (int b = 0; b < B; b++) Im2col.col2im(dcolsd, b * rows * L, C, H, W, kH, kW, sH, sW, pH, pW, dH, dW, gxd0, b * img);
        ConvFused.inputGrad(gyd, 0, wd, 0, B, C, H, W, G, cOut, kH, kW, sH, sW, pH, pW, dH, dW, gxd1, 0);
        assertArrayEquals(gxd0, gxd1, "inputGrad F64 " + what);
    }

    @Test
    void errorsNameTheKernelAndSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConvFused.conv2d(new float[10], 0, 1, 1, 4, 4,
                new float[9], 0, 1, 1, 3, 3, 1, 1, 0, 0, 1, 1, new float[4], 0));
        assertTrue(e.getMessage().startsWith("conv2d: x has 10 elements") && e.getMessage().contains("B*C*H*W = 1*1*4*4 = 16"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvFused.weightGrad(new float[4], 0, new float[16], 0, 1, 2, 4, 4, 3, 3,
                3, 3, 1, 1, 0, 0, 1, 1, new float[27], 0));
        assertTrue(e.getMessage().startsWith("conv2dWeightGrad: needs B >= 0, groups >= 1 dividing C and C_out"), e.getMessage());
    }
}
