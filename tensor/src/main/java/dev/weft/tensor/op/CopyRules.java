package dev.weft.tensor.op;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;

/** Shape rules of {@link CopyOp}: clone, copy_ (broadcast source, no expanded destination) and device moves. */
final class CopyRules {
    private CopyRules() {}

    static OutSpec[] infer(CopyOp op, Strided[] in) {
        return new OutSpec[] {spec(op, in)};
    }

    private static OutSpec spec(CopyOp op, Strided[] in) {
        return switch (op) {
            case CopyOp.Clone c -> {
                RuleChecks.arity("clone", in, 1);
                yield new OutSpec(in[0].shape(), in[0].dtype());
            }
            case CopyOp.CopyInto c -> {
                RuleChecks.arity("copy_", in, 2);
                Strided dst = in[0], src = in[1];
                if (!Shape.broadcastsTo(src.shape(), dst.shape())) {
                    throw new IllegalArgumentException("copy_: source " + Shape.format(src.shape())
                            + " cannot broadcast to destination " + Shape.format(dst.shape()));
                }
                int[] s = dst.shape(), st = dst.stride();
                for (int d = 0; d < s.length; d++) {
                    if (s[d] > 1 && st[d] == 0) {
                        throw new IllegalArgumentException("copy_: destination " + Shape.format(s) + " with strides "
                                + Shape.format(st) + " is an expanded view (dim " + d
                                + " has stride 0): writing would store several values into one element; clone() it first");
                    }
                }
                yield new OutSpec(s, dst.dtype());
            }
            case CopyOp.ToDevice t -> {
                RuleChecks.arity("to", in, 1);
                yield new OutSpec(in[0].shape(), in[0].dtype());
            }
        };
    }
}
