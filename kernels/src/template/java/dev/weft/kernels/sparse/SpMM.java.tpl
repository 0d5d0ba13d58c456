//@class SpMM
package dev.weft.kernels.sparse;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;

/**
 * Sparse times dense: y (m x n) = A x with A (m x k) in CSR (row pointers {@code rowPtr[0..m]}, column
 * indices and values of row i at positions rowPtr[i] .. rowPtr[i+1]-1, from offsets ciOff and vOff) and x
 * (k x n) dense row-major with row stride ldx; y is overwritten, row-major with row stride ldy. Entries are
 * summed in storage order (duplicates add up; an empty row gives zeros). Rows are split over the shared
 * pool by nonzeros, not by row count (a power-law graph's hub row is one chunk's work, not a straggler's),
 * and each row is computed by one task in the same order, so the bits never depend on the thread count.
 * {@link SpMMSimdF32}/{@link SpMMSimdF64} (lanes along n) or the scalar references by {@link KernelImpl#current()};
 * both give the same bits. The CSR structure is checked first: an error names the kernel, the position and
 * the offending value, and y is left untouched.
 */
public final class SpMM {
    private SpMM() {}

    /** Work (multiply-adds) below which one thread does it all. */
    static final long GRAIN = 32 * 1024;

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

    /**
     * Row boundaries of up to {@code chunks} consecutive row ranges holding about equal nonzeros (a row is
     * never split); depends only on rowPtr and chunks.
     */
    static int[] chunks(int m, int[] rowPtr, int chunks) {
        int nnz = rowPtr[m];
        int[] b = new int[chunks + 1];
        b[chunks] = m;
        for (int c = 1; c < chunks; c++) {
            long want = (long) nnz * c / chunks;
            int lo = b[c - 1], hi = m;                             // first row i >= lo with rowPtr[i] >= want
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (rowPtr[mid] < want) lo = mid + 1;
                else hi = mid;
            }
            b[c] = lo;
        }
        return b;
    }

    //@each F32 F64
    /** ${D} y = A x (see the class comment). Modifies y only. */
    public static void spmm(int m, int k, int n, int[] rowPtr, int[] colIdx, int ciOff, ${t}[] values, int vOff,
                            ${t}[] x, int xOff, int ldx, ${t}[] y, int yOff, int ldy) {
        int nnz = check(m, k, n, rowPtr, colIdx, ciOff, values.length, vOff, x.length, xOff, ldx, y.length, yOff, ldy);
        if (m == 0 || n == 0) return;
        boolean simd = KernelImpl.current() == KernelImpl.SIMD;
        int threads = Parallel.threads();
        long work = (long) (nnz + m) * n;
        if (threads == 1 || work < GRAIN || m == 1) {
            if (simd) SpMMSimd${D}.rows(0, m, n, rowPtr, colIdx, ciOff, values, vOff, x, xOff, ldx, y, yOff, ldy);
            else SpMMScalar${D}.rows(0, m, n, rowPtr, colIdx, ciOff, values, vOff, x, xOff, ldx, y, yOff, ldy);
            return;
        }
        int[] b = chunks(m, rowPtr, Math.min(m, 4 * threads));
        Parallel.forEach(b.length - 1, c -> {
            if (simd) SpMMSimd${D}.rows(b[c], b[c + 1], n, rowPtr, colIdx, ciOff, values, vOff, x, xOff, ldx, y, yOff, ldy);
            else SpMMScalar${D}.rows(b[c], b[c + 1], n, rowPtr, colIdx, ciOff, values, vOff, x, xOff, ldx, y, yOff, ldy);
        });
    }
    //@end
}
