package dev.weft.kernels.linalg;

/**
 * Triangular solves on row-major F64 matrices, in place on the right-hand sides. Row updates are
 * axpys over the nrhs columns; with one right-hand side they become dots over row prefixes/suffixes.
 * A zero diagonal is not checked (the result is then inf/NaN), as the usual triangular solvers do.
 */
final class Triangular {
    private Triangular() {}

    /**
     * left: A X = B with b (n x nrhs); right: X A = B with b (nrhs x n). A (n x n) upper or lower,
     * its other triangle ignored; unitDiagonal treats A's diagonal as ones (not read).
     */
    static void solve(Vec v, double[] a, int ao, int n, boolean upper, boolean left, boolean unit,
                      double[] b, int bo, int nrhs) {
        if (left) solveLeft(v, a, ao, n, upper, unit, b, bo, nrhs);
        else for (int r = 0; r < nrhs; r++) solveRightRow(v, a, ao, n, upper, unit, b, bo + r * n);
    }

    private static void solveLeft(Vec v, double[] a, int ao, int n, boolean upper, boolean unit, double[] b, int bo, int nrhs) {
        for (int s = 0; s < n; s++) {
            int i = upper ? n - 1 - s : s;
            int ri = ao + i * n, bi = bo + i * nrhs;
            int k0 = upper ? i + 1 : 0, k1 = upper ? n : i;
            if (nrhs == 1) {
                b[bi] -= v.dot(a, ri + k0, b, bo + k0, k1 - k0);
            } else {
                for (int k = k0; k < k1; k++) v.axpy(-a[ri + k], b, bo + k * nrhs, b, bi, nrhs);
            }
            if (!unit) {
                double d = a[ri + i];
                for (int t = 0; t < nrhs; t++) b[bi + t] /= d;
            }
        }
    }

    /** x A = b for one row b (length n) in place: columns in dependency order, then an axpy with row j of A. */
    private static void solveRightRow(Vec v, double[] a, int ao, int n, boolean upper, boolean unit, double[] b, int bo) {
        for (int s = 0; s < n; s++) {
            int j = upper ? s : n - 1 - s;
            int rj = ao + j * n;
            double xj = unit ? b[bo + j] : b[bo + j] / a[rj + j];
            b[bo + j] = xj;
            if (upper) v.axpy(-xj, a, rj + j + 1, b, bo + j + 1, n - j - 1);
            else v.axpy(-xj, a, rj, b, bo, j);
        }
    }

    /** Transpose of a (rows x cols) at ao into t (cols x rows) at 0. */
    static double[] transpose(double[] a, int ao, int rows, int cols) {
        double[] t = new double[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) t[j * rows + i] = a[ao + i * cols + j];
        return t;
    }
}
