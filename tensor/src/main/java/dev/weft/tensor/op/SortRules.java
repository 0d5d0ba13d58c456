package dev.weft.tensor.op;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;

/** Shape rules of {@link SortOp}: numeric dtypes the sort kernels serve, a valid dim, 0 <= k <= size. */
final class SortRules {
    private SortRules() {}

    static OutSpec[] infer(SortOp op, Strided[] in) {
        String name = op.name();
        RuleChecks.arity(name, in, 1);
        Strided x = in[0];
        String ctx = "input " + Shape.format(x.shape());
        if (x.dtype() == DType.BOOL) throw RuleChecks.fail(name, ctx, "bool tensors are not supported");
        int[] out = x.shape();
        switch (op) {
            case SortOp.Sort s -> RuleChecks.dim(name, s.dim(), x.dim(), ctx);
            case SortOp.Topk t -> {
                RuleChecks.dim(name, t.dim(), x.dim(), ctx);
                if (t.k() < 0 || t.k() > x.size(t.dim())) {
                    throw RuleChecks.fail(name, ctx, "k " + t.k() + " out of range 0.." + x.size(t.dim()) + " for dim " + t.dim());
                }
                out[t.dim()] = t.k();
            }
        }
        return new OutSpec[] {new OutSpec(out, x.dtype()), new OutSpec(out, DType.I64)};
    }
}
