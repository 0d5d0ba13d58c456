//@twins FftRun${D} F32 F64
package dev.weft.kernels.fft;

import dev.weft.kernels.Parallel;

/**
 * The line drivers of the ${D} transforms over contiguous (outer, n, inner) operands, complex ones
 * interleaved (re, im) as a trailing pair. Each line is gathered into split work arrays, transformed
 * by the scalar or the SIMD line FFT, scaled and scattered. An inverse transform is the forward one
 * conjugated on the way in and out, ifft(z) = conj(fft(conj(z))) (unscaled). Lines are split over the
 * shared pool, each written by one task from its own work arrays, so the bits never depend on the
 * thread count. The output must not overlap the input.
 */
final class FftRun${D} {
    private FftRun${D}() {}

    /** One line's work: l is the line index o * inner + i. */
    @FunctionalInterface
    private interface Line {
        void run(${t}[] re, ${t}[] im, int l);
    }

    static void c2c(${t}[] x, int xOff, int outer, int n, int inner, boolean inverse, ${t} scale,
                    ${t}[] y, int yOff, boolean simd) {
        FftPlan p = FftPlan.of${D}(n);
        ${t} sign = inverse ? -1 : 1, si = sign * scale;
        lines(outer * inner, p, (re, im, l) -> {
            int o = l / inner, base = 2 * (o * n * inner + l - o * inner), step = 2 * inner;
            for (int k = 0, q = xOff + base; k < n; k++, q += step) {
                re[k] = x[q];
                im[k] = sign * x[q + 1];
            }
            transform(re, im, p, simd);
            for (int k = 0, q = yOff + base; k < n; k++, q += step) {
                y[q] = re[k] * scale;
                y[q + 1] = im[k] * si;
            }
        });
    }

    /** x real (outer, n, inner) -> y (outer, n/2 + 1, inner, 2): the first n/2 + 1 bins of the forward DFT. */
    static void r2c(${t}[] x, int xOff, int outer, int n, int inner, ${t} scale, ${t}[] y, int yOff, boolean simd) {
        FftPlan p = FftPlan.of${D}(n);
        int m = n / 2 + 1;
        lines(outer * inner, p, (re, im, l) -> {
            int o = l / inner, i = l - o * inner;
            for (int k = 0, q = xOff + o * n * inner + i; k < n; k++, q += inner) {
                re[k] = x[q];
                im[k] = 0;
            }
            transform(re, im, p, simd);
            for (int k = 0, q = yOff + 2 * (o * m * inner + i); k < m; k++, q += 2 * inner) {
                y[q] = re[k] * scale;
                y[q + 1] = im[k] * scale;
            }
        });
    }

    /**
     * x (outer, n/2 + 1, inner, 2) -> y real (outer, n, inner): the inverse DFT of the Hermitian
     * extension z[n - k] = conj(z[k]); the imaginary parts of bin 0 and (n even) bin n/2 are ignored.
     */
    static void c2r(${t}[] x, int xOff, int outer, int n, int inner, ${t} scale, ${t}[] y, int yOff, boolean simd) {
        FftPlan p = FftPlan.of${D}(n);
        int m = n / 2 + 1;
        lines(outer * inner, p, (re, im, l) -> {
            int o = l / inner, i = l - o * inner;
            for (int k = 0, q = xOff + 2 * (o * m * inner + i); k < m; k++, q += 2 * inner) {
                re[k] = x[q];
                im[k] = -x[q + 1];                              // conjugated in: the inverse by the forward FFT
            }
            im[0] = 0;
            if (n % 2 == 0) im[n / 2] = 0;
            for (int k = 1; k <= n - m; k++) {
                re[n - k] = re[k];
                im[n - k] = -im[k];
            }
            transform(re, im, p, simd);
            for (int t = 0, q = yOff + o * n * inner + i; t < n; t++, q += inner) y[q] = re[t] * scale;
        });
    }

    private static void transform(${t}[] re, ${t}[] im, FftPlan p, boolean simd) {
        if (simd) FftLineSimd${D}.forward(re, im, p);
        else FftLine${D}.forward(re, im, p);
    }

    /** Runs body on lines [0, count), each task with its own work arrays of the plan's size. */
    private static void lines(int count, FftPlan p, Line body) {
        long cost = 4L * p.size * (1 + Integer.numberOfTrailingZeros(p.size));
        Parallel.forRows(count, cost, (l0, l1) -> {
            ${t}[] re = new ${t}[p.size], im = new ${t}[p.size];
            for (int l = l0; l < l1; l++) body.run(re, im, l);
        });
    }
}
