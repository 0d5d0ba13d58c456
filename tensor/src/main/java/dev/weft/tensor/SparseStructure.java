package dev.weft.tensor;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;

/**
 * The index bookkeeping of sparse tensors, done once on the host in O(nnz + rows) with stable counting
 * sorts: CSR row pointers from sorted rows, a CSR structure's transpose (its permutation of the values),
 * the (row, col) order of COO entries and their duplicate groups. Only index arrays pass through here; the
 * values are moved by differentiable tensor ops (index_select with the permutations) on their own device.
 * Every result is a function of the indices alone: same input, same output, whatever the thread count.
 */
public final class SparseStructure {
    private SparseStructure() {}

    /**
     * The transpose of a CSR structure (m, cols): rowPtr (cols + 1) and col (nnz, the original rows) of A^T,
     * and perm (nnz, I64) with A^T's values = values[perm]. Within a row of A^T the entries keep A's row
     * order (a stable sort), so the transpose of the transpose is the original structure.
     *
     * @param rowPtr CSR row pointers: row i holds entries rowPtr[i] .. rowPtr[i+1]
     * @param col the column array
     * @param perm the permutation
     */
    public record Transposed(Tensor rowPtr, Tensor col, Tensor perm) {}

    /** COO entries in (row, col) order: the permutation, then for coalescing the duplicate groups. */
    record Sorted(long[] perm, long[] groupPtr, long[] row, long[] col) {
        int groups() {
            return groupPtr.length - 1;
        }
    }

    /**
     * Entries grouped by key with a stable counting sort: perm lists the entry positions group by group (each
     * group in entry order), rowPtr (size + 1) the group boundaries in perm. Keys must be in [0, size) (callers
     * check, with their own op's message).
     *
     * @param perm the permutation
     * @param rowPtr CSR row pointers: row i holds entries rowPtr[i] .. rowPtr[i+1]
     */
    public record Groups(long[] perm, long[] rowPtr) {}

    /**
     * {@return the stable grouping of entries 0 .. key.length-1 by key (see {@link Groups})}
     *
     * @param key the Philox key (from the generator's seed)
     * @param size number of distinct keys (keys are in [0, size))
     */
    public static Groups group(long[] key, int size) {
        long[] ptr = new long[size + 1];
        for (long k : key) ptr[(int) k + 1]++;
        for (int i = 0; i < size; i++) ptr[i + 1] += ptr[i];
        long[] next = java.util.Arrays.copyOf(ptr, size), perm = new long[key.length];
        for (int p = 0; p < key.length; p++) perm[(int) next[(int) key[p]]++] = p;
        return new Groups(perm, ptr);
    }

    /**
     * {@return a^T's structure for A = (rowPtr, col) with cols columns, in rowPtr's index dtype and device}
     *
     * @param rowPtr CSR row pointers: row i holds entries rowPtr[i] .. rowPtr[i+1]
     * @param col the column array
     * @param cols number of columns
     */
    public static Transposed transpose(Tensor rowPtr, Tensor col, int cols) {
        long[] rp = rowPtr.toLongArray(), c = col.toLongArray();
        for (long j : c) {
            if (j < 0 || j >= cols) throw new IndexOutOfBoundsException("sparse transpose: column index " + j + " outside [0, " + cols + ")");
        }
        Groups byCol = group(c, cols);                  // entries are in row order, so each column keeps A's row order
        long[] row = rowIndex(rp), perm = byCol.perm(), colT = new long[perm.length], ptrT = byCol.rowPtr();
        for (int q = 0; q < perm.length; q++) colT[q] = row[(int) perm[q]];
        Device d = rowPtr.device();
        DType t = rowPtr.dtype();
        return new Transposed(index(ptrT, t, d), index(colT, t, d), index(perm, DType.I64, d));
    }

    /** CSR row pointers (rows + 1) of entries whose rows are sorted; an unsorted or out-of-range row is an error. */
    static long[] rowPtr(long[] sortedRow, int rows) {
        long[] ptr = new long[rows + 1];
        long prev = 0;
        for (int p = 0; p < sortedRow.length; p++) {
            long r = sortedRow[p];
            if (r < prev || r >= rows) {
                throw new IllegalArgumentException("sparse: row index " + r + " at entry " + p + (r < prev ? " is not sorted" : " outside [0, " + rows + ")"));
            }
            ptr[(int) r + 1]++;
            prev = r;
        }
        for (int i = 0; i < rows; i++) ptr[i + 1] += ptr[i];
        return ptr;
    }

    /** The row of every entry of a CSR structure: i repeated rowPtr[i+1] - rowPtr[i] times. */
    static long[] rowIndex(long[] rowPtr) {
        int m = rowPtr.length - 1;
        long[] row = new long[(int) rowPtr[m]];
        for (int i = 0; i < m; i++) java.util.Arrays.fill(row, (int) rowPtr[i], (int) rowPtr[i + 1], i);
        return row;
    }

    /**
     * The stable (row, col) order of COO entries (two counting sorts, by col then by row) and the groups of
     * equal (row, col) in that order, with their coordinates. Indices must already be in range.
     */
    static Sorted sort(long[] row, long[] col, int rows, int cols) {
        int nnz = row.length;
        long[] byCol = countingOrder(col, cols, identity(nnz));
        long[] perm = countingOrder(row, rows, byCol);
        int groups = 0;
        for (int q = 0; q < nnz; q++) {
            int p = (int) perm[q];
            if (q == 0 || row[p] != row[(int) perm[q - 1]] || col[p] != col[(int) perm[q - 1]]) groups++;
        }
        long[] groupPtr = new long[groups + 1], gRow = new long[groups], gCol = new long[groups];
        for (int q = 0, g = -1; q < nnz; q++) {
            int p = (int) perm[q];
            if (q == 0 || row[p] != row[(int) perm[q - 1]] || col[p] != col[(int) perm[q - 1]]) {
                g++;
                groupPtr[g] = q;
                gRow[g] = row[p];
                gCol[g] = col[p];
            }
        }
        groupPtr[groups] = nnz;
        return new Sorted(perm, groupPtr, gRow, gCol);
    }

    /** The entries of {@code order} stably reordered by key (keys in [0, range)). */
    private static long[] countingOrder(long[] key, int range, long[] order) {
        long[] start = new long[range + 1];
        for (long k : key) start[(int) k + 1]++;
        for (int i = 0; i < range; i++) start[i + 1] += start[i];
        long[] out = new long[order.length];
        for (long p : order) out[(int) start[(int) key[(int) p]]++] = p;
        return out;
    }

    private static long[] identity(int n) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    /** Checks every index is in [0, size); the error names the sparse op, the entry and the value. */
    static void inRange(String op, String what, long[] idx, long size) {
        for (int p = 0; p < idx.length; p++) {
            if (idx[p] < 0 || idx[p] >= size) {
                throw new IndexOutOfBoundsException(op + ": " + what + " index " + idx[p] + " at entry " + p + " is outside [0, " + size + ")");
            }
        }
    }

    /** A host index array as a tensor of dtype t (I32 or I64) on device d. */
    static Tensor index(long[] a, DType t, Device d) {
        Tensor x = Tensor.of(a);
        if (t != DType.I64) x = x.to(t);
        return d == Device.CPU ? x : x.to(d);
    }
}
