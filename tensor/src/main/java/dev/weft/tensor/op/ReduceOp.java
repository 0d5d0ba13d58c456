package dev.weft.tensor.op;

import java.util.Arrays;

/**
 * Reduction primitives over one or several dims. Dims in a record are normalized (0..rank-1), sorted
 * and unique; the op layer normalizes negative dims and "all dims" before dispatch. keepdim leaves
 * size-1 dims in place of the reduced ones. Backends must give the same bits for any thread count.
 */
public sealed interface ReduceOp extends Op {
    /** y = fn over dims of x. Inputs: x. Output: x's shape less dims (or with 1s); dtype per {@link ReduceFn}. */
    record Reduce(ReduceFn fn, int[] dims, boolean keepdim) implements ReduceOp {
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
     */
    record ArgReduce(boolean max, int dim, boolean keepdim) implements ReduceOp {
        public String name() {
            return max ? "max" : "min";
        }
    }

    /**
     * Variance sum((x - mean)^2) / (n - correction) over dims (two-pass). Inputs: x (F32/F64).
     * Output: the reduced shape, x's dtype; n - correction <= 0 gives NaN/inf as in PyTorch.
     */
    record Var(int[] dims, double correction, boolean keepdim) implements ReduceOp {
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

    /** y = exp(x - max) / sum(exp(x - max)) along dim. Inputs: x (F32/F64). Output: x's shape and dtype. */
    record Softmax(int dim) implements ReduceOp {
        public String name() {
            return "softmax";
        }
    }

    /** y = x - max - log(sum(exp(x - max))) along dim. Inputs: x (F32/F64). Output: x's shape and dtype. */
    record LogSoftmax(int dim) implements ReduceOp {
        public String name() {
            return "log_softmax";
        }
    }

    /** y = max + log(sum(exp(x - max))) over dims (y = max where max is +-inf). Inputs: x (F32/F64). */
    record LogSumExp(int[] dims, boolean keepdim) implements ReduceOp {
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

    /** Inclusive running sum along dim. Inputs: x. Output: x's shape; I64 for integer/BOOL x, else x's dtype. */
    record Cumsum(int dim) implements ReduceOp {
        public String name() {
            return "cumsum";
        }
    }

    /** Inclusive running product along dim. Inputs: x. Output: x's shape; I64 for integer/BOOL x, else x's dtype. */
    record Cumprod(int dim) implements ReduceOp {
        public String name() {
            return "cumprod";
        }
    }
}
