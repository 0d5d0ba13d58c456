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
        this.kernelSize = checked("kernelSize", options.kernelSize, 1);
        this.stride = checked("stride", options.stride == null ? options.kernelSize : options.stride, 1);
        this.padding = checked("padding", options.padding, 0);
        this.dilation = checked("dilation", options.dilation, 1);
        this.ceilMode = options.ceilMode;
    }

    private static int[] checked(String option, int[] v, int min) {
        for (int e : v) {
            if (e < min) {
                throw new IllegalArgumentException("MaxPool2d: " + option + " must be >= " + min + ", got " + Pools.size(v));
            }
        }
        return v.clone();
    }

    /** Options of a k x k window with PyTorch's defaults: stride = kernelSize, padding 0, dilation 1, ceilMode false. */
    public static Options options(int kernelSize) {
        return new Options(new int[] {kernelSize});
    }

    /** Options of a kH x kW window. */
    public static Options options(int kernelH, int kernelW) {
        return new Options(new int[] {kernelH, kernelW});
    }

    /** MaxPool2d's options; sizes given as one number apply to both dims. */
    public static final class Options {
        private final int[] kernelSize;
        private int[] stride, padding = {0}, dilation = {1};     // stride null: the kernel size
        private boolean ceilMode;

        private Options(int[] kernelSize) {
            this.kernelSize = kernelSize;
        }

        public Options stride(int stride) {
            this.stride = new int[] {stride};
            return this;
        }

        public Options stride(int strideH, int strideW) {
            this.stride = new int[] {strideH, strideW};
            return this;
        }

        /** Implicit -inf padding on both sides. */
        public Options padding(int padding) {
            this.padding = new int[] {padding};
            return this;
        }

        public Options padding(int padH, int padW) {
            this.padding = new int[] {padH, padW};
            return this;
        }

        /** Spacing between window elements. */
        public Options dilation(int dilation) {
            this.dilation = new int[] {dilation};
            return this;
        }

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
