package dev.weft.nn.layers;

import dev.weft.nn.OptionChecks;
import dev.weft.nn.functional.F;
import dev.weft.nn.functional.Padding;
import dev.weft.tensor.Tensor;

/**
 * 2-d convolution (cross-correlation): x (B, C_in, H, W) or (C_in, H, W) -> (B, C_out, H_out, W_out),
 * H_out = floor((H + 2 padding - dilation (kH - 1) - 1) / stride) + 1. weight (C_out, C_in/groups, kH, kW),
 * bias (C_out,). Sizes take 1 entry (both dims) or 2 (height, width). padding may also be a preset
 * (SAME, VALID); paddingMode ZEROS, REFLECT, REPLICATE or CIRCULAR. Defaults as PyTorch: stride 1, padding 0,
 * dilation 1, groups 1, bias true, kaiming_uniform(a = sqrt(5)) weights (see {@link ConvNd}). Channel counts not
 * divisible by groups, a size below its minimum, or an input of the wrong rank or channel count is an
 * IllegalArgumentException.
 *
 * <pre>{@code
 * Conv2d conv = new Conv2d(Conv2d.options(3, 16, 3).stride(2).padding(1));
 * Tensor y = conv.forward(Tensor.randn(new Generator(0), 8, 3, 32, 32));   // (8, 16, 16, 16)
 * }</pre>
 */
public class Conv2d extends ConvNd {
    /**
     * A k x k convolution with stride 1 and no padding.
     *
     * @param inChannels C_in, the input's channel count
     * @param outChannels C_out, the output's channel count
     * @param kernelSize k, the kernel's height and width
     */
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(options(inChannels, outChannels, kernelSize));
    }

    /**
     * PyTorch's positional Conv2d(in, out, k, stride, padding).
     *
     * @param inChannels C_in, the input's channel count
     * @param outChannels C_out, the output's channel count
     * @param kernelSize k, the kernel's height and width
     * @param stride the step between kernel positions, both dims
     * @param padding zeros added on every side, both dims
     */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(options(inChannels, outChannels, kernelSize).stride(stride).padding(padding));
    }

    /**
     * {@code new Conv2d(Conv2d.options(3, 16, 3).stride(2).padding(1).paddingMode(PaddingMode.REFLECT).bias(false))}.
     *
     * @param options the sizes and settings, checked here
     */
    public Conv2d(Options options) {
        super("Conv2d", 2, false, options);
    }

    /**
     * Options of a k x k convolution, with PyTorch's defaults (see {@link ConvNd.Options}).
     *
     * @param inChannels C_in, the input's channel count
     * @param outChannels C_out, the output's channel count
     * @param kernelSize k, the kernel's height and width
     * @return options to refine and pass to {@link #Conv2d(Options)}
     */
    public static Options options(int inChannels, int outChannels, int kernelSize) {
        return new Options(inChannels, outChannels, new int[] {kernelSize});
    }

    /**
     * Options of a kH x kW convolution.
     *
     * @param inChannels C_in, the input's channel count
     * @param outChannels C_out, the output's channel count
     * @param kernelH kH, the kernel's height
     * @param kernelW kW, the kernel's width
     * @return options to refine and pass to {@link #Conv2d(Options)}
     */
    public static Options options(int inChannels, int outChannels, int kernelH, int kernelW) {
        return new Options(inChannels, outChannels, new int[] {kernelH, kernelW});
    }

    /** Conv2d's options: {@link ConvNd.Options}, per-dim sizes, a padding preset and the padding mode. */
    public static final class Options extends ConvNd.Options2d<Options> {
        Options(int inChannels, int outChannels, int[] kernelSize) {
            super("Conv2d", inChannels, outChannels, kernelSize);
        }

        /**
         * PyTorch's padding='same' or 'valid' (replaces a numeric padding).
         *
         * @param preset SAME (output size = input size; stride 1 only) or VALID (no padding)
         * @return these options
         */
        public Options padding(Padding preset) {
            this.paddingPreset = OptionChecks.nonNull(layer, "padding", preset);
            return this;
        }

        /**
         * What the border is filled with (default ZEROS).
         *
         * @param mode ZEROS, REFLECT, REPLICATE or CIRCULAR
         * @return these options
         */
        public Options paddingMode(PaddingMode mode) {
            this.paddingMode = OptionChecks.nonNull(layer, "paddingMode", mode);
            return this;
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        checkInput(input, "(B, C_in, H, W) or (C_in, H, W)");
        Tensor x = padInput(input), w = param("weight"), b = param("bias");
        if (paddingPreset != null && paddingMode == PaddingMode.ZEROS) return F.conv2d(x, w, b, stride, paddingPreset, dilation, groups);
        return F.conv2d(x, w, b, stride, convPads() ? padding : new int[] {0}, dilation, groups);
    }
}
