package dev.weft.autograd;

import dev.weft.tensor.Tensor;

/**
 * One application of a {@link Function}: runs its forward without recording, checks what it returned,
 * links one graph node for it when some input requires grad, and on backward runs the function's
 * backward with the gradients materialized and checks it returned one entry per input.
 */
final class FunctionCall {
    private final Function fn;
    private final FunctionCtx ctx;
    private final String name;

    private FunctionCall(Function fn, FunctionCtx ctx, String name) {
        this.fn = fn;
        this.ctx = ctx;
        this.name = name;
    }

    String name() {
        return name;
    }

    FunctionCtx ctx() {
        return ctx;
    }

    static Tensor[] run(Function fn, Tensor[] inputs) {
        String name = fn.name();
        if (inputs == null || inputs.length == 0) throw new IllegalArgumentException(name + ".apply: no input tensors");
        boolean record = GradMode.isEnabled();
        boolean any = false;
        boolean[] needs = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null) throw new IllegalArgumentException(name + ".apply: input " + i + " is null");
            any |= needs[i] = record && inputs[i].requiresGrad();
        }
        FunctionCtx ctx = new FunctionCtx(name, needs);
        Tensor[] out;
        try (var off = GradMode.noGrad()) {
            out = fn.forward(ctx, inputs.clone());
        }
        out = checkedOutputs(name, out, inputs);
        ctx.endForward();
        if (any) Tape.link(null, new FunctionCall(fn, ctx, name), inputs, out);
        return out;
    }

    /** A copy of forward's result with every input returned as-is (or an output returned twice) aliased by a detached view. */
    private static Tensor[] checkedOutputs(String name, Tensor[] out, Tensor[] inputs) {
        if (out == null || out.length == 0) throw new IllegalStateException(name + ".forward returned no outputs");
        Tensor[] r = out.clone();
        for (int i = 0; i < r.length; i++) {
            if (r[i] == null) throw new IllegalStateException(name + ".forward returned null for output " + i);
            boolean seen = false;
            for (Tensor x : inputs) seen |= x == r[i];
            for (int j = 0; j < i; j++) seen |= out[j] == r[i];
            if (seen) r[i] = r[i].detach();
        }
        return r;
    }

    /** The function's backward from the node's incoming gradients; one gradient per input (null: none). */
    Tensor[] backward(Node node, Tensor[] gradsIn, boolean[] needs) {
        Tensor[] g = new Tensor[node.outputCount];
        for (int i = 0; i < g.length; i++) {
            g[i] = gradsIn[i] != null || !ctx.materializeGrads() ? gradsIn[i] : Tensor.zerosLike(node.outputMeta(i));
        }
        Tensor[] r = fn.backward(ctx, g);
        int n = node.inputCount();
        if (r == null || r.length != n) {
            throw new IllegalStateException("backward of " + name + " returned " + (r == null ? "null" : r.length + " gradients")
                    + " for its " + n + " inputs (" + node.shapes() + "); return one entry per input, null where none flows");
        }
        Tensor[] kept = new Tensor[n];
        for (int i = 0; i < n; i++) kept[i] = needs[i] ? r[i] : null;
        return kept;
    }
}
