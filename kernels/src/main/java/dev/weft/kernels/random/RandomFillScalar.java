package dev.weft.kernels.random;

/**
 * The scalar reference of {@link RandomFill}: one {@link Philox#block} per block, then the element
 * formulas, which {@link RandomFillSimd} shares.
 */
final class RandomFillScalar {
    private RandomFillScalar() {}

    /** Blocks [b0, b1) of a fill of n elements from out[off] (arguments already checked). */
    static void blocks(RandomFill.Kind kind, long key, long counter, double a, double b, Object out, int off, int n, int b0, int b1) {
        int[] w = new int[4];
        for (int blk = b0; blk < b1; blk++) {
            Philox.block(key, counter + blk, w, 0);
            write(kind, w[0], w[1], w[2], w[3], a, b, out, off, n, blk);
        }
    }

    /** The elements of block blk from its four words: a = p (bernoulli) or lo, b = hi. */
    static void write(RandomFill.Kind kind, int w0, int w1, int w2, int w3, double a, double b, Object out, int off, int n, int blk) {
        int base = blk * kind.perBlock, m = Math.min(kind.perBlock, n - base), at = off + base;
        switch (kind) {
            case BERNOULLI -> {
                long t = Philox.bernoulliThreshold(a);
                if (out instanceof float[] f) {
                    if (m > 0) f[at] = bit(w0, t);
                    if (m > 1) f[at + 1] = bit(w1, t);
                    if (m > 2) f[at + 2] = bit(w2, t);
                    if (m > 3) f[at + 3] = bit(w3, t);
                } else {
                    double[] d = (double[]) out;
                    if (m > 0) d[at] = bit(w0, t);
                    if (m > 1) d[at + 1] = bit(w1, t);
                    if (m > 2) d[at + 2] = bit(w2, t);
                    if (m > 3) d[at + 3] = bit(w3, t);
                }
            }
            case UNIFORM_F32 -> {
                float[] f = (float[]) out;
                if (m > 0) f[at] = uniformFloat(w0, a, b);
                if (m > 1) f[at + 1] = uniformFloat(w1, a, b);
                if (m > 2) f[at + 2] = uniformFloat(w2, a, b);
                if (m > 3) f[at + 3] = uniformFloat(w3, a, b);
            }
            case UNIFORM_F64 -> {
                double[] d = (double[]) out;
                if (m > 0) d[at] = uniformDouble(w0, w1, a, b);
                if (m > 1) d[at + 1] = uniformDouble(w2, w3, a, b);
            }
        }
    }

    /** 1 when the word, unsigned, is below the threshold (u < p), else 0. */
    static float bit(int w, long threshold) {
        return Philox.drawsOne(w, threshold) ? 1f : 0f;
    }

    /** lo + (hi - lo) * u in double, rounded to float, kept below hi. */
    static float uniformFloat(int w, double lo, double hi) {
        float x = (float) (lo + (hi - lo) * Philox.uniformFloat(w));
        return x >= hi && hi > lo ? Math.nextDown((float) hi) : x;
    }

    /** lo + (hi - lo) * u with u from 53 bits, kept below hi. */
    static double uniformDouble(int w0, int w1, double lo, double hi) {
        double x = lo + (hi - lo) * Philox.uniformDouble(w0, w1);
        return x >= hi && hi > lo ? Math.nextDown(hi) : x;
    }
}
