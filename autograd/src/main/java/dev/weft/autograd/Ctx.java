package dev.weft.autograd;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.Tensor;

/**
 * What a backward rule sees of its node: the incoming gradients (one per output, null when none
 * arrived), the saved inputs and outputs (version-checked on every read, so only tensors a rule
 * actually reads can fail the in-place check), input shapes, and which inputs need a gradient.
 */
final class Ctx {
    private final Node node;
    private final Tensor[] grads;
    private final boolean[] needs;

    Ctx(Node node, Tensor[] grads, boolean[] needs) {
        this.node = node;
        this.grads = grads;
        this.needs = needs;
    }

    /** The gradient of output 0 (non-null whenever a rule runs for a single-output op). */
    Tensor g() {
        return grads[0];
    }

    /** The gradient of output i, or null. */
    Tensor g(int i) {
        return grads[i];
    }

    /** The gradient of output i, zeros of that output's shape when none arrived. */
    Tensor gOrZeros(int i) {
        return grads[i] != null ? grads[i] : Tensor.zerosLike(node.output(i));
    }

    /** Saved input i (version-checked). */
    Tensor in(int i) {
        return node.input(i);
    }

    /** Saved output i (version-checked). */
    Tensor out(int i) {
        return node.output(i);
    }

    /** The shape of input i. */
    int[] inShape(int i) {
        return node.inputShape(i);
    }

    /** The dtype of input i. */
    DType inDtype(int i) {
        return node.inputMeta(i).dtype();
    }

    /** Input i without a version check, for its metadata (device, strides, storage offset). */
    Tensor inMeta(int i) {
        return node.inputMeta(i);
    }

    /** True if input i needs a gradient (rules skip the work for the others). */
    boolean needs(int i) {
        return needs[i];
    }

    /** The shape of output i (no version check: metadata only). */
    int[] outShape(int i) {
        return node.outputMeta(i).shape();
    }

    int outputCount() {
        return node.outputCount;
    }

    String opName() {
        return node.name();
    }

    int inputCount() {
        return node.inputCount();
    }
}
