package dev.weft.tensor;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

/**
 * The operations of {@link SparseTensor} beyond construction and layout: scaling, sums of sparse matrices,
 * slicing, products with dense tensors (the SpMM and SDDMM kernels, on the CSR form), row-wise softmax and sums.
 * All differentiable in the values and in the dense operands.
 */
final class SparseOps {
    private SparseOps() {}

    static SparseTensor scale(SparseTensor a, Tensor s) {
        if (s.numel() != 1) throw new IllegalArgumentException("sparse mul: the factor must be a scalar tensor, got " + Shape.format(s.shape()));
        return a.withValues(a.values().mul(s.reshape()));
    }

    /** a + sign * b: both sets of entries, coalesced (duplicates summed), in a's layout and index dtype. */
    static SparseTensor add(SparseTensor a, SparseTensor b, int sign) {
        String op = sign > 0 ? "sparse add" : "sparse sub";
        if (!java.util.Arrays.equals(a.shape(), b.shape()) || a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": sizes " + Shape.format(a.shape()) + " " + a.dtype() + " and " + Shape.format(b.shape())
                    + " " + b.dtype() + " must match");
        }
        DType t = a.indexDtype();
        Tensor row = Joining.cat(new Tensor[] {a.rowIndices(), b.rowIndices().to(t)}, 0);
        Tensor col = Joining.cat(new Tensor[] {a.colIndices(), b.colIndices().to(t)}, 0);
        Tensor v = Joining.cat(new Tensor[] {a.values(), sign > 0 ? b.values() : b.values().neg()}, 0);
        SparseTensor sum = SparseTensor.of(SparseTensor.Layout.COO, a.rows(), a.cols(), row, col, v, false).coalesce();
        return a.layout() == SparseTensor.Layout.CSR ? sum.toSparseCsr() : sum;
    }

    /** The entries with dim's index in [start, start + length), that index renumbered from 0; storage order kept. */
    static SparseTensor narrow(SparseTensor a, int dim, int start, int length) {
        int d = Shape.dim("narrow", dim, 2), size = d == 0 ? a.rows() : a.cols();
        if (start < 0 || length < 0 || start > size - length) {
            throw new IndexOutOfBoundsException("narrow: start " + start + " and length " + length + " outside dim " + d + " of size " + size
                    + " (sparse " + Shape.format(a.shape()) + ")");
        }
        long[] row = a.rowIndices().toLongArray(), col = a.colIndices().toLongArray();
        long[] on = d == 0 ? row : col;
        int n = 0;
        for (long x : on) if (x >= start && x < start + length) n++;
        long[] keep = new long[n], kr = new long[n], kc = new long[n];
        for (int p = 0, q = 0; p < on.length; p++) {
            if (on[p] >= start && on[p] < start + length) {
                keep[q] = p;
                kr[q] = row[p] - (d == 0 ? start : 0);
                kc[q++] = col[p] - (d == 1 ? start : 0);
            }
        }
        int rows = d == 0 ? length : a.rows(), cols = d == 1 ? length : a.cols();
        Tensor v = a.values().indexSelect(0, Tensor.of(keep));
        DType t = a.indexDtype();
        Tensor c = SparseStructure.index(kc, t, a.device());
        if (a.layout() == SparseTensor.Layout.CSR) {
            return SparseTensor.of(SparseTensor.Layout.CSR, rows, cols, SparseStructure.index(SparseStructure.rowPtr(kr, rows), t, a.device()),
                    c, v, false);
        }
        return SparseTensor.of(SparseTensor.Layout.COO, rows, cols, SparseStructure.index(kr, t, a.device()), c, v, a.isCoalesced());
    }

    /** A x through the SpMM kernel on a's CSR form; x (cols, n) or (cols). */
    static Tensor matmul(SparseTensor a, Tensor x) {
        if (x.dim() == 1) return matmul(a, x.unsqueeze(1)).squeeze(1);
        if (x.dim() != 2 || x.size(0) != a.cols()) {
            throw new IllegalArgumentException("spmm: sparse (" + a.rows() + ", " + a.cols() + ") @ dense " + Shape.format(x.shape())
                    + ": inner dims differ");
        }
        requireScalarValues("spmm", a);
        SparseTensor c = a.toSparseCsr();
        boolean grad = c.values().requiresGrad() || x.requiresGrad();
        return Sparse.spmm(c.crowIndices(), c.colIndices(), c.values(), c.cols(), x, grad ? c.transposedStructure() : null);
    }

    /** out values a[i] . b[j] at a's pattern (a's layout and entry order kept). */
    static SparseTensor sddmm(SparseTensor p, Tensor a, Tensor b) {
        if (a.dim() != 2 || b.dim() != 2 || a.size(0) != p.rows() || b.size(0) != p.cols() || a.size(1) != b.size(1)) {
            throw new IllegalArgumentException("sddmm: pattern (" + p.rows() + ", " + p.cols() + ") needs a (" + p.rows() + ", n) and b ("
                    + p.cols() + ", n), got " + Shape.format(a.shape()) + " and " + Shape.format(b.shape()));
        }
        if (p.layout() == SparseTensor.Layout.COO) {
            Tensor r = p.rowIndices().to(DType.I64), c = p.colIndices().to(DType.I64);
            return p.withValues(a.indexSelect(0, r).mul(b.indexSelect(0, c)).sum(new int[] {1}, false));
        }
        boolean grad = a.requiresGrad() || b.requiresGrad();
        return p.withValues(Sparse.sddmm(p.crowIndices(), p.colIndices(), p.cols(), a, b, grad ? p.transposedStructure() : null));
    }

    static SparseTensor sampledAddmm(SparseTensor p, Tensor mat1, Tensor mat2, double beta, double alpha) {
        if (mat2.dim() != 2) throw new IllegalArgumentException("sampled_addmm: mat2 must be 2-d (n, cols), got " + Shape.format(mat2.shape()));
        requireScalarValues("sampled_addmm", p);
        Tensor prod = sddmm(p, mat1, mat2.t()).values();
        return p.withValues(p.values().mul(beta).add(prod.mul(alpha)));
    }

    /** Softmax over each row's stored entries (dim 1) or each column's (dim 0). */
    static SparseTensor softmax(SparseTensor a, int dim) {
        int d = Shape.dim("sparse softmax", dim, 2);
        if (d == 0) return softmax(a.t(), 1).t();
        if (a.layout() == SparseTensor.Layout.CSR) return a.withValues(Segments.softmax(a.values(), a.crowIndices()));
        SparseTensor c = a.coalesce();
        Tensor ptr = Tensor.of(SparseStructure.rowPtr(c.rowIndices().toLongArray(), c.rows()));
        return c.withValues(Segments.softmax(c.values(), ptr));
    }

    static Tensor sum(SparseTensor a, int dim) {
        int d = Shape.dim("sparse sum", dim, 2);
        if (d == 1 && a.layout() == SparseTensor.Layout.CSR) return Segments.segment(a.values(), a.crowIndices(), "sum");
        Tensor idx = d == 1 ? a.rowIndices() : a.colIndices();
        return Segments.scatter(a.values(), idx, d == 1 ? a.rows() : a.cols(), "sum");
    }

    private static void requireScalarValues(String op, SparseTensor a) {
        if (a.values().dim() != 1) {
            throw new IllegalArgumentException(op + ": needs one value per nonzero, got values " + Shape.format(a.values().shape()));
        }
    }
}
