package dev.weft.kernels.gemm;

/**
 * The plain reference GEMM: a triple loop with k innermost, summing each C element in double
 * (F32 and F64 alike). Slow by design; it defines the result the SIMD version is tested against.
 * Semantics are those of {@link Gemm}: row-major, all four transposes, BLAS treatment of alpha/beta.
 */
public final class GemmScalar {
    private GemmScalar() {}

    /**
     * C = alpha * op(A) @ op(B) + beta * C in F32; see {@link Gemm#sgemm}. Modifies c only.
     *
     * @param transA use A^T (op(A) = A^T) instead of A
     * @param transB use B^T (op(B) = B^T) instead of B
     * @param m rows of op(A) and of C
     * @param n columns of op(B) and of C
     * @param k inner dimension: columns of op(A), rows of op(B)
     * @param alpha scale of op(A) @ op(B)
     * @param a A, row-major
     * @param aOff index of A's first element
     * @param lda leading dimension of A (distance between its rows)
     * @param b B, row-major
     * @param bOff index of B's first element
     * @param ldb leading dimension of B (distance between its rows)
     * @param beta scale of the old C (0 ignores it, NaN included)
     * @param c C, row-major (read when beta != 0, written)
     * @param cOff index of C's first element
     * @param ldc leading dimension of C (distance between its rows)
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        GemmChecks.check("sgemm", transA, transB, m, n, k, a.length, aOff, lda, 0, b.length, bOff, ldb, 0,
                c.length, cOff, ldc, 0, 1, false);
        sgemmUnchecked(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /**
     * C = alpha * op(A) @ op(B) + beta * C in F64; see {@link Gemm#dgemm}. Modifies c only.
     *
     * @param transA use A^T (op(A) = A^T) instead of A
     * @param transB use B^T (op(B) = B^T) instead of B
     * @param m rows of op(A) and of C
     * @param n columns of op(B) and of C
     * @param k inner dimension: columns of op(A), rows of op(B)
     * @param alpha scale of op(A) @ op(B)
     * @param a A, row-major
     * @param aOff index of A's first element
     * @param lda leading dimension of A (distance between its rows)
     * @param b B, row-major
     * @param bOff index of B's first element
     * @param ldb leading dimension of B (distance between its rows)
     * @param beta scale of the old C (0 ignores it, NaN included)
     * @param c C, row-major (read when beta != 0, written)
     * @param cOff index of C's first element
     * @param ldc leading dimension of C (distance between its rows)
     */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                             double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                             double beta, double[] c, int cOff, int ldc) {
        GemmChecks.check("dgemm", transA, transB, m, n, k, a.length, aOff, lda, 0, b.length, bOff, ldb, 0,
                c.length, cOff, ldc, 0, 1, false);
        dgemmUnchecked(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /**
     * For i in [0, batch): C_i = alpha * op(A_i) @ op(B_i) + beta * C_i; see {@link Gemm#sgemmBatched}.
     *
     * @param transA use A^T (op(A) = A^T) instead of A
     * @param transB use B^T (op(B) = B^T) instead of B
     * @param m rows of op(A) and of C
     * @param n columns of op(B) and of C
     * @param k inner dimension: columns of op(A), rows of op(B)
     * @param alpha scale of op(A) @ op(B)
     * @param a A, row-major
     * @param aOff index of A's first element
     * @param lda leading dimension of A (distance between its rows)
     * @param strideA distance between consecutive A matrices (0 shares one A)
     * @param b B, row-major
     * @param bOff index of B's first element
     * @param ldb leading dimension of B (distance between its rows)
     * @param strideB distance between consecutive B matrices (0 shares one B)
     * @param beta scale of the old C (0 ignores it, NaN included)
     * @param c C, row-major (read when beta != 0, written)
     * @param cOff index of C's first element
     * @param ldc leading dimension of C (distance between its rows)
     * @param strideC distance between consecutive C matrices
     * @param batch number of matrices in the batch
     */
    public static void sgemmBatched(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                    float[] a, int aOff, int lda, long strideA, float[] b, int bOff, int ldb, long strideB,
                                    float beta, float[] c, int cOff, int ldc, long strideC, int batch) {
        GemmChecks.check("sgemmBatched", transA, transB, m, n, k, a.length, aOff, lda, strideA, b.length, bOff, ldb, strideB,
                c.length, cOff, ldc, strideC, batch, true);
        for (int t = 0; t < batch; t++) {
            sgemmUnchecked(transA, transB, m, n, k, alpha, a, (int) (aOff + t * strideA), lda,
                    b, (int) (bOff + t * strideB), ldb, beta, c, (int) (cOff + t * strideC), ldc);
        }
    }

    /**
     * For i in [0, batch): C_i = alpha * op(A_i) @ op(B_i) + beta * C_i; see {@link Gemm#dgemmBatched}.
     *
     * @param transA use A^T (op(A) = A^T) instead of A
     * @param transB use B^T (op(B) = B^T) instead of B
     * @param m rows of op(A) and of C
     * @param n columns of op(B) and of C
     * @param k inner dimension: columns of op(A), rows of op(B)
     * @param alpha scale of op(A) @ op(B)
     * @param a A, row-major
     * @param aOff index of A's first element
     * @param lda leading dimension of A (distance between its rows)
     * @param strideA distance between consecutive A matrices (0 shares one A)
     * @param b B, row-major
     * @param bOff index of B's first element
     * @param ldb leading dimension of B (distance between its rows)
     * @param strideB distance between consecutive B matrices (0 shares one B)
     * @param beta scale of the old C (0 ignores it, NaN included)
     * @param c C, row-major (read when beta != 0, written)
     * @param cOff index of C's first element
     * @param ldc leading dimension of C (distance between its rows)
     * @param strideC distance between consecutive C matrices
     * @param batch number of matrices in the batch
     */
    public static void dgemmBatched(boolean transA, boolean transB, int m, int n, int k, double alpha,
                                    double[] a, int aOff, int lda, long strideA, double[] b, int bOff, int ldb, long strideB,
                                    double beta, double[] c, int cOff, int ldc, long strideC, int batch) {
        GemmChecks.check("dgemmBatched", transA, transB, m, n, k, a.length, aOff, lda, strideA, b.length, bOff, ldb, strideB,
                c.length, cOff, ldc, strideC, batch, true);
        for (int t = 0; t < batch; t++) {
            dgemmUnchecked(transA, transB, m, n, k, alpha, a, (int) (aOff + t * strideA), lda,
                    b, (int) (bOff + t * strideB), ldb, beta, c, (int) (cOff + t * strideC), ldc);
        }
    }

    static void sgemmUnchecked(boolean transA, boolean transB, int m, int n, int k, float alpha,
                               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                               float beta, float[] c, int cOff, int ldc) {
        // A(i, p) = a[aOff + i*ars + p*acs]; B(p, j) = b[bOff + p*brs + j*bcs]
        int ars = transA ? 1 : lda, acs = transA ? lda : 1;
        int brs = transB ? 1 : ldb, bcs = transB ? ldb : 1;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                if (alpha != 0) {
                    for (int p = 0; p < k; p++) {
                        sum += (double) a[aOff + i * ars + p * acs] * b[bOff + p * brs + j * bcs];
                    }
                }
                int ci = cOff + i * ldc + j;
                double old = beta == 0 ? 0 : beta * (double) c[ci];
                c[ci] = (float) (alpha * sum + old);
            }
        }
    }

    static void dgemmUnchecked(boolean transA, boolean transB, int m, int n, int k, double alpha,
                               double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                               double beta, double[] c, int cOff, int ldc) {
        int ars = transA ? 1 : lda, acs = transA ? lda : 1;
        int brs = transB ? 1 : ldb, bcs = transB ? ldb : 1;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                if (alpha != 0) {
                    for (int p = 0; p < k; p++) {
                        sum += a[aOff + i * ars + p * acs] * b[bOff + p * brs + j * bcs];
                    }
                }
                int ci = cOff + i * ldc + j;
                double old = beta == 0 ? 0 : beta * c[ci];
                c[ci] = alpha * sum + old;
            }
        }
    }
}
