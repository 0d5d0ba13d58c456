package dev.weft.tensor;

import dev.weft.tensor.op.ReduceFn;
import dev.weft.tensor.op.ReduceOp;


import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

/**
 * Reductions with PyTorch semantics over the {@link ReduceOp} primitives: dims may be negative, null
 * or empty means all dims, a 0-d input reduces over nothing. mean, std and norm are composed here from
 * sum, var, abs and pow, so autograd differentiates them through their parts.
 */
public final class Reductions {
    private Reductions() {}

    /** Normalized, sorted dims; null/empty means all dims; on a 0-d tensor any valid dim means none. */
    static int[] dims(String op, Tensor x, int[] dims) {
        int r = x.dim();
        if (dims == null || dims.length == 0) {
            int[] all = new int[r];
            for (int i = 0; i < r; i++) all[i] = i;
            return all;
        }
        int[] d = Shape.dims(op, dims, r);
        return r == 0 ? new int[0] : d;
    }

    private static int count(Tensor x, int[] dims) {
        long n = 1;
        for (int d : dims) n *= x.size(d);
        return (int) n;
    }

    private static Tensor reduce(ReduceFn fn, Tensor x, int[] dims, boolean keepdim) {
        return Dispatch.apply1(new ReduceOp.Reduce(fn, dims(fn.opName(), x, dims), keepdim), x);
    }

    /**
     * {@return the sum over dims (null: all)}
     *
     * @param x the input tensor
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public static Tensor sum(Tensor x, int[] dims, boolean keepdim) {
        return reduce(ReduceFn.SUM, x, dims, keepdim);
    }

    /**
     * {@return the product over dims (null: all)}
     *
     * @param x the input tensor
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public static Tensor prod(Tensor x, int[] dims, boolean keepdim) {
        return reduce(ReduceFn.PROD, x, dims, keepdim);
    }

    /**
     * {@return the maximum over dims (null: all)}
     *
     * @param x the input tensor
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public static Tensor amax(Tensor x, int[] dims, boolean keepdim) {
        return reduce(ReduceFn.MAX, x, dims, keepdim);
    }

    /**
     * {@return the minimum over dims (null: all)}
     *
     * @param x the input tensor
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public static Tensor amin(Tensor x, int[] dims, boolean keepdim) {
        return reduce(ReduceFn.MIN, x, dims, keepdim);
    }

    /**
     * {@return BOOL: true where every element over dims is non-zero}
     *
     * @param x the input tensor
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public static Tensor all(Tensor x, int[] dims, boolean keepdim) {
        return reduce(ReduceFn.ALL, x, dims, keepdim);
    }

    /**
     * {@return BOOL: true where some element over dims is non-zero}
     *
     * @param x the input tensor
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public static Tensor any(Tensor x, int[] dims, boolean keepdim) {
        return reduce(ReduceFn.ANY, x, dims, keepdim);
    }

    private static void floating(String op, Tensor x) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": expected a floating dtype (f32 or f64), got " + x.dtype()
                    + " for input " + Shape.format(x.shape()));
        }
    }

    /**
     * sum / n over dims (floating inputs only, as in PyTorch).
     *
     * @param x the input tensor
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     * @return the mean
     */
    public static Tensor mean(Tensor x, int[] dims, boolean keepdim) {
        floating("mean", x);
        int[] d = dims("mean", x, dims);
        return sum(x, d, keepdim).div(count(x, d));
    }

    /**
     * {@return sum((x - mean)^2) / (n - correction) over dims (null: all)}
     *
     * @param x the input tensor
     * @param dims the dims (negatives count from the end)
     * @param correction the difference between the sample size and the divisor (1 gives the unbiased estimate)
     * @param keepdim keep each reduced dim as size 1
     */
    public static Tensor var(Tensor x, int[] dims, double correction, boolean keepdim) {
        floating("var", x);
        return Dispatch.apply1(new ReduceOp.Var(dims("var", x, dims), correction, keepdim), x);
    }

    /**
     * {@return sqrt of {@link #var} over dims (null: all)}
     *
     * @param x the input tensor
     * @param dims the dims (negatives count from the end)
     * @param correction the difference between the sample size and the divisor (1 gives the unbiased estimate)
     * @param keepdim keep each reduced dim as size 1
     */
    public static Tensor std(Tensor x, int[] dims, double correction, boolean keepdim) {
        floating("std", x);
        return Dispatch.apply1(new ReduceOp.Std(dims("std", x, dims), correction, keepdim), x);
    }

    /**
     * {@return log sum exp x over dims, the maximum subtracted first}
     *
     * @param x the input tensor
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public static Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
        if (!x.dtype().isFloatingPoint()) x = x.to(DType.F32);
        return Dispatch.apply1(new ReduceOp.LogSumExp(dims("logsumexp", x, dims), keepdim), x);
    }

    /**
     * Values and I64 indices of the maxima along dim (first index on ties).
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param keepdim keep each reduced dim as size 1
     * @return the values and their I64 indices
     */
    public static ValuesIndices max(Tensor x, int dim, boolean keepdim) {
        return argReduce(true, x, dim, keepdim);
    }

    /**
     * {@return the values and I64 indices of the minima along dim (first index on ties)}
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public static ValuesIndices min(Tensor x, int dim, boolean keepdim) {
        return argReduce(false, x, dim, keepdim);
    }

    private static ValuesIndices argReduce(boolean max, Tensor x, int dim, boolean keepdim) {
        String op = max ? "max" : "min";
        int d = Shape.dim(op, dim, x.dim());
        if (x.dim() == 0) {
            Tensor[] o = Dispatch.apply(new ReduceOp.ArgReduce(max, 0, false), x.reshape(1));
            return new ValuesIndices(o[0], o[1]);
        }
        Tensor[] o = Dispatch.apply(new ReduceOp.ArgReduce(max, d, keepdim), x);
        return new ValuesIndices(o[0], o[1]);
    }

    /**
     * Flat index of the largest element (0-d I64).
     *
     * @param x the input tensor
     * @return the 0-d I64 index
     */
    public static Tensor argmax(Tensor x) {
        return argReduce(true, x.reshape(-1), 0, false).indices();
    }

    /**
     * {@return the flat index of the smallest element (0-d I64)}
     *
     * @param x the input tensor
     */
    public static Tensor argmin(Tensor x) {
        return argReduce(false, x.reshape(-1), 0, false).indices();
    }

    /**
     * p-norm over dims: p = 2 sqrt(sum x^2), 1 sum |x|, +-inf max/min |x|, 0 count of non-zeros, else (sum |x|^p)^(1/p).
     *
     * @param x the input tensor
     * @param p the norm's order
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     * @return the norm
     */
    public static Tensor norm(Tensor x, double p, int[] dims, boolean keepdim) {
        floating("norm", x);
        int[] d = dims("norm", x, dims);
        if (p == 1) return sum(x.abs(), d, keepdim);
        if (p == Double.POSITIVE_INFINITY) return amax(x.abs(), d, keepdim);
        if (p == Double.NEGATIVE_INFINITY) return amin(x.abs(), d, keepdim);
        if (p == 0) return sum(x.ne(0).to(x.dtype()), d, keepdim);
        if (Double.isNaN(p)) return sum(x.abs().pow(p), d, keepdim).pow(1 / p);   // NaN throughout, as before
        return Dispatch.apply1(new ReduceOp.Norm(p, d, keepdim), x);
    }

    /**
     * norm with p given as "fro", "nuc" (unsupported), "inf", "-inf" or a number.
     *
     * @param x the input tensor
     * @param p the norm's order
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     * @return the norm
     */
    public static Tensor norm(Tensor x, String p, int[] dims, boolean keepdim) {
        return switch (p) {
            case "fro" -> norm(x, 2, dims, keepdim);
            case "inf" -> norm(x, Double.POSITIVE_INFINITY, dims, keepdim);
            case "-inf" -> norm(x, Double.NEGATIVE_INFINITY, dims, keepdim);
            default -> {
                double v;
                try {
                    v = Double.parseDouble(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("norm: unknown p \"" + p + "\" (expected fro, inf, -inf or a number)");
                }
                yield norm(x, v, dims, keepdim);
            }
        };
    }

    /**
     * x summed down to shape, which x's shape must broadcast from (see Tensor.sumToSize).
     *
     * @param x the input tensor
     * @param shape the shape (sizes of each dim)
     * @return the sum, of the given shape
     */
    public static Tensor sumToSize(Tensor x, int[] shape) {
        int[] xs = x.shape();
        if (!Shape.broadcastsTo(shape, xs)) {
            throw new IllegalArgumentException("sum_to_size: shape " + Shape.format(shape) + " does not broadcast to "
                    + Shape.format(xs));
        }
        if (java.util.Arrays.equals(xs, shape)) return x;
        int lead = xs.length - shape.length;
        java.util.List<Integer> dims = new java.util.ArrayList<>();
        for (int d = 0; d < xs.length; d++) {
            if (d < lead || (shape[d - lead] == 1 && xs[d] != 1)) dims.add(d);
        }
        Tensor s = sum(x, dims.stream().mapToInt(Integer::intValue).toArray(), true);
        return dims.isEmpty() ? x.reshape(shape) : s.reshape(shape);
    }

    /**
     * {@return the running sum along dim}
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     */
    public static Tensor cumsum(Tensor x, int dim) {
        int d = Shape.dim("cumsum", dim, x.dim());
        if (x.dim() == 0) return Dispatch.apply1(new ReduceOp.Cumsum(0), x.reshape(1)).reshape();
        return Dispatch.apply1(new ReduceOp.Cumsum(d), x);
    }

    /**
     * {@return the running product along dim}
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     */
    public static Tensor cumprod(Tensor x, int dim) {
        int d = Shape.dim("cumprod", dim, x.dim());
        if (x.dim() == 0) return Dispatch.apply1(new ReduceOp.Cumprod(0), x.reshape(1)).reshape();
        return Dispatch.apply1(new ReduceOp.Cumprod(d), x);
    }

    /**
     * {@return exp(x - max) / sum exp(x - max) along dim}
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     */
    public static Tensor softmax(Tensor x, int dim) {
        if (!x.dtype().isFloatingPoint()) x = x.to(DType.F32);
        int d = Shape.dim("softmax", dim, x.dim());
        if (x.dim() == 0) return Dispatch.apply1(new ReduceOp.Softmax(0), x.reshape(1)).reshape();
        return Dispatch.apply1(new ReduceOp.Softmax(d), x);
    }

    /**
     * {@return x - logsumexp(x) along dim}
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     */
    public static Tensor logSoftmax(Tensor x, int dim) {
        if (!x.dtype().isFloatingPoint()) x = x.to(DType.F32);
        int d = Shape.dim("log_softmax", dim, x.dim());
        if (x.dim() == 0) return Dispatch.apply1(new ReduceOp.LogSoftmax(0), x.reshape(1)).reshape();
        return Dispatch.apply1(new ReduceOp.LogSoftmax(d), x);
    }
}
