//@class SpMM
package dev.weft.kernels.sparse;

import dev.weft.kernels.KernelImpl;

/**
 * Sparse times dense: y (m x n) = A x with A (m x k) in CSR (row pointers {@code rowPtr[0..m]}, column
 * indices and values of row i at positions rowPtr[i] .. rowPtr[i+1]-1, from offsets ciOff and vOff) and x
 * (k x n) dense row-major with row stride ldx; y is overwritten, row-major with row stride ldy. Entries are
 * summed in storage order (duplicates add up; an empty row gives zeros). Rows are split over the shared
 * pool by nonzeros ({@link RowSplit}), so the bits never depend on the thread count.
 * {@link SpMMSimdF32}/{@link SpMMSimdF64} (lanes along n) or the scalar references by {@link KernelImpl#current()};
 * both give the same bits. The CSR structure is checked first: an error names the kernel, the position and
 * the offending value, and y is left untouched.
 */
public final class SpMM {
    private SpMM() {}

    /** Checks sizes and the CSR structure; returns the number of nonzeros. */
    private static int check(int m, int k, int n, int[] rowPtr, int[] colIdx, int ciOff, int valuesLength, int vOff,
                             int xLength, int xOff, int ldx, int yLength, int yOff, int ldy) {
        String kn = "spmm";
        int nnz = CsrChecks.rowPtr(kn, "row", m, k, n, rowPtr);
        CsrChecks.columns(kn, nnz, colIdx, ciOff, k, "values", valuesLength, vOff);
        CsrChecks.dense(kn, "x", xLength, xOff, ldx, k, n);
        CsrChecks.dense(kn, "y", yLength, yOff, ldy, m, n);
        return nnz;
    }

    //@each F32 F64
    /**
     * ${D} y = A x (see the class comment). Modifies y only.
     *
     * @param m rows of the sparse matrix (number of segments for a segment reduction)
     * @param k columns of the sparse matrix (rows of x)
     * @param n number of dense columns
     * @param rowPtr CSR row pointers: row i holds entries rowPtr[i] .. rowPtr[i+1]
     * @param colIdx the CSR column indices
     * @param ciOff index of colIdx's first element
     * @param values the CSR values
     * @param vOff index of values' first element
     * @param x the dense input, row-major
     * @param xOff index of x's first element
     * @param ldx row stride of x (distance between its rows)
     * @param y the output, row-major (overwritten)
     * @param yOff index of y's first element
     * @param ldy row stride of y (distance between its rows)
     */
    public static void spmm(int m, int k, int n, int[] rowPtr, int[] colIdx, int ciOff, ${t}[] values, int vOff,
                            ${t}[] x, int xOff, int ldx, ${t}[] y, int yOff, int ldy) {
        int nnz = check(m, k, n, rowPtr, colIdx, ciOff, values.length, vOff, x.length, xOff, ldx, y.length, yOff, ldy);
        if (m == 0 || n == 0) return;
        boolean simd = KernelImpl.current() == KernelImpl.SIMD;
        RowSplit.run(m, rowPtr, (long) (nnz + m) * n, (i0, i1) -> {
            if (simd) SpMMSimd${D}.rows(i0, i1, n, rowPtr, colIdx, ciOff, values, vOff, x, xOff, ldx, y, yOff, ldy);
            else SpMMScalar${D}.rows(i0, i1, n, rowPtr, colIdx, ciOff, values, vOff, x, xOff, ldx, y, yOff, ldy);
        });
    }
    //@end
}
