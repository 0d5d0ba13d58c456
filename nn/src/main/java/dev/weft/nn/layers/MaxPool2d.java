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
    public final boolean ceilMode;

    public MaxPool2d(int kernelSize) {
        this(options(kernelSize));
    }

    /** PyTorch's positional MaxPool2d(k, stride, padding). */
    public MaxPool2d(int kernelSize, int stride, int padding) {
        this(options(kernelSize).stride(stride).padding(padding));
    }

    /** {@code new MaxPool2d(MaxPool2d.options(3, 2).stride(2, 1).padding(1, 0).ceilMode(true))}. */
    public MaxPool2d(Options options) {
        this.kernelSize = Pools.checked("MaxPool2d", "kernelSize", options.kernelSize, 1);
        this.stride = Pools.checked("MaxPool2d", "stride", options.strideOrKernel(), 1);
        this.padding = Pools.checked("MaxPool2d", "padding", options.padding(), 0);
        this.dilation = Pools.checked("MaxPool2d", "dilation", options.dilation, 1);
        this.ceilMode = options.ceilMode;
    }

    /** Options of a k x k window with PyTorch's defaults: stride = kernelSize, padding 0, dilation 1, ceilMode false. */
    public static Options options(int kernelSize) {
        return new Options(new int[] {kernelSize});
    }

    /** Options of a kH x kW window. */
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

        /** Spacing between window elements. */
        public Options dilation(int dilation) {
            this.dilation = new int[] {dilation};
            return this;
        }

        /** Spacing between window elements per dim (height, width). */
        public Options dilation(int dilationH, int dilationW) {
            this.dilation = new int[] {dilationH, dilationW};
            return this;
        }

        /** Round the output size up instead of down. */
        public Options ceilMode(boolean ceilMode) {
            this.ceilMode = ceilMode;
            return this;
        }
    }

    public int[] kernelSize() { return kernelSize.clone(); }
    public int[] stride() { return stride.clone(); }
    public int[] padding() { return padding.clone(); }
    public int[] dilation() { return dilation.clone(); }

    @Override
    public Tensor forward(Tensor input) {
        return F.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    /** The maxima and their flat positions ih*W + iw in each channel (return_indices=True). */
    public ValuesIndices forwardWithIndices(Tensor input) {
        return Pooling.maxPool2dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    @Override
    protected String extraRepr() {
        return "kernelSize=" + Pools.size(kernelSize) + ", stride=" + Pools.size(stride) + ", padding=" + Pools.size(padding)
                + ", dilation=" + Pools.size(dilation) + ", ceilMode=" + ceilMode;
    }
}
