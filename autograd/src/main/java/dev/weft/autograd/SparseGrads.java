package dev.weft.autograd;

import dev.weft.tensor.Segments;
import dev.weft.tensor.Sparse;
import dev.weft.tensor.SparseStructure;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.SparseOp;

/**
 * Backward rules of the sparse primitives, written in sparse and dense tensor ops (so they differentiate
 * again). With A (m, cols) in CSR and A^T's structure T (given to the op, else sorted here):
 * spmm y = A x: dvalues = sddmm(g, x) at A's pattern, dx = A^T g; sddmm out = (a b^T) at A's pattern:
 * da = G b, db = G^T a with G the sparse matrix of g; segment reductions: sum and mean spread g over each
 * segment's rows (mean divided by the row count), max and min send it to the arg rows.
 */
final class SparseGrads {
    private SparseGrads() {}

    static Tensor[] backward(SparseOp op, Ctx c) {
        Tensor[] grads = new Tensor[c.inputCount()];
        Tensor g = c.gOrZeros(0);
        switch (op) {
            case SparseOp.Spmm s -> {
                Tensor rowPtr = c.in(0), col = c.in(1);
                int m = rowPtr.size(0) - 1;
                SparseStructure.Transposed t = transposed(c, s.cols());
                if (c.needs(2)) grads[2] = Sparse.sddmm(rowPtr, col, s.cols(), g, c.in(3), t);
                if (c.needs(3)) grads[3] = Sparse.spmm(t.rowPtr(), t.col(), c.in(2).indexSelect(0, t.perm()), m, g, null);
            }
            case SparseOp.Sddmm s -> {
                Tensor rowPtr = c.in(0), col = c.in(1);
                int m = rowPtr.size(0) - 1;
                SparseStructure.Transposed t = transposed(c, s.cols());
                if (c.needs(2)) grads[2] = Sparse.spmm(rowPtr, col, g, s.cols(), c.in(3), t);
                if (c.needs(3)) grads[3] = Sparse.spmm(t.rowPtr(), t.col(), g.indexSelect(0, t.perm()), m, c.in(2), null);
            }
            case SparseOp.Segment s -> {
                Tensor rowPtr = c.in(0);
                int[] xs = c.inShape(1);
                grads[1] = switch (s.reduce()) {
                    case SUM -> g.indexSelect(0, Segments.rowIndex(rowPtr));
                    case MEAN -> {
                        int m = rowPtr.size(0) - 1;
                        int[] bs = new int[xs.length];
                        java.util.Arrays.fill(bs, 1);
                        bs[0] = m;
                        Tensor count = Segments.counts(rowPtr, g.dtype()).clampMin(1).reshape(bs);
                        yield g.div(count).indexSelect(0, Segments.rowIndex(rowPtr));
                    }
                    case MAX, MIN -> {
                        int[] padded = xs.clone();
                        padded[0]++;
                        yield Structural.zeros(padded, g).scatterAdd(0, c.out(1), g).narrow(0, 0, xs[0]);
                    }
                };
            }
        }
        return grads;
    }

    /** A^T's structure: the op's inputs 4..6 when given, else computed from rowPtr and col. */
    private static SparseStructure.Transposed transposed(Ctx c, int cols) {
        if (c.inputCount() == 7) return new SparseStructure.Transposed(c.in(4), c.in(5), c.in(6));
        return SparseStructure.transpose(c.in(0), c.in(1), cols);
    }
}
