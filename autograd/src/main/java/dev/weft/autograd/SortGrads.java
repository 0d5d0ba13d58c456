package dev.weft.autograd;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.SortOp;

/** Backward of sort and topk: the values' gradient goes back to the positions the indices name. */
final class SortGrads {
    private SortGrads() {}

    static Tensor[] backward(SortOp op, Ctx c) {
        int dim = switch (op) {
            case SortOp.Sort s -> s.dim();
            case SortOp.Topk t -> t.dim();
        };
        Tensor g = c.gOrZeros(0);
        return new Tensor[] {Structural.zeros(c.inShape(0), g).scatterAdd(dim, c.out(1), g)};
    }
}
