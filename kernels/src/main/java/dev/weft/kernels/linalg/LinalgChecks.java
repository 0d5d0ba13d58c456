package dev.weft.kernels.linalg;

/** Argument checks of the linalg kernels; messages name the kernel and every size. */
final class LinalgChecks {
    private LinalgChecks() {}

    static void square(String kernel, int n, String name, int len, int off) {
        if (n < 0) throw new IllegalArgumentException(kernel + ": n = " + n + " must be >= 0");
        rect(kernel, name, n, n, len, off);
    }

    static void rect(String kernel, String name, int rows, int cols, int len, int off) {
        if (rows < 0 || cols < 0)
            throw new IllegalArgumentException(kernel + ": " + name + " (" + rows + " x " + cols + ") needs sizes >= 0");
        long need = (long) rows * cols;
        if (off < 0 || off + need > len)
            throw new IllegalArgumentException(kernel + ": " + name + " (" + rows + " x " + cols + ") needs " + need
                    + " elements from offset " + off + ", the array has " + len);
    }

    static void vector(String kernel, String name, int n, int len, int off) {
        if (off < 0 || (long) off + n > len)
            throw new IllegalArgumentException(kernel + ": " + name + " needs " + n + " elements from offset " + off
                    + ", the array has " + len);
    }

    static void pivots(String kernel, int[] piv, int off, int n) {
        for (int k = 0; k < n; k++) {
            int p = piv[off + k];
            if (p < k || p >= n)
                throw new IllegalArgumentException(kernel + ": piv[" + k + "] = " + p + " must be in [" + k + ", " + n
                        + ") (0-based pivots from luFactor, n = " + n + ")");
        }
    }

    static void nonsingular(String kernel, int info) {
        if (info != 0)
            throw new ArithmeticException(kernel + ": the matrix is singular (U[k,k] == 0 at k=" + (info - 1) + ")");
    }
}
