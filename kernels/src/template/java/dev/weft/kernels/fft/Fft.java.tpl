//@class Fft
package dev.weft.kernels.fft;

import dev.weft.kernels.KernelImpl;

/**
 * Discrete Fourier transforms along the middle dim of contiguous (outer, n, inner) operands, F32 and
 * F64, any length n >= 1 (radix-2 for powers of two, Bluestein's chirp-z otherwise). A complex operand
 * is (outer, n, inner, 2): real and imaginary parts interleaved. Picks the scalar or SIMD line FFT by
 * {@link KernelImpl#current()}; both give the same bits. Lines run in parallel with the same bits for
 * any thread count. y is overwritten and must not overlap x.
 *
 * <pre>
 * c2c: y[o,k,i] = scale * {@code sum_{t<n}} x[o,t,i] exp(-+2 pi i k t / n)      (+ when inverse), {@code k < n}
 * r2c: y[o,k,i] = scale * {@code sum_{t<n}} x[o,t,i] exp(-2 pi i k t / n),      x real, {@code k < n/2 + 1}
 * c2r: y[o,t,i] = scale * {@code sum_{k<n}} X[o,k,i] exp(+2 pi i k t / n),      y real, {@code t < n}; x holds the
 *      n/2 + 1 bins k of X, the rest is X[n - k] = conj(X[k]); Im X[0] and (n even) Im X[n/2] are ignored
 * </pre>
 * Accuracy (F64, random data): max error a few 1e-15 of the largest output for n up to 4097,
 * Bluestein lengths included. F32 computes in float with tables rounded from double.
 */
public final class Fft {
    private Fft() {}

    //@each F32 F64
    /**
     * Complex-to-complex DFT of each line (see the class comment). x, y: (outer, n, inner, 2).
     *
     * @param x the input, interleaved (re, im) pairs unless real
     * @param xOff index of x's first element
     * @param outer number of lines before the transformed dim
     * @param n transform length
     * @param inner stride between consecutive samples of one line (product of the dims after the transformed one)
     * @param inverse use exp(+2 pi i k t / n) instead of exp(-...)
     * @param scale factor applied to every output value
     * @param y the output, interleaved (re, im) pairs unless real (written)
     * @param yOff index of y's first element
     */
    public static void c2c(${t}[] x, int xOff, int outer, int n, int inner, boolean inverse, ${t} scale, ${t}[] y, int yOff) {
        long c = 2L * outer * n * inner;
        if (!FftChecks.check("fft c2c", outer, n, inner, x.length, xOff, c, y.length, yOff, c)) return;
        FftRun${D}.c2c(x, xOff, outer, n, inner, inverse, scale, y, yOff, KernelImpl.current() == KernelImpl.SIMD);
    }

    /**
     * Real-to-complex onesided DFT of each line. x: (outer, n, inner), y: (outer, n/2 + 1, inner, 2).
     *
     * @param x the input, interleaved (re, im) pairs unless real
     * @param xOff index of x's first element
     * @param outer number of lines before the transformed dim
     * @param n transform length
     * @param inner stride between consecutive samples of one line (product of the dims after the transformed one)
     * @param scale factor applied to every output value
     * @param y the output, interleaved (re, im) pairs unless real (written)
     * @param yOff index of y's first element
     */
    public static void r2c(${t}[] x, int xOff, int outer, int n, int inner, ${t} scale, ${t}[] y, int yOff) {
        long xc = (long) outer * n * inner, yc = 2L * outer * (n / 2 + 1) * inner;
        if (!FftChecks.check("fft r2c", outer, n, inner, x.length, xOff, xc, y.length, yOff, yc)) return;
        FftRun${D}.r2c(x, xOff, outer, n, inner, scale, y, yOff, KernelImpl.current() == KernelImpl.SIMD);
    }

    /**
     * Onesided complex-to-real inverse DFT of each line. x: (outer, n/2 + 1, inner, 2), y: (outer, n, inner).
     *
     * @param x the input, interleaved (re, im) pairs unless real
     * @param xOff index of x's first element
     * @param outer number of lines before the transformed dim
     * @param n transform length
     * @param inner stride between consecutive samples of one line (product of the dims after the transformed one)
     * @param scale factor applied to every output value
     * @param y the output, interleaved (re, im) pairs unless real (written)
     * @param yOff index of y's first element
     */
    public static void c2r(${t}[] x, int xOff, int outer, int n, int inner, ${t} scale, ${t}[] y, int yOff) {
        long xc = 2L * outer * (n / 2 + 1) * inner, yc = (long) outer * n * inner;
        if (!FftChecks.check("fft c2r", outer, n, inner, x.length, xOff, xc, y.length, yOff, yc)) return;
        FftRun${D}.c2r(x, xOff, outer, n, inner, scale, y, yOff, KernelImpl.current() == KernelImpl.SIMD);
    }
    //@end
}
