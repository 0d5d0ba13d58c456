package dev.weft.tensor;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.op.SparseOp;
import java.util.Locale;

/**
 * Reductions of rows grouped into segments, torch_scatter's API: {@code segment*} over sorted segments given by
 * row pointers (segment_csr: segment i is rows rowPtr[i] .. rowPtr[i+1]-1 of x), {@code scatter*} over an
 * unsorted index (scatter: row p of src goes to output row index[p]), both along dim 0 with any trailing dims.
 * Deterministic: a scatter is a stable sort of the index (host counting sort) and a segment reduction, so the
 * bits never depend on the thread count or on scheduling (unlike atomics). Differentiable in x / src.
 */
public final class Segments {
    private Segments() {}

    /**
     * segment_csr with reduce "sum" or "mean" (an empty segment gives 0). For "max"/"min" use {@link #segmentMax}/{@link #segmentMin}.
     *
     * @param x the input tensor
     * @param rowPtr CSR row pointers: row i holds entries rowPtr[i] .. rowPtr[i+1]
     * @param reduce the reduction: "sum", "prod", "mean", "amax" or "amin"
     * @return the (m, ...) reductions
     */
    public static Tensor segment(Tensor x, Tensor rowPtr, String reduce) {
        SparseOp.Reduce r = reduce(reduce);
        if (r.hasArg()) return segmentArg(x, rowPtr, r).values();
        return Dispatch.apply1(new SparseOp.Segment(r), rowPtr, x);
    }

    /**
     * segment_csr max: values (0 for an empty segment) and the row each came from (x.size(0) for an empty one).
     *
     * @param x the input tensor
     * @param rowPtr CSR row pointers: row i holds entries rowPtr[i] .. rowPtr[i+1]
     * @return the values and I64 rows
     */
    public static ValuesIndices segmentMax(Tensor x, Tensor rowPtr) {
        return segmentArg(x, rowPtr, SparseOp.Reduce.MAX);
    }

    /**
     * segment_csr min, as {@link #segmentMax}.
     *
     * @param x the input tensor
     * @param rowPtr CSR row pointers: row i holds entries rowPtr[i] .. rowPtr[i+1]
     * @return the values and I64 rows
     */
    public static ValuesIndices segmentMin(Tensor x, Tensor rowPtr) {
        return segmentArg(x, rowPtr, SparseOp.Reduce.MIN);
    }

    private static ValuesIndices segmentArg(Tensor x, Tensor rowPtr, SparseOp.Reduce r) {
        Tensor[] o = Dispatch.apply(new SparseOp.Segment(r), rowPtr, x);
        return new ValuesIndices(o[0], o[1]);
    }

    /**
     * Softmax within each segment, per trailing element (PyG's softmax(src, ptr=rowPtr)): y = exp(x - max) /
     * sum exp(x - max) over the segment's rows; same shape as x. The max is a constant shift (detached).
     *
     * @param x the input tensor
     * @param rowPtr CSR row pointers: row i holds entries rowPtr[i] .. rowPtr[i+1]
     * @return the softmax, shaped like x
     */
    public static Tensor softmax(Tensor x, Tensor rowPtr) {
        Tensor row = rowIndex(rowPtr);
        Tensor max = segmentMax(x.detach(), rowPtr).values();
        Tensor e = x.sub(max.indexSelect(0, row)).exp();
        return e.div(segment(e, rowPtr, "sum").indexSelect(0, row));
    }

    /**
     * torch_scatter's segment std: sqrt(sum (x - mean)^2 / (c' + 1e-6)) with c the segment's row count and c' =
     * max(c - 1, 1) when unbiased, else max(c, 1); 0 for an empty segment.
     *
     * @param x the input tensor
     * @param rowPtr CSR row pointers: row i holds entries rowPtr[i] .. rowPtr[i+1]
     * @param unbiased divide by n - 1 (else by n)
     * @return the (m, ...) standard deviations
     */
    public static Tensor std(Tensor x, Tensor rowPtr, boolean unbiased) {
        Tensor row = rowIndex(rowPtr);
        Tensor mean = segment(x, rowPtr, "mean");
        Tensor dev = x.sub(mean.indexSelect(0, row));
        Tensor ss = segment(dev.mul(dev), rowPtr, "sum");
        Tensor count = counts(rowPtr, x.dtype()).sub(unbiased ? 1 : 0).clamp(1, Double.POSITIVE_INFINITY).add(1e-6);
        return ss.div(count.reshape(trailingOnes(count.numel(), x.dim()))).sqrt();
    }

    /**
     * torch_scatter.scatter along dim 0 with reduce "sum", "mean", "max", "min" into dimSize rows (0 where nothing lands).
     *
     * @param src the source tensor
     * @param index the indices (I64)
     * @param dimSize size of the output along dim (the number of segments)
     * @param reduce the reduction: "sum", "prod", "mean", "amax" or "amin"
     * @return the (dimSize, ...) reductions
     */
    public static Tensor scatter(Tensor src, Tensor index, int dimSize, String reduce) {
        Grouped g = group(src, index, dimSize);
        return segment(g.sorted, g.rowPtr, reduce);
    }

    /**
     * torch_scatter.scatter_max: values and the src row each came from (src.size(0) where nothing lands).
     *
     * @param src the source tensor
     * @param index the indices (I64)
     * @param dimSize size of the output along dim (the number of segments)
     * @return values and the src row each came from (src.size(0) where nothing lands)
     */
    public static ValuesIndices scatterMax(Tensor src, Tensor index, int dimSize) {
        return scatterArg(src, index, dimSize, SparseOp.Reduce.MAX);
    }

    /**
     * torch_scatter.scatter_min, as {@link #scatterMax}.
     *
     * @param src the source tensor
     * @param index the indices (I64)
     * @param dimSize size of the output along dim (the number of segments)
     * @return the values and I64 rows
     */
    public static ValuesIndices scatterMin(Tensor src, Tensor index, int dimSize) {
        return scatterArg(src, index, dimSize, SparseOp.Reduce.MIN);
    }

    /**
     * Softmax of src's rows grouped by index (PyG's softmax(src, index)): same shape and row order as src.
     *
     * @param src the source tensor
     * @param index the indices (I64)
     * @param dimSize size of the output along dim (the number of segments)
     * @return the softmax, shaped like src
     */
    public static Tensor scatterSoftmax(Tensor src, Tensor index, int dimSize) {
        Grouped g = group(src, index, dimSize);
        Tensor y = softmax(g.sorted, g.rowPtr);
        return Tensor.zerosLike(y).indexAdd(0, g.perm, y);
    }

    /**
     * torch_scatter.scatter_std along dim 0 (see {@link #std}).
     *
     * @param src the source tensor
     * @param index the indices (I64)
     * @param dimSize size of the output along dim (the number of segments)
     * @param unbiased divide by n - 1 (else by n)
     * @return the (dimSize, ...) standard deviations
     */
    public static Tensor scatterStd(Tensor src, Tensor index, int dimSize, boolean unbiased) {
        Grouped g = group(src, index, dimSize);
        return std(g.sorted, g.rowPtr, unbiased);
    }

    private static ValuesIndices scatterArg(Tensor src, Tensor index, int dimSize, SparseOp.Reduce r) {
        Grouped g = group(src, index, dimSize);
        ValuesIndices v = segmentArg(g.sorted, g.rowPtr, r);
        Tensor permPadded = Joining.cat(new Tensor[] {g.perm, Tensor.of((long) src.size(0))}, 0);
        Tensor arg = permPadded.indexSelect(0, v.indices().reshape(-1)).reshape(v.indices().shape());
        return new ValuesIndices(v.values(), arg);
    }

    /**
     * torch_sparse's ind2ptr: row pointers (rows + 1, I64) of a sorted row index.
     *
     * @param sortedIndex the segment index of each row, sorted ascending
     * @param rows number of rows
     * @return the row pointers
     */
    public static Tensor rowPointers(Tensor sortedIndex, int rows) {
        return Tensor.of(SparseStructure.rowPtr(sortedIndex.toLongArray(), rows));
    }

    /**
     * torch_sparse's ptr2ind: the segment of every row, I64 (rowPtr[m]).
     *
     * @param rowPtr CSR row pointers: row i holds entries rowPtr[i] .. rowPtr[i+1]
     * @return the segment index of every row
     */
    public static Tensor rowIndex(Tensor rowPtr) {
        return Tensor.of(SparseStructure.rowIndex(rowPtr.toLongArray()));
    }

    /**
     * {@return rows per segment, rowPtr[i+1] - rowPtr[i], as dtype t (m)}
     *
     * @param rowPtr CSR row pointers: row i holds entries rowPtr[i] .. rowPtr[i+1]
     * @param t the dtype of the counts
     */
    public static Tensor counts(Tensor rowPtr, DType t) {
        int m = rowPtr.size(0) - 1;
        return rowPtr.narrow(0, 1, m).sub(rowPtr.narrow(0, 0, m)).to(t);
    }

    private record Grouped(Tensor sorted, Tensor rowPtr, Tensor perm) {}

    /** src's rows in stable index order, the row pointers of the groups, and the permutation (I64). */
    private static Grouped group(Tensor src, Tensor index, int dimSize) {
        if (index.dim() != 1 || index.dtype().isFloatingPoint() || index.dtype() == DType.BOOL || src.dim() < 1
                || index.size(0) != src.size(0)) {
            throw new IllegalArgumentException("scatter: index " + Shape.format(index.shape()) + " " + index.dtype() + " must be a 1-d "
                    + "integer tensor with one entry per row of src " + Shape.format(src.shape()));
        }
        if (dimSize < 0) throw new IllegalArgumentException("scatter: dim_size " + dimSize + " must be >= 0");
        long[] idx = index.toLongArray();
        SparseStructure.inRange("scatter", "scatter", idx, dimSize);
        SparseStructure.Groups groups = SparseStructure.group(idx, dimSize);
        long[] ptr = groups.rowPtr(), perm = groups.perm();
        Tensor permT = Tensor.of(perm);
        return new Grouped(src.indexSelect(0, permT), Tensor.of(ptr), permT);
    }

    private static SparseOp.Reduce reduce(String reduce) {
        for (SparseOp.Reduce r : SparseOp.Reduce.values()) if (r.label().equals(reduce.toLowerCase(Locale.ROOT))) return r;
        if (reduce.equals("add")) return SparseOp.Reduce.SUM;
        throw new IllegalArgumentException("segment: reduce must be one of sum, mean, max, min, got \"" + reduce + "\"");
    }

    /** (n, 1, 1, ...) with rank dims, for broadcasting a per-segment scalar over trailing dims. */
    private static int[] trailingOnes(int n, int rank) {
        int[] s = new int[Math.max(rank, 1)];
        java.util.Arrays.fill(s, 1);
        s[0] = n;
        return s;
    }
}
