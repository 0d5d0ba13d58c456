package dev.weft.tensor.op;

import dev.weft.tensor.core.Strided;

/**
 * Shape rules of {@link ViewOp}: a view's output is its {@link ViewLayout}, computed from metadata
 * once. The dispatcher calls {@link #layout} (never {@link #infer}) and builds the view from it.
 */
public final class ViewRules {
    private ViewRules() {}

    /** The layout of op applied to the one input; an error naming the op and the input otherwise. */
    public static ViewLayout layout(ViewOp op, Strided[] in) {
        RuleChecks.arity(op.name(), in, 1);
        return ViewLayout.of(op, in[0]);
    }

    static OutSpec[] infer(ViewOp op, Strided[] in) {
        return new OutSpec[] {new OutSpec(layout(op, in).shape(), in[0].dtype())};
    }
}
