package dev.weft.tensor.op;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;

/** Shape rules of {@link ElementwiseOp}: dtype domains, broadcasting (checked here only) and the output dtype. */
final class ElementwiseRules {
    private ElementwiseRules() {}

    static OutSpec[] infer(ElementwiseOp op, Strided[] in) {
        return new OutSpec[] {spec(op, in)};
    }

    private static OutSpec spec(ElementwiseOp op, Strided[] in) {
        return switch (op) {
            case ElementwiseOp.Unary u -> {
                RuleChecks.arity(u.name(), in, 1);
                DType t = in[0].dtype();
                switch (u.fn().domain()) {
                    case FLOAT -> RuleChecks.floating(u.name(), in[0]);
                    case NUMERIC -> {
                        if (t == DType.BOOL) {
                            throw new IllegalArgumentException(u.name() + ": bool input " + Shape.format(in[0].shape())
                                    + " is not supported");
                        }
                    }
                    case BOOL -> {
                        if (t != DType.BOOL) {
                            throw new IllegalArgumentException(u.name() + ": expected a bool input, got " + t + " for "
                                    + Shape.format(in[0].shape()));
                        }
                    }
                }
                yield new OutSpec(in[0].shape(), t);
            }
            case ElementwiseOp.Binary b -> {
                RuleChecks.arity(b.name(), in, 2);
                RuleChecks.sameDtype(b.name(), in[0], in[1]);
                if (b.fn().floatOnly()) RuleChecks.floating(b.name(), in[0]);
                if (b.fn().logical() != (in[0].dtype() == DType.BOOL)) {
                    throw new IllegalArgumentException(b.name() + (b.fn().logical() ? ": expected bool inputs, got "
                            : ": bool inputs are not supported, got ") + in[0].dtype() + " for " + RuleChecks.shapes(in));
                }
                int[] s = Shape.broadcast(b.name(), in[0].shape(), in[1].shape());
                yield new OutSpec(s, in[0].dtype());
            }
            case ElementwiseOp.Compare c -> {
                RuleChecks.arity(c.name(), in, 2);
                RuleChecks.sameDtype(c.name(), in[0], in[1]);
                yield new OutSpec(Shape.broadcast(c.name(), in[0].shape(), in[1].shape()), DType.BOOL);
            }
            case ElementwiseOp.Where w -> {
                RuleChecks.arity("where", in, 3);
                if (in[0].dtype() != DType.BOOL) {
                    throw new IllegalArgumentException("where: condition must be bool, got " + in[0].dtype()
                            + " for " + Shape.format(in[0].shape()));
                }
                RuleChecks.sameDtype("where", in[1], in[2]);
                yield new OutSpec(Shape.broadcast("where", in[0].shape(), in[1].shape(), in[2].shape()), in[1].dtype());
            }
            case ElementwiseOp.Cast c -> {
                RuleChecks.arity("to", in, 1);
                yield new OutSpec(in[0].shape(), c.to());
            }
        };
    }
}
