package dev.weft.cuda.memory;

/**
 * The block sizes the caching allocator hands out: a request rounds up to a power of two from 512 bytes
 * up to 1 MiB (small blocks, at most 2x waste), and above that to a multiple of 2 MiB (at most 2 MiB
 * waste), so freed blocks of a class serve any later request of that class.
 */
public final class SizeClasses {
    private SizeClasses() {}

    /** The smallest block. */
    public static final long MIN_BLOCK = 512;
    /** Requests up to this size round to a power of two. */
    public static final long SMALL_LIMIT = 1L << 20;
    /** Larger requests round to a multiple of this. */
    public static final long LARGE_GRANULE = 2L << 20;

    /**
     * The size class of a request: MIN_BLOCK at least, a power of two up to SMALL_LIMIT, else a multiple
     * of LARGE_GRANULE.
     *
     * @param bytes the size asked for, at least 0
     * @return the block size it gets
     * @throws IllegalArgumentException if bytes is negative
     */
    public static long round(long bytes) {
        if (bytes < 0) throw new IllegalArgumentException("cuda allocator: negative size " + bytes);
        if (bytes <= MIN_BLOCK) return MIN_BLOCK;
        if (bytes <= SMALL_LIMIT) return Long.highestOneBit(bytes - 1) << 1;
        return Math.ceilDiv(bytes, LARGE_GRANULE) * LARGE_GRANULE;
    }
}
