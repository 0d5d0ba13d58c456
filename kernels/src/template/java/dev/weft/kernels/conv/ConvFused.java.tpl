//@class ConvFused
package dev.weft.kernels.conv;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;

/**
 * Convolution with no column tensor: the forward, weight-gradient and input-gradient products of
 * {@link Im2col} + {@link ConvMatmul} / {@link WeightGrad} / col2im. The forward and input gradient make
 * each sample's columns in a task's scratch, written and read while in cache; the weight gradient, which
 * reads a whole batch's, makes them in a buffer its thread keeps. No batch-sized column array is allocated,
 * zeroed and streamed through memory per call (for LeNet those were 5 MB and 3.8 MB per layer and pass).
 * Each computes exactly what the unfused primitives compute, with the same kernels in the same order, so
 * the same bits under each {@link KernelImpl}:
 * <pre>
 * x: (B, C, H, W), w: (G*co, K) with K = C/G*kH*kW, L = outH*outW
 * conv2d:     y[b]  = w (x) im2col(x[b])                       y: (B, G*co, L)
 * weightGrad: gw    = sum_b gy[b] im2col(x[b])^T (per group)   gw: (G*co, K)
 * inputGrad:  gx[b] = col2im(w^T (x) gy[b])                    gx: (B, C, H, W)
 * </pre>
 * ((x) is the per-group product of {@link ConvMatmul}). Under the SIMD kernels the forward makes no columns
 * when its groups' output channels fill vectors ({@code ConvLanesSimd}, channels as lanes) or its stride is 1
 * ({@code ConvDirectSimd}, a wide-row grid), and the weight gradient makes none in the first case
 * ({@code WeightGradLanesSimd}): both read each tap straight from the sample or a zero-padded copy, with the
 * unfused chains and bits. Work is split over samples (the weight gradient's
 * product over gw blocks, as {@link WeightGrad} does); the bits do not depend on the thread count.
 */
public final class ConvFused {
    private ConvFused() {}

    /**
     * The SIMD weight gradient makes its columns this many bytes of samples at a time (at least one sample), so
     * they are still in the core's cache when the gradient reads them; the accumulators carry each element's
     * chain from one group of samples to the next, so the bits are those of one pass over the whole batch.
     */
    private static final int COLUMN_CHUNK_BYTES = 512 * 1024;

    private static boolean simd() {
        return KernelImpl.current() == KernelImpl.SIMD;
    }

    /** Geometry and extents shared by the three products (errors name the kernel and every size). */
    private static ConvGeom geom(String kernel, int B, int C, int H, int W, int G, int cOut, int kH, int kW, int sH, int sW,
                                 int pH, int pW, int dH, int dW, String xName, int xLen, int xOff, String wName, int wLen, int wOff,
                                 String yName, int yLen, int yOff) {
        if (B < 0 || G < 1 || cOut < 1 || C % G != 0 || cOut % G != 0) {
            throw new IllegalArgumentException(kernel + ": needs B >= 0, groups >= 1 dividing C and C_out; got B=" + B + ", C=" + C
                    + ", C_out=" + cOut + ", groups=" + G);
        }
        ConvGeom g = ConvGeom.conv(kernel, C, H, W, kH, kW, sH, sW, pH, pW, dH, dW);
        int L = g.colCols(), K = C / G * kH * kW;
        ConvGeom.checkProduct(kernel, (long) B * C * H * W, "B*C*H*W");
        ConvGeom.checkProduct(kernel, (long) B * cOut * L, "B*C_out*L");
        ConvGeom.need(kernel, xName, xLen, xOff, (long) B * C * H * W, "B*C*H*W", B, C, H, W);
        ConvGeom.need(kernel, wName, wLen, wOff, (long) cOut * K, "C_out*K", cOut, K);
        ConvGeom.need(kernel, yName, yLen, yOff, (long) B * cOut * L, "B*C_out*L", B, cOut, L);
        return g;
    }

    //@each F32 F64 literals
    /**
     * y (B, G*co, L) = the convolution of x (B, C, H, W) with w (G*co, K); y overwritten.
     *
     * @param x the input (B, C, H, W), row-major
     * @param xOff index of x's first element
     * @param B batch size
     * @param C input channels
     * @param H input height
     * @param W input width
     * @param w the weight (G*co, K)
     * @param wOff index of w's first element
     * @param G number of groups
     * @param cOut output channels per group (co)
     * @param kH kernel height
     * @param kW kernel width
     * @param sH vertical stride
     * @param sW horizontal stride
     * @param pH vertical zero padding (each side)
     * @param pW horizontal zero padding (each side)
     * @param dH vertical dilation
     * @param dW horizontal dilation
     * @param y the output (B, G*co, L), overwritten
     * @param yOff index of y's first element
     */
    public static void conv2d(${t}[] x, int xOff, int B, int C, int H, int W, ${t}[] w, int wOff, int G, int cOut,
                              int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW, ${t}[] y, int yOff) {
        conv2d(x, xOff, B, C, H, W, w, wOff, G, cOut, kH, kW, sH, sW, pH, pW, dH, dW, null, 0, y, yOff);
    }

    /**
     * y (B, G*co, L) = the convolution of x (B, C, H, W) with w (G*co, K), plus bias[o] on output channel o when
     * bias is not null; y overwritten. The bias is one add after each element's chain, as it is stored: the bits
     * of the convolution followed by a broadcast add, with no second pass over y.
     *
     * @param x the input (B, C, H, W), row-major
     * @param xOff index of x's first element
     * @param B batch size
     * @param C input channels
     * @param H input height
     * @param W input width
     * @param w the weight (G*co, K)
     * @param wOff index of w's first element
     * @param G number of groups
     * @param cOut output channels per group (co)
     * @param kH kernel height
     * @param kW kernel width
     * @param sH vertical stride
     * @param sW horizontal stride
     * @param pH vertical zero padding (each side)
     * @param pW horizontal zero padding (each side)
     * @param dH vertical dilation
     * @param dW horizontal dilation
     * @param bias the bias (G*co), or null for none
     * @param bOff index of the bias's first element
     * @param y the output (B, G*co, L), overwritten
     * @param yOff index of y's first element
     */
    public static void conv2d(${t}[] x, int xOff, int B, int C, int H, int W, ${t}[] w, int wOff, int G, int cOut,
                              int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW, ${t}[] bias, int bOff,
                              ${t}[] y, int yOff) {
        ConvGeom g = geom("conv2d", B, C, H, W, G, cOut, kH, kW, sH, sW, pH, pW, dH, dW, "x", x.length, xOff, "w", w.length, wOff, "y", y.length, yOff);
        if (bias != null) ConvGeom.need("conv2d", "bias", bias.length, bOff, cOut, "C_out", cOut);
        int L = g.colCols(), K = C / G * kH * kW, co = cOut / G, img = C * H * W;
        boolean simd = simd();
        if (simd && ConvLanesSimd${D}.applies(co, K)) {
            ConvLanesSimd${D}.conv2d(x, xOff, B, g, w, wOff, G, cOut, bias, bOff, y, yOff);
            return;
        }
        if (simd && ConvDirectSimd${D}.applies(g, K)) {
            ConvDirectSimd${D}.conv2d(x, xOff, B, g, w, wOff, G, cOut, bias, bOff, y, yOff);
            return;
        }
        Parallel.forRange(B, 1, (b0, b1) -> {
            ${t}[] cols = new ${t}[g.colRows() * L];
            for (int b = b0; b < b1; b++) {
                if (simd) {
                    Im2colSimd${D}.im2col(x, xOff + b * img, g, cols, 0);
                    ConvMatmulSimd${D}.matmul(w, wOff, K, 1, cols, 0, 1, G, co, K, L, y, yOff + b * cOut * L);
                } else {
                    Im2col${D}.im2col(x, xOff + b * img, g, cols, 0);
                    ConvMatmul${D}.matmul(w, wOff, K, 1, cols, 0, 1, G, co, K, L, y, yOff + b * cOut * L);
                }
                if (bias != null) addBias(bias, bOff, cOut, L, y, yOff + b * cOut * L);
            }
        });
    }

    /** y (cOut, L) += bias[o] on row o. */
    private static void addBias(${t}[] bias, int bOff, int cOut, int L, ${t}[] y, int yOff) {
        for (int o = 0; o < cOut; o++) {
            ${t} v = bias[bOff + o];
            for (int l = 0; l < L; l++) y[yOff + o * L + l] += v;
        }
    }

    /**
     * gw (G*co, K) = the weight gradient from gy (B, G*co, L) and x (B, C, H, W); gw overwritten. The columns go,
     * {@link #COLUMN_CHUNK_BYTES} of samples at a time (the whole batch on the scalar path), into a buffer this
     * thread keeps for the next call (grown, never shrunk): a fresh array each step would be zeroed and faulted in
     * from memory. (NOTE: making the columns a group of samples at a time inside the gradient kernel's tasks made
     * C2 compile its block with a non-constant species and boxed vectors in about one training launch in six; the
     * groups are therefore made here, between calls of the kernel, which keeps its accumulators across them.)
     *
     * @param gy the gradient of the output (B, G*co, L)
     * @param gyOff index of gy's first element
     * @param x the input (B, C, H, W), row-major
     * @param xOff index of x's first element
     * @param B batch size
     * @param C input channels
     * @param H input height
     * @param W input width
     * @param G number of groups
     * @param cOut output channels per group (co)
     * @param kH kernel height
     * @param kW kernel width
     * @param sH vertical stride
     * @param sW horizontal stride
     * @param pH vertical zero padding (each side)
     * @param pW horizontal zero padding (each side)
     * @param dH vertical dilation
     * @param dW horizontal dilation
     * @param gw the weight gradient (G*co, K), overwritten
     * @param gwOff index of gw's first element
     */
    public static void weightGrad(${t}[] gy, int gyOff, ${t}[] x, int xOff, int B, int C, int H, int W, int G, int cOut,
                                  int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW, ${t}[] gw, int gwOff) {
        ConvGeom g = geom("conv2dWeightGrad", B, C, H, W, G, cOut, kH, kW, sH, sW, pH, pW, dH, dW, "x", x.length, xOff, "gw", gw.length,
                gwOff, "gy", gy.length, gyOff);
        int L = g.colCols(), K = C / G * kH * kW, co = cOut / G, img = C * H * W, sample = g.colRows() * L;
        if (simd() && (WeightGradLanesSimd${D}.applies(co) || sW == 1)) {
            weightGradFromImage(gy, gyOff, x, xOff, B, g, G, co, gw, gwOff);
            return;
        }
        boolean simd = simd();
        int chunk = simd ? Math.max(1, Math.min(B, COLUMN_CHUNK_BYTES / (${T}.BYTES * sample))) : Math.max(B, 1);
        ${t}[] cols = COLUMNS_${D}.get();
        if (cols.length < chunk * sample) COLUMNS_${D}.set(cols = new ${t}[chunk * sample]);
        ${t}[] c = cols, acc = simd ? WeightGradSimd${D}.accumulators(G, co, K) : null;
        for (int first = 0; first < B; first += chunk) {
            int s0 = first, n = Math.min(chunk, B - first);
            Parallel.forRange(n, 1, (b0, b1) -> {
                for (int b = b0; b < b1; b++) {
                    if (simd) Im2colSimd${D}.im2col(x, xOff + (s0 + b) * img, g, c, b * sample);
                    else Im2col${D}.im2col(x, xOff + (s0 + b) * img, g, c, b * sample);
                }
            });
            if (simd) WeightGradSimd${D}.accumulate(gy, gyOff + s0 * cOut * L, c, 0, n, G, co, K, L, acc);
        }
        if (simd) WeightGradSimd${D}.finish(acc, G, co, K, gw, gwOff);
        else WeightGrad${D}.weightGrad(gy, gyOff, c, 0, B, G, co, K, L, gw, gwOff);
    }

    /**
     * The channel-lanes weight gradient, or at stride 1 along W the row-wise one in rows of outW
     * ({@link WeightGradSimd${D}#accumulateRows}), reading the taps from x itself, or from a zero-padded copy when
     * the convolution pads: no columns (column (k, l) is the pixel under output position l shifted by tap k).
     */
    private static void weightGradFromImage(${t}[] gy, int gyOff, ${t}[] x, int xOff, int B, ConvGeom g, int G, int co,
                                            ${t}[] gw, int gwOff) {
        int C = g.C(), H = g.H(), W = g.W(), pH = g.pH(), pW = g.pW(), plane = g.paddedPlane();
        int Cg = C / G, kH = g.kH(), kW = g.kW(), K = Cg * kH * kW, outH = g.outH(), outW = g.outW();
        ${t}[] src = x;
        int srcOff = xOff;
        if (pH > 0 || pW > 0) {
            ${t}[] kept = PADDED_${D}.get();
            if (kept.length < B * C * plane) PADDED_${D}.set(kept = new ${t}[B * C * plane]);
            else java.util.Arrays.fill(kept, 0, B * C * plane, 0);
            ${t}[] padded = kept;
            Parallel.forRange(B * C, 1, (r0, r1) -> Im2col${D}.pad(x, xOff + r0 * H * W, r1 - r0, H, W, pH, pW, padded, r0 * plane));
            src = padded;
            srcOff = 0;
        }
        int[] off = g.tapShifts(Cg);
        if (WeightGradLanesSimd${D}.applies(co)) {
            WeightGradLanesSimd${D}.weightGrad(gy, gyOff, B, G, co, K, outH * outW, src, srcOff, C * plane, Cg * plane, off,
                    g.outputPixels(), gw, gwOff);
            return;
        }
        int[] tapOff = new int[G * K];
        for (int gr = 0; gr < G; gr++)
            for (int k = 0; k < K; k++) tapOff[gr * K + k] = gr * Cg * plane + off[k];
        ${t}[] acc = WeightGradSimd${D}.accumulators(G, co, K);
        WeightGradSimd${D}.accumulateRows(gy, gyOff, src, srcOff, C * plane, tapOff, g.sH() * g.paddedW(), B, G, co, K, outH, outW, acc);
        WeightGradSimd${D}.finish(acc, G, co, K, gw, gwOff);
    }

    /** The padded images of weightGradFromImage, kept per thread like the columns. */
    private static final ThreadLocal<${t}[]> PADDED_${D} = ThreadLocal.withInitial(() -> new ${t}[0]);

    private static final ThreadLocal<${t}[]> COLUMNS_${D} = ThreadLocal.withInitial(() -> new ${t}[0]);

    /**
     * gx (B, C, H, W) = the input gradient from gy (B, G*co, L) and w (G*co, K); gx overwritten.
     *
     * @param gy the gradient of the output (B, G*co, L)
     * @param gyOff index of gy's first element
     * @param w the weight (G*co, K)
     * @param wOff index of w's first element
     * @param B batch size
     * @param C input channels
     * @param H input height
     * @param W input width
     * @param G number of groups
     * @param cOut output channels per group (co)
     * @param kH kernel height
     * @param kW kernel width
     * @param sH vertical stride
     * @param sW horizontal stride
     * @param pH vertical zero padding (each side)
     * @param pW horizontal zero padding (each side)
     * @param dH vertical dilation
     * @param dW horizontal dilation
     * @param gx the gradient of the input (B, C, H, W), overwritten
     * @param gxOff index of gx's first element
     */
    public static void inputGrad(${t}[] gy, int gyOff, ${t}[] w, int wOff, int B, int C, int H, int W, int G, int cOut,
                                 int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW, ${t}[] gx, int gxOff) {
        ConvGeom g = geom("conv2dInputGrad", B, C, H, W, G, cOut, kH, kW, sH, sW, pH, pW, dH, dW, "gx", gx.length, gxOff, "w", w.length,
                wOff, "gy", gy.length, gyOff);
        int L = g.colCols(), K = C / G * kH * kW, co = cOut / G, img = C * H * W;
        // w^T per group, (G*K, co): read in place through its strides for one group, copied for several
        ${t}[] wt;
        int wtOff, rs, cs;
        if (G == 1) {
            wt = w;
            wtOff = wOff;
            rs = 1;
            cs = K;
        } else {
            wt = new ${t}[G * K * co];
            for (int gr = 0; gr < G; gr++)
                for (int o = 0; o < co; o++)
                    for (int k = 0; k < K; k++) wt[(gr * K + k) * co + o] = w[wOff + (gr * co + o) * K + k];
            wtOff = 0;
            rs = co;
            cs = 1;
        }
        boolean simd = simd();
        Parallel.forRange(B, 1, (b0, b1) -> {
            int pad = simd ? Im2colSimd${D}.slack() : 0;     // col2imInto's whole-vector loads stay inside cols
            ${t}[] cols = new ${t}[pad + g.colRows() * L + pad];
            for (int b = b0; b < b1; b++) {
                if (simd) {
                    ConvMatmulSimd${D}.matmul(wt, wtOff, rs, cs, gy, gyOff + b * cOut * L, 1, G, K, co, L, cols, pad);
                    Im2colSimd${D}.col2imInto(cols, pad, g, gx, gxOff + b * img);
                } else {
                    java.util.Arrays.fill(gx, gxOff + b * img, gxOff + (b + 1) * img, 0);
                    ConvMatmul${D}.matmul(wt, wtOff, rs, cs, gy, gyOff + b * cOut * L, 1, G, K, co, L, cols, 0);
                    Im2col${D}.col2im(cols, 0, g, gx, gxOff + b * img);
                }
            }
        });
    }
    //@end
}
