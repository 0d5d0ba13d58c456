package dev.weft.tensor;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import dev.weft.tensor.core.Shape;
import java.util.Arrays;

/**
 * A sparse matrix (rows, cols) in COO or CSR layout, PyTorch's torch.sparse_coo_tensor / sparse_csr_tensor: index
 * tensors (I32 or I64) and a dense values tensor (nnz, *dense) of floating dtype. Immutable; every op returns a
 * new one. Autograd sees only the values (they may require grad, and gradients flow through every op here into
 * them and into dense operands); the indices are bookkeeping ({@link SparseStructure}, on the host). CSC is the
 * CSR of the transpose ({@link #t()}).
 *
 * <p>COO keeps the entries as given (possibly unsorted, with duplicates that add up) until {@link #coalesce()};
 * CSR holds row pointers (rows + 1) and each row's column indices and values, duplicates allowed (they add in
 * products). Products with dense tensors run the sparse kernels; the CSR form caches its transpose's structure,
 * so a backward through A x costs one more product, not a sort.
 */
public final class SparseTensor {
    /** The storage layouts (torch.sparse_coo, torch.sparse_csr). */
    public enum Layout {
        /** Coordinate list: a (row, col) pair per stored entry. */
        COO,
        /** Compressed sparse rows: row pointers and a column per stored entry. */
        CSR
    }

    private final Layout layout;
    private final int rows, cols;
    private final Tensor rowIndex;      // COO: row (nnz); CSR: crow (rows + 1)
    private final Tensor col;           // (nnz)
    private final Tensor values;        // (nnz, *dense)
    private final boolean coalesced;
    private volatile SparseStructure.Transposed transposed;

    private SparseTensor(Layout layout, int rows, int cols, Tensor rowIndex, Tensor col, Tensor values, boolean coalesced,
                         SparseStructure.Transposed transposed) {
        this.layout = layout;
        this.rows = rows;
        this.cols = cols;
        this.rowIndex = rowIndex;
        this.col = col;
        this.values = values;
        this.coalesced = coalesced;
        this.transposed = transposed;
    }

    // ---- construction --------------------------------------------------------------------------------------

    /**
     * torch.sparse_coo_tensor(indices, values, (rows, cols)): indices (2, nnz) I32/I64, values (nnz, ...) floating.
     *
     * @param indices the indices
     * @param values the values
     * @param rows number of rows
     * @param cols number of columns
     * @return the COO matrix
     */
    public static SparseTensor coo(Tensor indices, Tensor values, int rows, int cols) {
        if (indices.dim() != 2 || indices.size(0) != 2) {
            throw new IllegalArgumentException("sparse_coo_tensor: indices must be (2, nnz), got " + Shape.format(indices.shape()));
        }
        return coo(indices.select(0, 0), indices.select(0, 1), values, rows, cols);
    }

    /**
     * {@return a COO matrix from separate row and col index tensors (nnz) each}
     *
     * @param row the row index of each nonzero (nnz)
     * @param col the column array
     * @param values the values
     * @param rows number of rows
     * @param cols number of columns
     */
    public static SparseTensor coo(Tensor row, Tensor col, Tensor values, int rows, int cols) {
        String op = "sparse_coo_tensor";
        checkIndexAndValues(op, row, col, values, rows, cols);
        if (row.dim() != 1 || row.numel() != col.numel()) {
            throw new IllegalArgumentException(op + ": row " + Shape.format(row.shape()) + " and col " + Shape.format(col.shape())
                    + " must be 1-d of one length");
        }
        SparseStructure.inRange(op, "row", row.toLongArray(), rows);
        SparseStructure.inRange(op, "col", col.toLongArray(), cols);
        return new SparseTensor(Layout.COO, rows, cols, row.contiguous(), col.contiguous(), values, false, null);
    }

    /**
     * torch.sparse_csr_tensor(crow_indices, col_indices, values, (rows, cols)): crow (rows + 1) from 0,
     * nondecreasing, ending at nnz; columns in [0, cols). Columns within a row need not be sorted.
     *
     * @param crowIndices the CSR row pointers (rows + 1)
     * @param colIndices the column index of each nonzero (nnz)
     * @param values the values
     * @param rows number of rows
     * @param cols number of columns
     * @return the CSR matrix
     */
    public static SparseTensor csr(Tensor crowIndices, Tensor colIndices, Tensor values, int rows, int cols) {
        String op = "sparse_csr_tensor";
        checkIndexAndValues(op, crowIndices, colIndices, values, rows, cols);
        long[] crow = crowIndices.toLongArray();
        if (crowIndices.dim() != 1 || crow.length != rows + 1) {
            throw new IllegalArgumentException(op + ": crow_indices " + Shape.format(crowIndices.shape()) + " must be 1-d of rows + 1 = "
                    + (rows + 1) + " entries");
        }
        int nnz = colIndices.numel();
        if (crow[0] != 0) throw new IllegalArgumentException(op + ": crow_indices[0] = " + crow[0] + ", must be 0");
        for (int i = 0; i < rows; i++) {
            if (crow[i + 1] < crow[i]) {
                throw new IllegalArgumentException(op + ": crow_indices decreases at row " + i + ": " + crow[i] + " then " + crow[i + 1]);
            }
        }
        if (crow[rows] != nnz) throw new IllegalArgumentException(op + ": crow_indices ends at " + crow[rows] + " but there are " + nnz + " columns");
        SparseStructure.inRange(op, "col", colIndices.toLongArray(), cols);
        return new SparseTensor(Layout.CSR, rows, cols, crowIndices.contiguous(), colIndices.contiguous(), values, false, null);
    }

    private static void checkIndexAndValues(String op, Tensor a, Tensor b, Tensor values, int rows, int cols) {
        for (Tensor t : new Tensor[] {a, b}) {
            if (t.dtype() != DType.I32 && t.dtype() != DType.I64) throw new IllegalArgumentException(op + ": indices must be I32 or I64, got " + t.dtype());
        }
        if (a.dtype() != b.dtype()) throw new IllegalArgumentException(op + ": index dtypes " + a.dtype() + " and " + b.dtype() + " differ");
        if (b.dim() != 1) throw new IllegalArgumentException(op + ": column indices must be 1-d, got " + Shape.format(b.shape()));
        if (!values.dtype().isFloatingPoint() || values.dim() < 1 || values.size(0) != b.numel()) {
            throw new IllegalArgumentException(op + ": values " + Shape.format(values.shape()) + " " + values.dtype()
                    + " must be floating with one row per nonzero (" + b.numel() + ")");
        }
        if (rows < 0 || cols < 0) throw new IllegalArgumentException(op + ": size (" + rows + ", " + cols + ") must be >= 0");
    }

    /**
     * x.to_sparse(): the nonzeros of a 2-d dense tensor as a coalesced COO matrix (values differentiable in x).
     *
     * @param x the dense tensor
     * @return the nonzeros of a 2-d dense tensor as a coalesced COO matrix (values differentiable in x)
     */
    public static SparseTensor fromDense(Tensor x) {
        if (x.dim() != 2) throw new IllegalArgumentException("to_sparse: expected a 2-d tensor, got " + Shape.format(x.shape()));
        Tensor nz = Indexing.nonzero(x);                           // (nnz, 2), row-major order: coalesced
        Tensor row = nz.select(1, 0).contiguous(), c = nz.select(1, 1).contiguous();
        Tensor v = x.reshape(-1).indexSelect(0, row.mul((long) x.size(1)).add(c));
        return new SparseTensor(Layout.COO, x.size(0), x.size(1), row, c, v, true, null);
    }

    /**
     * x.to_sparse_csr().
     *
     * @param x the dense tensor
     * @return the CSR matrix
     */
    public static SparseTensor fromDenseCsr(Tensor x) {
        return fromDense(x).toSparseCsr();
    }

    // ---- accessors -----------------------------------------------------------------------------------------

    /** {@return COO or CSR} */
    public Layout layout() { return layout; }
    /** {@return the number of rows} */
    public int rows() { return rows; }
    /** {@return the number of columns} */
    public int cols() { return cols; }
    /**
     * (rows, cols, *dense dims of the values).
     *
     * @return the shape (a copy)
     */
    public int[] shape() {
        int[] v = values.shape(), s = new int[v.length + 1];
        s[0] = rows;
        s[1] = cols;
        System.arraycopy(v, 1, s, 2, v.length - 1);
        return s;
    }
    /** {@return the number of stored entries (duplicates counted)} */
    public int nnz() { return col.numel(); }
    /** {@return the stored values (nnz, *dense)} */
    public Tensor values() { return values; }
    /** {@return the values' dtype} */
    public DType dtype() { return values.dtype(); }
    /** {@return the dtype of the indices (I32 or I64)} */
    public DType indexDtype() { return col.dtype(); }
    /** {@return the device holding the values and indices} */
    public Device device() { return values.device(); }
    /** {@return true for a COO matrix known to be sorted by (row, col) without duplicates} */
    public boolean isCoalesced() { return layout == Layout.COO && coalesced; }
    /** {@return true if the values require grad} */
    public boolean requiresGrad() { return values.requiresGrad(); }
    /**
     * Marks the values as requiring grad (they must be a leaf); returns this.
     *
     * @param on the new flag
     * @return this
     */
    public SparseTensor requiresGrad(boolean on) { values.requiresGrad(on); return this; }

    /**
     * COO indices (2, nnz).
     *
     * @return the (2, nnz) indices
     */
    public Tensor indices() {
        requireLayout("indices", Layout.COO);
        return Joining.stack(new Tensor[] {rowIndex, col}, 0);
    }

    /**
     * CSR row pointers (rows + 1).
     *
     * @return the row pointers
     */
    public Tensor crowIndices() {
        requireLayout("crow_indices", Layout.CSR);
        return rowIndex;
    }

    /**
     * Column index of every stored entry (nnz).
     *
     * @return the column indices
     */
    public Tensor colIndices() { return col; }

    /**
     * Row index of every stored entry (nnz): COO's rows, or CSR's expanded.
     *
     * @return the row indices
     */
    public Tensor rowIndices() {
        return layout == Layout.COO ? rowIndex : SparseStructure.index(SparseStructure.rowIndex(rowIndex.toLongArray()), col.dtype(), device());
    }

    private void requireLayout(String op, Layout want) {
        if (layout != want) throw new IllegalStateException(op + ": expected a " + want + " tensor, got " + layout);
    }

    /**
     * {@return the same structure with other values (nnz, ...), e.g. normalized edge weights (torch_sparse's set_value)}
     *
     * @param v the vector
     */
    public SparseTensor withValues(Tensor v) {
        if (!v.dtype().isFloatingPoint() || v.dim() < 1 || v.size(0) != nnz()) {
            throw new IllegalArgumentException("with_values: values " + Shape.format(v.shape()) + " " + v.dtype() + " must be floating with "
                    + nnz() + " rows");
        }
        return new SparseTensor(layout, rows, cols, rowIndex, col, v, coalesced, transposed);
    }

    // ---- conversions ---------------------------------------------------------------------------------------

    /**
     * x.to_dense(): (rows, cols, *dense), duplicates summed; differentiable in the values.
     *
     * @return (rows, cols, *dense), duplicates summed
     */
    public Tensor toDense() {
        Tensor key = rowIndices().to(DType.I64).mul((long) cols).add(col.to(DType.I64));
        int[] s = values.shape();
        s[0] = rows * cols;
        return Tensor.zeros(values.dtype(), s).indexAdd(0, key, values).reshape(shape());
    }

    /**
     * x.coalesce(): COO entries sorted by (row, col), duplicates summed (in storage order).
     *
     * @return COO entries sorted by (row, col), duplicates summed (in storage order)
     */
    public SparseTensor coalesce() {
        if (layout == Layout.CSR) return toSparseCoo().coalesce();
        if (coalesced) return this;
        SparseStructure.Sorted s = SparseStructure.sort(rowIndex.toLongArray(), col.toLongArray(), rows, cols);
        Tensor v = values.indexSelect(0, Tensor.of(s.perm()));
        if (s.groups() != nnz()) v = Segments.segment(v, Tensor.of(s.groupPtr()), "sum");
        DType t = col.dtype();
        return new SparseTensor(Layout.COO, rows, cols, SparseStructure.index(s.row(), t, device()),
                SparseStructure.index(s.col(), t, device()), v, true, null);
    }

    /**
     * x.to_sparse_csr(): rows in order, columns sorted within a row, duplicates summed.
     *
     * @return rows in order, columns sorted within a row, duplicates summed
     */
    public SparseTensor toSparseCsr() {
        if (layout == Layout.CSR) return this;
        SparseTensor c = coalesce();
        long[] ptr = SparseStructure.rowPtr(c.rowIndex.toLongArray(), rows);
        return new SparseTensor(Layout.CSR, rows, cols, SparseStructure.index(ptr, col.dtype(), device()), c.col, c.values, false, null);
    }

    /**
     * x.to_sparse_coo() (coalesced when the CSR's columns are sorted within rows; kept as stored otherwise).
     *
     * @return the COO matrix
     */
    public SparseTensor toSparseCoo() {
        if (layout == Layout.COO) return this;
        return new SparseTensor(Layout.COO, rows, cols, rowIndices(), col, values, false, null);
    }

    /**
     * {@return the same matrix with I32 or I64 indices}
     *
     * @param t the new index dtype (I32 or I64)
     */
    public SparseTensor withIndexDtype(DType t) {
        if (t != DType.I32 && t != DType.I64) throw new IllegalArgumentException("sparse: index dtype must be I32 or I64, got " + t);
        if (t == col.dtype()) return this;
        return new SparseTensor(layout, rows, cols, rowIndex.to(t), col.to(t), values, coalesced, null);
    }

    /**
     * x.t(): the (cols, rows) transpose; a CSR stays CSR (it is the CSC of x).
     *
     * @return the (cols, rows) transpose
     */
    public SparseTensor t() {
        if (layout == Layout.COO) return new SparseTensor(Layout.COO, cols, rows, col, rowIndex, values, false, null);
        SparseStructure.Transposed tr = transposedStructure();
        long[] perm = tr.perm().toLongArray(), inverse = new long[perm.length];
        for (int q = 0; q < perm.length; q++) inverse[(int) perm[q]] = q;
        SparseStructure.Transposed back = new SparseStructure.Transposed(rowIndex, col, Tensor.of(inverse));
        return new SparseTensor(Layout.CSR, cols, rows, tr.rowPtr(), tr.col(), values.indexSelect(0, tr.perm()), false, back);
    }

    /**
     * torch.transpose(x, 0, 1) (the only pair a matrix has).
     *
     * @param dim0 one dim (0 or 1)
     * @param dim1 the other dim (0 or 1)
     * @return the transpose
     */
    public SparseTensor transpose(int dim0, int dim1) {
        int a = Shape.dim("transpose", dim0, 2), b = Shape.dim("transpose", dim1, 2);
        return a == b ? this : t();
    }

    /** The CSR structure of the transpose, computed once. */
    SparseStructure.Transposed transposedStructure() {
        SparseStructure.Transposed t = transposed;
        if (t == null) transposed = t = SparseStructure.transpose(rowIndex, col, cols);
        return t;
    }

    @Override
    public String toString() {
        return "SparseTensor(" + layout + ", size=" + Shape.format(shape()) + ", nnz=" + nnz() + ", dtype=" + dtype() + ", index=" + indexDtype() + ")";
    }

    // ---- arithmetic and products: SparseOps ----------------------------------------------------------------

    /**
     * Values scaled by s.
     *
     * @param s the scale
     * @return the scaled matrix
     */
    public SparseTensor mul(double s) { return withValues(values.mul(s)); }
    /**
     * Values times a 0-d tensor (differentiable in both).
     *
     * @param s the scale
     * @return the scaled matrix
     */
    public SparseTensor mul(Tensor s) { return SparseOps.scale(this, s); }
    /**
     * this + other (same size): entries of both, coalesced; the result has this layout.
     *
     * @param other the other operand (broadcast against this)
     * @return the sum
     */
    public SparseTensor add(SparseTensor other) { return SparseOps.add(this, other, 1); }
    /**
     * this - other.
     *
     * @param other the other operand (broadcast against this)
     * @return the difference
     */
    public SparseTensor sub(SparseTensor other) { return SparseOps.add(this, other, -1); }
    /**
     * torch.narrow on dim 0 (rows) or 1 (columns), renumbered from 0.
     *
     * @param dim the dim (negative counts from the end)
     * @param start the first value or index
     * @param length length of the array
     * @return the narrowed matrix
     */
    public SparseTensor narrow(int dim, int start, int length) { return SparseOps.narrow(this, dim, start, length); }
    /**
     * torch.sparse.mm(self, x): x (cols, n) or (cols) dense.
     *
     * @param x the dense tensor
     * @return the dense product (rows, n) or (rows)
     */
    public Tensor matmul(Tensor x) { return SparseOps.matmul(this, x); }
    /**
     * out[i, j] = a[i] . b[j] at this pattern, a (rows, n), b (cols, n) (values replaced).
     *
     * @param a the first operand
     * @param b the second operand
     * @return the matrix with the new values
     */
    public SparseTensor sddmm(Tensor a, Tensor b) { return SparseOps.sddmm(this, a, b); }
    /**
     * torch.sparse.sampled_addmm: beta * self + alpha * (mat1 @ mat2) at self's pattern, mat1 (rows, n), mat2 (n, cols).
     *
     * @param mat1 the dense left factor (rows, k)
     * @param mat2 the dense right factor (k, cols)
     * @param beta the multiplier of self
     * @param alpha the multiplier of mat1 @ mat2
     * @return beta * self + alpha * (mat1 @ mat2) at self's pattern, mat1 (rows, n), mat2 (n, cols).
     */
    public SparseTensor sampledAddmm(Tensor mat1, Tensor mat2, double beta, double alpha) {
        return SparseOps.sampledAddmm(this, mat1, mat2, beta, alpha);
    }
    /**
     * torch.sparse.softmax(x, dim): over each row's (dim 1) or column's (dim 0) stored entries; absent entries count as -inf.
     *
     * @param dim the dim (negative counts from the end)
     * @return the softmax, same pattern (a new sparse matrix)
     */
    public SparseTensor softmax(int dim) { return SparseOps.softmax(this, dim); }
    /**
     * torch.sparse.sum(x, dim): dense (rows, *dense) for dim 1, (cols, *dense) for dim 0.
     *
     * @param dim the dim (negative counts from the end)
     * @return the dense sums: (rows, *dense) for dim 1, (cols, *dense) for dim 0
     */
    public Tensor sum(int dim) { return SparseOps.sum(this, dim); }
    /** {@return the sum of all values} */
    public Tensor sum() { return values.sum(); }

    /** The raw parts, for SparseOps in this package. */
    Tensor rowIndexTensor() { return rowIndex; }
    static SparseTensor of(Layout layout, int rows, int cols, Tensor rowIndex, Tensor col, Tensor values, boolean coalesced) {
        return new SparseTensor(layout, rows, cols, rowIndex, col, values, coalesced, null);
    }
}
