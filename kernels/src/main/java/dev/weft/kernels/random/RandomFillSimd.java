package dev.weft.kernels.random;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API {@link RandomFill}: Philox for {@code L} consecutive blocks at once, one block per 64-bit lane
 * (each 32-bit state word held zero-extended, so a lane product M * c is the exact 32 x 32 -> 64-bit
 * product), then the shared scalar element formulas of {@link RandomFillScalar}; the blocks past the last
 * whole vector take the scalar {@link Philox#block}. Same bits as the reference.
 */
final class RandomFillSimd {
    private RandomFillSimd() {}

    private static final VectorSpecies<Long> S = LongVector.SPECIES_PREFERRED;
    private static final long MASK = 0xFFFFFFFFL;

    /** Blocks [b0, b1) of a fill of n elements from out[off] (arguments already checked). */
    static void blocks(RandomFill.Kind kind, long key, long counter, double a, double b, Object out, int off, int n, int b0, int b1) {
        int len = S.length();
        long[] w = new long[4 * len];
        long[] lane = new long[len];
        for (int l = 0; l < len; l++) lane[l] = l;
        LongVector iota = LongVector.fromArray(S, lane, 0);
        long k0 = key & MASK, k1 = key >>> 32;
        long t = kind == RandomFill.Kind.BERNOULLI ? Philox.bernoulliThreshold(a) : 0;
        int blk = b0;
        for (; blk + len <= b1; blk += len) {
            LongVector ctr = iota.add(counter + blk);
            LongVector c0 = ctr.and(MASK), c1 = ctr.lanewise(VectorOperators.LSHR, 32);
            LongVector c2 = LongVector.zero(S), c3 = LongVector.zero(S);
            long r0 = k0, r1 = k1;
            for (int r = 0; r < Philox.ROUNDS; r++) {
                LongVector p0 = c0.mul(Philox.M0), p1 = c2.mul(Philox.M1);
                LongVector hi0 = p0.lanewise(VectorOperators.LSHR, 32), lo0 = p0.and(MASK);
                LongVector hi1 = p1.lanewise(VectorOperators.LSHR, 32), lo1 = p1.and(MASK);
                c0 = hi1.lanewise(VectorOperators.XOR, c1).lanewise(VectorOperators.XOR, r0);
                c1 = lo1;
                c2 = hi0.lanewise(VectorOperators.XOR, c3).lanewise(VectorOperators.XOR, r1);
                c3 = lo0;
                r0 = (r0 + (Philox.W0 & MASK)) & MASK;
                r1 = (r1 + (Philox.W1 & MASK)) & MASK;
            }
            if (kind == RandomFill.Kind.BERNOULLI) {
                below(c0, t).or(below(c1, t).lanewise(VectorOperators.LSHL, 1)).or(below(c2, t).lanewise(VectorOperators.LSHL, 2))
                        .or(below(c3, t).lanewise(VectorOperators.LSHL, 3)).intoArray(w, 0);
                bernoulli(w, out, off, n, blk);
            } else {
                c0.intoArray(w, 0);
                c1.intoArray(w, len);
                c2.intoArray(w, 2 * len);
                c3.intoArray(w, 3 * len);
                for (int l = 0; l < len; l++) {
                    RandomFillScalar.write(kind, (int) w[l], (int) w[len + l], (int) w[2 * len + l], (int) w[3 * len + l], a, b, out, off, n, blk + l);
                }
            }
        }
        if (blk < b1) RandomFillScalar.blocks(kind, key, counter, a, b, out, off, n, blk, b1);
    }

    /**
     * The Bernoulli draws of L blocks from their bits packed four to a lane as a nibble (word w &lt; t is the
     * sign of w - t, both below 2^33): four stores per block; the last blocks may be cut at n.
     */
    private static void bernoulli(long[] tmp, Object out, int off, int n, int blk) {
        int len = S.length();
        if ((long) (blk + len) * 4 > n) {                              // the fill ends inside these blocks
            for (int e = 4 * blk; e < n; e++) {
                long bit = tmp[e / 4 - blk] >>> (e % 4) & 1;
                if (out instanceof float[] f) f[off + e] = bit;
                else ((double[]) out)[off + e] = bit;
            }
        } else if (out instanceof float[] f) {
            for (int l = 0, at = off + 4 * blk; l < len; l++, at += 4) {
                long q = tmp[l];
                f[at] = q & 1;
                f[at + 1] = q >>> 1 & 1;
                f[at + 2] = q >>> 2 & 1;
                f[at + 3] = q >>> 3;
            }
        } else {
            double[] d = (double[]) out;
            for (int l = 0, at = off + 4 * blk; l < len; l++, at += 4) {
                long q = tmp[l];
                d[at] = q & 1;
                d[at + 1] = q >>> 1 & 1;
                d[at + 2] = q >>> 2 & 1;
                d[at + 3] = q >>> 3;
            }
        }
    }

    /** 1 in lanes whose word is below t, else 0. */
    private static LongVector below(LongVector c, long t) {
        return c.sub(t).lanewise(VectorOperators.LSHR, 63);
    }
}
