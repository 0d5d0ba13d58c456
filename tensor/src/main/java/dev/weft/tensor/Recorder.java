package dev.weft.tensor;

import dev.weft.tensor.op.Op;



/**
 * The recording hook autograd installs with {@link Dispatch#setRecorder}. Dispatch calls {@link #record} after an
 * op ran, only when a recorder is installed and some input requires grad. It may mark outputs
 * (requiresGrad, gradNode); it must not modify inputs or outputs' values.
 */
@FunctionalInterface
public interface Recorder {
    /**
     * Called once per executed op, with the op record, its inputs and its outputs.
     *
     * @param op the op
     * @param inputs the input tensors
     * @param outputs the output tensors
     */
    void record(Op op, Tensor[] inputs, Tensor[] outputs);

    /**
     * Called before an in-place write (CopyInto) runs, when some input requires grad, so that a
     * write the recorder would refuse fails before it changes anything. Throws to refuse.
     *
     * @param op the op
     * @param inputs the input tensors
     */
    default void beforeInPlace(Op op, Tensor[] inputs) {}

    /** {@return false while nothing would be recorded on this thread (grad mode off), so in-place ops need no autograd checks} */
    default boolean recording() {
        return true;
    }
}
