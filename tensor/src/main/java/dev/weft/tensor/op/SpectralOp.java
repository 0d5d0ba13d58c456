package dev.weft.tensor.op;

/**
 * Discrete Fourier transforms along one dim, torch.fft's three primitives (_fft_c2c, _fft_r2c,
 * _fft_c2r). Weft has no complex dtype: a complex tensor is an F32 or F64 tensor whose last dim has
 * size 2 (real, imaginary), the layout of torch.view_as_real, and a complex operand's dim counts over
 * its logical dims (all but that trailing pair). n is the transform length along dim: the facade
 * (dev.weft.tensor.Fft) trims or zero-pads inputs to it first, so here it is the input's size (the
 * output's for C2r). Every transform is linear; its gradient is another of these records.
 */
public sealed interface SpectralOp extends Op {
    /** The factor a transform of length n is scaled by: 1, 1/sqrt(n) or 1/n (torch's fft_norm_mode). */
    enum FftNorm {
        /** No scaling. */
        NONE,
        /** Scaled by 1/sqrt(n) ("ortho"). */
        BY_ROOT_N,
        /** Scaled by 1/n. */
        BY_N;

        /**
         * {@return the factor applied to a transform of length n: 1, 1/sqrt(n) or 1/n}
         *
         * @param n number of elements
         */
        public double scale(int n) {
            return switch (this) {
                case NONE -> 1;
                case BY_ROOT_N -> 1 / Math.sqrt(n);
                case BY_N -> 1.0 / n;
            };
        }
    }

    /**
     * y[k] = s * {@code sum_{t<n}} z[t] exp(-+2 pi i k t / n) along dim (- when forward), s = norm.scale(n).
     * Inputs: z (..., n, ..., 2) complex. Output: the same shape.
     *
     * @param dim the dim (negative counts from the end)
     * @param forward the forward transform (else the inverse)
     * @param norm the normalization: "backward" (default, 1/n on the inverse), "forward" (1/n on the forward) or "ortho" (1/sqrt(n) both ways)
     */
    record C2c(int dim, boolean forward, FftNorm norm) implements SpectralOp {
        public String name() {
            return forward ? "fft.fft" : "fft.ifft";
        }
    }

    /**
     * The onesided forward DFT of a real signal: y[k] = s * {@code sum_{t<n}} x[t] exp(-2 pi i k t / n), {@code k < n/2 + 1}.
     * Inputs: x (..., n, ...) real. Output: (..., n/2 + 1, ..., 2) complex.
     *
     * @param dim the dim (negative counts from the end)
     * @param norm the normalization: "backward" (default, 1/n on the inverse), "forward" (1/n on the forward) or "ortho" (1/sqrt(n) both ways)
     */
    record R2c(int dim, FftNorm norm) implements SpectralOp {
        public String name() {
            return "fft.rfft";
        }
    }

    /**
     * The inverse of a onesided spectrum, real output of length n: x[t] = s * {@code sum_{k<n}} Z[k] exp(+2 pi i k t / n)
     * with Z[k] = z[k] for {@code k < n/2 + 1} and Z[n - k] = conj(z[k]); the imaginary parts of z[0] and (n even)
     * z[n/2] are ignored, as in torch. Inputs: z (..., n/2 + 1, ..., 2) complex. Output: (..., n, ...) real.
     *
     * @param dim the dim (negative counts from the end)
     * @param n number of elements
     * @param norm the normalization: "backward" (default, 1/n on the inverse), "forward" (1/n on the forward) or "ortho" (1/sqrt(n) both ways)
     */
    record C2r(int dim, int n, FftNorm norm) implements SpectralOp {
        public String name() {
            return "fft.irfft";
        }
    }
}
