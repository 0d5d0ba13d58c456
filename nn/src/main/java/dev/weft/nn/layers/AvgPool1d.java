package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;

/** Mean over windows of k along L: x (B, C, L) or (C, L) -> (B, C, L_out). stride defaults to the kernel. */
public class AvgPool1d extends Module {
    public final int kernelSize, stride, padding;
    public final boolean ceilMode, countIncludePad;

    public AvgPool1d(int kernelSize) {
        this(kernelSize, kernelSize, 0, false, true);
    }

    public AvgPool1d(int kernelSize, int stride, int padding, boolean ceilMode, boolean countIncludePad) {
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
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
