package dev.weft.tensor.op;

/**
 * Indexing primitives: reads and writes through I64 index tensors along one dim (normalized), and
 * the coordinates of non-zero elements. Out-of-range index values are found by the backend and
 * reported with the op, the dim, the index's position and every shape. Masked ops (masked_fill,
 * masked_select, x[mask]) are composed from Where, Nonzero and IndexSelect in dev.weft.tensor.Indexing.
 * Writing ops are out of place: the output is a copy of self with the writes applied.
 */
public sealed interface IndexOp extends Op {
    /** The reductions of {@link ScatterReduce}, named as torch.scatter_reduce names them. */
    enum Reduction {
        /** The sum of the values landing on a position. */
        SUM("sum"),
        /** Their product. */
        PROD("prod"),
        /** Their mean. */
        MEAN("mean"),
        /** Their maximum. */
        AMAX("amax"),
        /** Their minimum. */
        AMIN("amin");

        private final String torchName;

        Reduction(String torchName) {
            this.torchName = torchName;
        }

        /**
         * "sum", "prod", "mean", "amax" or "amin".
         *
         * @return the reduction's name in torch.scatter_reduce
         */
        public String torchName() {
            return torchName;
        }
    }

    /**
     * y = x with dim indexed by idx: y[.., j, ..] = x[.., idx[j], ..]. Inputs: x (rank >= 1), idx (1-d I64).
     * Output: x's shape with dim of size idx.numel(); x's dtype.
     *
     * @param dim the dim (negative counts from the end)
     */
    record IndexSelect(int dim) implements IndexOp {
        public String name() {
            return "index_select";
        }
    }

    /**
     * y[i] = x[i with i_dim replaced by idx[i]]. Inputs: x, idx (I64, x's rank, {@code idx.size(d) <= x.size(d)}
     * for d != dim). Output: idx's shape, x's dtype.
     *
     * @param dim the dim (negative counts from the end)
     */
    record Gather(int dim) implements IndexOp {
        public String name() {
            return "gather";
        }
    }

    /**
     * y = self; y[i with i_dim replaced by idx[i]] = src[i] for every i of idx (a repeated target keeps
     * the last write in row-major order of idx). Inputs: self, idx (I64), src (self's dtype); one rank;
     * {@code idx.size(d) <= src.size(d)} for all d and {@code <= self.size(d)} for d != dim. Output: self's shape and dtype.
     *
     * @param dim the dim (negative counts from the end)
     */
    record Scatter(int dim) implements IndexOp {
        public String name() {
            return "scatter";
        }
    }

    /**
     * y = self; y[i with i_dim replaced by idx[i]] += src[i] (in row-major order of idx). Inputs and
     * shapes as {@link Scatter}; not BOOL. Output: self's shape and dtype. The common case of
     * ScatterReduce (SUM, includeSelf), kept apart for its simpler gradient.
     *
     * @param dim the dim (negative counts from the end)
     */
    record ScatterAdd(int dim) implements IndexOp {
        public String name() {
            return "scatter_add";
        }
    }

    /**
     * torch.scatter_reduce: y = self, then every src[i] is reduced into y[i with i_dim = idx[i]]. With
     * includeSelf a target's own value takes part; without it a target that receives sources is replaced
     * by their reduction alone. MEAN divides by the count of values reduced (integers: floor division).
     * Inputs and shapes as {@link Scatter}; not BOOL. Output: self's shape and dtype.
     *
     * @param dim the dim (negative counts from the end)
     * @param reduce the reduction: "sum", "prod", "mean", "amax" or "amin"
     * @param includeSelf whether self's own values take part in the reduction
     */
    record ScatterReduce(int dim, Reduction reduce, boolean includeSelf) implements IndexOp {
        public String name() {
            return "scatter_reduce";
        }
    }

    /**
     * y = self; y[.., idx[j], ..] += alpha * src[.., j, ..] in increasing j. Inputs: self, idx (1-d I64),
     * src (self's dtype and shape except dim of size idx.numel()); not BOOL; an integral alpha for
     * integer tensors. Output: self's shape and dtype.
     *
     * @param dim the dim (negative counts from the end)
     * @param alpha scale applied to the product
     */
    record IndexAdd(int dim, double alpha) implements IndexOp {
        public String name() {
            return "index_add";
        }
    }

    /**
     * The coordinates of the count non-zero elements of x, one row each in row-major order of x.
     * count is measured before dispatch (the output's size depends on the data; this keeps the shape
     * rule free of data reads); a backend finding another count is an error. Inputs: x (any dtype).
     * Output: (count, x.dim()) I64.
     *
     * @param count number of nonzero elements (the output's rows)
     */
    record Nonzero(int count) implements IndexOp {
        public String name() {
            return "nonzero";
        }
    }
}
