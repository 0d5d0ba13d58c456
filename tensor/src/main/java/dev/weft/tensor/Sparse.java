package dev.weft.tensor;

import dev.weft.tensor.op.SparseOp;

/**
 * The sparse primitives over a CSR structure given as tensors (torch.sparse.mm, sampled products,
 * torch_scatter's segment_csr), and the products between {@link SparseTensor} and dense tensors. Differentiable
 * in the values and the dense operands (autograd's SparseGrads); rowPtr and col are I32 or I64, values and
 * dense operands one floating dtype.
 */
public final class Sparse {
    private Sparse() {}

    /**
     * y = A x for A (m, cols) in CSR (rowPtr (m + 1), col, values (nnz)), x (cols, n): y[i] = sum over the
     * nonzeros p of row i of values[p] * x[col[p]]. transposed, A's transpose structure
     * ({@link SparseStructure#transpose}) or null, is what the backward's A^T product uses instead of sorting again.
     *
     * @param rowPtr CSR row pointers: row i holds entries rowPtr[i] .. rowPtr[i+1]
     * @param col the column array
     * @param values the values
     * @param cols number of columns
     * @param x the input tensor
     * @param transposed the structure of A^T, for the backward (null: built when needed)
     * @return y (m, n)
     */
    public static Tensor spmm(Tensor rowPtr, Tensor col, Tensor values, int cols, Tensor x, SparseStructure.Transposed transposed) {
        SparseOp.Spmm op = new SparseOp.Spmm(cols);
        return transposed == null ? Dispatch.apply1(op, rowPtr, col, values, x)
                : Dispatch.apply1(op, rowPtr, col, values, x, transposed.rowPtr(), transposed.col(), transposed.perm());
    }

    /**
     * {@return the sampled dense-dense product on a CSR pattern (m, cols): out[p] = a[i] . b[col[p]] for each nonzero p
     * of row i, a (m, n), b (cols, n); out (nnz)} transposed as for {@link #spmm}.
     *
     * @param rowPtr CSR row pointers: row i holds entries rowPtr[i] .. rowPtr[i+1]
     * @param col the column array
     * @param cols number of columns
     * @param a the first operand
     * @param b the second operand
     * @param transposed the structure of A^T, for the backward (null: built when needed)
     */
    public static Tensor sddmm(Tensor rowPtr, Tensor col, int cols, Tensor a, Tensor b, SparseStructure.Transposed transposed) {
        SparseOp.Sddmm op = new SparseOp.Sddmm(cols);
        return transposed == null ? Dispatch.apply1(op, rowPtr, col, a, b)
                : Dispatch.apply1(op, rowPtr, col, a, b, transposed.rowPtr(), transposed.col(), transposed.perm());
    }

    /**
     * torch.sparse.mm(dense, sparse): x (n, rows) times A (rows, cols), as (A^T x^T)^T.
     *
     * @param x the input tensor
     * @param a the first operand
     * @return the dense product
     */
    public static Tensor mm(Tensor x, SparseTensor a) {
        if (x.dim() != 2 || x.size(1) != a.rows()) {
            throw new IllegalArgumentException("sparse.mm: dense " + dev.weft.tensor.core.Shape.format(x.shape()) + " @ sparse ("
                    + a.rows() + ", " + a.cols() + "): inner dims differ");
        }
        return a.t().matmul(x.t()).t();
    }

    /**
     * torch.sparse.mm(sparse, dense): A x (see {@link SparseTensor#matmul}).
     *
     * @param a the first operand
     * @param x the input tensor
     * @return the dense product
     */
    public static Tensor mm(SparseTensor a, Tensor x) {
        return a.matmul(x);
    }
}
