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
    /** Whether the output size rounds up instead of down. */
    public final boolean ceilMode;
    /** Whether the divisor counts the padded positions of a window. */
    public final boolean countIncludePad;

    /**
     * A k x k window with stride k, no padding.
     *
     * @param kernelSize k
     */
    public AvgPool2d(int kernelSize) {
        this(options(kernelSize));
    }

    /**
     * PyTorch's positional AvgPool2d(k, stride, padding).
     *
     * @param kernelSize the window k x k
     * @param stride     the step in both dims
     * @param padding    zeros on each side
     */
    public AvgPool2d(int kernelSize, int stride, int padding) {
        this(options(kernelSize).stride(stride).padding(padding));
    }

    /**
     * {@code new AvgPool2d(AvgPool2d.options(3, 2).stride(2, 1).padding(1, 0).ceilMode(true))}.
     *
     * @param options the window, stride, padding, ceilMode and countIncludePad
     * @throws IllegalArgumentException if a size is out of range
     */
    public AvgPool2d(Options options) {
        this.kernelSize = Pools.checked("AvgPool2d", "kernelSize", options.kernelSize, 1);
        this.stride = Pools.checked("AvgPool2d", "stride", options.strideOrKernel(), 1);
        this.padding = Pools.checked("AvgPool2d", "padding", options.padding(), 0);
        this.ceilMode = options.ceilMode;
        this.countIncludePad = options.countIncludePad;
    }

    /**
     * Options of a k x k window with PyTorch's defaults: stride = kernelSize, padding 0, ceilMode false, countIncludePad true.
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

    /** AvgPool2d's options: the window ({@link Pool2dOptions}: stride, zero padding) and the divisor. */
    public static final class Options extends Pool2dOptions<Options> {
        private boolean ceilMode, countIncludePad = true;

        private Options(int[] kernelSize) {
            super(kernelSize);
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

        /**
         * Divide by the window including its padded positions (true) or by the real inputs only.
         *
         * @param countIncludePad true to count the padding (default true)
         * @return these options
         */
        public Options countIncludePad(boolean countIncludePad) {
            this.countIncludePad = countIncludePad;
            return this;
        }
    }

    /** {@return the window as given: one size for both dims or (kH, kW); a copy} */
    public int[] kernelSize() { return kernelSize.clone(); }
    /** {@return the step as given: one entry for both dims or (height, width); a copy} */
    public int[] stride() { return stride.clone(); }
    /** {@return the padding as given: one entry for both dims or (height, width); a copy} */
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
