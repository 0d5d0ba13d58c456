//@twins FftLineSimd${D} F32 F64
package dev.weft.kernels.fft;

import java.util.Arrays;
import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API FFT of one line on ${D}, the twin of FftLine${D}: the radix-2 stages whose butterfly span
 * h holds at least a vector run over L adjacent butterflies at once (their twiddles are contiguous),
 * the shorter spans and the bit-reversal permutation are the scalar code, and Bluestein's chirp and
 * kernel products run L points at once with a scalar tail. Lane for lane the same fma and adds as the
 * scalar reference, so the bits are the same.
 */
final class FftLineSimd${D} {
    private FftLineSimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;
    private static final int L = S.length();

    static void forward(${t}[] re, ${t}[] im, FftPlan p) {
        if (p.bluestein) bluestein(re, im, p);
        else radix2(re, im, p);
    }

    static void radix2(${t}[] re, ${t}[] im, FftPlan p) {
        FftLine${D}.permute(re, im, p.rev);
        ${t}[] twr = p.twr${D}, twi = p.twi${D};
        for (int h = 1; h < p.size; h <<= 1) {
            if (h < L) FftLine${D}.stage(re, im, p.size, h, twr, twi);
            else stage(re, im, p.size, h, twr, twi);
        }
    }

    /** A stage with h a multiple of L (both are powers of two and h >= L). */
    private static void stage(${t}[] re, ${t}[] im, int size, int h, ${t}[] twr, ${t}[] twi) {
        for (int k = 0; k < size; k += 2 * h) {
            for (int j = 0; j < h; j += L) {
                int a = k + j, b = a + h;
                ${T}Vector wr = ${T}Vector.fromArray(S, twr, h - 1 + j), wi = ${T}Vector.fromArray(S, twi, h - 1 + j);
                ${T}Vector xr = ${T}Vector.fromArray(S, re, b), xi = ${T}Vector.fromArray(S, im, b);
                ${T}Vector tr = xr.fma(wr, xi.mul(wi).neg()), ti = xr.fma(wi, xi.mul(wr));
                ${T}Vector ar = ${T}Vector.fromArray(S, re, a), ai = ${T}Vector.fromArray(S, im, a);
                ar.sub(tr).intoArray(re, b);
                ai.sub(ti).intoArray(im, b);
                ar.add(tr).intoArray(re, a);
                ai.add(ti).intoArray(im, a);
            }
        }
    }

    /** Bluestein as FftLine${D}.bluestein, the products vectorized. */
    static void bluestein(${t}[] re, ${t}[] im, FftPlan p) {
        int n = p.n, m = p.size;
        ${t}[] cr = p.cr${D}, ci = p.ci${D}, br = p.br${D}, bi = p.bi${D};
        int v = S.loopBound(n);
        for (int t = 0; t < v; t += L) {
            ${T}Vector r = ${T}Vector.fromArray(S, re, t), i = ${T}Vector.fromArray(S, im, t);
            ${T}Vector c = ${T}Vector.fromArray(S, cr, t), s = ${T}Vector.fromArray(S, ci, t);
            r.fma(c, i.mul(s).neg()).intoArray(re, t);
            r.fma(s, i.mul(c)).intoArray(im, t);
        }
        FftLine${D}.chirpIn(re, im, v, n, cr, ci);
        Arrays.fill(re, n, m, 0);
        Arrays.fill(im, n, m, 0);
        radix2(re, im, p);
        int vm = S.loopBound(m);
        for (int k = 0; k < vm; k += L) {
            ${T}Vector r = ${T}Vector.fromArray(S, re, k), i = ${T}Vector.fromArray(S, im, k);
            ${T}Vector c = ${T}Vector.fromArray(S, br, k), s = ${T}Vector.fromArray(S, bi, k);
            r.fma(c, i.mul(s).neg()).intoArray(re, k);
            r.fma(s, i.mul(c)).neg().intoArray(im, k);
        }
        FftLine${D}.timesB(re, im, vm, m, br, bi);
        radix2(re, im, p);
        for (int k = 0; k < v; k += L) {
            ${T}Vector r = ${T}Vector.fromArray(S, re, k), i = ${T}Vector.fromArray(S, im, k);
            ${T}Vector c = ${T}Vector.fromArray(S, cr, k), s = ${T}Vector.fromArray(S, ci, k);
            c.fma(r, s.mul(i)).intoArray(re, k);
            s.fma(r, c.mul(i).neg()).intoArray(im, k);
        }
        FftLine${D}.chirpOut(re, im, v, n, cr, ci);
    }
}
