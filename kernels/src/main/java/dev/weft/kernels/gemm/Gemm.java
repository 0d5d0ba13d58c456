package dev.weft.kernels.gemm;

import dev.weft.kernels.KernelImpl;

/**
 * GEMM facade: C = alpha * op(A) @ op(B) + beta * C over row-major float[]/double[] with offsets and
 * leading dimensions. Picks {@link GemmSimd} or {@link GemmScalar} by {@link KernelImpl#current()}.
 *
 * <p>Shapes: op(A) is (m x k), op(B) is (k x n), C is (m x n). A as stored is (m x k) with row stride
 * lda, or (k x m) with row stride lda when transA; B likewise ((k x n), or (n x k) when transB).
 * beta == 0 overwrites C (NaN/Inf already in C are ignored) and alpha == 0 reads neither A nor B, as in
 * BLAS. Sizes, offsets, strides and array extents are validated; errors name the routine and every size.
 * Results are bit-identical for any thread count (see {@link GemmSimd}).
 */
public final class Gemm {
    private Gemm() {}

    /** C = alpha * op(A) @ op(B) + beta * C in F32. Modifies c only. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        if (KernelImpl.current() == KernelImpl.SCALAR) {
            GemmScalar.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else {
            GemmSimd.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    /** C = alpha * op(A) @ op(B) + beta * C in F64. Modifies c only. */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                             double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                             double beta, double[] c, int cOff, int ldc) {
        if (KernelImpl.current() == KernelImpl.SCALAR) {
            GemmScalar.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else {
            GemmSimd.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    /**
     * Strided batched F32 GEMM: for i in [0, batch), C_i = alpha * op(A_i) @ op(B_i) + beta * C_i with
     * A_i at aOff + i*strideA, B_i at bOff + i*strideB, C_i at cOff + i*strideC. Stride 0 shares an
     * operand (A or B only; the C matrices must not overlap). Modifies c only.
     */
    public static void sgemmBatched(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                    float[] a, int aOff, int lda, long strideA, float[] b, int bOff, int ldb, long strideB,
                                    float beta, float[] c, int cOff, int ldc, long strideC, int batch) {
        if (KernelImpl.current() == KernelImpl.SCALAR) {
            GemmScalar.sgemmBatched(transA, transB, m, n, k, alpha, a, aOff, lda, strideA, b, bOff, ldb, strideB,
                    beta, c, cOff, ldc, strideC, batch);
        } else {
            GemmSimd.sgemmBatched(transA, transB, m, n, k, alpha, a, aOff, lda, strideA, b, bOff, ldb, strideB,
                    beta, c, cOff, ldc, strideC, batch);
        }
    }

    /** Strided batched F64 GEMM; see {@link #sgemmBatched}. Modifies c only. */
    public static void dgemmBatched(boolean transA, boolean transB, int m, int n, int k, double alpha,
                                    double[] a, int aOff, int lda, long strideA, double[] b, int bOff, int ldb, long strideB,
                                    double beta, double[] c, int cOff, int ldc, long strideC, int batch) {
        if (KernelImpl.current() == KernelImpl.SCALAR) {
            GemmScalar.dgemmBatched(transA, transB, m, n, k, alpha, a, aOff, lda, strideA, b, bOff, ldb, strideB,
                    beta, c, cOff, ldc, strideC, batch);
        } else {
            GemmSimd.dgemmBatched(transA, transB, m, n, k, alpha, a, aOff, lda, strideA, b, bOff, ldb, strideB,
                    beta, c, cOff, ldc, strideC, batch);
        }
    }
}
