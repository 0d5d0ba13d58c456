package dev.weft.kernels.sparse;

/** The reductions of {@link Segment}: torch_scatter's segment_csr reduce names. */
public enum SegmentFn {
    /** The sum of the segment's rows (0 for an empty segment). */
    SUM,
    /** The mean of the segment's rows (0 for an empty segment). */
    MEAN,
    /** The largest value per column, with the row it came from. */
    MAX,
    /** The smallest value per column, with the row it came from. */
    MIN;

    /** {@return true for the reductions that also give the row each value came from} */
    public boolean hasArg() {
        return this == MAX || this == MIN;
    }
}
