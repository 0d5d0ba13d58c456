//@twins FftLine${D} F32 F64
package dev.weft.kernels.fft;

import java.util.Arrays;

/**
 * Scalar reference FFT of one line on ${D}: the forward DFT z[k] = sum_t z[t] exp(-2 pi i k t / n),
 * unscaled, in place on split real/imaginary work arrays of plan.size entries whose first n hold the
 * line. Powers of two: radix-2 decimation in time after a bit-reversal permutation. Other lengths:
 * Bluestein's chirp-z, 2 pi k t / n = pi (k^2 + t^2 - (k - t)^2) / n, which turns the DFT into a
 * convolution with the chirp done by two power-of-two FFTs. Every butterfly and chirp product is
 * written with Math.fma exactly as the SIMD twin computes its lanes, so both give the same bits.
 */
final class FftLine${D} {
    private FftLine${D}() {}

    static void forward(${t}[] re, ${t}[] im, FftPlan p) {
        if (p.bluestein) bluestein(re, im, p);
        else radix2(re, im, p);
    }

    /** The power-of-two FFT of length p.size (the Bluestein plan's inner FFT too). */
    static void radix2(${t}[] re, ${t}[] im, FftPlan p) {
        permute(re, im, p.rev);
        for (int h = 1; h < p.size; h <<= 1) stage(re, im, p.size, h, p.twr${D}, p.twi${D});
    }

    static void permute(${t}[] re, ${t}[] im, int[] rev) {
        for (int i = 0; i < rev.length; i++) {
            int j = rev[i];
            if (i < j) {
                ${t} r = re[i], m = im[i];
                re[i] = re[j];
                im[i] = im[j];
                re[j] = r;
                im[j] = m;
            }
        }
    }

    /**
     * One radix-2 stage over blocks of 2h: (a, b) -> (a + w b, a - w b) with w = exp(-i pi j / h) at
     * tw[h - 1 + j]. Span 1 has w = 1 and is plain adds, in both twins.
     */
    static void stage(${t}[] re, ${t}[] im, int size, int h, ${t}[] twr, ${t}[] twi) {
        if (h == 1) {
            for (int a = 0; a < size; a += 2) {
                ${t} ar = re[a], ai = im[a], br = re[a + 1], bi = im[a + 1];
                re[a] = ar + br;
                im[a] = ai + bi;
                re[a + 1] = ar - br;
                im[a + 1] = ai - bi;
            }
            return;
        }
        for (int k = 0; k < size; k += 2 * h) {
            for (int j = 0; j < h; j++) {
                int a = k + j, b = a + h;
                ${t} wr = twr[h - 1 + j], wi = twi[h - 1 + j], xr = re[b], xi = im[b];
                ${t} tr = Math.fma(xr, wr, -(xi * wi)), ti = Math.fma(xr, wi, xi * wr);
                ${t} ar = re[a], ai = im[a];
                re[b] = ar - tr;
                im[b] = ai - ti;
                re[a] = ar + tr;
                im[a] = ai + ti;
            }
        }
    }

    /** X[k] = c[k] * conv(z c, conj c)[k]: chirp in, FFT, times b, inverse FFT (conjugated), chirp out. */
    static void bluestein(${t}[] re, ${t}[] im, FftPlan p) {
        int n = p.n, m = p.size;
        chirpIn(re, im, 0, n, p.cr${D}, p.ci${D});
        Arrays.fill(re, n, m, 0);
        Arrays.fill(im, n, m, 0);
        radix2(re, im, p);
        timesB(re, im, 0, m, p.br${D}, p.bi${D});
        radix2(re, im, p);
        chirpOut(re, im, 0, n, p.cr${D}, p.ci${D});
    }

    /** z = z c on [from, to). */
    static void chirpIn(${t}[] re, ${t}[] im, int from, int to, ${t}[] cr, ${t}[] ci) {
        for (int t = from; t < to; t++) {
            ${t} r = re[t], i = im[t];
            re[t] = Math.fma(r, cr[t], -(i * ci[t]));
            im[t] = Math.fma(r, ci[t], i * cr[t]);
        }
    }

    /** z = conj(z b) on [from, to): the product, conjugated so the next forward FFT acts as the inverse one. */
    static void timesB(${t}[] re, ${t}[] im, int from, int to, ${t}[] br, ${t}[] bi) {
        for (int k = from; k < to; k++) {
            ${t} r = re[k], i = im[k];
            re[k] = Math.fma(r, br[k], -(i * bi[k]));
            im[k] = -Math.fma(r, bi[k], i * br[k]);
        }
    }

    /** z = c conj(z) on [from, to): undoes timesB's conjugation and applies the output chirp. */
    static void chirpOut(${t}[] re, ${t}[] im, int from, int to, ${t}[] cr, ${t}[] ci) {
        for (int k = from; k < to; k++) {
            ${t} r = re[k], i = im[k];
            re[k] = Math.fma(cr[k], r, ci[k] * i);
            im[k] = Math.fma(ci[k], r, -(cr[k] * i));
        }
    }
}
