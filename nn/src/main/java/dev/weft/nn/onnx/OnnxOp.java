package dev.weft.nn.onnx;

import dev.weft.tensor.Tensor;

/**
 * One ONNX operator. {@link #compile} runs at load time: it checks the node's arity and attributes (an
 * unsupported attribute value fails there, naming the node) and returns the kernel that runs the node on
 * tensors, composed from Weft's tensor and functional ops so that autograd goes through it.
 */
@FunctionalInterface
interface OnnxOp {
    Kernel compile(OpNode node);

    /** Runs a compiled node: inputs in the node's order (null for an absent optional input), one tensor per output. */
    @FunctionalInterface
    interface Kernel {
        Tensor[] run(Tensor[] inputs);
    }

    /** A kernel with one output. */
    static Kernel single(java.util.function.Function<Tensor[], Tensor> f) {
        return in -> new Tensor[] {f.apply(in)};
    }
}
