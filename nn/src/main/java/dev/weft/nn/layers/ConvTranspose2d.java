package dev.weft.nn.layers;

import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

/**
 * Transposed 2-d convolution (the gradient of Conv2d w.r.t. its input): x (B, C_in, H, W) or
 * (C_in, H, W) -> (B, C_out, H_out, W_out), H_out = (H - 1) stride - 2 padding + dilation (kH - 1)
 * + outputPadding + 1. weight (C_in, C_out/groups, kH, kW), bias (C_out,). Only zeros padding.
 */
public class ConvTranspose2d extends ConvNd {
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0, 0);
    }

    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int outputPadding) {
        this(inChannels, outChannels, new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {outputPadding},
                1, true, new int[] {1}, Init.defaultGenerator());
    }

    /** The full form (PyTorch's argument order: ..., outputPadding, groups, bias, dilation); weights drawn from {@code g}. */
    public ConvTranspose2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding, int[] outputPadding,
                           int groups, boolean bias, int[] dilation, Generator g) {
        super("ConvTranspose2d", 2, inChannels, outChannels, kernelSize, stride, padding, null, dilation, outputPadding, true,
                groups, bias, "zeros", g);
        for (int i = 0; i < 2; i++) {
            if (this.outputPadding[i] >= this.stride[i] && this.outputPadding[i] >= this.dilation[i]) {
                throw new IllegalArgumentException("ConvTranspose2d: outputPadding " + Repr.tuple(this.outputPadding)
                        + " must be smaller than either stride " + Repr.tuple(this.stride) + " or dilation " + Repr.tuple(this.dilation));
            }
        }
    }

    public int[] outputPadding() { return outputPadding.clone(); }

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
        return F.convTranspose2d(input, param("weight"), param("bias"), stride, padding, outputPadding, groups, dilation);
    }
}
