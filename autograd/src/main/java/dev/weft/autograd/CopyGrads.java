package dev.weft.autograd;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.CopyOp;

/**
 * Backward rules of the Copy family: clone passes the gradient through; copy_ overwrites its
 * destination, so the old value gets no gradient and the source gets the destination's (cast back to
 * the source dtype; the engine sums it to the source's size); a device move sends it back.
 */
final class CopyGrads {
    private CopyGrads() {}

    static Tensor[] backward(CopyOp op, Ctx c) {
        return switch (op) {
            case CopyOp.Clone x -> new Tensor[] {c.g()};
            case CopyOp.CopyInto x -> new Tensor[] {null, c.g().to(c.inDtype(1))};
            case CopyOp.ToDevice x -> new Tensor[] {c.g().to(c.inMeta(0).device())};
        };
    }
}
