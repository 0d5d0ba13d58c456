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

    /**
     * C = alpha * op(A) @ op(B) + beta * C in F32. Modifies c only.
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
        if (KernelImpl.current() == KernelImpl.SCALAR) {
            GemmScalar.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else {
            GemmSimd.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    /**
     * C = alpha * op(A) @ op(B) + beta * C in F64. Modifies c only.
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
        if (KernelImpl.current() == KernelImpl.SCALAR) {
            GemmScalar.sgemmBatched(transA, transB, m, n, k, alpha, a, aOff, lda, strideA, b, bOff, ldb, strideB,
                    beta, c, cOff, ldc, strideC, batch);
        } else {
            GemmSimd.sgemmBatched(transA, transB, m, n, k, alpha, a, aOff, lda, strideA, b, bOff, ldb, strideB,
                    beta, c, cOff, ldc, strideC, batch);
        }
    }

    /**
     * Strided batched F64 GEMM; see {@link #sgemmBatched}. Modifies c only.
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
        if (KernelImpl.current() == KernelImpl.SCALAR) {
            GemmScalar.dgemmBatched(transA, transB, m, n, k, alpha, a, aOff, lda, strideA, b, bOff, ldb, strideB,
                    beta, c, cOff, ldc, strideC, batch);
        } else {
            GemmSimd.dgemmBatched(transA, transB, m, n, k, alpha, a, aOff, lda, strideA, b, bOff, ldb, strideB,
                    beta, c, cOff, ldc, strideC, batch);
        }
    }

    /**
     * op(B) (k x n) in F32 packed for {@link #sgemm(boolean, int, float, float[], int, int, PackedB, float, float[], int, int)}.
     *
     * @param transB use B^T (op(B) = B^T) instead of B
     * @param k inner dimension: columns of op(A), rows of op(B)
     * @param n columns of op(B) and of C
     * @param b B, row-major
     * @param bOff index of B's first element
     * @param ldb leading dimension of B (distance between its rows)
     * @return the packed op(B)
     */
    public static PackedB packB(boolean transB, int k, int n, float[] b, int bOff, int ldb) {
        GemmChecks.check("packB", false, transB, 1, n, k, k, 0, Math.max(1, k), 0, b.length, bOff, ldb, 0, n, 0, Math.max(1, n), 0, 1, false);
        if (KernelImpl.current() == KernelImpl.SCALAR || k == 0 || n == 0) return new PackedB(plain(transB, k, n, b, bOff, ldb), k, n, false);
        return new PackedB(SgemmBlocked.packAll(transB, k, n, b, bOff, ldb), k, n, true);
    }

    /**
     * op(B) (k x n) in F64 packed for {@link #dgemm(boolean, int, double, double[], int, int, PackedB, double, double[], int, int)}.
     *
     * @param transB use B^T (op(B) = B^T) instead of B
     * @param k inner dimension: columns of op(A), rows of op(B)
     * @param n columns of op(B) and of C
     * @param b B, row-major
     * @param bOff index of B's first element
     * @param ldb leading dimension of B (distance between its rows)
     * @return the packed op(B)
     */
    public static PackedB packB(boolean transB, int k, int n, double[] b, int bOff, int ldb) {
        GemmChecks.check("packB", false, transB, 1, n, k, k, 0, Math.max(1, k), 0, b.length, bOff, ldb, 0, n, 0, Math.max(1, n), 0, 1, false);
        if (KernelImpl.current() == KernelImpl.SCALAR || k == 0 || n == 0) return new PackedB(plain(transB, k, n, b, bOff, ldb), k, n, false);
        return new PackedB(DgemmBlocked.packAll(transB, k, n, b, bOff, ldb), k, n, true);
    }

    /**
     * C = alpha * op(A) @ B + beta * C in F32, B packed by {@link #packB}; the bits of the unpacked product. Modifies c only.
     *
     * @param transA use A^T (op(A) = A^T) instead of A
     * @param m rows of op(A) and of C
     * @param alpha scale of op(A) @ op(B)
     * @param a A, row-major
     * @param aOff index of A's first element
     * @param lda leading dimension of A (distance between its rows)
     * @param b B, row-major
     * @param beta scale of the old C (0 ignores it, NaN included)
     * @param c C, row-major (read when beta != 0, written)
     * @param cOff index of C's first element
     * @param ldc leading dimension of C (distance between its rows)
     */
    public static void sgemm(boolean transA, int m, float alpha, float[] a, int aOff, int lda, PackedB b,
                             float beta, float[] c, int cOff, int ldc) {
        if (!(b.data instanceof float[] bp)) throw new IllegalArgumentException("sgemm: B was packed from F64 data");
        int n = b.n, k = b.k;
        GemmChecks.check("sgemm", transA, false, m, n, k, a.length, aOff, lda, 0, k * n, 0, Math.max(1, n), 0, c.length, cOff, ldc, 0, 1, false);
        if (!b.simd) {
            GemmScalar.sgemm(transA, false, m, n, k, alpha, a, aOff, lda, bp, 0, Math.max(1, n), beta, c, cOff, ldc);
        } else if (m > 0 && alpha != 0) {
            SgemmBlocked.runPacked(transA, m, n, k, alpha, a, aOff, lda, bp, beta, c, cOff, ldc);
        } else {
            GemmSimd.scale(m, n, beta, c, cOff, ldc);
        }
    }

    /**
     * C = alpha * op(A) @ B + beta * C in F64, B packed by {@link #packB}; the bits of the unpacked product. Modifies c only.
     *
     * @param transA use A^T (op(A) = A^T) instead of A
     * @param m rows of op(A) and of C
     * @param alpha scale of op(A) @ op(B)
     * @param a A, row-major
     * @param aOff index of A's first element
     * @param lda leading dimension of A (distance between its rows)
     * @param b B, row-major
     * @param beta scale of the old C (0 ignores it, NaN included)
     * @param c C, row-major (read when beta != 0, written)
     * @param cOff index of C's first element
     * @param ldc leading dimension of C (distance between its rows)
     */
    public static void dgemm(boolean transA, int m, double alpha, double[] a, int aOff, int lda, PackedB b,
                             double beta, double[] c, int cOff, int ldc) {
        if (!(b.data instanceof double[] bp)) throw new IllegalArgumentException("dgemm: B was packed from F32 data");
        int n = b.n, k = b.k;
        GemmChecks.check("dgemm", transA, false, m, n, k, a.length, aOff, lda, 0, k * n, 0, Math.max(1, n), 0, c.length, cOff, ldc, 0, 1, false);
        if (!b.simd) {
            GemmScalar.dgemm(transA, false, m, n, k, alpha, a, aOff, lda, bp, 0, Math.max(1, n), beta, c, cOff, ldc);
        } else if (m > 0 && alpha != 0) {
            DgemmBlocked.runPacked(transA, m, n, k, alpha, a, aOff, lda, bp, beta, c, cOff, ldc);
        } else {
            GemmSimd.scale(m, n, beta, c, cOff, ldc);
        }
    }

    /** op(B) as a row-major (k x n) copy. */
    private static float[] plain(boolean transB, int k, int n, float[] b, int bOff, int ldb) {
        float[] p = new float[k * n];
        for (int i = 0; i < k; i++) for (int j = 0; j < n; j++) p[i * n + j] = transB ? b[bOff + j * ldb + i] : b[bOff + i * ldb + j];
        return p;
    }

    private static double[] plain(boolean transB, int k, int n, double[] b, int bOff, int ldb) {
        double[] p = new double[k * n];
        for (int i = 0; i < k; i++) for (int j = 0; j < n; j++) p[i * n + j] = transB ? b[bOff + j * ldb + i] : b[bOff + i * ldb + j];
        return p;
    }
}
