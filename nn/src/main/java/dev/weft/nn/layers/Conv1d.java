package dev.weft.nn.layers;

import dev.weft.nn.OptionChecks;
import dev.weft.nn.functional.F;
import dev.weft.nn.functional.Padding;
import dev.weft.tensor.Tensor;

/**
 * 1-d convolution (cross-correlation): x (B, C_in, L) or (C_in, L) -> (B, C_out, L_out),
 * L_out = floor((L + 2 padding - dilation (k - 1) - 1) / stride) + 1. weight (C_out, C_in/groups, k),
 * bias (C_out,). padding may also be a preset (SAME, VALID); paddingMode ZEROS, REFLECT, REPLICATE or CIRCULAR.
 */
public class Conv1d extends ConvNd {
    /**
     * A kernel of k with stride 1, no padding, dilation 1, one group, with bias.
     *
     * @param inChannels  C_in
     * @param outChannels C_out
     * @param kernelSize  k
     */
    public Conv1d(int inChannels, int outChannels, int kernelSize) {
        this(options(inChannels, outChannels, kernelSize));
    }

    /**
     * PyTorch's positional Conv1d(in, out, k, stride, padding).
     *
     * @param inChannels  C_in
     * @param outChannels C_out
     * @param kernelSize  k
     * @param stride      the step along L
     * @param padding     zeros on both sides
     */
    public Conv1d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(options(inChannels, outChannels, kernelSize).stride(stride).padding(padding));
    }

    /**
     * {@code new Conv1d(Conv1d.options(4, 8, 3).padding(Padding.SAME).paddingMode(PaddingMode.REFLECT))}.
     *
     * @param options the channels, kernel, stride, padding, padding mode, dilation, groups and bias
     * @throws IllegalArgumentException if an option is out of range
     */
    public Conv1d(Options options) {
        super("Conv1d", 1, false, options);
    }

    /**
     * Options with PyTorch's defaults (see {@link ConvNd.Options}).
     *
     * @param inChannels  C_in
     * @param outChannels C_out
     * @param kernelSize  k
     * @return new options
     */
    public static Options options(int inChannels, int outChannels, int kernelSize) {
        return new Options(inChannels, outChannels, kernelSize);
    }

    /** Conv1d's options: {@link ConvNd.Options} plus a padding preset and the padding mode. */
    public static final class Options extends ConvNd.Options<Options> {
        Options(int inChannels, int outChannels, int kernelSize) {
            super("Conv1d", inChannels, outChannels, kernelSize);
        }

        /**
         * PyTorch's padding='same' or 'valid' (replaces a numeric padding).
         *
         * @param preset SAME or VALID, not null
         * @return these options
         */
        public Options padding(Padding preset) {
            this.paddingPreset = OptionChecks.nonNull(layer, "padding", preset);
            return this;
        }

        /**
         * What the border is filled with (default ZEROS).
         *
         * @param mode ZEROS, REFLECT, REPLICATE or CIRCULAR; not null
         * @return these options
         */
        public Options paddingMode(PaddingMode mode) {
            this.paddingMode = OptionChecks.nonNull(layer, "paddingMode", mode);
            return this;
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        checkInput(input, "(B, C_in, L) or (C_in, L)");
        Tensor x = padInput(input), w = param("weight"), b = param("bias");
        if (paddingPreset != null && paddingMode == PaddingMode.ZEROS) {
            return F.conv1d(x, w, b, stride[0], paddingPreset, dilation[0], groups);
        }
        return F.conv1d(x, w, b, stride[0], convPads() ? padding[0] : 0, dilation[0], groups);
    }
}
