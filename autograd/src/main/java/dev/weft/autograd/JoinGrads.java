package dev.weft.autograd;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.JoinOp;

/** Backward rules of cat (the gradient split back into the pieces, as views) and flip (flipped back). */
final class JoinGrads {
    private JoinGrads() {}

    static Tensor[] backward(JoinOp op, Ctx c) {
        Tensor g = c.g();
        return switch (op) {
            case JoinOp.Cat k -> {
                Tensor[] out = new Tensor[c.inputCount()];
                int at = 0;
                for (int i = 0; i < out.length; i++) {
                    int n = c.inShape(i)[k.dim()];
                    if (c.needs(i)) out[i] = g.narrow(k.dim(), at, n);
                    at += n;
                }
                yield out;
            }
            case JoinOp.Flip f -> new Tensor[] {g.flip(f.dims())};
        };
    }
}
