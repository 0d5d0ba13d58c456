package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;

/** Max over windows of k along L: x (B, C, L) or (C, L) -> (B, C, L_out). stride defaults to the kernel. */
public class MaxPool1d extends Module {
    /** The window length, step, implicit -inf padding on each side, and spacing between window elements. */
    public final int kernelSize, stride, padding, dilation;
    /** Whether the output length rounds up instead of down. */
    public final boolean ceilMode;

    /**
     * A window of k with stride k, no padding.
     *
     * @param kernelSize k
     */
    public MaxPool1d(int kernelSize) {
        this(options(kernelSize));
    }

    /**
     * {@code new MaxPool1d(MaxPool1d.options(3).stride(2).padding(1))}.
     *
     * @param options the window, stride, padding, dilation and ceilMode
     * @throws IllegalArgumentException if a size is out of range
     */
    public MaxPool1d(Options options) {
        this.kernelSize = OptionChecks.atLeast("MaxPool1d", "kernelSize", options.kernelSize, 1);
        this.stride = OptionChecks.atLeast("MaxPool1d", "stride", options.stride == 0 ? kernelSize : options.stride, 1);
        this.padding = OptionChecks.atLeast("MaxPool1d", "padding", options.padding, 0);
        this.dilation = OptionChecks.atLeast("MaxPool1d", "dilation", options.dilation, 1);
        this.ceilMode = options.ceilMode;
    }

    /**
     * Options with PyTorch's defaults: stride = kernelSize, padding 0, dilation 1, ceilMode false.
     *
     * @param kernelSize the window length k
     * @return new options
     */
    public static Options options(int kernelSize) {
        return new Options(kernelSize);
    }

    /** MaxPool1d's options. */
    public static final class Options {
        private final int kernelSize;
        private int stride, padding, dilation = 1;      // stride 0: the kernel size
        private boolean ceilMode;

        private Options(int kernelSize) {
            this.kernelSize = kernelSize;
        }

        /**
         * Step of the window along L (default: the kernel size).
         *
         * @param stride the step, at least 1
         * @return these options
         * @throws IllegalArgumentException if stride is below 1
         */
        public Options stride(int stride) {
            this.stride = OptionChecks.atLeast("MaxPool1d", "stride", stride, 1);
            return this;
        }

        /**
         * Implicit -inf padding on both sides.
         *
         * @param padding the padding on each side (default 0)
         * @return these options
         */
        public Options padding(int padding) {
            this.padding = padding;
            return this;
        }

        /**
         * Spacing between window elements.
         *
         * @param dilation the spacing (default 1)
         * @return these options
         */
        public Options dilation(int dilation) {
            this.dilation = dilation;
            return this;
        }

        /**
         * Round the output length up instead of down (windows may start in the right padding).
         *
         * @param ceilMode true to round up (default false)
         * @return these options
         */
        public Options ceilMode(boolean ceilMode) {
            this.ceilMode = ceilMode;
            return this;
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.maxPool1d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    @Override
    protected String extraRepr() {
        return "kernelSize=" + kernelSize + ", stride=" + stride + ", padding=" + padding + ", dilation=" + dilation
                + ", ceilMode=" + ceilMode;
    }
}
