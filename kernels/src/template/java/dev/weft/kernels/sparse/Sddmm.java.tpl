//@class Sddmm
package dev.weft.kernels.sparse;

import dev.weft.kernels.KernelImpl;

/**
 * Sampled dense-dense product: for each nonzero p = (i, colIdx[p]) of a CSR pattern (m rows), out[p] =
 * a[i, :] . b[colIdx[p], :], a (m x n) and b (k x n) row-major with row strides lda, ldb (the gradient of a
 * sparse times dense product with respect to the sparse values, and attention scores on a graph's edges).
 * Rows split over the shared pool by nonzeros ({@link RowSplit}), each nonzero on one task, so the bits
 * never depend on the thread count; the SIMD twin sums each dot product in lane order, so its bits depend on
 * the vector width and differ from the scalar reference's by rounding. The pattern is checked first.
 */
public final class Sddmm {
    private Sddmm() {}

    private static int check(int m, int k, int n, int[] rowPtr, int[] colIdx, int ciOff, int aLength, int aOff, int lda, int bLength,
                             int bOff, int ldb, int outLength, int outOff) {
        String kn = "sddmm";
        int nnz = CsrChecks.rowPtr(kn, "row", m, k, n, rowPtr);
        CsrChecks.columns(kn, nnz, colIdx, ciOff, k, "out", outLength, outOff);
        CsrChecks.dense(kn, "a", aLength, aOff, lda, m, n);
        CsrChecks.dense(kn, "b", bLength, bOff, ldb, k, n);
        return nnz;
    }

    //@each F32 F64
    /**
     * ${D} out[p] = a[i, :] . b[colIdx[p], :] for every nonzero (see the class comment). Modifies out only.
     *
     * @param m rows of the sparse matrix (number of segments for a segment reduction)
     * @param k columns of the sparse matrix (rows of x)
     * @param n number of dense columns
     * @param rowPtr CSR row pointers: row i holds entries rowPtr[i] .. rowPtr[i+1]
     * @param colIdx the CSR column indices
     * @param ciOff index of colIdx's first element
     * @param a the dense a (m x n), row-major
     * @param aOff index of a's first element
     * @param lda leading dimension of A (distance between its rows)
     * @param b the dense b (k x n), row-major
     * @param bOff index of b's first element
     * @param ldb leading dimension of B (distance between its rows)
     * @param out one value per nonzero (written)
     * @param outOff index of out's first element
     */
    public static void sddmm(int m, int k, int n, int[] rowPtr, int[] colIdx, int ciOff, ${t}[] a, int aOff, int lda, ${t}[] b, int bOff,
                             int ldb, ${t}[] out, int outOff) {
        int nnz = check(m, k, n, rowPtr, colIdx, ciOff, a.length, aOff, lda, b.length, bOff, ldb, out.length, outOff);
        if (nnz == 0) return;
        boolean simd = KernelImpl.current() == KernelImpl.SIMD;
        RowSplit.run(m, rowPtr, (long) nnz * (n + 1), (i0, i1) -> {
            if (simd) SddmmSimd${D}.rows(i0, i1, n, rowPtr, colIdx, ciOff, a, aOff, lda, b, bOff, ldb, out, outOff);
            else SddmmScalar${D}.rows(i0, i1, n, rowPtr, colIdx, ciOff, a, aOff, lda, b, bOff, ldb, out, outOff);
        });
    }
    //@end
}
