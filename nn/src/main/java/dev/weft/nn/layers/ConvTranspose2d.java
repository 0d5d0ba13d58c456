package dev.weft.nn.layers;

import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;

/**
 * Transposed 2-d convolution (the gradient of Conv2d w.r.t. its input): x (B, C_in, H, W) or
 * (C_in, H, W) -> (B, C_out, H_out, W_out), H_out = (H - 1) stride - 2 padding + dilation (kH - 1)
 * + outputPadding + 1. weight (C_in, C_out/groups, kH, kW), bias (C_out,). Only zeros padding.
 */
public class ConvTranspose2d extends ConvNd {
    /**
     * A k x k transposed convolution with stride 1, no padding, one group, with bias.
     *
     * @param inChannels  C_in
     * @param outChannels C_out
     * @param kernelSize  k
     */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize) {
        this(options(inChannels, outChannels, kernelSize));
    }

    /**
     * PyTorch's positional ConvTranspose2d(in, out, k, stride, padding).
     *
     * @param inChannels  C_in
     * @param outChannels C_out
     * @param kernelSize  k
     * @param stride      the step in both dims
     * @param padding     removed from each side of the output
     */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(options(inChannels, outChannels, kernelSize).stride(stride).padding(padding));
    }

    /**
     * {@code new ConvTranspose2d(ConvTranspose2d.options(8, 4, 3).stride(2).padding(1).outputPadding(1))}.
     *
     * @param options the channels, kernel, stride, padding, output padding, dilation, groups and bias
     * @throws IllegalArgumentException if an option is out of range or outputPadding is not smaller than
     *         either stride or dilation
     */
    public ConvTranspose2d(Options options) {
        super("ConvTranspose2d", 2, true, options);
        for (int i = 0; i < 2; i++) {
            if (this.outputPadding[i] >= this.stride[i] && this.outputPadding[i] >= this.dilation[i]) {
                throw new IllegalArgumentException("ConvTranspose2d: outputPadding " + Repr.tuple(this.outputPadding)
                        + " must be smaller than either stride " + Repr.tuple(this.stride) + " or dilation " + Repr.tuple(this.dilation));
            }
        }
    }

    /**
     * Options of a k x k transposed convolution, with PyTorch's defaults (see {@link ConvNd.Options}; outputPadding 0).
     *
     * @param inChannels  C_in
     * @param outChannels C_out
     * @param kernelSize  k
     * @return new options
     */
    public static Options options(int inChannels, int outChannels, int kernelSize) {
        return new Options(inChannels, outChannels, new int[] {kernelSize});
    }

    /**
     * Options of a kH x kW transposed convolution.
     *
     * @param inChannels  C_in
     * @param outChannels C_out
     * @param kernelH     the kernel height
     * @param kernelW     the kernel width
     * @return new options
     */
    public static Options options(int inChannels, int outChannels, int kernelH, int kernelW) {
        return new Options(inChannels, outChannels, new int[] {kernelH, kernelW});
    }

    /** ConvTranspose2d's options: {@link ConvNd.Options}, per-dim sizes and the output padding (zeros padding only). */
    public static final class Options extends ConvNd.Options2d<Options> {
        Options(int inChannels, int outChannels, int[] kernelSize) {
            super("ConvTranspose2d", inChannels, outChannels, kernelSize);
        }

        /**
         * Added to one side of each output dim, to pick among the sizes a strided convolution maps to one input size.
         *
         * @param outputPadding the extra size in both dims (default 0)
         * @return these options
         */
        public Options outputPadding(int outputPadding) {
            this.outputPadding = new int[] {outputPadding};
            return this;
        }

        /**
         * Output padding per dim (height, width).
         *
         * @param outputPadH the extra height
         * @param outputPadW the extra width
         * @return these options
         */
        public Options outputPadding(int outputPadH, int outputPadW) {
            this.outputPadding = new int[] {outputPadH, outputPadW};
            return this;
        }
    }

    /** {@return the output padding (height, width), a copy} */
    public int[] outputPadding() { return outputPadding.clone(); }

    @Override
    public Tensor forward(Tensor input) {
        checkInput(input, "(B, C_in, H, W) or (C_in, H, W)");
        return F.convTranspose2d(input, param("weight"), param("bias"), stride, padding, outputPadding, groups, dilation);
    }
}
