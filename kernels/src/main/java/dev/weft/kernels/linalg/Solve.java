package dev.weft.kernels.linalg;

/** Solves built on the factorizations: from LU, and least squares through Householder QR. */
final class Solve {
    private Solve() {}

    /** b (n x nrhs) = A^-1 b from LU factors: row swaps, then L (unit lower) and U solves. */
    static void lu(Vec v, double[] lu, int luOff, int[] piv, int pivOff, int n, double[] b, int bOff, int nrhs) {
        for (int k = 0; k < n; k++) {
            int p = piv[pivOff + k];
            if (p != k) Factor.swapRows(b, bOff, nrhs, k, p, nrhs);
        }
        Triangular.solve(v, lu, luOff, n, false, true, true, b, bOff, nrhs);
        Triangular.solve(v, lu, luOff, n, true, true, false, b, bOff, nrhs);
    }

    static void lstsq(Vec v, double[] a, int aOff, int m, int n, double[] b, int bOff, int nrhs, double[] x, int xOff) {
        if (m >= n) {
            double[] w = java.util.Arrays.copyOfRange(a, aOff, aOff + m * n);
            double[] tau = new double[n];
            Factor.householder(v, w, 0, m, n, tau);
            checkRank(w, n, m, n);
            double[] c = java.util.Arrays.copyOfRange(b, bOff, bOff + m * nrhs);
            Factor.applyQt(v, w, 0, m, n, tau, c, 0, nrhs);
            // x = R^-1 (Q^T b)[0:n]; R is the upper triangle of w's first n rows (leading dim n)
            Triangular.solve(v, w, 0, n, true, true, false, c, 0, nrhs);
            System.arraycopy(c, 0, x, xOff, n * nrhs);
        } else {
            // A^T = Q R (Q: n x m, R: m x m) => A = R^T Q^T; minimum norm x = Q R^-T b
            double[] w = Triangular.transpose(a, aOff, m, n);
            double[] tau = new double[m];
            Factor.householder(v, w, 0, n, m, tau);
            checkRank(w, m, m, n);
            double[] rt = new double[m * m];
            for (int i = 0; i < m; i++)
                for (int j = i; j < m; j++) rt[j * m + i] = w[i * m + j];
            double[] c = new double[n * nrhs];
            System.arraycopy(b, bOff, c, 0, m * nrhs);
            Triangular.solve(v, rt, 0, m, false, true, false, c, 0, nrhs);
            Factor.applyQ(v, w, 0, n, m, tau, c, 0, nrhs);
            System.arraycopy(c, 0, x, xOff, n * nrhs);
        }
    }

    /** R's diagonal (k entries, leading dim ld) against the rank tolerance. */
    private static void checkRank(double[] w, int k, int m, int n) {
        double max = 0;
        for (int i = 0; i < k; i++) max = Math.max(max, Math.abs(w[i * k + i]));
        double tol = max * Math.max(m, n) * Math.ulp(1.0);
        for (int i = 0; i < k; i++) {
            double d = Math.abs(w[i * k + i]);
            if (!(d > tol))
                throw new ArithmeticException("lstsq: A (" + m + " x " + n + ") is rank-deficient: |R[" + i + "," + i
                        + "]| = " + d + " <= " + tol + " (max|R[i,i]| * max(m, n) * 2^-52)");
        }
    }
}
