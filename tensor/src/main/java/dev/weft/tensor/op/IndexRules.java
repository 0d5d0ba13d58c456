package dev.weft.tensor.op;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;

/**
 * Shape rules of {@link IndexOp}, with torch's constraints: index tensors are I64, gather/scatter
 * operands share one rank and the index may be smaller than the data in every dim but the indexed
 * one. Index values are checked by the backend, which alone sees the data.
 */
final class IndexRules {
    private IndexRules() {}

    static OutSpec[] infer(IndexOp op, Strided[] in) {
        String name = op.name();
        return switch (op) {
            case IndexOp.IndexSelect s -> {
                RuleChecks.arity(name, in, 2);
                Strided x = in[0], idx = in[1];
                Object ctx = RuleChecks.shapes(new String[] {"input", "index"}, x, idx);
                RuleChecks.dim(name, s.dim(), x.dim(), ctx);
                RuleChecks.dtype(name, "index", idx, DType.I64, ctx);
                if (idx.dim() != 1) throw RuleChecks.fail(name, ctx, "index must be 1-d");
                int[] out = x.shape();
                out[s.dim()] = idx.numel();
                RuleChecks.numel(name, out);
                yield one(out, x.dtype());
            }
            case IndexOp.Gather g -> {
                RuleChecks.arity(name, in, 2);
                Strided x = in[0], idx = in[1];
                String ctx = "index " + Shape.format(idx.shape()) + " vs input " + Shape.format(x.shape());
                RuleChecks.dim(name, g.dim(), x.dim(), ctx);
                RuleChecks.dtype(name, "index", idx, DType.I64, ctx);
                sameRank(name, "index", idx, x, ctx);
                notLarger(name, "index", idx, "input", x, g.dim(), ctx);
                yield one(idx.shape(), x.dtype());
            }
            case IndexOp.Scatter s -> one(scatter(name, s.dim(), in), in[0].dtype());
            case IndexOp.ScatterAdd s -> {
                int[] out = scatter(name, s.dim(), in);
                if (in[0].dtype() == DType.BOOL) {
                    throw RuleChecks.fail(name, RuleChecks.shapes(new String[] {"self", "index", "src"}, in),
                            "bool tensors are not supported");
                }
                yield one(out, in[0].dtype());
            }
            case IndexOp.ScatterReduce s -> {
                int[] out = scatter(name, s.dim(), in);
                if (in[0].dtype() == DType.BOOL) {
                    throw RuleChecks.fail(name, RuleChecks.shapes(new String[] {"self", "index", "src"}, in),
                            "bool tensors are not supported");
                }
                yield one(out, in[0].dtype());
            }
            case IndexOp.IndexAdd a -> {
                RuleChecks.arity(name, in, 3);
                Strided self = in[0], idx = in[1], src = in[2];
                Object ctx = RuleChecks.shapes(new String[] {"self", "index", "source"}, self, idx, src);
                RuleChecks.dim(name, a.dim(), self.dim(), ctx);
                RuleChecks.dtype(name, "index", idx, DType.I64, ctx);
                if (idx.dim() != 1) throw RuleChecks.fail(name, ctx, "index must be 1-d");
                RuleChecks.sameDtype(name, "self", self, "source", src, ctx);
                if (self.dtype() == DType.BOOL) throw RuleChecks.fail(name, ctx, "bool tensors are not supported");
                if (!self.dtype().isFloatingPoint() && a.alpha() != Math.rint(a.alpha())) {
                    throw RuleChecks.fail(name, ctx, "alpha " + a.alpha() + " must be integral for " + self.dtype() + " tensors");
                }
                int[] want = self.shape();
                want[a.dim()] = idx.numel();
                if (!java.util.Arrays.equals(want, src.shape())) {
                    throw RuleChecks.fail(name, ctx, "source must have shape " + Shape.format(want)
                            + " (self's shape with dim " + a.dim() + " of the index's length " + idx.numel() + ")");
                }
                yield one(self.shape(), self.dtype());
            }
            case IndexOp.Nonzero n -> {
                RuleChecks.arity(name, in, 1);
                Strided x = in[0];
                if (n.count() < 0 || n.count() > x.numel()) {
                    throw RuleChecks.fail(name, "input " + Shape.format(x.shape()),
                            "count " + n.count() + " out of range 0.." + x.numel());
                }
                yield one(new int[] {n.count(), x.dim()}, DType.I64);
            }
        };
    }

    private static OutSpec[] one(int[] shape, DType dtype) {
        return new OutSpec[] {new OutSpec(shape, dtype)};
    }

    /** Checks self, index, src of scatter/scatter_reduce; returns self's shape. */
    private static int[] scatter(String name, int dim, Strided[] in) {
        RuleChecks.arity(name, in, 3);
        Strided self = in[0], idx = in[1], src = in[2];
        Object ctx = RuleChecks.shapes(new String[] {"self", "index", "src"}, self, idx, src);
        RuleChecks.dim(name, dim, self.dim(), ctx);
        RuleChecks.dtype(name, "index", idx, DType.I64, ctx);
        RuleChecks.sameDtype(name, "self", self, "src", src, ctx);
        sameRank(name, "index", idx, self, ctx);
        sameRank(name, "src", src, self, ctx);
        notLarger(name, "index", idx, "self", self, dim, ctx);
        notLarger(name, "index", idx, "src", src, -1, ctx);
        return self.shape();
    }

    private static void sameRank(String op, String what, Strided t, Strided x, Object ctx) {
        if (t.dim() != x.dim()) {
            throw RuleChecks.fail(op, ctx, what + " must have rank " + x.dim() + ", got " + t.dim());
        }
    }

    /** a.size(d) <= b.size(d) for every d != except. */
    private static void notLarger(String op, String aName, Strided a, String bName, Strided b, int except, Object ctx) {
        for (int d = 0; d < a.dim(); d++) {
            if (d != except && a.size(d) > b.size(d)) {
                throw RuleChecks.fail(op, ctx, aName + " size " + a.size(d) + " in dim " + d + " exceeds " + bName + "'s "
                        + b.size(d) + (except >= 0 ? " (only dim " + except + " may be larger)" : ""));
            }
        }
    }
}
