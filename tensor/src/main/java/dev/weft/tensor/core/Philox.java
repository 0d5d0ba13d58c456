package dev.weft.tensor.core;


/**
 * Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11): a counter-based
 * generator. Block {@code counter} under {@code key} gives four 32-bit words, a pure function of the
 * pair, so random fills can be split across threads without changing a single bit.
 */
public final class Philox {
    private Philox() {}

    private static final long M0 = 0xD2511F53L, M1 = 0xCD9E8D57L;
    private static final int W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    /** Writes the four words of block {@code counter} under {@code key} into out[0..3]. Modifies out. */
    public static void block(long key, long counter, int[] out) {
        int c0 = (int) counter, c1 = (int) (counter >>> 32), c2 = 0, c3 = 0;
        int k0 = (int) key, k1 = (int) (key >>> 32);
        for (int r = 0; r < 10; r++) {
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
        out[0] = c0;
        out[1] = c1;
        out[2] = c2;
        out[3] = c3;
    }

    /** A uniform float in [0, 1) from the top 24 bits of a word. */
    public static float uniformFloat(int word) {
        return (word >>> 8) * 0x1.0p-24f;
    }

    /** A uniform double in [0, 1) from 53 bits of two words. */
    public static double uniformDouble(int w0, int w1) {
        long bits = ((long) (w0 >>> 5) << 26) | (w1 >>> 6);
        return bits * 0x1.0p-53;
    }

    /** 64 bits from two words. */
    public static long bits64(int w0, int w1) {
        return ((long) w0 << 32) | (w1 & 0xFFFFFFFFL);
    }
}
