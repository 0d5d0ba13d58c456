package dev.weft.kernels.linalg;

import dev.weft.kernels.KernelImpl;

/**
 * The two inner loops of the dense factorizations: dot and axpy over contiguous runs. The scalar
 * and Vector API implementations are picked once per call by {@link KernelImpl#current()}; the rest
 * of each algorithm (pivoting, square roots, the order of steps) is shared.
 */
interface Vec {
    /** sum over t in [0, n) of a[ao + t] * b[bo + t] */
    double dot(double[] a, int ao, double[] b, int bo, int n);

    /** y[yo + t] += alpha * x[xo + t] for t in [0, n) */
    void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n);

    static Vec current() {
        return KernelImpl.current() == KernelImpl.SIMD ? VecSimd.INSTANCE : VecScalar.INSTANCE;
    }
}
