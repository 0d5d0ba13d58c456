package dev.weft.kernels.conv;

import dev.weft.kernels.KernelImpl;

/**
 * im2col / col2im for one image: the tensor layer loops over the batch and groups and calls GEMM
 * itself. Picks the scalar or SIMD kernel by {@link KernelImpl#current()}.
 *
 * <pre>
 * x: (C, H, W) at xOff;  col: (C*kH*kW, outH*outW) row-major at colOff
 * row r = (c*kH + kh)*kW + kw, column q = oh*outW + ow
 * col[r, q] = x[c, oh*sH - pH + kh*dH, ow*sW - pW + kw*dW]   (0 where that lands in the padding)
 * outH = (H + 2pH - dH*(kH-1) - 1)/sH + 1, outW likewise
 * </pre>
 */
public final class Im2col {
    private Im2col() {}

    /**
     * Unfolds x into col (col is overwritten; x is read only).
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
     * @param col the column array
     * @param colOff index of col's first element
     */
    public static void im2col(float[] x, int xOff, int C, int H, int W, int kH, int kW, int sH, int sW,
                              int pH, int pW, int dH, int dW, float[] col, int colOff) {
        ConvGeom g = geom("im2col", x.length, xOff, C, H, W, kH, kW, sH, sW, pH, pW, dH, dW, col.length, colOff, "col");
        if (KernelImpl.current() == KernelImpl.SIMD) Im2colSimdF32.im2col(x, xOff, g, col, colOff);
        else Im2colF32.im2col(x, xOff, g, col, colOff);
    }

    /**
     * Unfolds x into col (col is overwritten; x is read only).
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
     * @param col the column array
     * @param colOff index of col's first element
     */
    public static void im2col(double[] x, int xOff, int C, int H, int W, int kH, int kW, int sH, int sW,
                              int pH, int pW, int dH, int dW, double[] col, int colOff) {
        ConvGeom g = geom("im2col", x.length, xOff, C, H, W, kH, kW, sH, sW, pH, pW, dH, dW, col.length, colOff, "col");
        if (KernelImpl.current() == KernelImpl.SIMD) Im2colSimdF64.im2col(x, xOff, g, col, colOff);
        else Im2colF64.im2col(x, xOff, g, col, colOff);
    }

    /**
     * Folds col back onto the image, accumulating: {@code x[c, ih, iw] += col[r, q]} for every (r, q)
     * that im2col would have read from (c, ih, iw). The adjoint of im2col. x is modified, col read only.
     *
     * @param col the column array
     * @param colOff index of col's first element
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
     * @param x the input, (B, C, H, W) row-major
     * @param xOff index of x's first element
     */
    public static void col2im(float[] col, int colOff, int C, int H, int W, int kH, int kW, int sH, int sW,
                              int pH, int pW, int dH, int dW, float[] x, int xOff) {
        ConvGeom g = geom("col2im", x.length, xOff, C, H, W, kH, kW, sH, sW, pH, pW, dH, dW, col.length, colOff, "col");
        if (KernelImpl.current() == KernelImpl.SIMD) Im2colSimdF32.col2im(col, colOff, g, x, xOff);
        else Im2colF32.col2im(col, colOff, g, x, xOff);
    }

    /**
     * Folds col back onto the image, accumulating (see the float overload). x is modified.
     *
     * @param col the column array
     * @param colOff index of col's first element
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
     * @param x the input, (B, C, H, W) row-major
     * @param xOff index of x's first element
     */
    public static void col2im(double[] col, int colOff, int C, int H, int W, int kH, int kW, int sH, int sW,
                              int pH, int pW, int dH, int dW, double[] x, int xOff) {
        ConvGeom g = geom("col2im", x.length, xOff, C, H, W, kH, kW, sH, sW, pH, pW, dH, dW, col.length, colOff, "col");
        if (KernelImpl.current() == KernelImpl.SIMD) Im2colSimdF64.col2im(col, colOff, g, x, xOff);
        else Im2colF64.col2im(col, colOff, g, x, xOff);
    }

    /**
     * Convolution output size {@code (in + 2p - d*(k-1) - 1)/s + 1}; an error naming every value when
     * {@code k, s, d < 1}, {@code p < 0} or the result is {@code < 1}.
     *
     * @param in input size along the axis
     * @param k kernel size
     * @param s stride
     * @param p zero padding on each side
     * @param d dilation
     * @return the output size along the axis (at least 1)
     */
    public static int outSize(int in, int k, int s, int p, int d) {
        return outSize("conv", null, in, k, s, p, d);
    }

    /** The output size along one axis (axis: "height", "width" or null); errors name the kernel and axis. */
    static int outSize(String name, String axis, int in, int k, int s, int p, int d) {
        if (in < 1 || k < 1 || s < 1 || p < 0 || d < 1)
            throw new IllegalArgumentException(ConvGeom.label(name, axis) + ": needs in >= 1, k >= 1, s >= 1, p >= 0, d >= 1; got in="
                    + in + ", k=" + k + ", s=" + s + ", p=" + p + ", d=" + d);
        long span = (long) in + 2L * p - (long) d * (k - 1) - 1;
        if (span < 0)
            throw new IllegalArgumentException(ConvGeom.label(name, axis) + ": output size (in + 2*p - d*(k-1) - 1)/s + 1 < 1 for in="
                    + in + ", k=" + k + ", s=" + s + ", p=" + p + ", d=" + d + " (the dilated kernel "
                    + ((long) d * (k - 1) + 1) + " is larger than the padded input " + ((long) in + 2L * p) + ")");
        long out = span / s + 1;
        if (out > Integer.MAX_VALUE) throw new IllegalArgumentException(ConvGeom.label(name, axis) + ": output size " + out + " too large");
        return (int) out;
    }

    private static ConvGeom geom(String kernel, int xLen, int xOff, int C, int H, int W, int kH, int kW, int sH, int sW,
                                 int pH, int pW, int dH, int dW, int colLen, int colOff, String colName) {
        ConvGeom g = ConvGeom.conv(kernel, C, H, W, kH, kW, sH, sW, pH, pW, dH, dW);
        ConvGeom.need(kernel, "x", xLen, xOff, (long) C * H * W, "C*H*W", C, H, W);
        ConvGeom.need(kernel, colName, colLen, colOff, (long) g.colRows() * g.colCols(),
                "C*kH*kW*outH*outW", C, kH, kW, g.outH(), g.outW());
        return g;
    }
}
