package dev.weft.tensor;

import dev.weft.kernels.random.Philox;

/**
 * A seeded, splittable random generator over {@link Philox}: state is a 64-bit key (the seed) and a
 * 64-bit block counter. A random op reserves a run of blocks ({@link #reserve}) and records (key, start
 * counter) in its op record, so its output is a pure function of that pair: never of thread count or
 * scheduling. {@link #split} derives an independent stream. Methods are synchronized; one generator
 * can be shared, but sharing makes results depend on call order.
 *
 * <pre>{@code
 * Generator g = new Generator(1234);
 * Tensor a = Tensor.rand(g, 2, 3);                 // uniform [0, 1)
 * Tensor b = Tensor.randn(g, 2, 3);                // the next blocks of the same stream
 * Generator dropout = g.split();                   // an independent stream for another consumer
 * // new Generator(1234) replays a and b bit for bit, on any thread count
 * }</pre>
 */
public final class Generator {
    private final long key;
    private long counter;

    /**
     * A generator whose stream is determined by {@code seed} alone.
     *
     * @param seed the seed
     */
    public Generator(long seed) {
        this(seed, 0);
    }

    private Generator(long key, long counter) {
        this.key = key;
        this.counter = counter;
    }

    /** {@return the key (seed) of this stream} */
    public long seed() {
        return key;
    }

    /** {@return the next unused block counter} */
    public synchronized long counter() {
        return counter;
    }

    /**
     * Reserves {@code blocks} consecutive Philox blocks and returns the first counter.
     *
     * @param blocks number of 128-bit Philox blocks to reserve
     * @return the counter of the first reserved block
     */
    public synchronized long reserve(long blocks) {
        if (blocks < 0) throw new IllegalArgumentException("Generator.reserve: blocks must be >= 0, got " + blocks);
        long start = counter;
        counter += blocks;
        return start;
    }

    /**
     * 64 fresh random bits (uses one block).
     *
     * @return 64 random bits
     */
    public long nextLong() {
        int[] w = new int[4];
        Philox.block(key, reserve(1), w);
        return Philox.bits64(w[0], w[1]);
    }

    /** {@return a seed for another generator, drawn from this stream (uses one block)} */
    public long nextSeed() {
        int[] w = new int[4];
        Philox.block(key, reserve(1), w);
        return Philox.bits64(w[2] ^ 0x5DEECE66, w[3]) ^ Philox.bits64(w[0], w[1]) * 0x9E3779B97F4A7C15L;
    }

    /** {@return a new generator on an independent stream keyed from this one (advances this one by one block)} */
    public Generator split() {
        return new Generator(nextSeed(), 0);
    }

    /** {@return a copy at the same position; the two then advance independently} */
    public synchronized Generator copy() {
        return new Generator(key, counter);
    }

    @Override
    public synchronized String toString() {
        return "Generator(seed=" + key + ", counter=" + counter + ")";
    }
}
