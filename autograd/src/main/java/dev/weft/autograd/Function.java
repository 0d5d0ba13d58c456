package dev.weft.autograd;

import dev.weft.tensor.Tensor;

/**
 * A user-defined differentiable op, as PyTorch's {@code torch.autograd.Function}: {@link #forward}
 * computes the outputs from tensors (it runs with grad mode off, so nothing inside it is recorded) and
 * saves on the {@link FunctionCtx} what {@link #backward} needs; {@link #backward} maps the gradients
 * of the outputs to one gradient per input. {@link #apply} runs forward and, when grad mode is on and
 * some input requires grad, links one node for the whole function into the graph.
 *
 * <pre>{@code
 * final class Cube extends Function {
 *     protected Tensor[] forward(FunctionCtx ctx, Tensor... in) {
 *         ctx.saveForBackward(in[0]);
 *         return new Tensor[] {in[0].pow(3)};
 *     }
 *     protected Tensor[] backward(FunctionCtx ctx, Tensor... g) {
 *         Tensor x = ctx.saved(0);
 *         return new Tensor[] {g[0].mul(x.square()).mul(3)};
 *     }
 * }
 * Tensor y = new Cube().apply(x);
 * }</pre>
 *
 * Constants a backward needs (a dim, an epsilon) are fields of the function object; tensors go through
 * {@link FunctionCtx#saveForBackward} so that an in-place change of them after forward makes backward fail
 * with the version error instead of a silently wrong gradient. Backward runs in grad mode only when the
 * engine is creating a graph (createGraph); written in tensor ops it is then differentiable again.
 * Contract, checked at run time with errors naming the function: forward returns at least one tensor
 * and never one of its inputs itself (return a clone or a view; an input returned as-is is aliased by a
 * detached view); backward returns exactly one entry per input, null where no gradient flows, each of
 * its input's shape (or broadcastable to it) and dtype. Gradients returned for inputs that do not need
 * one are dropped. In-place functions (PyTorch's mark_dirty) are not supported: forward must not write
 * into its inputs.
 */
public abstract class Function {
    static {
        Tape.install();
    }

    /** For subclasses: a function holds no state of its own; {@link #apply} records one node per call. */
    protected Function() {}

    /**
     * Computes the outputs (grad mode is off here); save what backward needs on ctx.
     *
     * @param ctx the context shared by forward and backward
     * @param inputs the input tensors
     * @return the outputs
     */
    protected abstract Tensor[] forward(FunctionCtx ctx, Tensor... inputs);

    /**
     * {@return one gradient per forward input (null: none) from one gradient per output} An output's gradient is
     * zeros when none arrived (unless {@link FunctionCtx#setMaterializeGrads} turned that off: then null).
     *
     * @param ctx the context shared by forward and backward
     * @param gradOutputs the gradients of the outputs, one per output (null for an output with no gradient)
     */
    protected abstract Tensor[] backward(FunctionCtx ctx, Tensor... gradOutputs);

    /** {@return the name in the graph and in error messages (default: the class's simple name)} */
    public String name() {
        String s = getClass().getSimpleName();
        return s.isEmpty() ? "Function" : s;
    }

    /**
     * Runs the function on inputs; all outputs.
     *
     * @param inputs the input tensors
     * @return all outputs
     */
    public final Tensor[] applyAll(Tensor... inputs) {
        return FunctionCall.run(this, inputs);
    }

    /**
     * Runs the function on inputs; its single output (an error if forward returns several).
     *
     * @param inputs the input tensors
     * @return the output
     */
    public final Tensor apply(Tensor... inputs) {
        Tensor[] out = applyAll(inputs);
        if (out.length != 1) {
            throw new IllegalStateException(name() + ".apply: forward returned " + out.length
                    + " outputs; use applyAll for a function with several outputs");
        }
        return out[0];
    }
}
