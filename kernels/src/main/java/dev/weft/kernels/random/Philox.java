package dev.weft.kernels.random;

/**
 * Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11): a counter-based
 * generator. Block {@code counter} under {@code key} gives four 32-bit words, a pure function of the pair,
 * so random fills can be split across threads (and across SIMD lanes, {@link RandomFillSimd}) without
 * changing a single bit. Per round, with (c0, c1, c2, c3) the state and (k0, k1) the round key:
 * <pre>
 *   (hi0, lo0) = M0 * c0,  (hi1, lo1) = M1 * c2          (32 x 32 -> 64-bit products)
 *   c' = (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0),  k += (W0, W1)
 * </pre>
 * starting from c = (counter low, counter high, 0, 0) and k = (key low, key high).
 */
public final class Philox {
    private Philox() {}

    static final long M0 = 0xD2511F53L, M1 = 0xCD9E8D57L;
    static final int W0 = 0x9E3779B9, W1 = 0xBB67AE85;
    static final int ROUNDS = 10;

    /**
     * Writes the four words of block {@code counter} under {@code key} into out[0 .. 3]. Modifies out.
     *
     * @param key the Philox key (from the generator's seed)
     * @param counter the Philox counter of the first block
     * @param out the output words (written)
     */
    public static void block(long key, long counter, int[] out) {
        block(key, counter, out, 0);
    }

    /**
     * Writes the four words of block {@code counter} under {@code key} into out[at .. at+3]. Modifies out.
     *
     * @param key the Philox key (from the generator's seed)
     * @param counter the Philox counter of the first block
     * @param out the output words (written)
     * @param at index in out of the block's first word
     */
    public static void block(long key, long counter, int[] out, int at) {
        int c0 = (int) counter, c1 = (int) (counter >>> 32), c2 = 0, c3 = 0;
        int k0 = (int) key, k1 = (int) (key >>> 32);
        for (int r = 0; r < ROUNDS; r++) {
            long p0 = M0 * (c0 & 0xFFFFFFFFL);
            long p1 = M1 * (c2 & 0xFFFFFFFFL);
            int hi0 = (int) (p0 >>> 32), lo0 = (int) p0;
            int hi1 = (int) (p1 >>> 32), lo1 = (int) p1;
            c0 = hi1 ^ c1 ^ k0;
            c1 = lo1;
            c2 = hi0 ^ c3 ^ k1;
            c3 = lo0;
            k0 += W0;
            k1 += W1;
        }
        out[at] = c0;
        out[at + 1] = c1;
        out[at + 2] = c2;
        out[at + 3] = c3;
    }

    /**
     * {@return a uniform float in [0, 1) from the top 24 bits of a word}
     *
     * @param word a 32-bit word of random bits
     */
    public static float uniformFloat(int word) {
        return (word >>> 8) * 0x1.0p-24f;
    }

    /**
     * {@return a uniform double in [0, 1) from 53 bits of two words}
     *
     * @param w0 a 32-bit word of random bits
     * @param w1 a second 32-bit word
     */
    public static double uniformDouble(int w0, int w1) {
        long bits = ((long) (w0 >>> 5) << 26) | (w1 >>> 6);
        return bits * 0x1.0p-53;
    }

    /**
     * 64 bits from two words.
     *
     * @param w0 a 32-bit word of random bits
     * @param w1 a second 32-bit word
     * @return w0 in the high 32 bits, w1 in the low 32
     */
    public static long bits64(int w0, int w1) {
        return ((long) w0 << 32) | (w1 & 0xFFFFFFFFL);
    }

    /**
     * {@return the Bernoulli threshold of p: a word w (unsigned) draws 1 exactly when {@code w * 2^-32 < p}, that is when
     * {@code w < ceil(p * 2^32)} (p * 2^32 is exact in double)} p in [0, 1] gives a threshold in [0, 2^32].
     *
     * @param p the probability of a 1, in [0, 1]
     */
    public static long bernoulliThreshold(double p) {
        return (long) Math.ceil(p * 0x1.0p32);
    }

    /**
     * {@return the Bernoulli draw of a word against {@link #bernoulliThreshold}: the word, unsigned, below it}
     *
     * @param word a 32-bit word of random bits
     * @param threshold a threshold from bernoulliThreshold
     */
    public static boolean drawsOne(int word, long threshold) {
        return (word & 0xFFFFFFFFL) < threshold;
    }
}
