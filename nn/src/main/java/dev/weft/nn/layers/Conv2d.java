package dev.weft.nn.layers;

import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

/**
 * 2-d convolution (cross-correlation): x (B, C_in, H, W) or (C_in, H, W) -> (B, C_out, H_out, W_out),
 * H_out = floor((H + 2 padding - dilation (kH - 1) - 1) / stride) + 1. weight (C_out, C_in/groups, kH, kW),
 * bias (C_out,). Sizes take 1 entry (both dims) or 2 (height, width). paddingMode zeros, reflect,
 * replicate or circular; padding may also be "same" or "valid".
 */
public class Conv2d extends ConvNd {
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0);
    }

    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {1}, 1, true,
                "zeros", Init.defaultGenerator());
    }

    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int dilation, int groups,
                  boolean bias) {
        this(inChannels, outChannels, new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {dilation},
                groups, bias, "zeros", Init.defaultGenerator());
    }

    /** The full form; weights drawn from {@code g}. */
    public Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding, int[] dilation, int groups,
                  boolean bias, String paddingMode, Generator g) {
        super("Conv2d", 2, inChannels, outChannels, kernelSize, stride, padding, null, dilation, new int[] {0}, false, groups,
                bias, paddingMode, g);
    }

    /** With padding "same" or "valid". */
    public Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, String padding, int[] dilation, int groups,
                  boolean bias, String paddingMode, Generator g) {
        super("Conv2d", 2, inChannels, outChannels, kernelSize, stride, null, padding, dilation, new int[] {0}, false, groups,
                bias, paddingMode, g);
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() != 3 && input.dim() != 4) {
            throw new IllegalArgumentException(this + ": input " + Shape.format(input.shape())
                    + " must be (B, C_in, H, W) or (C_in, H, W)");
        }
        if (input.size(-3) != inChannels) {
            throw new IllegalArgumentException(this + ": input " + Shape.format(input.shape()) + ": channels "
                    + input.size(-3) + " != inChannels " + inChannels);
        }
        Tensor x = padInput(input), w = param("weight"), b = param("bias");
        if (paddingString != null && paddingMode.equals("zeros")) return F.conv2d(x, w, b, stride, paddingString, dilation, groups);
        return F.conv2d(x, w, b, stride, convPads() ? padding : new int[] {0}, dilation, groups);
    }
}
