package dev.weft.tensor;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

import dev.weft.tensor.op.IndexOp;
import java.util.Arrays;

/**
 * Indexing with PyTorch's names and semantics: index_select, gather, scatter (tensor or value),
 * scatter_add, scatter_reduce, index_add, masked_fill, masked_select, nonzero and x[idx] along dim 0.
 * Index tensors are I64 (I32 is converted; other dtypes are an error). Out-of-range index values are
 * IndexOutOfBoundsExceptions naming the op, the dim, the value, its position and the shapes. Writing
 * ops return a new tensor (self is not modified). Masked ops are composed from Where, Nonzero and
 * IndexSelect, so autograd differentiates them through those.
 */
public final class Indexing {
    private Indexing() {}

    /** idx as I64 (I32 converted); any other dtype passes through to the shape rules' error. */
    static Tensor longIndex(Tensor idx) {
        return idx.dtype() == DType.I32 ? idx.to(DType.I64) : idx;
    }

    /** I64 row indices checked against [-n, n) (an error "what: index k is out of range ...") and wrapped into [0, n). */
    static Tensor wrappedRows(String what, Tensor idx, int n) {
        if (idx.numel() > 0) {
            long min = (long) idx.min().item(), max = (long) idx.max().item();
            if (min < -n || max >= n) {
                throw new IndexOutOfBoundsException(what + ": index " + (min < -n ? min : max) + " is out of range for dim 0 of size " + n);
            }
        }
        return Pointwise.where(idx.lt(0L), idx.add((long) n), idx);
    }

    /**
     * torch.repeat_interleave: slice i along dim repeated repeats[i] times, in order; repeats is a 0-d or
     * 1-element tensor (the same count for every slice) or 1-d with dim's size, integer, non-negative;
     * dim null flattens x first. Differentiable (an index_select).
     *
     * @param x the input tensor
     * @param repeats how often each element is repeated
     * @param dim the dim (negative counts from the end)
     * @return slice i along dim repeated repeats[i] times, in order
     */
    public static Tensor repeatInterleave(Tensor x, Tensor repeats, Integer dim) {
        Tensor src = dim == null ? x.reshape(-1) : x;
        int d = dim == null ? 0 : Shape.dim("repeat_interleave", dim, src.dim());
        int n = src.dim() == 0 ? 1 : src.size(d);
        if (repeats.dtype().isFloatingPoint() || repeats.dtype() == DType.BOOL || repeats.dim() > 1) {
            throw new IllegalArgumentException("repeat_interleave: repeats must be an integer 0-d or 1-d tensor, got "
                    + repeats.dtype() + " " + Shape.format(repeats.shape()));
        }
        long[] r = repeats.toLongArray();
        if (r.length != 1 && r.length != n) {
            throw new IllegalArgumentException("repeat_interleave: repeats has " + r.length + " entries for dim " + d + " of size "
                    + n + " (input " + Shape.format(x.shape()) + ")");
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            long ri = r[r.length == 1 ? 0 : i];
            if (ri < 0) throw new IllegalArgumentException("repeat_interleave: repeats must be >= 0, got " + ri + " at " + i);
            total += ri;
        }
        if (total > Integer.MAX_VALUE) throw new IllegalArgumentException("repeat_interleave: " + total + " slices exceed 2^31 - 1");
        long[] idx = new long[(int) total];
        for (int i = 0, k = 0; i < n; i++) for (long j = r[r.length == 1 ? 0 : i]; j > 0; j--) idx[k++] = i;
        return indexSelect(src.dim() == 0 ? src.reshape(1) : src, d, Tensor.of(idx));
    }

    /**
     * torch.index_select: y = x with dim indexed by the 1-d index (a 0-d index counts as one entry).
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param index the indices (I64)
     * @return y = x with dim indexed by the 1-d index (a 0-d index counts as one entry)
     */
    public static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        Tensor idx = longIndex(index);
        if (idx.dim() == 0) idx = idx.reshape(1);
        if (x.dim() == 0) {
            Shape.dim("index_select", dim, 0);
            return Dispatch.apply1(new IndexOp.IndexSelect(0), x.reshape(1), idx).reshape(index.dim() == 0 ? Shape.SCALAR : idx.shape());
        }
        return Dispatch.apply1(new IndexOp.IndexSelect(Shape.dim("index_select", dim, x.dim())), x, idx);
    }

    /**
     * torch.gather: y[i] = x[i with i_dim = index[i]]; y has the index's shape.
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param index the indices (I64)
     * @return y[i] = x[i with i_dim = index[i]]
     */
    public static Tensor gather(Tensor x, int dim, Tensor index) {
        Tensor idx = longIndex(index);
        if (x.dim() == 0 && idx.dim() == 0) {
            Shape.dim("gather", dim, 0);
            return Dispatch.apply1(new IndexOp.Gather(0), x.reshape(1), idx.reshape(1)).reshape();
        }
        return Dispatch.apply1(new IndexOp.Gather(Shape.dim("gather", dim, x.dim())), x, idx);
    }

    /**
     * torch.scatter: a copy of self with self[i with i_dim = index[i]] = src[i] for every i of index.
     *
     * @param self the tensor written into
     * @param dim the dim (negative counts from the end)
     * @param index the indices (I64)
     * @param src the source tensor
     * @return a new tensor
     */
    public static Tensor scatter(Tensor self, int dim, Tensor index, Tensor src) {
        return scatterLike(new IndexOp.Scatter(norm("scatter", dim, self)), self, index, src);
    }

    /**
     * torch.scatter with a scalar value written at every indexed position.
     *
     * @param self the tensor written into
     * @param dim the dim (negative counts from the end)
     * @param index the indices (I64)
     * @param value the scalar value
     * @return a new tensor
     */
    public static Tensor scatter(Tensor self, int dim, Tensor index, double value) {
        return scatter(self, dim, index, Create.full(index.shape(), value, self.dtype(), self.device()));
    }

    /**
     * torch.scatter_add: a copy of self with self[i with i_dim = index[i]] += src[i].
     *
     * @param self the tensor written into
     * @param dim the dim (negative counts from the end)
     * @param index the indices (I64)
     * @param src the source tensor
     * @return a copy of self with self[i with i_dim = index[i]] += src[i]
     */
    public static Tensor scatterAdd(Tensor self, int dim, Tensor index, Tensor src) {
        return scatterLike(new IndexOp.ScatterAdd(norm("scatter_add", dim, self)), self, index, src);
    }

    /**
     * torch.scatter_reduce with reduce "sum", "prod", "mean", "amax" or "amin": every src[i] is reduced into
     * self[i with i_dim = index[i]] (self's value included when includeSelf).
     *
     * @param self the tensor written into
     * @param dim the dim (negative counts from the end)
     * @param index the indices (I64)
     * @param src the source tensor
     * @param reduce the reduction: "sum", "prod", "mean", "amax" or "amin"
     * @param includeSelf whether self's own values take part in the reduction
     * @return a new tensor
     */
    public static Tensor scatterReduce(Tensor self, int dim, Tensor index, Tensor src, String reduce, boolean includeSelf) {
        IndexOp.Reduction r = switch (reduce) {
            case "sum" -> IndexOp.Reduction.SUM;
            case "prod" -> IndexOp.Reduction.PROD;
            case "mean" -> IndexOp.Reduction.MEAN;
            case "amax" -> IndexOp.Reduction.AMAX;
            case "amin" -> IndexOp.Reduction.AMIN;
            default -> throw new IllegalArgumentException("scatter_reduce: reduce must be one of sum, prod, mean, amax, amin, got \""
                    + reduce + "\"");
        };
        return scatterLike(new IndexOp.ScatterReduce(norm("scatter_reduce", dim, self), r, includeSelf), self, index, src);
    }

    private static int norm(String op, int dim, Tensor self) {
        return Shape.dim(op, dim, self.dim());
    }

    private static Tensor scatterLike(IndexOp op, Tensor self, Tensor index, Tensor src) {
        Tensor idx = longIndex(index);
        if (self.dim() == 0 && idx.dim() == 0 && src.dim() == 0) {
            return Dispatch.apply1(op, self.reshape(1), idx.reshape(1), src.reshape(1)).reshape();
        }
        return Dispatch.apply1(op, self, idx, src);
    }

    /**
     * torch.index_add: a copy of self with self[.., index[j], ..] += alpha * source[.., j, ..] along dim.
     *
     * @param self the tensor written into
     * @param dim the dim (negative counts from the end)
     * @param index the indices (I64)
     * @param source the source
     * @param alpha the multiplier of source
     * @return a copy of self with self[.., index[j], ..] += alpha * source[.., j, ..] along dim
     */
    public static Tensor indexAdd(Tensor self, int dim, Tensor index, Tensor source, double alpha) {
        Tensor idx = longIndex(index);
        if (idx.dim() == 0) idx = idx.reshape(1);
        return Dispatch.apply1(new IndexOp.IndexAdd(norm("index_add", dim, self), alpha), self, idx, source);
    }

    /**
     * {@return torch.index_add with alpha 1}
     *
     * @param self the tensor written into
     * @param dim the dim (negative counts from the end)
     * @param index the indices (I64)
     * @param source the source
     */
    public static Tensor indexAdd(Tensor self, int dim, Tensor index, Tensor source) {
        return indexAdd(self, dim, index, source, 1);
    }

    // ---------------------------------------------------------------- masks

    /**
     * torch.masked_fill: value where the BOOL mask (broadcast to x's shape) is true, x elsewhere.
     *
     * @param x the input tensor
     * @param mask the BOOL mask (broadcast)
     * @param value the scalar value
     * @return a new tensor
     */
    public static Tensor maskedFill(Tensor x, Tensor mask, double value) {
        return maskedFill(x, mask, Create.full(Shape.SCALAR, value, x.dtype(), x.device()));
    }

    /**
     * torch.masked_fill with a 0-d value tensor (converted to x's dtype).
     *
     * @param x the input tensor
     * @param mask the BOOL mask (broadcast)
     * @param value the scalar value
     * @return a new tensor
     */
    public static Tensor maskedFill(Tensor x, Tensor mask, Tensor value) {
        checkMask("masked_fill", x, mask);
        if (!Shape.broadcastsTo(mask.shape(), x.shape())) {
            throw new IllegalArgumentException("masked_fill: mask " + Shape.format(mask.shape()) + " does not broadcast to input "
                    + Shape.format(x.shape()));
        }
        if (value.dim() != 0) {
            throw new IllegalArgumentException("masked_fill: value must be a 0-d tensor, got " + Shape.format(value.shape()));
        }
        return Pointwise.where(mask, value.to(x.dtype()), x);
    }

    /**
     * torch.masked_select: the 1-d tensor of x's elements where mask is true (x and mask broadcast together).
     *
     * @param x the input tensor
     * @param mask the BOOL mask (broadcast)
     * @return the 1-d tensor of x's elements where mask is true (x and mask broadcast together)
     */
    public static Tensor maskedSelect(Tensor x, Tensor mask) {
        checkMask("masked_select", x, mask);
        int[] s = Shape.broadcast("masked_select", x.shape(), mask.shape());
        Tensor flatIdx = nonzero(mask.expand(s).reshape(-1)).reshape(-1);
        return indexSelect(x.expand(s).reshape(-1), 0, flatIdx);
    }

    private static void checkMask(String op, Tensor x, Tensor mask) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException(op + ": input " + Shape.format(x.shape()) + ", mask " + Shape.format(mask.shape())
                    + ": mask must be bool, got " + mask.dtype());
        }
    }

    /**
     * torch.nonzero: (N, x.dim()) I64 coordinates of the non-zero (true) elements in row-major order.
     * The count is read to the host first (the output's size depends on the data).
     *
     * @param x the input tensor
     * @return (N, x.dim()) I64 coordinates of the non-zero (true) elements in row-major order
     */
    public static Tensor nonzero(Tensor x) {
        Tensor flags = x.dtype() == DType.BOOL ? x : x.ne(0L);
        int count = x.numel() == 0 ? 0 : (int) flags.sum().item();
        return Dispatch.apply1(new IndexOp.Nonzero(count), x);
    }

    /**
     * x[index] along dim 0, as PyTorch's advanced indexing with one index tensor: an integer index
     * (negative values count from the end) gives index.shape + x.shape[1:]; a BOOL mask over x's
     * leading mask.dim() dims gives (N, x.shape[mask.dim():]) of the selected entries.
     *
     * @param x the input tensor
     * @param index the indices (I64)
     * @return the selected elements (a copy)
     */
    public static Tensor index(Tensor x, Tensor index) {
        if (x.dim() == 0) throw new IllegalArgumentException("index: cannot index a 0-d tensor with " + Shape.format(index.shape()));
        int[] xs = x.shape();
        if (index.dtype() == DType.BOOL) {
            int k = index.dim();
            int[] lead = Arrays.copyOf(xs, Math.min(k, xs.length));
            if (k == 0 || k > xs.length || !Arrays.equals(lead, index.shape())) {
                throw new IllegalArgumentException("index: mask " + Shape.format(index.shape()) + " must match the leading dims of input "
                        + Shape.format(xs));
            }
            int[] rest = Arrays.copyOfRange(xs, k, xs.length);
            int[] flat = new int[rest.length + 1];
            flat[0] = -1;
            System.arraycopy(rest, 0, flat, 1, rest.length);
            Tensor rows = nonzero(index.reshape(-1)).reshape(-1);
            return indexSelect(x.reshape(flat), 0, rows);
        }
        Tensor idx = longIndex(index);
        if (idx.dtype() != DType.I64) {
            throw new IllegalArgumentException("index: input " + Shape.format(xs) + ", index " + Shape.format(index.shape())
                    + ": index must be i64, i32 or bool, got " + index.dtype());
        }
        Tensor wrapped = wrappedRows("index: input " + Shape.format(xs) + ", index " + Shape.format(index.shape()), idx, xs[0]);
        int[] out = new int[idx.dim() + xs.length - 1];
        System.arraycopy(idx.shape(), 0, out, 0, idx.dim());
        System.arraycopy(xs, 1, out, idx.dim(), xs.length - 1);
        return indexSelect(x, 0, wrapped.reshape(-1)).reshape(out);
    }
}
