package dev.weft.nn.layers;

import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

/**
 * 1-d convolution (cross-correlation): x (B, C_in, L) or (C_in, L) -> (B, C_out, L_out),
 * L_out = floor((L + 2 padding - dilation (k - 1) - 1) / stride) + 1. weight (C_out, C_in/groups, k),
 * bias (C_out,). paddingMode zeros, reflect, replicate or circular; padding may also be "same" or "valid".
 */
public class Conv1d extends ConvNd {
    public Conv1d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0, 1, 1, true, "zeros", Init.defaultGenerator());
    }

    public Conv1d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, kernelSize, stride, padding, 1, 1, true, "zeros", Init.defaultGenerator());
    }

    /** The full form; weights drawn from {@code g}. */
    public Conv1d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int dilation, int groups,
                  boolean bias, String paddingMode, Generator g) {
        super("Conv1d", 1, inChannels, outChannels, new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, null,
                new int[] {dilation}, new int[] {0}, false, groups, bias, paddingMode, g);
    }

    /** With padding "same" or "valid". */
    public Conv1d(int inChannels, int outChannels, int kernelSize, int stride, String padding, int dilation, int groups,
                  boolean bias, String paddingMode, Generator g) {
        super("Conv1d", 1, inChannels, outChannels, new int[] {kernelSize}, new int[] {stride}, null, padding,
                new int[] {dilation}, new int[] {0}, false, groups, bias, paddingMode, g);
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() != 2 && input.dim() != 3) {
            throw new IllegalArgumentException(this + ": input " + Shape.format(input.shape()) + " must be (B, C_in, L) or (C_in, L)");
        }
        if (input.size(-2) != inChannels) {
            throw new IllegalArgumentException(this + ": input " + Shape.format(input.shape()) + ": channels "
                    + input.size(-2) + " != inChannels " + inChannels);
        }
        Tensor x = padInput(input), w = param("weight"), b = param("bias");
        if (paddingString != null && paddingMode.equals("zeros")) {
            return F.conv1d(x, w, b, stride[0], paddingString, dilation[0], groups);
        }
        return F.conv1d(x, w, b, stride[0], convPads() ? padding[0] : 0, dilation[0], groups);
    }
}
