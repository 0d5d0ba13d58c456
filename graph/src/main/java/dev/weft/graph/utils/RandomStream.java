package dev.weft.graph.utils;

import dev.weft.tensor.Generator;
import dev.weft.kernels.random.Philox;

/**
 * Host-side random draws for the graph samplers, from a {@link Generator}'s Philox stream: one block
 * (four 32-bit words) reserved at a time, so a sampler's draws are a pure function of the generator's seed
 * and position, and the generator advances by the blocks used. Not thread-safe; one sampler call, one stream.
 */
public final class RandomStream {
    private final Generator gen;
    private final int[] words = new int[4];
    private int used = 4;

    /**
     * A stream that reserves its blocks from gen.
     *
     * @param gen the generator it advances
     */
    public RandomStream(Generator gen) {
        this.gen = gen;
    }

    /** {@return 32 random bits} */
    public int nextInt() {
        if (used == 4) {
            Philox.block(gen.seed(), gen.reserve(1), words);
            used = 0;
        }
        return words[used++];
    }

    /** {@return 64 random bits} */
    public long nextLong() {
        return (long) nextInt() << 32 | (nextInt() & 0xFFFFFFFFL);
    }

    /**
     * {@return a uniform int in [0, bound)}, unbiased (Lemire's multiply-and-reject).
     *
     * @param bound the exclusive upper bound, positive
     * @throws IllegalArgumentException if bound is not positive
     */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("RandomStream.nextInt: bound must be > 0, got " + bound);
        long m = (nextInt() & 0xFFFFFFFFL) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (nextInt() & 0xFFFFFFFFL) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /**
     * {@return a uniform long in [0, bound)}, unbiased (rejection on 63 bits).
     *
     * @param bound the exclusive upper bound, positive
     * @throws IllegalArgumentException if bound is not positive
     */
    public long nextLong(long bound) {
        if (bound <= 0) throw new IllegalArgumentException("RandomStream.nextLong: bound must be > 0, got " + bound);
        long limit = Long.MAX_VALUE - Long.MAX_VALUE % bound;
        long r;
        do {
            r = nextLong() >>> 1;
        } while (r >= limit);
        return r % bound;
    }

    /** {@return a uniform double in [0, 1) with 53 random bits} */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
