package dev.weft.autograd;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.ConvOp;
import dev.weft.tensor.Dispatch;

/**
 * Backward rules of the sliding-window primitives; convolution itself is Im2col + Bmm, so its
 * gradients come from these and the Bmm rule. Each primitive's backward is its adjoint primitive:
 * im2col <-> col2im, pooling -> its backward op, and the backward ops back to gathers / pooling.
 */
final class ConvGrads {
    private ConvGrads() {}

    static Tensor[] backward(ConvOp op, Ctx c) {
        Tensor g = c.g();
        return switch (op) {
            case ConvOp.Im2col u -> {
                int[] x = c.inShape(0);
                yield new Tensor[] {Dispatch.apply1(new ConvOp.Col2im(x[2], x[3], u.w()), g)};
            }
            case ConvOp.Col2im f -> new Tensor[] {Dispatch.apply1(new ConvOp.Im2col(f.w()), g)};
            case ConvOp.MaxPool2d p -> {
                int[] x = c.inShape(0);
                yield new Tensor[] {Dispatch.apply1(new ConvOp.MaxPool2dBackward(x[2], x[3]), c.gOrZeros(0), c.out(1))};
            }
            // gx[b, c, idx] += gy[b, c, o]: its adjoint reads G at idx
            case ConvOp.MaxPool2dBackward p -> {
                Tensor idx = c.in(1);
                int[] s = idx.shape();
                Tensor picked = g.flatten(2, -1).gather(2, idx.flatten(2, -1));
                yield new Tensor[] {picked.reshape(s), null};
            }
            case ConvOp.AvgPool2d p -> {
                int[] x = c.inShape(0);
                yield new Tensor[] {Dispatch.apply1(new ConvOp.AvgPool2dBackward(x[2], x[3], p.w(), p.ceilMode(), p.countIncludePad()), g)};
            }
            case ConvOp.AvgPool2dBackward p -> new Tensor[] {Dispatch.apply1(new ConvOp.AvgPool2d(p.w(), p.ceilMode(), p.countIncludePad()), g)};
        };
    }
}
