package dev.weft.kernels.linalg;

import dev.weft.kernels.LaneSums;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API dot/axpy: two fma accumulators for dot (reduced once), fma for axpy, scalar tails.
 * Correct for any species width; rounding differs from the scalar twin (fma, summation order).
 */
final class VecSimd implements Vec {
    static final VecSimd INSTANCE = new VecSimd();
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VecSimd() {}

    @Override
    public double dot(double[] a, int ao, double[] b, int bo, int n) {
        if (n < L) return VecScalar.INSTANCE.dot(a, ao, b, bo, n);
        DoubleVector acc0 = DoubleVector.zero(S), acc1 = DoubleVector.zero(S);
        int t = 0, bound2 = n - 2 * L + 1;
        for (; t < bound2; t += 2 * L) {
            acc0 = DoubleVector.fromArray(S, a, ao + t).fma(DoubleVector.fromArray(S, b, bo + t), acc0);
            acc1 = DoubleVector.fromArray(S, a, ao + t + L).fma(DoubleVector.fromArray(S, b, bo + t + L), acc1);
        }
        for (int bound = S.loopBound(n); t < bound; t += L)
            acc0 = DoubleVector.fromArray(S, a, ao + t).fma(DoubleVector.fromArray(S, b, bo + t), acc0);
        double s = LaneSums.sum(acc0.add(acc1));
        for (; t < n; t++) s += a[ao + t] * b[bo + t];
        return s;
    }

    @Override
    public void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        if (n < L) {
            VecScalar.INSTANCE.axpy(alpha, x, xo, y, yo, n);
            return;
        }
        DoubleVector a = DoubleVector.broadcast(S, alpha);
        int t = 0;
        for (int bound = S.loopBound(n); t < bound; t += L)
            a.fma(DoubleVector.fromArray(S, x, xo + t), DoubleVector.fromArray(S, y, yo + t)).intoArray(y, yo + t);
        for (; t < n; t++) y[yo + t] += alpha * x[xo + t];
    }
}
