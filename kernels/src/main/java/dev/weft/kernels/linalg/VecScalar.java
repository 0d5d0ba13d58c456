package dev.weft.kernels.linalg;

/** Scalar reference dot/axpy: plain left-to-right loops. */
final class VecScalar implements Vec {
    static final VecScalar INSTANCE = new VecScalar();

    private VecScalar() {}

    @Override
    public double dot(double[] a, int ao, double[] b, int bo, int n) {
        double s = 0;
        for (int t = 0; t < n; t++) s += a[ao + t] * b[bo + t];
        return s;
    }

    @Override
    public void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        for (int t = 0; t < n; t++) y[yo + t] += alpha * x[xo + t];
    }
}
