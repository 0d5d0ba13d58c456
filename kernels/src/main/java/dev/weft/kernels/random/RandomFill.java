package dev.weft.kernels.random;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;

/**
 * Random fills from the {@link Philox} stream: element i of a fill reads block counter + i / perBlock under
 * key, word i % perBlock (F64 uniforms read words 2(i % 2) and 2(i % 2) + 1), so the bits depend only on
 * (key, counter, i) and never on the thread count or the kernel path. The blocks are split over the shared
 * pool; {@link RandomFillSimd} (one block per 64-bit lane) or the scalar reference {@link RandomFillScalar}
 * by {@link KernelImpl#current()}, both giving the same bits. The element formulas live in
 * {@link RandomFillScalar} and are shared by both paths:
 * <ul>
 *   <li>bernoulli: 1 when w * 2^-32 &lt; p, else 0 (four elements per block);</li>
 *   <li>uniform F32: lo + (hi - lo) * u in double with u = (w &gt;&gt;&gt; 8) * 2^-24, rounded to float and
 *       kept below hi (four per block); uniform F64: the same with u from 53 bits of two words (two per block).</li>
 * </ul>
 */
public final class RandomFill {
    private RandomFill() {}

    /** Blocks per task below which the fill stays on the calling thread. */
    static final int BLOCK_GRAIN = 4096;

    /** Which fill: the element formula and how many elements one block feeds. */
    enum Kind {
        BERNOULLI(4), UNIFORM_F32(4), UNIFORM_F64(2);

        final int perBlock;

        Kind(int perBlock) {
            this.perBlock = perBlock;
        }
    }

    /**
     * out[off + i] = 1 with probability p, else 0, for i in [0, n). p in [0, 1]. Modifies out.
     *
     * @param key the Philox key (from the generator's seed)
     * @param counter the Philox counter of the first block
     * @param p the probability of a 1, in [0, 1]
     * @param out the output words (written)
     * @param off index of the first element
     * @param n number of values to write
     */
    public static void bernoulli(long key, long counter, double p, float[] out, int off, int n) {
        fill(Kind.BERNOULLI, key, counter, checkP(p), 0, out, off, n, out.length);
    }

    /**
     * F64 {@link #bernoulli(long, long, double, float[], int, int)}.
     *
     * @param key the Philox key (from the generator's seed)
     * @param counter the Philox counter of the first block
     * @param p the probability of a 1, in [0, 1]
     * @param out the output words (written)
     * @param off index of the first element
     * @param n number of values to write
     */
    public static void bernoulli(long key, long counter, double p, double[] out, int off, int n) {
        fill(Kind.BERNOULLI, key, counter, checkP(p), 0, out, off, n, out.length);
    }

    /**
     * out[off + i] uniform on [lo, hi) for i in [0, n). Modifies out.
     *
     * @param key the Philox key (from the generator's seed)
     * @param counter the Philox counter of the first block
     * @param lo lower end of the range (inclusive)
     * @param hi upper end of the range (exclusive)
     * @param out the output words (written)
     * @param off index of the first element
     * @param n number of values to write
     */
    public static void uniform(long key, long counter, double lo, double hi, float[] out, int off, int n) {
        fill(Kind.UNIFORM_F32, key, counter, lo, hi, out, off, n, out.length);
    }

    /**
     * F64 {@link #uniform(long, long, double, double, float[], int, int)} (53 random bits per element).
     *
     * @param key the Philox key (from the generator's seed)
     * @param counter the Philox counter of the first block
     * @param lo lower end of the range (inclusive)
     * @param hi upper end of the range (exclusive)
     * @param out the output words (written)
     * @param off index of the first element
     * @param n number of values to write
     */
    public static void uniform(long key, long counter, double lo, double hi, double[] out, int off, int n) {
        fill(Kind.UNIFORM_F64, key, counter, lo, hi, out, off, n, out.length);
    }

    /** Blocks a fill of n elements of this kind reads. */
    static long blocks(Kind kind, int n) {
        return ((long) n + kind.perBlock - 1) / kind.perBlock;
    }

    private static double checkP(double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("bernoulli: p must be in [0, 1], got " + p);
        return p;
    }

    private static void fill(Kind kind, long key, long counter, double a, double b, Object out, int off, int n, int length) {
        if (n < 0 || off < 0 || (long) off + n > length) {
            throw new IndexOutOfBoundsException("random fill: " + n + " elements from offset " + off + " do not fit an array of " + length);
        }
        long blocks = blocks(kind, n);
        boolean simd = KernelImpl.current() == KernelImpl.SIMD;
        Parallel.forRange((int) blocks, BLOCK_GRAIN, (b0, b1) -> {
            if (simd) RandomFillSimd.blocks(kind, key, counter, a, b, out, off, n, b0, b1);
            else RandomFillScalar.blocks(kind, key, counter, a, b, out, off, n, b0, b1);
        });
    }
}
