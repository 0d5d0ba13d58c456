package dev.weft.tensor.op;

import java.util.Arrays;

/**
 * Reduction primitives over one or several dims. Dims in a record are normalized (0..rank-1), sorted
 * and unique; the op layer normalizes negative dims and "all dims" before dispatch. keepdim leaves
 * size-1 dims in place of the reduced ones. Backends must give the same bits for any thread count.
 */
public sealed interface ReduceOp extends Op {
    /**
     * y = fn over dims of x. Inputs: x. Output: x's shape less dims (or with 1s); dtype per {@link ReduceFn}.
     *
     * @param fn the function to apply
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    record Reduce(ReduceFn fn, int[] dims, boolean keepdim) implements ReduceOp {
        /** Keeps a copy of dims. */
        public Reduce {
            dims = dims.clone();
        }

        public String name() {
            return fn.opName();
        }

        @Override
        public String toString() {
            return "Reduce[" + fn + ", dims=" + Arrays.toString(dims) + ", keepdim=" + keepdim + "]";
        }
    }

    /**
     * Max (max = true) or min along one dim with the index of the first extreme (NaN wins, as in
     * PyTorch). Inputs: x (not BOOL). Outputs: values (x's dtype), indices (I64), both of the reduced shape.
     *
     * @param max the upper bound (inclusive)
     * @param dim the dim (negative counts from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    record ArgReduce(boolean max, int dim, boolean keepdim) implements ReduceOp {
        public String name() {
            return max ? "max" : "min";
        }
    }

    /**
     * Variance sum((x - mean)^2) / (n - correction) over dims (two-pass). Inputs: x (F32/F64).
     * Output: the reduced shape, x's dtype; {@code n - correction <= 0} gives NaN/inf as in PyTorch.
     *
     * @param dims the dims (negatives count from the end)
     * @param correction subtracted from r in the divisor (1: unbiased)
     * @param keepdim keep each reduced dim as size 1
     */
    record Var(int[] dims, double correction, boolean keepdim) implements ReduceOp {
        /** Keeps a copy of dims. */
        public Var {
            dims = dims.clone();
        }

        public String name() {
            return "var";
        }

        @Override
        public String toString() {
            return "Var[dims=" + Arrays.toString(dims) + ", correction=" + correction + ", keepdim=" + keepdim + "]";
        }
    }

    /**
     * Standard deviation sqrt(var) over dims (two-pass variance, then sqrt). Inputs: x (F32/F64). Output:
     * the reduced shape, x's dtype. Its own primitive so that the gradient of constant values is 0, as
     * in PyTorch, instead of the 0 * inf = NaN of sqrt's chain rule.
     *
     * @param dims the dims (negatives count from the end)
     * @param correction subtracted from r in the divisor (1: unbiased)
     * @param keepdim keep each reduced dim as size 1
     */
    record Std(int[] dims, double correction, boolean keepdim) implements ReduceOp {
        /** Keeps a copy of dims. */
        public Std {
            dims = dims.clone();
        }

        public String name() {
            return "std";
        }

        @Override
        public String toString() {
            return "Std[dims=" + Arrays.toString(dims) + ", correction=" + correction + ", keepdim=" + keepdim + "]";
        }
    }

    /**
     * The p-norm (sum |x|^p)^(1/p) over dims, for a finite p other than 0 and 1 (p = 2 as sqrt(sum x^2)).
     * Inputs: x (F32/F64). Output: the reduced shape, x's dtype. Its own primitive so that the gradient
     * at a zero vector (or a zero row) is 0, as in PyTorch, instead of NaN.
     *
     * @param p the norm's order
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    record Norm(double p, int[] dims, boolean keepdim) implements ReduceOp {
        /** Checks p (finite, not 0 or 1: those are composed from other primitives) and keeps a copy of dims. */
        public Norm {
            if (!Double.isFinite(p) || p == 0 || p == 1) {
                throw new IllegalArgumentException("norm: the Norm primitive takes a finite p other than 0 and 1, got " + p);
            }
            dims = dims.clone();
        }

        public String name() {
            return "norm";
        }

        @Override
        public String toString() {
            return "Norm[p=" + p + ", dims=" + Arrays.toString(dims) + ", keepdim=" + keepdim + "]";
        }
    }

    /**
     * y = exp(x - max) / sum(exp(x - max)) along dim. Inputs: x (F32/F64). Output: x's shape and dtype.
     *
     * @param dim the dim (negative counts from the end)
     */
    record Softmax(int dim) implements ReduceOp {
        public String name() {
            return "softmax";
        }
    }

    /**
     * y = x - max - log(sum(exp(x - max))) along dim. Inputs: x (F32/F64). Output: x's shape and dtype.
     *
     * @param dim the dim (negative counts from the end)
     */
    record LogSoftmax(int dim) implements ReduceOp {
        public String name() {
            return "log_softmax";
        }
    }

    /**
     * y = max + log(sum(exp(x - max))) over dims (y = max where max is +-inf). Inputs: x (F32/F64).
     *
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    record LogSumExp(int[] dims, boolean keepdim) implements ReduceOp {
        /** Keeps a copy of dims. */
        public LogSumExp {
            dims = dims.clone();
        }

        public String name() {
            return "logsumexp";
        }

        @Override
        public String toString() {
            return "LogSumExp[dims=" + Arrays.toString(dims) + ", keepdim=" + keepdim + "]";
        }
    }

    /**
     * Inclusive running sum along dim. Inputs: x. Output: x's shape; I64 for integer/BOOL x, else x's dtype.
     *
     * @param dim the dim (negative counts from the end)
     */
    record Cumsum(int dim) implements ReduceOp {
        public String name() {
            return "cumsum";
        }
    }

    /**
     * Inclusive running product along dim. Inputs: x. Output: x's shape; I64 for integer/BOOL x, else x's dtype.
     *
     * @param dim the dim (negative counts from the end)
     */
    record Cumprod(int dim) implements ReduceOp {
        public String name() {
            return "cumprod";
        }
    }
}
