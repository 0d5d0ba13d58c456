package dev.weft.nn.layers;

import dev.weft.nn.OptionChecks;
import dev.weft.nn.functional.F;
import dev.weft.nn.functional.Padding;
import dev.weft.tensor.Tensor;

/**
 * 2-d convolution (cross-correlation): x (B, C_in, H, W) or (C_in, H, W) -> (B, C_out, H_out, W_out),
 * H_out = floor((H + 2 padding - dilation (kH - 1) - 1) / stride) + 1. weight (C_out, C_in/groups, kH, kW),
 * bias (C_out,). Sizes take 1 entry (both dims) or 2 (height, width). padding may also be a preset
 * (SAME, VALID); paddingMode ZEROS, REFLECT, REPLICATE or CIRCULAR.
 */
public class Conv2d extends ConvNd {
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(options(inChannels, outChannels, kernelSize));
    }

    /** PyTorch's positional Conv2d(in, out, k, stride, padding). */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(options(inChannels, outChannels, kernelSize).stride(stride).padding(padding));
    }

    /** {@code new Conv2d(Conv2d.options(3, 16, 3).stride(2).padding(1).paddingMode(PaddingMode.REFLECT).bias(false))}. */
    public Conv2d(Options options) {
        super("Conv2d", 2, false, options);
    }

    /** Options of a k x k convolution, with PyTorch's defaults (see {@link ConvNd.Options}). */
    public static Options options(int inChannels, int outChannels, int kernelSize) {
        return new Options(inChannels, outChannels, new int[] {kernelSize});
    }

    /** Options of a kH x kW convolution. */
    public static Options options(int inChannels, int outChannels, int kernelH, int kernelW) {
        return new Options(inChannels, outChannels, new int[] {kernelH, kernelW});
    }

    /** Conv2d's options: {@link ConvNd.Options}, per-dim sizes, a padding preset and the padding mode. */
    public static final class Options extends ConvNd.Options2d<Options> {
        Options(int inChannels, int outChannels, int[] kernelSize) {
            super("Conv2d", inChannels, outChannels, kernelSize);
        }

        /** PyTorch's padding='same' or 'valid' (replaces a numeric padding). */
        public Options padding(Padding preset) {
            this.paddingPreset = OptionChecks.nonNull(layer, "padding", preset);
            return this;
        }

        /** What the border is filled with (default ZEROS). */
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
