package dev.weft.kernels.gemm;

import dev.weft.kernels.Parallel;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fast GEMM: packed, cache-blocked, Vector API micro-kernels, multi-threaded over blocks of C via
 * {@link Parallel}. Semantics as in {@link Gemm}.
 *
 * <p>Determinism: every C element is computed by exactly one thread, as one fma chain over k in a
 * fixed order (k slices that depend on k alone), followed by the same alpha/beta epilogue; so results
 * are bit-identical for any thread count and any split of the work (they may differ in the last bits
 * from {@link GemmScalar}, which sums in double).
 */
public final class GemmSimd {
    private GemmSimd() {}

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
        sgemmUnchecked(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, false);
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
        dgemmUnchecked(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, false);
    }

    /**
     * Strided batched F32 GEMM; see {@link Gemm#sgemmBatched}. Modifies c only.
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
        forBatch(m, n, k, batch, (t, serial) -> sgemmUnchecked(transA, transB, m, n, k, alpha, a, (int) (aOff + t * strideA), lda,
                b, (int) (bOff + t * strideB), ldb, beta, c, (int) (cOff + t * strideC), ldc, serial));
    }

    /**
     * Strided batched F64 GEMM; see {@link Gemm#dgemmBatched}. Modifies c only.
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
        forBatch(m, n, k, batch, (t, serial) -> dgemmUnchecked(transA, transB, m, n, k, alpha, a, (int) (aOff + t * strideA), lda,
                b, (int) (bOff + t * strideB), ldb, beta, c, (int) (cOff + t * strideC), ldc, serial));
    }

    /** One product of a batch: index t, run on the calling thread alone when serial. */
    @FunctionalInterface
    private interface BatchItem {
        void run(int t, boolean serial);
    }

    /**
     * Small products are claimed one at a time by the pool's threads (each runs serially inside); large
     * ones run one after another, each split over the threads. Either way the bits are the same.
     */
    private static void forBatch(int m, int n, int k, int batch, BatchItem one) {
        if (batch <= 0) return;
        boolean small = (long) m * n * k < 4 * SgemmBlocked.SMALL;
        if (batch > 1 && small && Parallel.threads() > 1) {
            AtomicInteger next = new AtomicInteger();
            Parallel.forEach(Math.min(batch, Parallel.threads()), w -> {
                for (int t; (t = next.getAndIncrement()) < batch; ) one.run(t, true);
            });
        } else {
            for (int t = 0; t < batch; t++) one.run(t, false);
        }
    }

    static void sgemmUnchecked(boolean transA, boolean transB, int m, int n, int k, float alpha,
                               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                               float beta, float[] c, int cOff, int ldc, boolean serial) {
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0) {
            scale(m, n, beta, c, cOff, ldc);
            return;
        }
        if (serial) SgemmBlocked.block(transA, transB, 0, m, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        else SgemmBlocked.run(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    static void dgemmUnchecked(boolean transA, boolean transB, int m, int n, int k, double alpha,
                               double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                               double beta, double[] c, int cOff, int ldc, boolean serial) {
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0) {
            scale(m, n, beta, c, cOff, ldc);
            return;
        }
        if (serial) DgemmBlocked.block(transA, transB, 0, m, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        else DgemmBlocked.run(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /** C = beta * C, with beta == 0 writing zeros (C's old NaN/Inf ignored). */
    static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        if (beta == 1f) return;
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (beta == 0) java.util.Arrays.fill(c, row, row + n, 0f);
            else for (int j = 0; j < n; j++) c[row + j] *= beta;
        }
    }

    static void scale(int m, int n, double beta, double[] c, int cOff, int ldc) {
        if (beta == 1) return;
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (beta == 0) java.util.Arrays.fill(c, row, row + n, 0.0);
            else for (int j = 0; j < n; j++) c[row + j] *= beta;
        }
    }
}
