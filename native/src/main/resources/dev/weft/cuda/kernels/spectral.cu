// Discrete Fourier transforms along one dim as direct sums (torch.fft's _fft_c2c, _fft_r2c, _fft_c2r):
// one thread per output element, O(n) work each, the twiddle exp(+-2 pi i k t / n) from sincospi of the
// exact residue (k t mod n), accumulated in double for both dtypes. A complex operand is a real one with a
// trailing (re, im) pair; xc / yc are the strides of that pair's imaginary part.
//   mode 0 c2c: y[k] = s sum_{t<n} z[t] e^{sign 2 pi i k t / n}
//   mode 1 r2c: y[k] = s sum_{t<n} x[t] e^{-2 pi i k t / n}, k < n/2 + 1
//   mode 2 c2r: x[t] = s sum_{k<n} Z[k] e^{+2 pi i k t / n}, Z[k] = z[k] (k <= n/2), conj(z[n - k]) above;
//               the imaginary parts of z[0] and (n even) z[n/2] are ignored
#include "weft_common.cuh"

template <typename T> __device__ void w_dft(int lines, int n, int nOut, WeftStrided xo, int xs, int xc, WeftStrided yo,
                                            int ys, int yc, const T* x, T* y, int mode, int sign, double scale) {
    WEFT_GRID_LOOP(i, lines * nOut) {
        int line = i / nOut, k = i % nOut;
        const T* xl = x + weft_at(xo, line);
        T* yl = y + weft_at(yo, line);
        double re = 0, im = 0;
        if (mode == 2) {
            int nIn = n / 2 + 1;
            for (int q = 0; q < n; ++q) {
                double zr, zi;
                if (q < nIn) {
                    zr = (double) xl[q * xs];
                    zi = (q == 0 || (n % 2 == 0 && q == n / 2)) ? 0.0 : (double) xl[q * xs + xc];
                } else {
                    zr = (double) xl[(n - q) * xs];
                    zi = -(double) xl[(n - q) * xs + xc];
                }
                double s, c;
                sincospi(2.0 * (double) (((long long) q * k) % n) / (double) n, &s, &c);
                re += zr * c - zi * s;
            }
            yl[k * ys] = (T) (re * scale);
        } else {
            for (int t = 0; t < n; ++t) {
                double zr = (double) xl[t * xs], zi = mode == 0 ? (double) xl[t * xs + xc] : 0.0;
                double s, c;
                sincospi(2.0 * (double) (((long long) k * t) % n) / (double) n, &s, &c);
                s *= (double) sign;
                re += zr * c - zi * s;
                im += zr * s + zi * c;
            }
            yl[k * ys] = (T) (re * scale);
            yl[k * ys + yc] = (T) (im * scale);
        }
    }
}

extern "C" __global__ void dft_f32(int lines, int n, int nOut, WeftStrided xo, int xs, int xc, WeftStrided yo, int ys, int yc,
                                   const float* x, float* y, int mode, int sign, double scale) {
    w_dft<float>(lines, n, nOut, xo, xs, xc, yo, ys, yc, x, y, mode, sign, scale);
}
extern "C" __global__ void dft_f64(int lines, int n, int nOut, WeftStrided xo, int xs, int xc, WeftStrided yo, int ys, int yc,
                                   const double* x, double* y, int mode, int sign, double scale) {
    w_dft<double>(lines, n, nOut, xo, xs, xc, yo, ys, yc, x, y, mode, sign, scale);
}
