package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;

/**
 * Mean over kH x kW windows: x (B, C, H, W) or (C, H, W) -> (B, C, H_out, W_out). The divisor is the
 * window clipped to the padded input when countIncludePad (default), else the count of real inputs.
 */
public class AvgPool2d extends Module {
    final int[] kernelSize, stride, padding;
    public final boolean ceilMode;
    public final boolean countIncludePad;

    public AvgPool2d(int kernelSize) {
        this(new int[] {kernelSize}, null, new int[] {0}, false, true);
    }

    public AvgPool2d(int kernelSize, int stride, int padding) {
        this(new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, false, true);
    }

    /** Sizes have 1 or 2 entries; stride null means kernelSize. */
    public AvgPool2d(int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride == null ? kernelSize.clone() : stride.clone();
        this.padding = padding.clone();
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.avgPool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad);
    }

    @Override
    protected String extraRepr() {
        return "kernelSize=" + Pools.size(kernelSize) + ", stride=" + Pools.size(stride) + ", padding=" + Pools.size(padding);
    }
}
