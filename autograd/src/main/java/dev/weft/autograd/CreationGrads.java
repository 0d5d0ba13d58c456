package dev.weft.autograd;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.CreationOp;

/**
 * The Creation family has no backward: its ops take no tensor inputs (they are listed in
 * {@link Gradients#NON_DIFFERENTIABLE_OPS}), so reaching one here is an error naming the op.
 */
final class CreationGrads {
    private CreationGrads() {}

    static Tensor[] backward(CreationOp op, Ctx c) {
        throw Gradients.nonDifferentiable(op, c);
    }
}
