package dev.weft.kernels.fft;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The precomputed tables of one transform length n and dtype. A power of two runs the iterative
 * radix-2 FFT on them directly; any other n runs Bluestein's chirp-z algorithm: a convolution done by
 * power-of-two FFTs of length size >= 2n - 1. Every table entry is computed in double from one sin/cos
 * call (never by recurrence, so errors do not grow with n) and rounded once for F32. Plans are
 * immutable and shared; a small LRU cache keyed by (n, dtype) keeps the recent ones.
 */
final class FftPlan {
    /** The longest transform: Bluestein's power-of-two size 2^30 must fit an array. */
    static final int MAX_N = 1 << 29;
    private static final int CAPACITY = 32;
    private static final Map<Long, FftPlan> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, FftPlan> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Transform length. */
    final int n;
    /** Length of the power-of-two FFTs run: n itself, or Bluestein's M. */
    final int size;
    final boolean bluestein;
    /** Bit reversal of [0, size). */
    final int[] rev;
    /**
     * Twiddles of the radix-2 stages (size - 1 entries): the stage of butterfly span h uses
     * exp(-i pi j / h), j < h, at [h - 1 + j]. Bluestein only: the chirp exp(-i pi k^2 / n), k < n, and
     * the FFT of the conjugate chirp wrapped to length size, divided by size (the inverse FFT's scale).
     */
    final double[] twrF64, twiF64, crF64, ciF64, brF64, biF64;
    /** The same tables rounded to float (an F32 plan has these and no double tables). */
    final float[] twrF32, twiF32, crF32, ciF32, brF32, biF32;

    private FftPlan(int n, int size, int[] rev, double[][] d, float[][] f) {
        this.n = n;
        this.size = size;
        this.bluestein = n != size;
        this.rev = rev;
        twrF64 = d[0]; twiF64 = d[1]; crF64 = d[2]; ciF64 = d[3]; brF64 = d[4]; biF64 = d[5];
        twrF32 = f[0]; twiF32 = f[1]; crF32 = f[2]; ciF32 = f[3]; brF32 = f[4]; biF32 = f[5];
    }

    /** The F64 plan of length n (1 <= n <= MAX_N). */
    static FftPlan ofF64(int n) {
        FftPlan p = cached(key(n, false));
        return p != null ? p : remember(key(n, false), buildF64(n));
    }

    /** The F32 plan of length n: the F64 tables rounded once. */
    static FftPlan ofF32(int n) {
        FftPlan p = cached(key(n, true));
        if (p != null) return p;
        FftPlan d = ofF64(n);
        FftPlan m = d.bluestein ? ofF32(d.size) : null;       // shares the power-of-two tables
        float[][] f = {m != null ? m.twrF32 : round(d.twrF64), m != null ? m.twiF32 : round(d.twiF64),
                round(d.crF64), round(d.ciF64), round(d.brF64), round(d.biF64)};
        return remember(key(n, true), new FftPlan(n, d.size, d.rev, new double[6][], f));
    }

    private static FftPlan buildF64(int n) {
        if (Integer.bitCount(n) == 1) {
            double[][] d = new double[6][];
            twiddles(n, d);
            return new FftPlan(n, n, bitReverse(n), d, new float[6][]);
        }
        int m = Integer.highestOneBit(2 * n - 1) << 1;
        FftPlan pow2 = ofF64(m);
        double[] cr = new double[n], ci = new double[n];
        for (int k = 0; k < n; k++) {
            long r = (long) k * k % (2L * n);                 // exact: the angle pi k^2 / n taken mod 2 pi
            double a = Math.PI * r / n;
            cr[k] = Math.cos(a);
            ci[k] = -Math.sin(a);
        }
        // h[j] = conj(chirp[|j|]) for |j| < n, indices taken mod m; b = FFT(h) / m
        double[] br = new double[m], bi = new double[m];
        for (int k = 0; k < n; k++) {
            br[k] = cr[k];
            bi[k] = -ci[k];
            if (k > 0) {
                br[m - k] = cr[k];
                bi[m - k] = -ci[k];
            }
        }
        FftLineF64.radix2(br, bi, pow2);
        for (int k = 0; k < m; k++) {
            br[k] /= m;
            bi[k] /= m;
        }
        double[][] d = {pow2.twrF64, pow2.twiF64, cr, ci, br, bi};
        return new FftPlan(n, m, pow2.rev, d, new float[6][]);
    }

    private static void twiddles(int size, double[][] d) {
        double[] wr = new double[Math.max(0, size - 1)], wi = new double[wr.length];
        for (int h = 1; h < size; h <<= 1) {
            for (int j = 0; j < h; j++) {
                double a = Math.PI * j / h;
                wr[h - 1 + j] = Math.cos(a);
                wi[h - 1 + j] = -Math.sin(a);
            }
        }
        d[0] = wr;
        d[1] = wi;
    }

    private static int[] bitReverse(int size) {
        int bits = Integer.numberOfTrailingZeros(size);
        int[] rev = new int[size];
        for (int i = 1; i < size; i++) rev[i] = Integer.reverse(i) >>> (32 - bits);
        return rev;
    }

    private static float[] round(double[] a) {
        if (a == null) return null;
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) f[i] = (float) a[i];
        return f;
    }

    private static long key(int n, boolean f32) {
        return 2L * n + (f32 ? 1 : 0);
    }

    private static FftPlan cached(long key) {
        synchronized (CACHE) {
            return CACHE.get(key);
        }
    }

    /** Stores p unless another thread stored one first (equal tables either way); returns the stored one. */
    private static FftPlan remember(long key, FftPlan p) {
        synchronized (CACHE) {
            FftPlan q = CACHE.putIfAbsent(key, p);
            return q != null ? q : p;
        }
    }
}
