package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Pooling;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.ValuesIndices;

/**
 * Max over kH x kW windows: x (B, C, H, W) or (C, H, W) -> (B, C, H_out, W_out),
 * H_out = floor or ceil((H + 2 padding - dilation (kH - 1) - 1) / stride) + 1. stride defaults to the kernel.
 */
public class MaxPool2d extends Module {
    final int[] kernelSize, stride, padding, dilation;
    /** Whether the output size rounds up instead of down. */
    public final boolean ceilMode;

    /**
     * A k x k window with stride k, no padding.
     *
     * @param kernelSize k
     */
    public MaxPool2d(int kernelSize) {
        this(options(kernelSize));
    }

    /**
     * PyTorch's positional MaxPool2d(k, stride, padding).
     *
     * @param kernelSize the window k x k
     * @param stride     the step in both dims
     * @param padding    implicit negative-infinity padding on each side
     */
    public MaxPool2d(int kernelSize, int stride, int padding) {
        this(options(kernelSize).stride(stride).padding(padding));
    }

    /**
     * {@code new MaxPool2d(MaxPool2d.options(3, 2).stride(2, 1).padding(1, 0).ceilMode(true))}.
     *
     * @param options the window, stride, padding, dilation and ceilMode
     * @throws IllegalArgumentException if a size is out of range
     */
    public MaxPool2d(Options options) {
        this.kernelSize = Pools.checked("MaxPool2d", "kernelSize", options.kernelSize, 1);
        this.stride = Pools.checked("MaxPool2d", "stride", options.strideOrKernel(), 1);
        this.padding = Pools.checked("MaxPool2d", "padding", options.padding(), 0);
        this.dilation = Pools.checked("MaxPool2d", "dilation", options.dilation, 1);
        this.ceilMode = options.ceilMode;
    }

    /**
     * Options of a k x k window with PyTorch's defaults: stride = kernelSize, padding 0, dilation 1, ceilMode false.
     *
     * @param kernelSize k
     * @return new options
     */
    public static Options options(int kernelSize) {
        return new Options(new int[] {kernelSize});
    }

    /**
     * Options of a kH x kW window.
     *
     * @param kernelH the window height
     * @param kernelW the window width
     * @return new options
     */
    public static Options options(int kernelH, int kernelW) {
        return new Options(new int[] {kernelH, kernelW});
    }

    /** MaxPool2d's options: the window ({@link Pool2dOptions}: stride, -inf padding), dilation and ceilMode. */
    public static final class Options extends Pool2dOptions<Options> {
        private int[] dilation = {1};
        private boolean ceilMode;

        private Options(int[] kernelSize) {
            super(kernelSize);
        }

        /**
         * Spacing between window elements.
         *
         * @param dilation the spacing in both dims (default 1)
         * @return these options
         */
        public Options dilation(int dilation) {
            this.dilation = new int[] {dilation};
            return this;
        }

        /**
         * Spacing between window elements per dim (height, width).
         *
         * @param dilationH the spacing along the height
         * @param dilationW the spacing along the width
         * @return these options
         */
        public Options dilation(int dilationH, int dilationW) {
            this.dilation = new int[] {dilationH, dilationW};
            return this;
        }

        /**
         * Round the output size up instead of down.
         *
         * @param ceilMode true to round up (default false)
         * @return these options
         */
        public Options ceilMode(boolean ceilMode) {
            this.ceilMode = ceilMode;
            return this;
        }
    }

    /** {@return the window as given: one size for both dims or (kH, kW); a copy} */
    public int[] kernelSize() { return kernelSize.clone(); }
    /** {@return the step as given: one entry for both dims or (height, width); a copy} */
    public int[] stride() { return stride.clone(); }
    /** {@return the padding as given: one entry for both dims or (height, width); a copy} */
    public int[] padding() { return padding.clone(); }
    /** {@return the dilation as given: one entry for both dims or (height, width); a copy} */
    public int[] dilation() { return dilation.clone(); }

    @Override
    public Tensor forward(Tensor input) {
        return F.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    /**
     * The maxima and their flat positions ih*W + iw in each channel (return_indices=True).
     *
     * @param input (B, C, H, W) or (C, H, W)
     * @return the window maxima and their indices, both (B, C, H_out, W_out) or (C, H_out, W_out)
     */
    public ValuesIndices forwardWithIndices(Tensor input) {
        return Pooling.maxPool2dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    @Override
    protected String extraRepr() {
        return "kernelSize=" + Pools.size(kernelSize) + ", stride=" + Pools.size(stride) + ", padding=" + Pools.size(padding)
                + ", dilation=" + Pools.size(dilation) + ", ceilMode=" + ceilMode;
    }
}
