package dev.weft.kernels.gemm;

/**
 * The plain reference GEMM: a triple loop with k innermost, summing each C element in double
 * (F32 and F64 alike). Slow by design; it defines the result the SIMD version is tested against.
 * Semantics are those of {@link Gemm}: row-major, all four transposes, BLAS treatment of alpha/beta.
 */
public final class GemmScalar {
    private GemmScalar() {}

    /** C = alpha * op(A) @ op(B) + beta * C in F32; see {@link Gemm#sgemm}. Modifies c only. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        GemmChecks.check("sgemm", transA, transB, m, n, k, a.length, aOff, lda, 0, b.length, bOff, ldb, 0,
                c.length, cOff, ldc, 0, 1, false);
        sgemmUnchecked(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /** C = alpha * op(A) @ op(B) + beta * C in F64; see {@link Gemm#dgemm}. Modifies c only. */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                             double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                             double beta, double[] c, int cOff, int ldc) {
        GemmChecks.check("dgemm", transA, transB, m, n, k, a.length, aOff, lda, 0, b.length, bOff, ldb, 0,
                c.length, cOff, ldc, 0, 1, false);
        dgemmUnchecked(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /** For i in [0, batch): C_i = alpha * op(A_i) @ op(B_i) + beta * C_i; see {@link Gemm#sgemmBatched}. */
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

    /** For i in [0, batch): C_i = alpha * op(A_i) @ op(B_i) + beta * C_i; see {@link Gemm#dgemmBatched}. */
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
