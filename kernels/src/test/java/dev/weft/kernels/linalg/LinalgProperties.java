package dev.weft.kernels.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.kernels.KernelImpl;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Dense linear algebra laws on random matrices, under both kernel implementations, plus goldens and errors. */
class LinalgProperties {
    static final String SEED = "5519";

    static double[] random(Random rnd, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = rnd.nextDouble() * 2 - 1;
        return a;
    }

    /** c (m x n) = a (m x k) b (k x n). */
    static double[] mul(double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int t = 0; t < k; t++)
                for (int j = 0; j < n; j++) c[i * n + j] += a[i * k + t] * b[t * n + j];
        return c;
    }

    static double[] transpose(double[] a, int m, int n) {
        double[] t = new double[m * n];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) t[j * m + i] = a[i * n + j];
        return t;
    }

    static double[] spd(Random rnd, int n) {
        double[] b = random(rnd, n * n);
        double[] a = mul(b, transpose(b, n, n), n, n, n);
        for (int i = 0; i < n; i++) a[i * n + i] += n;
        return a;
    }

    static void close(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++)
            assertEquals(expected[i], actual[i], tol * (1 + Math.abs(expected[i])), what + " at " + i);
    }

    static void with(KernelImpl impl, Runnable body) {
        KernelImpl old = KernelImpl.current();
        KernelImpl.set(impl);
        try {
            body.run();
        } finally {
            KernelImpl.set(old);
        }
    }

    static KernelImpl impl(boolean simd) {
        return simd ? KernelImpl.SIMD : KernelImpl.SCALAR;
    }

    @Property(tries = 60, seed = SEED)
    void choleskyReconstructsSpd(@ForAll @IntRange(min = 0, max = 40) int n, @ForAll boolean upper, @ForAll boolean simd,
                                 @ForAll @IntRange(min = 0, max = 3) int off) {
        Random rnd = new Random(n * 11L + off);
        double[] a = spd(rnd, n);
        double[] l = new double[off + n * n];
        with(impl(simd), () -> Linalg.cholesky(a, 0, n, upper, l, off));
        double[] f = java.util.Arrays.copyOfRange(l, off, off + n * n);
        double[] lower = upper ? transpose(f, n, n) : f;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) assertEquals(0, lower[i * n + j], "strict upper of L at (" + i + ", " + j + ")");
        close(a, mul(lower, transpose(lower, n, n), n, n, n), 1e-12, "L L^T == A, n=" + n);
        // float overload agrees with F64 rounded once
        float[] af = new float[n * n], lf = new float[n * n];
        for (int i = 0; i < a.length; i++) af[i] = (float) a[i];
        Linalg.cholesky(af, 0, n, upper, lf, 0);
        for (int i = 0; i < lf.length; i++) assertEquals(f[i], lf[i], 1e-5 * (1 + Math.abs(f[i])), "F32 cholesky at " + i);
        // choleskySolve: A x == b
        double[] b = random(rnd, n * 2), x = b.clone();
        Linalg.choleskySolve(l, off, n, upper, x, 0, 2);
        close(b, mul(a, x, n, n, 2), 1e-11, "A choleskySolve(b) == b");
    }

    @Property(tries = 80, seed = SEED)
    void luAndSolve(@ForAll @IntRange(min = 1, max = 40) int n, @ForAll @IntRange(min = 1, max = 5) int nrhs, @ForAll boolean simd) {
        Random rnd = new Random(n * 7L + nrhs);
        double[] a = random(rnd, n * n), b = random(rnd, n * nrhs);
        with(impl(simd), () -> {
            double[] lu = new double[n * n];
            int[] piv = new int[n];
            assertEquals(0, Linalg.luFactor(a, 0, n, lu, 0, piv, 0));
            // P A == L U, P applied as the recorded row swaps
            double[] pa = a.clone();
            for (int k = 0; k < n; k++) Factor.swapRows(pa, 0, n, k, piv[k], n);
            double[] L = new double[n * n], U = new double[n * n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) {
                    if (j < i) L[i * n + j] = lu[i * n + j];
                    else U[i * n + j] = lu[i * n + j];
                    if (i == j) L[i * n + j] = 1;
                }
            close(pa, mul(L, U, n, n, n), 1e-12, "P A == L U");
            double[] x = new double[n * nrhs];
            Linalg.solve(a, 0, n, b, 0, nrhs, x, 0);
            close(b, mul(a, x, n, n, nrhs), 1e-9, "A solve(b) == b");
            double[] y = b.clone();
            Linalg.luSolve(lu, 0, piv, 0, n, y, 0, nrhs);
            close(x, y, 1e-12, "luSolve == solve");
            double[] inv = new double[n * n];
            Linalg.inverse(a, 0, n, inv, 0);
            double[] eye = new double[n * n];
            for (int i = 0; i < n; i++) eye[i * n + i] = 1;
            double[] prod = mul(a, inv, n, n, n);
            for (int i = 0; i < n * n; i++) assertEquals(eye[i], prod[i], 1e-9, "A inv(A) == I at " + i);
        });
    }

    @Property(tries = 80, seed = SEED)
    void triangularSolveAllVariants(@ForAll @IntRange(min = 1, max = 30) int n, @ForAll @IntRange(min = 1, max = 4) int nrhs,
                                    @ForAll boolean upper, @ForAll boolean left, @ForAll boolean unit, @ForAll boolean simd) {
        Random rnd = new Random(n * 3L + nrhs);
        double[] a = random(rnd, n * n);
        for (int i = 0; i < n; i++) a[i * n + i] = (rnd.nextBoolean() ? 1 : -1) * (2 + rnd.nextDouble());
        double[] t = new double[n * n]; // the triangle actually used
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (i == j) t[i * n + j] = unit ? 1 : a[i * n + j];
                else if (upper ? j > i : j < i) t[i * n + j] = a[i * n + j];
        double[] b = random(rnd, n * nrhs), x = b.clone();
        with(impl(simd), () -> Linalg.triangularSolve(a, 0, n, upper, left, unit, x, 0, nrhs));
        double[] back = left ? mul(t, x, n, n, nrhs) : mul(x, t, nrhs, n, n);
        close(b, back, 1e-11, "triangularSolve upper=" + upper + " left=" + left + " unit=" + unit);
    }

    @Property(tries = 80, seed = SEED)
    void qrIsOrthonormalTimesUpper(@ForAll @IntRange(min = 1, max = 25) int m, @ForAll @IntRange(min = 1, max = 25) int n,
                                   @ForAll boolean simd) {
        Random rnd = new Random(m * 31L + n);
        double[] a = random(rnd, m * n);
        if (n > 2) for (int i = 0; i < m; i++) a[i * n + 2] = 0; // a zero column: no reflection at step 2
        int k = Math.min(m, n);
        double[] q = new double[m * k], r = new double[k * n];
        with(impl(simd), () -> Linalg.qr(a, 0, m, n, q, 0, r, 0));
        double[] qtq = mul(transpose(q, m, k), q, k, m, k);
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++) assertEquals(i == j ? 1 : 0, qtq[i * k + j], 1e-12, "Q^T Q at (" + i + ", " + j + ")");
        for (int i = 0; i < k; i++) for (int j = 0; j < i; j++) assertEquals(0, r[i * n + j], "R below the diagonal");
        close(a, mul(q, r, m, k, n), 1e-12, "Q R == A (" + m + " x " + n + ")");
    }

    @Property(tries = 80, seed = SEED)
    void lstsqSatisfiesNormalEquationsOrMinimumNorm(@ForAll @IntRange(min = 1, max = 20) int m, @ForAll @IntRange(min = 1, max = 20) int n,
                                                    @ForAll @IntRange(min = 1, max = 3) int nrhs, @ForAll boolean simd) {
        Random rnd = new Random(m * 101L + n * 7 + nrhs);
        double[] a = random(rnd, m * n), b = random(rnd, m * nrhs), x = new double[n * nrhs];
        with(impl(simd), () -> Linalg.lstsq(a, 0, m, n, b, 0, nrhs, x, 0));
        double[] resid = mul(a, x, m, n, nrhs);
        for (int i = 0; i < resid.length; i++) resid[i] -= b[i];
        if (m >= n) {
            double[] g = mul(transpose(a, m, n), resid, n, m, nrhs);
            for (double v : g) assertEquals(0, v, 1e-9, "A^T (A x - b) == 0 (" + m + " x " + n + ")");
        } else {
            for (double v : resid) assertEquals(0, v, 1e-9, "A x == b for m < n");
            // minimum norm: x = A^T y with (A A^T) y = b
            double[] aat = mul(a, transpose(a, m, n), m, n, m), y = new double[m * nrhs];
            Linalg.solve(aat, 0, m, b, 0, nrhs, y, 0);
            close(mul(transpose(a, m, n), y, n, m, nrhs), x, 1e-8, "x == A^T (A A^T)^-1 b");
        }
    }

    @Property(tries = 60, seed = SEED)
    void detIsMultiplicative(@ForAll @IntRange(min = 1, max = 12) int n, @ForAll boolean simd) {
        Random rnd = new Random(n * 13L);
        double[] a = random(rnd, n * n), b = random(rnd, n * n);
        with(impl(simd), () -> {
            double da = Linalg.det(a, 0, n), db = Linalg.det(b, 0, n), dab = Linalg.det(mul(a, b, n, n, n), 0, n);
            assertEquals(da * db, dab, 1e-10 * (1 + Math.abs(dab)), "det(AB) == det A det B");
            double[] s = new double[2];
            Linalg.slogdet(a, 0, n, s);
            assertEquals(Math.signum(da), s[0]);
            assertEquals(Math.log(Math.abs(da)), s[1], 1e-10);
        });
    }

    @Property(tries = 40, seed = SEED)
    void simdAgreesWithScalar(@ForAll @IntRange(min = 1, max = 70) int n) {
        Random rnd = new Random(n);
        double[] a = spd(rnd, n);
        double[] ls = new double[n * n], lv = new double[n * n], qs = new double[n * n], qv = new double[n * n];
        double[] rs = new double[n * n], rv = new double[n * n];
        with(KernelImpl.SCALAR, () -> {
            Linalg.cholesky(a, 0, n, false, ls, 0);
            Linalg.qr(a, 0, n, n, qs, 0, rs, 0);
        });
        with(KernelImpl.SIMD, () -> {
            Linalg.cholesky(a, 0, n, false, lv, 0);
            Linalg.qr(a, 0, n, n, qv, 0, rv, 0);
        });
        close(ls, lv, 1e-12, "cholesky SIMD vs scalar");
        close(qs, qv, 1e-11, "Q SIMD vs scalar");
        close(rs, rv, 1e-11, "R SIMD vs scalar");
        for (int len : new int[] {1, 7, 17, 1023}) {
            double[] x = random(rnd, len + 3), y = random(rnd, len + 5), y2 = y.clone();
            assertEquals(VecScalar.INSTANCE.dot(x, 3, y, 5, len), VecSimd.INSTANCE.dot(x, 3, y, 5, len), 1e-12 * len, "dot " + len);
            VecScalar.INSTANCE.axpy(0.3, x, 3, y, 5, len);
            VecSimd.INSTANCE.axpy(0.3, x, 3, y2, 5, len);
            close(y, y2, 1e-15, "axpy " + len);
        }
    }

    @Test
    void goldenValues() {
        double[] a = {4, 12, -16, 12, 37, -43, -16, -43, 98};
        double[] l = new double[9];
        Linalg.cholesky(a, 0, 3, false, l, 0);
        assertArrayEquals(new double[] {2, 0, 0, 6, 1, 0, -8, 5, 3}, l, 1e-14);
        double[] lowerOnly = {4, 99, 99, 12, 37, 99, -16, -43, 98}; // the upper triangle is never read
        Linalg.cholesky(lowerOnly, 0, 3, true, l, 0);
        assertArrayEquals(new double[] {2, 6, -8, 0, 1, 5, 0, 0, 3}, l, 1e-14);
        assertEquals(-2, Linalg.det(new double[] {1, 2, 3, 4}, 0, 2), 1e-15);
        assertEquals(36, Linalg.det(a, 0, 3), 1e-9);
        double[] x = new double[2];
        Linalg.solve(new double[] {2, 1, 1, 3}, 0, 2, new double[] {3, 5}, 0, 1, x, 0);
        assertArrayEquals(new double[] {0.8, 1.4}, x, 1e-15);
        // QR of [[3, 1], [4, 2]]: R[0,0] = -5 (LAPACK sign: -sign(a00) * norm)
        double[] q = new double[4], r = new double[4];
        Linalg.qr(new double[] {3, 1, 4, 2}, 0, 2, 2, q, 0, r, 0);
        assertArrayEquals(new double[] {-0.6, -0.8, -0.8, 0.6}, q, 1e-15);
        assertArrayEquals(new double[] {-5, -2.2, 0, 0.4}, r, 1e-15);
        double[] inv = new double[4];
        Linalg.inverse(new double[] {4, 7, 2, 6}, 0, 2, inv, 0);
        assertArrayEquals(new double[] {0.6, -0.7, -0.2, 0.4}, inv, 1e-15);
        float[] fx = new float[1];
        Linalg.lstsq(new float[] {1, 1, 1}, 0, 3, 1, new float[] {1, 2, 6}, 0, 1, fx, 0);
        assertEquals(3, fx[0], 1e-6);
    }

    @Test
    void errors() {
        ArithmeticException npd = assertThrows(ArithmeticException.class,
                () -> Linalg.cholesky(new double[] {1, 2, 2, 1}, 0, 2, false, new double[4], 0));
        assertTrue(npd.getMessage().startsWith("cholesky: the leading minor of order 2 is not positive-definite"), npd.getMessage());
        ArithmeticException sing = assertThrows(ArithmeticException.class,
                () -> Linalg.solve(new double[] {1, 2, 2, 4}, 0, 2, new double[2], 0, 1, new double[2], 0));
        assertEquals("solve: the matrix is singular (U[k,k] == 0 at k=1)", sing.getMessage());
        ArithmeticException inv = assertThrows(ArithmeticException.class,
                () -> Linalg.inverse(new float[] {0, 0, 0, 1}, 0, 2, new float[4], 0));
        assertEquals("inverse: the matrix is singular (U[k,k] == 0 at k=0)", inv.getMessage());
        assertEquals(2, Linalg.luFactor(new double[] {1, 2, 2, 4}, 0, 2, new double[4], 0, new int[2], 0));
        assertEquals(0, Linalg.det(new double[] {1, 2, 2, 4}, 0, 2));
        double[] s = new double[2];
        Linalg.slogdet(new double[] {1, 2, 2, 4}, 0, 2, s);
        assertArrayEquals(new double[] {0, Double.NEGATIVE_INFINITY}, s);
        ArithmeticException rank = assertThrows(ArithmeticException.class,
                () -> Linalg.lstsq(new double[] {1, 2, 2, 4, 3, 6}, 0, 3, 2, new double[3], 0, 1, new double[2], 0));
        assertTrue(rank.getMessage().startsWith("lstsq: A (3 x 2) is rank-deficient: |R[1,1]|"), rank.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> Linalg.solve(new double[9], 0, 3, new double[5], 0, 2, new double[6], 0));
        assertEquals("solve: b (3 x 2) needs 6 elements from offset 0, the array has 5", size.getMessage());
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class, () -> Linalg.det(new double[4], 0, -1));
        assertEquals("det: n = -1 must be >= 0", neg.getMessage());
    }
}
