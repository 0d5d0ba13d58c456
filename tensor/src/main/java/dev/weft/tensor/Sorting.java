package dev.weft.tensor;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

import dev.weft.tensor.op.SortOp;

/**
 * Sorting with PyTorch's names and semantics: sort, argsort, topk, kthvalue, median. NaN sorts as the
 * largest value; sorts are always stable (the stable flag is accepted for PyTorch compatibility). BOOL
 * inputs are sorted as I32 and converted back. kthvalue and median are topk followed by a narrow, so
 * their gradient flows through topk's indices. median is the lower median, as in PyTorch; unlike
 * PyTorch it does not propagate NaN (NaN simply sorts last).
 */
public final class Sorting {
    private Sorting() {}

    /**
     * torch.sort: values sorted along dim and the I64 positions they came from.
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param descending sort largest first
     * @param stable keep equal elements in their input order
     * @return the sorted values and their I64 positions
     */
    public static ValuesIndices sort(Tensor x, int dim, boolean descending, boolean stable) {
        int d = Shape.dim("sort", dim, x.dim());
        if (x.dim() == 0) {
            ValuesIndices r = sort(x.reshape(1), 0, descending, stable);
            return new ValuesIndices(r.values().reshape(), r.indices().reshape());
        }
        if (x.dtype() == DType.BOOL) {
            ValuesIndices r = sort(x.to(DType.I32), d, descending, stable);
            return new ValuesIndices(r.values().to(DType.BOOL), r.indices());
        }
        Tensor[] o = Dispatch.apply(new SortOp.Sort(d, descending, stable), x);
        return new ValuesIndices(o[0], o[1]);
    }

    /**
     * {@return the values sorted along dim and their I64 positions (not stable)}
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param descending sort largest first
     */
    public static ValuesIndices sort(Tensor x, int dim, boolean descending) {
        return sort(x, dim, descending, false);
    }

    /**
     * Ascending sort along the last dim.
     *
     * @param x the input tensor
     * @return the sorted values and their I64 positions
     */
    public static ValuesIndices sort(Tensor x) {
        return sort(x, -1, false, false);
    }

    /**
     * torch.argsort: the indices of {@link #sort}.
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param descending sort largest first
     * @param stable keep equal elements in their input order
     * @return the indices of {@link #sort}
     */
    public static Tensor argsort(Tensor x, int dim, boolean descending, boolean stable) {
        return sort(x, dim, descending, stable).indices();
    }

    /**
     * {@return the I64 positions that sort x along dim}
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param descending sort largest first
     */
    public static Tensor argsort(Tensor x, int dim, boolean descending) {
        return argsort(x, dim, descending, false);
    }

    /**
     * torch.topk: the k largest (or smallest) entries along dim with their I64 indices; sorted: in sort
     * order (ties by position), else in increasing position.
     *
     * @param x the input tensor
     * @param k number of elements to keep
     * @param dim the dim (negative counts from the end)
     * @param largest take the k largest (else the k smallest)
     * @param sorted return the k elements in sorted order
     * @return the k largest (or smallest) entries along dim with their I64 indices
     */
    public static ValuesIndices topk(Tensor x, int k, int dim, boolean largest, boolean sorted) {
        int d = Shape.dim("topk", dim, x.dim());
        if (x.dim() == 0) {
            ValuesIndices r = topk(x.reshape(1), k, 0, largest, sorted);
            return k == 1 ? new ValuesIndices(r.values().reshape(), r.indices().reshape()) : r;
        }
        if (x.dtype() == DType.BOOL) {
            ValuesIndices r = topk(x.to(DType.I32), k, d, largest, sorted);
            return new ValuesIndices(r.values().to(DType.BOOL), r.indices());
        }
        Tensor[] o = Dispatch.apply(new SortOp.Topk(k, d, largest, sorted), x);
        return new ValuesIndices(o[0], o[1]);
    }

    /** The k largest along the last dim, sorted. */
    /**
     * torch.searchsorted: for each value, the index in the last dim of {@code sorted} (ascending) where it
     * would be inserted to keep the order: the first i with sorted[i] >= v (right: sorted[i] > v). sorted is
     * 1-d (any values shape) or has values' leading dims. I64, not differentiable. Counts by comparison
     * (O(len(sorted)) per value), so it runs on any backend.
     *
     * @param sorted the sorted (ascending) values, searched along their last dim
     * @param values the values
     * @param right take the last position where the value could be inserted (else the first)
     * @return for each value, the index in the last dim of {@code sorted} (ascending) where it would be inserted to keep the order: the first i with sorted[i] >= v (right: sorted[i] > v)
     */
    public static Tensor searchsorted(Tensor sorted, Tensor values, boolean right) {
        if (sorted.dim() == 0) throw new IllegalArgumentException("searchsorted: sorted sequence must have at least 1 dim, got 0-d");
        if (sorted.dim() > 1 && (values.dim() != sorted.dim()
                || !java.util.Arrays.equals(Shape.remove(sorted.shape(), sorted.dim() - 1), Shape.remove(values.shape(), values.dim() - 1)))) {
            throw new IllegalArgumentException("searchsorted: sorted " + Shape.format(sorted.shape()) + " and values "
                    + Shape.format(values.shape()) + ": an N-d sorted sequence needs values with the same leading dims");
        }
        DType t = DType.promote(sorted.dtype(), values.dtype());
        Tensor s = sorted.to(t), v = values.to(t).unsqueeze(-1);              // (..., V, 1) against (..., 1, S) or (S,)
        if (sorted.dim() > 1) s = s.unsqueeze(-2);
        Tensor before = right ? s.le(v) : s.lt(v);
        return before.to(DType.I64).sum(new int[] {before.dim() - 1}, false);
    }

    /**
     * torch.bucketize: searchsorted(boundaries, x, right) with 1-d boundaries.
     *
     * @param x the input tensor
     * @param boundaries the sorted, 1-d boundaries
     * @param right take the last position where the value could be inserted (else the first)
     * @return searchsorted(boundaries, x, right) with 1-d boundaries
     */
    public static Tensor bucketize(Tensor x, Tensor boundaries, boolean right) {
        if (boundaries.dim() != 1) {
            throw new IllegalArgumentException("bucketize: boundaries must be 1-d, got " + Shape.format(boundaries.shape()));
        }
        return searchsorted(boundaries, x, right);
    }

    /**
     * {@return the k largest entries along the last dim, sorted, with their I64 indices}
     *
     * @param x the input tensor
     * @param k number of elements to keep
     */
    public static ValuesIndices topk(Tensor x, int k) {
        return topk(x, k, -1, true, true);
    }

    /**
     * torch.kthvalue: the k-th smallest entry (k from 1) along dim and its index.
     *
     * @param x the input tensor
     * @param k number of elements to keep
     * @param dim the dim (negative counts from the end)
     * @param keepdim keep each reduced dim as size 1
     * @return the k-th smallest entry (k from 1) along dim and its index
     */
    public static ValuesIndices kthvalue(Tensor x, int k, int dim, boolean keepdim) {
        Tensor v = x.dim() == 0 ? x.reshape(1) : x;
        int d = Shape.dim("kthvalue", dim, x.dim());
        int n = v.size(d);
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("kthvalue: input " + Shape.format(x.shape()) + ": k " + k + " out of range 1.." + n
                    + " for dim " + dim);
        }
        ValuesIndices t = topk(v, k, d, false, true);
        Tensor vals = t.values().narrow(d, k - 1, 1), idx = t.indices().narrow(d, k - 1, 1);
        if (!keepdim || x.dim() == 0) {
            vals = vals.squeeze(d);
            idx = idx.squeeze(d);
        }
        return new ValuesIndices(vals, idx);
    }

    /**
     * torch.median along dim: the lower median ((n+1)/2-th smallest) and its index.
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param keepdim keep each reduced dim as size 1
     * @return the lower median ((n+1)/2-th smallest) and its index
     */
    public static ValuesIndices median(Tensor x, int dim, boolean keepdim) {
        int d = Shape.dim("median", dim, x.dim());
        int n = x.dim() == 0 ? 1 : x.size(d);
        if (n == 0) {
            throw new IllegalArgumentException("median: input " + Shape.format(x.shape()) + ": dim " + dim + " is empty");
        }
        return kthvalue(x, (n + 1) / 2, d, keepdim);
    }

    /**
     * torch.median of all elements (0-d): the lower median.
     *
     * @param x the input tensor
     * @return the lower median
     */
    public static Tensor median(Tensor x) {
        if (x.numel() == 0) throw new IllegalArgumentException("median: input " + Shape.format(x.shape()) + " is empty");
        return median(x.reshape(-1), 0, false).values();
    }
}
