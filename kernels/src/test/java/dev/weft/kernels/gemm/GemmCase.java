package dev.weft.kernels.gemm;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One random GEMM problem for the tests: operands laid out with padding (offsets, leading dimensions
 * larger than needed), run through SIMD and the scalar reference, compared within a k-scaled bound.
 */
record GemmCase(boolean transA, boolean transB, int m, int n, int k, double alpha, double beta,
                int aOff, int padA, int bOff, int padB, int cOff, int padC, boolean nanC, long seed) {

    int lda() { return (transA ? m : k) + padA; }
    int ldb() { return (transB ? k : n) + padB; }
    int ldc() { return n + padC; }
    int aLen() { return aOff + (transA ? k : m) * lda(); }
    int bLen() { return bOff + (transB ? n : k) * ldb(); }
    int cLen() { return cOff + m * ldc(); }

    double[] fill(int len, long salt, boolean nan) {
        SplittableRandom r = new SplittableRandom(seed * 31 + salt);
        double[] x = new double[len];
        for (int i = 0; i < len; i++) x[i] = nan ? Double.NaN : r.nextDouble(-1, 1);
        return x;
    }

    static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) f[i] = (float) x[i];
        return f;
    }

    /** Throws AssertionError naming the case and the first element outside the bound. */
    void check(double[] a, double[] b, double[] c0, double[] got, double[] ref, double eps) {
        int ars = transA ? 1 : lda(), acs = transA ? lda() : 1, brs = transB ? 1 : ldb(), bcs = transB ? ldb() : 1;
        for (int i = 0; i < cLen(); i++) {
            int r = i - cOff, row = r / ldc(), col = r % ldc();
            boolean inside = r >= 0 && row < m && col < n;
            if (!inside) {
                if (Double.doubleToRawLongBits(got[i]) != Double.doubleToRawLongBits(c0[i]))
                    throw new AssertionError(this + ": wrote outside C at " + i + ": " + c0[i] + " -> " + got[i]);
                continue;
            }
            double mag = 0;
            for (int p = 0; p < k; p++) mag += Math.abs(a[aOff + row * ars + p * acs] * b[bOff + p * brs + col * bcs]);
            double bound = (k + 4) * eps * (Math.abs(alpha) * mag + (beta == 0 ? 0 : Math.abs(beta * c0[i]))) + 1e-30;
            if (!(Math.abs(got[i] - ref[i]) <= bound))
                throw new AssertionError(this + ": C[" + row + "," + col + "] simd " + got[i] + " scalar " + ref[i] + " bound " + bound);
        }
    }

    /** Runs F32 SIMD and scalar on the same data and compares. */
    void checkF32() {
        double[] a = fill(aLen(), 1, false), b = fill(bLen(), 2, false), c = fill(cLen(), 3, nanC);
        float[] af = toFloat(a), bf = toFloat(b), cs = toFloat(c), cr = toFloat(c);
        GemmSimd.sgemm(transA, transB, m, n, k, (float) alpha, af, aOff, lda(), bf, bOff, ldb(), (float) beta, cs, cOff, ldc());
        GemmScalar.sgemm(transA, transB, m, n, k, (float) alpha, af, aOff, lda(), bf, bOff, ldb(), (float) beta, cr, cOff, ldc());
        check(toDouble(af), toDouble(bf), toDouble(toFloat(c)), toDouble(cs), toDouble(cr), 0x1p-23);
    }

    /** Runs F64 SIMD and scalar on the same data and compares. */
    void checkF64() {
        double[] a = fill(aLen(), 1, false), b = fill(bLen(), 2, false), c = fill(cLen(), 3, nanC);
        double[] cs = c.clone(), cr = c.clone();
        GemmSimd.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda(), b, bOff, ldb(), beta, cs, cOff, ldc());
        GemmScalar.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda(), b, bOff, ldb(), beta, cr, cOff, ldc());
        check(a, b, c, cs, cr, 0x1p-52);
    }

    static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) d[i] = x[i];
        return d;
    }

    @Override
    public String toString() {
        return "gemm(transA=" + transA + ", transB=" + transB + ", m=" + m + ", n=" + n + ", k=" + k + ", alpha=" + alpha
                + ", beta=" + beta + ", aOff=" + aOff + ", lda=" + lda() + ", bOff=" + bOff + ", ldb=" + ldb()
                + ", cOff=" + cOff + ", ldc=" + ldc() + ", nanC=" + nanC + ", seed=" + seed + ")";
    }

    static boolean sameBits(float[] x, float[] y) {
        return Arrays.equals(x, y);
    }
}
