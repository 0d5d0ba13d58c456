package dev.weft.kernels.linalg;

/**
 * In-place dense factorizations on row-major F64 matrices (offset o, leading dimension = column
 * count): Cholesky, LU with partial pivoting, Householder QR. Inner loops go through {@link Vec}.
 * Callers check sizes and copy inputs; these routines only compute.
 */
final class Factor {
    private Factor() {}

    /**
     * Lower Cholesky in place: on entry the lower triangle of l (n x n) holds A's; on exit L with
     * A = L L^T and zeros above the diagonal. Column by column (Cholesky-Crout): L[i,j] =
     * (A[i,j] - L[i,0:j] . L[j,0:j]) / L[j,j], both dots over contiguous row prefixes.
     */
    static void cholesky(Vec v, double[] l, int o, int n) {
        for (int j = 0; j < n; j++) {
            int rj = o + j * n;
            double d = l[rj + j] - v.dot(l, rj, l, rj, j);
            if (!(d > 0))
                throw new ArithmeticException("cholesky: the leading minor of order " + (j + 1)
                        + " is not positive-definite (pivot " + d + ")");
            double ljj = Math.sqrt(d);
            l[rj + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                int ri = o + i * n;
                l[ri + j] = (l[ri + j] - v.dot(l, ri, l, rj, j)) / ljj;
            }
        }
        for (int i = 0; i < n; i++) java.util.Arrays.fill(l, o + i * n + i + 1, o + (i + 1) * n, 0);
    }

    /**
     * LU with partial pivoting in place (a is n x n): P A = L U, L unit lower (below the diagonal),
     * U upper. piv[k] = the row swapped with row k at step k (0-based, applied in order k = 0..n-1).
     * The pivot is the first largest |a[i,k]|, i >= k. Returns 0, or k+1 for the first k with
     * U[k,k] == 0 (the factorization then goes on, as LAPACK's getrf does).
     */
    static int lu(Vec v, double[] a, int o, int n, int[] piv, int po) {
        int info = 0;
        for (int k = 0; k < n; k++) {
            int p = k;
            double max = Math.abs(a[o + k * n + k]);
            for (int i = k + 1; i < n; i++) {
                double m = Math.abs(a[o + i * n + k]);
                if (m > max) {
                    max = m;
                    p = i;
                }
            }
            piv[po + k] = p;
            if (p != k) swapRows(a, o, n, k, p, n);
            int rk = o + k * n;
            double d = a[rk + k];
            if (d == 0) {
                if (info == 0) info = k + 1;
                continue;
            }
            for (int i = k + 1; i < n; i++) {
                int ri = o + i * n;
                double l = a[ri + k] / d;
                a[ri + k] = l;
                v.axpy(-l, a, rk + k + 1, a, ri + k + 1, n - k - 1);
            }
        }
        return info;
    }

    static void swapRows(double[] a, int o, int cols, int i, int j, int len) {
        int ri = o + i * cols, rj = o + j * cols;
        for (int t = 0; t < len; t++) {
            double s = a[ri + t];
            a[ri + t] = a[rj + t];
            a[rj + t] = s;
        }
    }

    /**
     * Householder QR in place (w is m x n): on exit R is on and above the diagonal of w[0:kmax, :],
     * and reflector k is H_k = I - tau[k] v v^T with v = [1; w[k+1:m, k]] (kmax = min(m, n)), so
     * A = H_0 H_1 ... H_{kmax-1} R. Reflectors follow LAPACK's dlarfg convention: R[k,k] =
     * -sign(a_kk) * ||a[k:m, k]|| (so R's diagonal may be negative), and tau = 0 (H = I, R[k,k] = a_kk)
     * when the column below the diagonal is already zero.
     */
    static void householder(Vec v, double[] w, int o, int m, int n, double[] tau) {
        int kmax = Math.min(m, n);
        double[] work = new double[n];
        for (int k = 0; k < kmax; k++) {
            int rk = o + k * n;
            double alpha = w[rk + k], sigma = 0;
            for (int i = k + 1; i < m; i++) {
                double e = w[o + i * n + k];
                sigma += e * e;
            }
            if (sigma == 0) {
                tau[k] = 0;
                continue;
            }
            double norm = Math.hypot(alpha, Math.sqrt(sigma));
            double beta = alpha >= 0 ? -norm : norm;
            tau[k] = (beta - alpha) / beta;
            double scale = 1 / (alpha - beta);
            for (int i = k + 1; i < m; i++) w[o + i * n + k] *= scale;
            w[rk + k] = beta;
            reflect(v, w, o, n, k, m, tau[k], w, o, n, k + 1, n, work);
        }
    }

    /**
     * c[k:m, c0:c1] = H_k c[k:m, c0:c1], H_k = I - tau v v^T with v = [1; w[k+1:m, k]]:
     * work = v^T c (a row, accumulated by axpy over rows), then c_i -= tau v_i work.
     */
    static void reflect(Vec v, double[] w, int o, int n, int k, int m, double tau,
                        double[] c, int co, int ldc, int c0, int c1, double[] work) {
        int len = c1 - c0;
        if (tau == 0 || len <= 0) return;
        System.arraycopy(c, co + k * ldc + c0, work, 0, len);
        for (int i = k + 1; i < m; i++) v.axpy(w[o + i * n + k], c, co + i * ldc + c0, work, 0, len);
        v.axpy(-tau, work, 0, c, co + k * ldc + c0, len);
        for (int i = k + 1; i < m; i++) v.axpy(-tau * w[o + i * n + k], work, 0, c, co + i * ldc + c0, len);
    }

    /** c (m x cols) = Q^T c, Q = H_0 ... H_{kmax-1} from {@link #householder}. */
    static void applyQt(Vec v, double[] w, int o, int m, int n, double[] tau, double[] c, int co, int cols) {
        double[] work = new double[Math.max(1, cols)];
        for (int k = 0; k < Math.min(m, n); k++) reflect(v, w, o, n, k, m, tau[k], c, co, cols, 0, cols, work);
    }

    /** c (m x cols) = Q c. */
    static void applyQ(Vec v, double[] w, int o, int m, int n, double[] tau, double[] c, int co, int cols) {
        double[] work = new double[Math.max(1, cols)];
        for (int k = Math.min(m, n) - 1; k >= 0; k--) reflect(v, w, o, n, k, m, tau[k], c, co, cols, 0, cols, work);
    }
}
