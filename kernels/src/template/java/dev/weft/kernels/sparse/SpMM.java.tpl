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
        if (m < 0 || k < 0 || n < 0) throw new IllegalArgumentException(kn + ": sizes m " + m + ", k " + k + ", n " + n + " must be >= 0");
        if (rowPtr.length < m + 1) {
            throw new IllegalArgumentException(kn + ": rowPtr has " + rowPtr.length + " entries, (m + 1) = " + (m + 1) + " needed");
        }
        if (rowPtr[0] != 0) throw new IllegalArgumentException(kn + ": rowPtr[0] is " + rowPtr[0] + ", must be 0");
        for (int i = 0; i < m; i++) {
            if (rowPtr[i + 1] < rowPtr[i]) {
                throw new IllegalArgumentException(kn + ": rowPtr decreases at row " + i + ": " + rowPtr[i] + " then " + rowPtr[i + 1]);
            }
        }
        int nnz = rowPtr[m];
        if (ciOff < 0 || vOff < 0 || (long) ciOff + nnz > colIdx.length || (long) vOff + nnz > valuesLength) {
            throw new IndexOutOfBoundsException(kn + ": " + nnz + " nonzeros from colIdx offset " + ciOff + " (length " + colIdx.length
                    + ") and values offset " + vOff + " (length " + valuesLength + ") run past an array");
        }
        for (int p = 0; p < nnz; p++) {
            int c = colIdx[ciOff + p];
            if (c < 0 || c >= k) {
                throw new IndexOutOfBoundsException(kn + ": column index " + c + " at nonzero " + p + " is outside [0, " + k + ")");
            }
        }
        dense(kn, "x", xLength, xOff, ldx, k, n);
        dense(kn, "y", yLength, yOff, ldy, m, n);
        return nnz;
    }

    private static void dense(String kn, String operand, int length, int off, int ld, int rows, int cols) {
        if (rows == 0 || cols == 0) return;
        long last = off + (long) (rows - 1) * ld + cols - 1;
        if (off < 0 || (rows > 1 && ld < cols) || last >= length) {
            throw new IndexOutOfBoundsException(kn + ": operand " + operand + " (length " + length + ") as (" + rows + ", " + cols
                    + ") from offset " + off + " with row stride " + ld + " addresses up to index " + last);
        }
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
