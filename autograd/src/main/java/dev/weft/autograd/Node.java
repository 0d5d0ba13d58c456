package dev.weft.autograd;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.Op;

/**
 * One recorded op in the autograd graph: the op record, the tensors its rule may read (inputs and
 * outputs, with their storage versions at record time), and one edge per input to where that input's
 * gradient goes: the node (and output slot) that produced it, the leaf tensor itself, or null when
 * the input needs no gradient. Saved tensors are dropped after backward unless the graph is retained;
 * the edges stay, so a second backward through a freed node is a clear error.
 * A tensor's gradNode slot holds the Node for output 0 and an {@link Out} for the other outputs.
 */
final class Node {
    /** The primitive op, or null for a custom {@link Function} call. */
    final Op op;
    /** The custom function call, or null for a primitive op. */
    final FunctionCall call;
    private Tensor[] inputs;
    private Tensor[] outputs;
    private final int[] inputVersions;
    private final int[] outputVersions;
    /** Per input: a Node, a leaf Tensor, or null. */
    final Object[] next;
    /** Per input: the output slot of next[i] when it is a Node. */
    final int[] nextSlot;
    final int outputCount;

    // Per-backward traversal state, valid while pass == the running pass id (one thread walks a graph at a time).
    long pass;
    int deps;
    boolean needed;
    Tensor[] grads;

    Node(Op op, FunctionCall call, Tensor[] inputs, Tensor[] outputs, Object[] next, int[] nextSlot) {
        this.op = op;
        this.call = call;
        this.inputs = inputs;
        this.outputs = outputs;
        this.next = next;
        this.nextSlot = nextSlot;
        this.outputCount = outputs.length;
        this.inputVersions = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) inputVersions[i] = inputs[i].version();
        this.outputVersions = new int[outputs.length];
        for (int i = 0; i < outputs.length; i++) outputVersions[i] = outputs[i].version();
    }

    /** An output slot other than 0 of a node, as stored in a tensor's gradNode. */
    record Out(Node node, int index) {}

    boolean released() {
        return inputs == null;
    }

    /** Drops the saved tensors (after backward without retainGraph). */
    void release() {
        inputs = null;
        outputs = null;
        if (call != null) call.ctx().release();
    }

    /** The op's user-facing name, or the custom function's. */
    String name() {
        return op != null ? op.name() : call.name();
    }

    /** Output i without a version check (its shape and dtype). */
    Tensor outputMeta(int i) {
        checkLive();
        return outputs[i];
    }

    int inputCount() {
        return next.length;
    }

    /** Saved input i, checked against in-place modification since it was recorded. */
    Tensor input(int i) {
        checkLive();
        Tensor t = inputs[i];
        checkVersion("input", i, t, inputVersions[i]);
        return t;
    }

    /** Saved output i, checked like {@link #input}. */
    Tensor output(int i) {
        checkLive();
        Tensor t = outputs[i];
        checkVersion("output", i, t, outputVersions[i]);
        return t;
    }

    /** The input tensor without a version check (its metadata only: dtype, device, strides). */
    Tensor inputMeta(int i) {
        checkLive();
        return inputs[i];
    }

    private void checkLive() {
        if (inputs == null) {
            throw new IllegalStateException("backward: the graph through " + name() + " was already freed by an "
                    + "earlier backward (its saved tensors are gone); pass retainGraph=true to the first backward to walk "
                    + "the graph again");
        }
    }

    private void checkVersion(String what, int i, Tensor t, int saved) {
        int now = t.version();
        if (now != saved) {
            throw new IllegalStateException("backward: " + name() + ": " + what + " " + i + " "
                    + Shape.format(t.shape()) + " " + t.dtype() + " was modified by an in-place op after " + name()
                    + " saved it: saved at version " + saved + ", now at version " + now
                    + " (clone it before the in-place op, or do the in-place op after backward)");
        }
    }

    /** The shape of input i (a copy). */
    int[] inputShape(int i) {
        checkLive();
        return inputs[i].shape();
    }

    /** "(2, 3), (3,)": the input shapes, for messages ("freed" once released). */
    String shapes() {
        if (inputs == null) return "freed";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < inputs.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(Shape.format(inputs[i].shape()));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Node[" + (op != null ? op : name()) + " on " + shapes() + "]";
    }
}
