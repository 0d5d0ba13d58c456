package dev.weft.kernels.conv;

import dev.weft.kernels.KernelImpl;

/**
 * 2-d max and average pooling of one image, forward and backward. 1-d pooling is the tensor layer
 * calling these with H = 1 (kH = 1, sH = 1, pH = 0). Picks the scalar or SIMD kernel by
 * {@link KernelImpl#current()}.
 *
 * <pre>
 * x: (C, H, W) at xOff -> y: (C, outH, outW) at yOff      outH = {@link #outSize}(H, kH, sH, pH, dH, ceilMode)
 * window of (oh, ow): rows oh*sH - pH + kh*dH, cols ow*sW - pW + kw*dW; taps in the padding are skipped
 * </pre>
 */
public final class Pool {
    private Pool() {}

    /**
     * Max pooling: {@code y[c,oh,ow] = max over the window}, scanning taps row-major; a later tap wins
     * when it is greater or NaN (so NaN propagates), and {@code idx[c,oh,ow] = ih*W + iw} of the winner
     * (a flat index within the channel, as torch's return_indices). A window with no input element
     * (possible only with dilation) gives -inf and index -1. y and idx are overwritten.
     *
     * @param x the input, (B, C, H, W) row-major
     * @param xOff index of x's first element
     * @param C input channels
     * @param H input height
     * @param W input width
     * @param kH kernel height
     * @param kW kernel width
     * @param sH vertical stride
     * @param sW horizontal stride
     * @param pH vertical zero padding (each side)
     * @param pW horizontal zero padding (each side)
     * @param dH vertical dilation
     * @param dW horizontal dilation
     * @param ceilMode round the output size up (a last window that starts inside the input or left padding is kept)
     * @param y the output, (B, C, outH, outW) row-major (written)
     * @param yOff index of y's first element
     * @param idx the argmax of each output, a flat index into its channel's H x W plane
     * @param idxOff index of idx's first element
     */
    public static void maxPool2d(float[] x, int xOff, int C, int H, int W, int kH, int kW, int sH, int sW,
                                 int pH, int pW, int dH, int dW, boolean ceilMode, float[] y, int yOff,
                                 long[] idx, int idxOff) {
        ConvGeom g = forward("maxPool2d", x.length, xOff, C, H, W, kH, kW, sH, sW, pH, pW, dH, dW, ceilMode, y.length, yOff);
        needOut("maxPool2d", "idx", idx.length, idxOff, g);
        if (KernelImpl.current() == KernelImpl.SIMD) PoolSimdF32.maxPool(x, xOff, g, y, yOff, idx, idxOff);
        else PoolF32.maxPool(x, xOff, g, y, yOff, idx, idxOff);
    }

    /**
     * Max pooling on F64 (see the float overload). y and idx are overwritten.
     *
     * @param x the input, (B, C, H, W) row-major
     * @param xOff index of x's first element
     * @param C input channels
     * @param H input height
     * @param W input width
     * @param kH kernel height
     * @param kW kernel width
     * @param sH vertical stride
     * @param sW horizontal stride
     * @param pH vertical zero padding (each side)
     * @param pW horizontal zero padding (each side)
     * @param dH vertical dilation
     * @param dW horizontal dilation
     * @param ceilMode round the output size up (a last window that starts inside the input or left padding is kept)
     * @param y the output, (B, C, outH, outW) row-major (written)
     * @param yOff index of y's first element
     * @param idx the argmax of each output, a flat index into its channel's H x W plane
     * @param idxOff index of idx's first element
     */
    public static void maxPool2d(double[] x, int xOff, int C, int H, int W, int kH, int kW, int sH, int sW,
                                 int pH, int pW, int dH, int dW, boolean ceilMode, double[] y, int yOff,
                                 long[] idx, int idxOff) {
        ConvGeom g = forward("maxPool2d", x.length, xOff, C, H, W, kH, kW, sH, sW, pH, pW, dH, dW, ceilMode, y.length, yOff);
        needOut("maxPool2d", "idx", idx.length, idxOff, g);
        if (KernelImpl.current() == KernelImpl.SIMD) PoolSimdF64.maxPool(x, xOff, g, y, yOff, idx, idxOff);
        else PoolF64.maxPool(x, xOff, g, y, yOff, idx, idxOff);
    }

    /**
     * Average pooling (no dilation): {@code y[c,oh,ow] = sum of the window's input elements / divisor},
     * the divisor being the window clipped to the padded image when countIncludePad, else the number of
     * input elements in it (torch's rule); a window with no input element gives 0. Sums run in the
     * element type, taps in row-major order. y is overwritten.
     *
     * @param x the input, (B, C, H, W) row-major
     * @param xOff index of x's first element
     * @param C input channels
     * @param H input height
     * @param W input width
     * @param kH kernel height
     * @param kW kernel width
     * @param sH vertical stride
     * @param sW horizontal stride
     * @param pH vertical zero padding (each side)
     * @param pW horizontal zero padding (each side)
     * @param ceilMode round the output size up (a last window that starts inside the input or left padding is kept)
     * @param countIncludePad divide by the whole window (padding included), else by the taps inside the input
     * @param y the output, (B, C, outH, outW) row-major (written)
     * @param yOff index of y's first element
     */
    public static void avgPool2d(float[] x, int xOff, int C, int H, int W, int kH, int kW, int sH, int sW,
                                 int pH, int pW, boolean ceilMode, boolean countIncludePad, float[] y, int yOff) {
        ConvGeom g = forward("avgPool2d", x.length, xOff, C, H, W, kH, kW, sH, sW, pH, pW, 1, 1, ceilMode, y.length, yOff);
        if (KernelImpl.current() == KernelImpl.SIMD) PoolSimdF32.avgPool(x, xOff, g, countIncludePad, y, yOff);
        else PoolF32.avgPool(x, xOff, g, countIncludePad, y, yOff);
    }

    /**
     * Average pooling on F64 (see the float overload). y is overwritten.
     *
     * @param x the input, (B, C, H, W) row-major
     * @param xOff index of x's first element
     * @param C input channels
     * @param H input height
     * @param W input width
     * @param kH kernel height
     * @param kW kernel width
     * @param sH vertical stride
     * @param sW horizontal stride
     * @param pH vertical zero padding (each side)
     * @param pW horizontal zero padding (each side)
     * @param ceilMode round the output size up (a last window that starts inside the input or left padding is kept)
     * @param countIncludePad divide by the whole window (padding included), else by the taps inside the input
     * @param y the output, (B, C, outH, outW) row-major (written)
     * @param yOff index of y's first element
     */
    public static void avgPool2d(double[] x, int xOff, int C, int H, int W, int kH, int kW, int sH, int sW,
                                 int pH, int pW, boolean ceilMode, boolean countIncludePad, double[] y, int yOff) {
        ConvGeom g = forward("avgPool2d", x.length, xOff, C, H, W, kH, kW, sH, sW, pH, pW, 1, 1, ceilMode, y.length, yOff);
        if (KernelImpl.current() == KernelImpl.SIMD) PoolSimdF64.avgPool(x, xOff, g, countIncludePad, y, yOff);
        else PoolF64.avgPool(x, xOff, g, countIncludePad, y, yOff);
    }

    /**
     * Max pooling backward: {@code gx[c, idx[c,oh,ow]] += gy[c,oh,ow]} (idx from {@link #maxPool2d};
     * -1 entries are skipped). gx is accumulated into, gy and idx read only. Scalar only: it is a
     * scatter-add whose targets repeat across overlapping windows, so lanes would conflict.
     *
     * @param gy the gradient of the output
     * @param gyOff index of gy's first element
     * @param idx the argmax of each output, a flat index into its channel's H x W plane
     * @param idxOff index of idx's first element
     * @param C input channels
     * @param H input height
     * @param W input width
     * @param outH output height
     * @param outW output width
     * @param gx the gradient of the input
     * @param gxOff index of gx's first element
     */
    public static void maxPool2dBackward(float[] gy, int gyOff, long[] idx, int idxOff, int C, int H, int W,
                                         int outH, int outW, float[] gx, int gxOff) {
        checkMaxBackward(gy.length, gyOff, idx, idxOff, C, H, W, outH, outW, gx.length, gxOff);
        PoolF32.maxPoolBackward(gy, gyOff, idx, idxOff, C, H * W, outH * outW, gx, gxOff);
    }

    /**
     * Max pooling backward on F64 (see the float overload). gx is accumulated into.
     *
     * @param gy the gradient of the output
     * @param gyOff index of gy's first element
     * @param idx the argmax of each output, a flat index into its channel's H x W plane
     * @param idxOff index of idx's first element
     * @param C input channels
     * @param H input height
     * @param W input width
     * @param outH output height
     * @param outW output width
     * @param gx the gradient of the input
     * @param gxOff index of gx's first element
     */
    public static void maxPool2dBackward(double[] gy, int gyOff, long[] idx, int idxOff, int C, int H, int W,
                                         int outH, int outW, double[] gx, int gxOff) {
        checkMaxBackward(gy.length, gyOff, idx, idxOff, C, H, W, outH, outW, gx.length, gxOff);
        PoolF64.maxPoolBackward(gy, gyOff, idx, idxOff, C, H * W, outH * outW, gx, gxOff);
    }

    /**
     * Average pooling backward, the adjoint of {@link #avgPool2d}: every input element of the window of
     * (oh, ow) gets {@code gy[c,oh,ow] / divisor}. gx is accumulated into, gy read only.
     *
     * @param gy the gradient of the output
     * @param gyOff index of gy's first element
     * @param C input channels
     * @param H input height
     * @param W input width
     * @param kH kernel height
     * @param kW kernel width
     * @param sH vertical stride
     * @param sW horizontal stride
     * @param pH vertical zero padding (each side)
     * @param pW horizontal zero padding (each side)
     * @param ceilMode round the output size up (a last window that starts inside the input or left padding is kept)
     * @param countIncludePad divide by the whole window (padding included), else by the taps inside the input
     * @param gx the gradient of the input
     * @param gxOff index of gx's first element
     */
    public static void avgPool2dBackward(float[] gy, int gyOff, int C, int H, int W, int kH, int kW, int sH, int sW,
                                         int pH, int pW, boolean ceilMode, boolean countIncludePad, float[] gx, int gxOff) {
        ConvGeom g = forward("avgPool2dBackward", gx.length, gxOff, C, H, W, kH, kW, sH, sW, pH, pW, 1, 1, ceilMode, gy.length, gyOff);
        if (KernelImpl.current() == KernelImpl.SIMD) PoolSimdF32.avgPoolBackward(gy, gyOff, g, countIncludePad, gx, gxOff);
        else PoolF32.avgPoolBackward(gy, gyOff, g, countIncludePad, gx, gxOff);
    }

    /**
     * Average pooling backward on F64 (see the float overload). gx is accumulated into.
     *
     * @param gy the gradient of the output
     * @param gyOff index of gy's first element
     * @param C input channels
     * @param H input height
     * @param W input width
     * @param kH kernel height
     * @param kW kernel width
     * @param sH vertical stride
     * @param sW horizontal stride
     * @param pH vertical zero padding (each side)
     * @param pW horizontal zero padding (each side)
     * @param ceilMode round the output size up (a last window that starts inside the input or left padding is kept)
     * @param countIncludePad divide by the whole window (padding included), else by the taps inside the input
     * @param gx the gradient of the input
     * @param gxOff index of gx's first element
     */
    public static void avgPool2dBackward(double[] gy, int gyOff, int C, int H, int W, int kH, int kW, int sH, int sW,
                                         int pH, int pW, boolean ceilMode, boolean countIncludePad, double[] gx, int gxOff) {
        ConvGeom g = forward("avgPool2dBackward", gx.length, gxOff, C, H, W, kH, kW, sH, sW, pH, pW, 1, 1, ceilMode, gy.length, gyOff);
        if (KernelImpl.current() == KernelImpl.SIMD) PoolSimdF64.avgPoolBackward(gy, gyOff, g, countIncludePad, gx, gxOff);
        else PoolF64.avgPoolBackward(gy, gyOff, g, countIncludePad, gx, gxOff);
    }

    /**
     * Pooling output size, torch's rule: {@code floor_or_ceil((in + 2p - d*(k-1) - 1) / s) + 1}, and in
     * ceil mode the last window is dropped when it would start in the right padding
     * ({@code (out-1)*s >= in + p}). Errors when {@code k, s, d < 1}, {@code p < 0}, {@code p > k/2} or the result is {@code < 1}.
     *
     * @param in input size along the axis
     * @param k kernel size
     * @param s stride
     * @param p zero padding on each side
     * @param d dilation
     * @param ceilMode round the output size up (a last window that starts inside the input or left padding is kept)
     * @return the output size along the axis (at least 1)
     */
    public static int outSize(int in, int k, int s, int p, int d, boolean ceilMode) {
        return outSize("pool", null, in, k, s, p, d, ceilMode);
    }

    /** The output size along one axis (axis: "height", "width" or null); errors name the kernel and axis. */
    static int outSize(String name, String axis, int in, int k, int s, int p, int d, boolean ceilMode) {
        if (in < 1 || k < 1 || s < 1 || p < 0 || d < 1)
            throw new IllegalArgumentException(ConvGeom.label(name, axis) + ": needs in >= 1, k >= 1, s >= 1, p >= 0, d >= 1; got in="
                    + in + ", k=" + k + ", s=" + s + ", p=" + p + ", d=" + d);
        if (p > k / 2)
            throw new IllegalArgumentException(ConvGeom.label(name, axis) + ": padding " + p + " must be at most half the kernel size "
                    + k + " (k/2 = " + k / 2 + ")");
        long num = (long) in + 2L * p - (long) d * (k - 1) - 1 + (ceilMode ? s - 1 : 0);
        long out = Math.floorDiv(num, (long) s) + 1;
        if (ceilMode && (out - 1) * s >= (long) in + p) out--;
        if (out < 1)
            throw new IllegalArgumentException(ConvGeom.label(name, axis) + ": output size " + out + " < 1 for in=" + in + ", k=" + k
                    + ", s=" + s + ", p=" + p + ", d=" + d + ", ceilMode=" + ceilMode);
        if (out > Integer.MAX_VALUE) throw new IllegalArgumentException(ConvGeom.label(name, axis) + ": output size " + out + " too large");
        return (int) out;
    }

    private static ConvGeom forward(String kernel, int xLen, int xOff, int C, int H, int W, int kH, int kW, int sH, int sW,
                                    int pH, int pW, int dH, int dW, boolean ceilMode, int yLen, int yOff) {
        ConvGeom g = ConvGeom.pool(kernel, C, H, W, kH, kW, sH, sW, pH, pW, dH, dW, ceilMode);
        String xName = kernel.endsWith("Backward") ? "gx" : "x", yName = kernel.endsWith("Backward") ? "gy" : "y";
        ConvGeom.need(kernel, xName, xLen, xOff, (long) C * H * W, "C*H*W", C, H, W);
        needOut(kernel, yName, yLen, yOff, g);
        return g;
    }

    private static void needOut(String kernel, String name, int len, int off, ConvGeom g) {
        ConvGeom.need(kernel, name, len, off, (long) g.C() * g.outH() * g.outW(),
                "C*outH*outW", g.C(), g.outH(), g.outW());
    }

    private static void checkMaxBackward(int gyLen, int gyOff, long[] idx, int idxOff, int C, int H, int W,
                                         int outH, int outW, int gxLen, int gxOff) {
        String k = "maxPool2dBackward";
        ConvGeom.checkImage(k, C, H, W);
        if (outH < 1 || outW < 1)
            throw new IllegalArgumentException(k + ": output (outH, outW) = (" + outH + ", " + outW + ") must be >= 1");
        ConvGeom.checkProduct(k, (long) C * outH * outW, "C*outH*outW");
        ConvGeom.need(k, "gy", gyLen, gyOff, (long) C * outH * outW, "C*outH*outW", C, outH, outW);
        ConvGeom.need(k, "idx", idx.length, idxOff, (long) C * outH * outW, "C*outH*outW", C, outH, outW);
        ConvGeom.need(k, "gx", gxLen, gxOff, (long) C * H * W, "C*H*W", C, H, W);
        long hw = (long) H * W;
        for (int p = 0, n = C * outH * outW; p < n; p++) {
            long v = idx[idxOff + p];
            if (v < -1 || v >= hw)
                throw new IndexOutOfBoundsException(k + ": index " + v + " at position " + p
                        + " is out of range for dim of size " + hw + " (H*W = " + H + "*" + W + ")");
        }
    }
}
