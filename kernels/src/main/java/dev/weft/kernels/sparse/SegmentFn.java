package dev.weft.kernels.sparse;

/** The reductions of {@link Segment}: torch_scatter's segment_csr reduce names. */
public enum SegmentFn {
    SUM, MEAN, MAX, MIN;

    /** {@return true for the reductions that also give the row each value came from} */
    public boolean hasArg() {
        return this == MAX || this == MIN;
    }
}
