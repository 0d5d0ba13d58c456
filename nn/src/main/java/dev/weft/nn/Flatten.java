package dev.weft.nn;

import dev.weft.tensor.Tensor;

/** Flattens dims startDim..endDim into one (default 1..-1: (B, C, H, W) -> (B, C*H*W)). */
public class Flatten extends Module {
    /** The first dim flattened (negative: from the end). */
    public final int startDim;
    /** The last dim flattened (negative: from the end). */
    public final int endDim;

    /** Dims 1..-1: everything but the batch dim. */
    public Flatten() {
        this(1, -1);
    }

    /**
     * Dims startDim..endDim.
     *
     * @param startDim the first dim flattened
     * @param endDim   the last dim flattened
     */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.flatten(startDim, endDim);
    }

    @Override
    protected String extraRepr() {
        return "startDim=" + startDim + ", endDim=" + endDim;
    }
}
