package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;

/**
 * Average pooling to a fixed output size: x (B, C, H, W) or (C, H, W) -> (B, C, oh, ow); output cell i
 * averages rows floor(i H / oh) .. ceil((i + 1) H / oh) - 1 (likewise columns).
 */
public class AdaptiveAvgPool2d extends Module {
    final int[] outputSize;

    /**
     * One entry (square) or two (oh, ow).
     *
     * @param outputSize the output size (oh, ow), or one size for both
     * @throws IllegalArgumentException if outputSize has no entries or more than two
     */
    public AdaptiveAvgPool2d(int... outputSize) {
        if (outputSize.length < 1 || outputSize.length > 2) {
            throw new IllegalArgumentException("AdaptiveAvgPool2d: outputSize must have 1 or 2 entries, got " + outputSize.length);
        }
        this.outputSize = outputSize.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.adaptiveAvgPool2d(input, outputSize);
    }

    @Override
    protected String extraRepr() {
        return "outputSize=" + Pools.size(outputSize);
    }
}
