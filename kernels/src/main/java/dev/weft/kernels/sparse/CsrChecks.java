package dev.weft.kernels.sparse;

import dev.weft.kernels.Bounds;

/** The argument checks the sparse kernels share; each error names the kernel, the position and the value. */
final class CsrChecks {
    private CsrChecks() {}

    /** Sizes >= 0 (k < 0 means "no k"), rowPtr of m + 1 entries from 0, nondecreasing; returns rowPtr[m]. */
    static int rowPtr(String kn, String what, int m, int k, int n, int[] rowPtr) {
        if (m < 0 || n < 0 || k < -1) {
            throw new IllegalArgumentException(kn + ": sizes m " + m + (k >= 0 ? ", k " + k : "") + ", n " + n + " must be >= 0");
        }
        if (rowPtr.length < m + 1) {
            throw new IllegalArgumentException(kn + ": rowPtr has " + rowPtr.length + " entries, (m + 1) = " + (m + 1) + " needed");
        }
        if (rowPtr[0] != 0) throw new IllegalArgumentException(kn + ": rowPtr[0] is " + rowPtr[0] + ", must be 0");
        for (int i = 0; i < m; i++) {
            if (rowPtr[i + 1] < rowPtr[i]) {
                throw new IllegalArgumentException(kn + ": rowPtr decreases at " + what + " " + i + ": " + rowPtr[i] + " then " + rowPtr[i + 1]);
            }
        }
        return rowPtr[m];
    }

    /** nnz column indices from ciOff, and nnz entries of the array called {@code other} from offset off, all in [0, k). */
    static void columns(String kn, int nnz, int[] colIdx, int ciOff, int k, String other, int otherLength, int off) {
        if (ciOff < 0 || off < 0 || (long) ciOff + nnz > colIdx.length || (long) off + nnz > otherLength) {
            throw new IndexOutOfBoundsException(kn + ": " + nnz + " nonzeros from colIdx offset " + ciOff + " (length " + colIdx.length
                    + ") and " + other + " offset " + off + " (length " + otherLength + ") run past an array");
        }
        for (int p = 0; p < nnz; p++) {
            int c = colIdx[ciOff + p];
            if (c < 0 || c >= k) {
                throw new IndexOutOfBoundsException(kn + ": column index " + c + " at nonzero " + p + " is outside [0, " + k + ")");
            }
        }
    }

    /** A (rows, cols) row-major block at off with row stride ld inside an array of this length. */
    static void dense(String kn, String operand, int length, int off, int ld, int rows, int cols) {
        Bounds.block(kn, operand, length, off, ld, rows, cols);
    }
}
