package dev.weft.tensor.op;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;

/** Shape rules of {@link MatmulOp}: (B, M, K) @ (B, K, N) with matching batch and inner dims. */
final class MatmulRules {
    private MatmulRules() {}

    static OutSpec[] infer(MatmulOp op, Strided[] in) {
        return new OutSpec[] {spec(op, in)};
    }

    private static OutSpec spec(MatmulOp op, Strided[] in) {
        return switch (op) {
            case MatmulOp.Bmm b -> {
                RuleChecks.arity("bmm", in, 2);
                int[] a = in[0].shape(), c = in[1].shape();
                if (a.length != 3 || c.length != 3 || a[0] != c[0] || a[2] != c[1]) {
                    String both = Shape.format(a) + " @ " + Shape.format(c);
                    if (a.length != 3 || c.length != 3) {
                        throw new IllegalArgumentException("bmm: " + both + ": expected two 3-d tensors (B, M, K) @ (B, K, N)");
                    }
                    if (a[0] != c[0]) throw new IllegalArgumentException("bmm: " + both + ": batch sizes " + a[0] + " != " + c[0]);
                    throw new IllegalArgumentException("bmm: " + both + ": inner dims " + a[2] + " != " + c[1]);
                }
                RuleChecks.sameDtype("bmm", in[0], in[1]);
                RuleChecks.floating("bmm", in[0]);
                yield new OutSpec(new int[] {a[0], a[1], c[2]}, in[0].dtype());
            }
        };
    }
}
