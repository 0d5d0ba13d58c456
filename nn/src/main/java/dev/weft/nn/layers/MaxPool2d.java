package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Pooling;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.ValuesIndices;

/**
 * Max over kH x kW windows: x (B, C, H, W) or (C, H, W) -> (B, C, H_out, W_out),
 * H_out = floor or ceil((H + 2 padding - dilation (kH - 1) - 1) / stride) + 1. stride defaults to the kernel.
 */
public class MaxPool2d extends Module {
    final int[] kernelSize, stride, padding, dilation;
    public final boolean ceilMode;

    public MaxPool2d(int kernelSize) {
        this(new int[] {kernelSize}, null, new int[] {0}, new int[] {1}, false);
    }

    public MaxPool2d(int kernelSize, int stride, int padding) {
        this(new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {1}, false);
    }

    /** Sizes have 1 or 2 entries; stride null means kernelSize. */
    public MaxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride == null ? kernelSize.clone() : stride.clone();
        this.padding = padding.clone();
        this.dilation = dilation.clone();
        this.ceilMode = ceilMode;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    /** The maxima and their flat positions ih*W + iw in each channel (return_indices=True). */
    public ValuesIndices forwardWithIndices(Tensor input) {
        return Pooling.maxPool2dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    @Override
    protected String extraRepr() {
        return "kernelSize=" + Pools.size(kernelSize) + ", stride=" + Pools.size(stride) + ", padding=" + Pools.size(padding)
                + ", dilation=" + Pools.size(dilation) + ", ceilMode=" + ceilMode;
    }
}
