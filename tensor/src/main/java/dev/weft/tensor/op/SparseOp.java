package dev.weft.tensor.op;

/**
 * The sparse primitives: products of a CSR matrix with dense operands and reductions over CSR segments
 * (torch.sparse.mm, torch.sparse.sampled_addmm, torch_scatter's segment_csr). A CSR matrix is three dense
 * tensors, never an opaque object, so autograd differentiates its values like any tensor and a backend
 * implements the same handful of kernels: row pointers rowPtr (m + 1) from 0, nondecreasing; column
 * indices col (nnz) in [0, cols); values (nnz), floating. rowPtr and col are one index dtype, I32 or I64.
 * Index values are checked by the backend (only it reads data): an error names the op, the position and
 * the value, and no output is written. Everything else (coalesce, transpose, conversions, softmax, std,
 * scatter over an unsorted index) is composed from these and the dense ops in dev.weft.tensor.Sparse.
 */
public sealed interface SparseOp extends Op {

    /** The segment reductions, torch_scatter's names. */
    enum Reduce {
        /** The sum of each segment (0 when empty). */
        SUM,
        /** The mean of each segment (0 when empty). */
        MEAN,
        /** The maximum of each segment, with its row. */
        MAX,
        /** The minimum of each segment, with its row. */
        MIN;

        /**
         * "sum", "mean", "max", "min".
         *
         * @return the reduction's name
         */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** {@return true for max and min, which also give the row each value came from} */
        public boolean hasArg() {
            return this == MAX || this == MIN;
        }
    }

    /**
     * y = A x with A (m, cols) in CSR and x (cols, n) dense: y[i] = sum over p in row i of values[p] *
     * x[col[p]], summed in storage order (duplicates add up, an empty row gives zeros). Inputs: rowPtr, col,
     * values, x, and optionally the transpose's structure (rowPtrT (cols + 1), colT (nnz), perm (nnz) I64 with
     * A^T's values = values[perm]) that the backward uses instead of sorting again. Output: y (m, n).
     *
     * @param cols number of columns
     */
    record Spmm(int cols) implements SparseOp {
        public String name() {
            return "spmm";
        }
    }

    /**
     * The sampled dense-dense product: out[p] = a[i] . b[col[p]] for every nonzero p = (i, col[p]) of a CSR
     * pattern (m, cols). Inputs: rowPtr, col, a (m, n), b (cols, n), optionally the transpose's structure as
     * for {@link Spmm}. Output: out (nnz).
     *
     * @param cols number of columns
     */
    record Sddmm(int cols) implements SparseOp {
        public String name() {
            return "sddmm";
        }
    }

    /**
     * Reduction over sorted segments: y[i] = reduce of x[rowPtr[i] .. rowPtr[i+1]-1] along dim 0, per trailing
     * element; rowPtr[m] must equal x.size(0). Inputs: rowPtr (m + 1), x (total, ...) floating. Outputs: y
     * (m, ...) (an empty segment gives 0), and for max and min arg (m, ...) I64, the row each value came from
     * (the first on ties, a NaN wins; total for an empty segment).
     *
     * @param reduce the reduction: "sum", "prod", "mean", "amax" or "amin"
     */
    record Segment(Reduce reduce) implements SparseOp {
        public String name() {
            return "segment_" + reduce.label();
        }
    }
}
