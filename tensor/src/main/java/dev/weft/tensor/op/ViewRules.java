package dev.weft.tensor.op;

import dev.weft.tensor.core.Strided;

/**
 * Shape rules of {@link ViewOp}: a view's output is its {@link ViewLayout}, computed from metadata
 * once. The dispatcher calls {@link #layout} (never {@link #infer}) and builds the view from it.
 */
public final class ViewRules {
    private ViewRules() {}

    /**
     * {@return the layout of op applied to the one input; an error naming the op and the input otherwise}
     *
     * @param op the op
     * @param in the input views
     */
    public static ViewLayout layout(ViewOp op, Strided[] in) {
        RuleChecks.arity(op.name(), in, 1);
        return ViewLayout.of(op, in[0]);
    }

    /**
     * {@return the layouts of every output: one, or one per piece of a {@link ViewOp.Split}}
     *
     * @param op the op
     * @param in the input views
     */
    public static ViewLayout[] layouts(ViewOp op, Strided[] in) {
        if (op instanceof ViewOp.Split sp) {
            RuleChecks.arity(op.name(), in, 1);
            return ViewLayout.pieces(sp, in[0]);
        }
        return new ViewLayout[] {layout(op, in)};
    }

    static OutSpec[] infer(ViewOp op, Strided[] in) {
        ViewLayout[] l = layouts(op, in);
        OutSpec[] specs = new OutSpec[l.length];
        for (int i = 0; i < l.length; i++) specs[i] = new OutSpec(l[i].shape(), in[0].dtype());
        return specs;
    }
}
