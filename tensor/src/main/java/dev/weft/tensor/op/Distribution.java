package dev.weft.tensor.op;

/**
 * Distributions of {@link CreationOp.Random}, with the meaning of the record's p0/p1.
 * Each says how many output elements one Philox block (4 x 32 bits) feeds, so an op reserves
 * {@link #blocks} blocks from its generator and element i reads block counter + i / perBlock.
 */
public enum Distribution {
    /** Uniform on [p0, p1) (F32/F64 only; F32 uses 24 random bits, F64 53). */
    UNIFORM,
    /** Normal with mean p0 and standard deviation p1 (Box-Muller). */
    NORMAL,
    /** Integers uniform on [p0, p1) from 64 random bits each (any numeric dtype). */
    RANDINT,
    /** 1 with probability p0, else 0: {@code u < p0} with u a 32-bit uniform (any dtype). */
    BERNOULLI,
    /** A random permutation of 0..n-1 (shape (n,)), Fisher-Yates driven by the block stream. */
    PERMUTATION;

    /**
     * Output elements fed by one Philox block for this dtype width.
     *
     * @param dtype the element type
     * @return output elements per block
     */
    public int perBlock(dev.weft.tensor.core.DType dtype) {
        return switch (this) {
            case UNIFORM, NORMAL -> dtype == dev.weft.tensor.core.DType.F64 ? 2 : 4;
            case RANDINT, PERMUTATION -> 2;
            case BERNOULLI -> 4;
        };
    }

    /**
     * Philox blocks an op with numel elements consumes.
     *
     * @param numel number of elements
     * @param dtype the element type
     * @return the number of blocks
     */
    public long blocks(int numel, dev.weft.tensor.core.DType dtype) {
        int per = perBlock(dtype);
        return ((long) numel + per - 1) / per;
    }
}
