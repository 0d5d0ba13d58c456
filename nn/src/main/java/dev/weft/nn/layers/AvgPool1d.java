package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;

/** Mean over windows of k along L: x (B, C, L) or (C, L) -> (B, C, L_out). stride defaults to the kernel. */
public class AvgPool1d extends Module {
    /** The window length, step and implicit zero padding on each side. */
    public final int kernelSize, stride, padding;
    /** Whether the output length rounds up, and whether the divisor counts padded positions. */
    public final boolean ceilMode, countIncludePad;

    /**
     * A window of k with stride k, no padding.
     *
     * @param kernelSize k
     */
    public AvgPool1d(int kernelSize) {
        this(options(kernelSize));
    }

    /**
     * {@code new AvgPool1d(AvgPool1d.options(3).stride(2).padding(1).countIncludePad(false))}.
     *
     * @param options the window, stride, padding, ceilMode and countIncludePad
     * @throws IllegalArgumentException if a size is out of range
     */
    public AvgPool1d(Options options) {
        this.kernelSize = OptionChecks.atLeast("AvgPool1d", "kernelSize", options.kernelSize, 1);
        this.stride = OptionChecks.atLeast("AvgPool1d", "stride", options.stride == 0 ? kernelSize : options.stride, 1);
        this.padding = OptionChecks.atLeast("AvgPool1d", "padding", options.padding, 0);
        this.ceilMode = options.ceilMode;
        this.countIncludePad = options.countIncludePad;
    }

    /**
     * Options with PyTorch's defaults: stride = kernelSize, padding 0, ceilMode false, countIncludePad true.
     *
     * @param kernelSize the window length k
     * @return new options
     */
    public static Options options(int kernelSize) {
        return new Options(kernelSize);
    }

    /** AvgPool1d's options. */
    public static final class Options {
        private final int kernelSize;
        private int stride, padding;                   // stride 0: the kernel size
        private boolean ceilMode, countIncludePad = true;

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
            this.stride = OptionChecks.atLeast("AvgPool1d", "stride", stride, 1);
            return this;
        }

        /**
         * Implicit zero padding on both sides.
         *
         * @param padding the padding on each side (default 0)
         * @return these options
         */
        public Options padding(int padding) {
            this.padding = padding;
            return this;
        }

        /**
         * Round the output length up instead of down.
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

    @Override
    public Tensor forward(Tensor input) {
        return F.avgPool1d(input, kernelSize, stride, padding, ceilMode, countIncludePad);
    }

    @Override
    protected String extraRepr() {
        return "kernelSize=(" + kernelSize + ",), stride=(" + stride + ",), padding=(" + padding + ",)";
    }
}
