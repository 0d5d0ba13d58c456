package dev.weft.kernels.conv;

/**
 * Validated geometry of one 2-d sliding window over an image (C, H, W): kernel, stride, padding,
 * dilation and the output size. Built once by a facade, read by the scalar and SIMD kernels.
 */
record ConvGeom(int C, int H, int W, int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW,
                int outH, int outW) {

    /** Geometry with torch's convolution output rule (floor); errors name the kernel and every size. */
    static ConvGeom conv(String kernel, int C, int H, int W, int kH, int kW, int sH, int sW,
                         int pH, int pW, int dH, int dW) {
        checkImage(kernel, C, H, W);
        int outH = Im2col.outSize(kernel, "height", H, kH, sH, pH, dH);
        int outW = Im2col.outSize(kernel, "width", W, kW, sW, pW, dW);
        checkProduct(kernel, (long) C * kH * kW * outH * outW, "C*kH*kW*outH*outW");
        return new ConvGeom(C, H, W, kH, kW, sH, sW, pH, pW, dH, dW, outH, outW);
    }

    /** Geometry with torch's pooling output rule (floor or ceil, see {@link Pool#outSize}). */
    static ConvGeom pool(String kernel, int C, int H, int W, int kH, int kW, int sH, int sW,
                         int pH, int pW, int dH, int dW, boolean ceilMode) {
        checkImage(kernel, C, H, W);
        int outH = Pool.outSize(kernel, "height", H, kH, sH, pH, dH, ceilMode);
        int outW = Pool.outSize(kernel, "width", W, kW, sW, pW, dW, ceilMode);
        checkProduct(kernel, (long) C * outH * outW, "C*outH*outW");
        return new ConvGeom(C, H, W, kH, kW, sH, sW, pH, pW, dH, dW, outH, outW);
    }

    static void checkImage(String kernel, int C, int H, int W) {
        if (C < 0 || H < 1 || W < 1)
            throw new IllegalArgumentException(kernel + ": image (C, H, W) = (" + C + ", " + H + ", " + W
                    + ") needs C >= 0, H >= 1, W >= 1");
        checkProduct(kernel, (long) C * H * W, "C*H*W");
    }

    static void checkProduct(String kernel, long v, String what) {
        if (v > Integer.MAX_VALUE)
            throw new IllegalArgumentException(kernel + ": " + what + " = " + v + " exceeds the int range of Java arrays");
    }

    int imageSize() { return C * H * W; }

    int colRows() { return C * kH * kW; }

    int colCols() { return outH * outW; }

    /** Width of the zero-padded image, W + 2 pW. */
    int paddedW() { return W + 2 * pW; }

    /** Size of one zero-padded channel image, (H + 2 pH)(W + 2 pW). */
    int paddedPlane() { return (H + 2 * pH) * paddedW(); }

    /**
     * The shift of each tap k = (c, i, j) of {@code channels} channels in a stack of zero-padded images:
     * c * paddedPlane + i*dH * paddedW + j*dW (column (k, l) of im2col is the padded pixel at
     * {@link #outputPixels()}[l] plus this).
     */
    int[] tapShifts(int channels) {
        int[] off = new int[channels * kH * kW];
        for (int c = 0, k = 0; c < channels; c++)
            for (int i = 0; i < kH; i++)
                for (int j = 0; j < kW; j++) off[k++] = c * paddedPlane() + i * dH * paddedW() + j * dW;
        return off;
    }

    /** The padded pixel under the top-left tap of each output position l = oh*outW + ow: oh*sH * paddedW + ow*sW. */
    int[] outputPixels() {
        int[] pos = new int[outH * outW];
        for (int oh = 0; oh < outH; oh++)
            for (int ow = 0; ow < outW; ow++) pos[oh * outW + ow] = oh * sH * paddedW() + ow * sW;
        return pos;
    }

    /** First output column whose tap kw lands at input column >= 0. */
    int owLo(int kw) {
        return clamp(Math.ceilDiv(pW - kw * dW, sW), 0, outW);
    }

    /** One past the last output column whose tap kw lands at input column < W. */
    int owHi(int kw) {
        return clamp(Math.ceilDiv(W + pW - kw * dW, sW), owLo(kw), outW);
    }

    /** True if every window lies wholly inside the image: no padding, and no (ceil-mode) window runs past an edge. */
    boolean windowsInside() {
        return pH == 0 && pW == 0 && (outH - 1) * sH + (kH - 1) * dH < H && (outW - 1) * sW + (kW - 1) * dW < W;
    }

    static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /**
     * Average-pool divisor of output (oh, ow) (torch's rule: the window clipped to the padded image,
     * or to the image when padding is not counted); 0 when the window holds no input element.
     */
    int avgDivisor(int oh, int ow, boolean countIncludePad) {
        int hs = oh * sH - pH, ws = ow * sW - pW;
        int he = Math.min(hs + kH, H + pH), we = Math.min(ws + kW, W + pW);
        int padded = (he - hs) * (we - ws);
        int h0 = Math.max(hs, 0), w0 = Math.max(ws, 0), h1 = Math.min(he, H), w1 = Math.min(we, W);
        if (h0 >= h1 || w0 >= w1) return 0;
        return countIncludePad ? padded : (h1 - h0) * (w1 - w0);
    }

    String describe() {
        return "C=" + C + ", H=" + H + ", W=" + W + ", kernel=(" + kH + ", " + kW + "), stride=(" + sH + ", " + sW
                + "), padding=(" + pH + ", " + pW + "), dilation=(" + dH + ", " + dW + ")";
    }

    /** Checks that arr (length len) holds count elements from off. */
    /**
     * Fails unless off + count elements fit in len; the message spells count as its formula and factors
     * ("C*H*W = 6*14*14 = 1176"), built only on failure: these checks run on every kernel call.
     */
    static void need(String kernel, String name, int len, int off, long count, String formula, int... factors) {
        if (off < 0 || count < 0 || off + count > len) {
            StringBuilder f = new StringBuilder(formula).append(" = ");
            for (int i = 0; i < factors.length; i++) f.append(i == 0 ? "" : "*").append(factors[i]);
            throw new IllegalArgumentException(kernel + ": " + name + " has " + len + " elements, offset " + off
                    + " needs " + f + " = " + count + " more");
        }
    }

    /** "kernel (axis)", or the kernel alone when axis is null: for error messages only. */
    static String label(String kernel, String axis) {
        return axis == null ? kernel : kernel + " (" + axis + ")";
    }
}
