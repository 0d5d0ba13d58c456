package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;

/**
 * Mean over kH x kW windows: x (B, C, H, W) or (C, H, W) -> (B, C, H_out, W_out). The divisor is the
 * window clipped to the padded input when countIncludePad (default), else the count of real inputs.
 */
public class AvgPool2d extends Module {
    final int[] kernelSize, stride, padding;
    public final boolean ceilMode;
    public final boolean countIncludePad;

    public AvgPool2d(int kernelSize) {
        this(options(kernelSize));
    }

    /** PyTorch's positional AvgPool2d(k, stride, padding). */
    public AvgPool2d(int kernelSize, int stride, int padding) {
        this(options(kernelSize).stride(stride).padding(padding));
    }

    /** {@code new AvgPool2d(AvgPool2d.options(3, 2).stride(2, 1).padding(1, 0).ceilMode(true))}. */
    public AvgPool2d(Options options) {
        this.kernelSize = checked("kernelSize", options.kernelSize, 1);
        this.stride = checked("stride", options.stride == null ? options.kernelSize : options.stride, 1);
        this.padding = checked("padding", options.padding, 0);
        this.ceilMode = options.ceilMode;
        this.countIncludePad = options.countIncludePad;
    }

    private static int[] checked(String option, int[] v, int min) {
        for (int e : v) {
            if (e < min) {
                throw new IllegalArgumentException("AvgPool2d: " + option + " must be >= " + min + ", got " + Pools.size(v));
            }
        }
        return v.clone();
    }

    /** Options of a k x k window with PyTorch's defaults: stride = kernelSize, padding 0, ceilMode false, countIncludePad true. */
    public static Options options(int kernelSize) {
        return new Options(new int[] {kernelSize});
    }

    /** Options of a kH x kW window. */
    public static Options options(int kernelH, int kernelW) {
        return new Options(new int[] {kernelH, kernelW});
    }

    /** AvgPool2d's options; sizes given as one number apply to both dims. */
    public static final class Options {
        private final int[] kernelSize;
        private int[] stride, padding = {0};     // stride null: the kernel size
        private boolean ceilMode, countIncludePad = true;

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

        /** Implicit zero padding on both sides. */
        public Options padding(int padding) {
            this.padding = new int[] {padding};
            return this;
        }

        public Options padding(int padH, int padW) {
            this.padding = new int[] {padH, padW};
            return this;
        }

        /** Round the output size up instead of down. */
        public Options ceilMode(boolean ceilMode) {
            this.ceilMode = ceilMode;
            return this;
        }

        /** Divide by the window including its padded positions (true) or by the real inputs only. */
        public Options countIncludePad(boolean countIncludePad) {
            this.countIncludePad = countIncludePad;
            return this;
        }
    }

    public int[] kernelSize() { return kernelSize.clone(); }
    public int[] stride() { return stride.clone(); }
    public int[] padding() { return padding.clone(); }

    @Override
    public Tensor forward(Tensor input) {
        return F.avgPool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad);
    }

    @Override
    protected String extraRepr() {
        return "kernelSize=" + Pools.size(kernelSize) + ", stride=" + Pools.size(stride) + ", padding=" + Pools.size(padding);
    }
}
