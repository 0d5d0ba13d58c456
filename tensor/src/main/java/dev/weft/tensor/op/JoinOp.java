package dev.weft.tensor.op;

import java.util.Arrays;

/**
 * Joining and reshuffling primitives that move data: concatenation and reversal. The rest of the
 * family (stack, split, chunk, roll, repeat, tile, pad, tril/triu, one_hot, diag) is composed in
 * dev.weft.tensor.Joining from these, views, Where and IndexOp, so autograd needs rules for these two.
 */
public sealed interface JoinOp extends Op {
    /**
     * y = x_0 ++ x_1 ++ ... along dim. Inputs: one or more tensors of one dtype and rank whose shapes
     * agree except in dim (normalized, {@code 0 <= dim < rank}). Output: that shape with dim = the sum of sizes.
     *
     * @param dim the dim (negative counts from the end)
     */
    record Cat(int dim) implements JoinOp {
        public String name() {
            return "cat";
        }
    }

    /**
     * y[.., i_d, ..] = x[.., n_d - 1 - i_d, ..] for every d in dims (normalized, sorted, unique).
     * Inputs: x. Output: x's shape and dtype.
     *
     * @param dims the dims (negatives count from the end)
     */
    record Flip(int[] dims) implements JoinOp {
        /** Keeps a copy of dims. */
        public Flip {
            dims = dims.clone();
        }

        public String name() {
            return "flip";
        }

        @Override
        public String toString() {
            return "Flip" + Arrays.toString(dims);
        }
    }
}
