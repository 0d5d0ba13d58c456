package dev.weft.autograd;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.ConvOp;
import dev.weft.tensor.Dispatch;

/**
 * Backward rules of the sliding-window primitives. Convolution is Conv2d on the CPU (one fused primitive
 * with its two gradient primitives) and Im2col + ConvMatmul elsewhere, whose gradients come from these. Each primitive's backward is its adjoint primitive: im2col <-> col2im,
 * pooling -> its backward op, and the backward ops back to gathers / pooling. ConvMatmul and
 * ConvWeightGrad are bilinear and close under differentiation:
 * <pre>
 * y = W (x) cols          dW = gw(gy, cols)        dcols = W^T (x) gy
 * gw = gw(gy, cols)       dgy = G (x) cols         dcols = G^T (x) gy
 * </pre>
 * ((x) is ConvMatmul, ^T the per-group transpose of a (G*co, K) weight into (G*K, co)).
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
            case ConvOp.ConvMatmul m -> new Tensor[] {
                    c.needs(0) ? Dispatch.apply1(new ConvOp.ConvWeightGrad(m.groups()), g, c.in(1)) : null,
                    c.needs(1) ? Dispatch.apply1(new ConvOp.ConvMatmul(m.groups()), perGroupT(c.in(0), m.groups()), g) : null};
            case ConvOp.ConvWeightGrad m -> new Tensor[] {
                    c.needs(0) ? Dispatch.apply1(new ConvOp.ConvMatmul(m.groups()), g, c.in(1)) : null,
                    c.needs(1) ? Dispatch.apply1(new ConvOp.ConvMatmul(m.groups()), perGroupT(g, m.groups()), c.in(0)) : null};
            // the fused convolution and its two gradients close under differentiation (all bilinear):
            // y = conv(x, W) (+ b): dx = inputGrad(g, W), dW = weightGrad(g, x), db = g summed over (B, L)
            case ConvOp.Conv2d f -> {
                int[] x = c.inShape(0);
                Tensor dx = c.needs(0) ? Dispatch.apply1(new ConvOp.Conv2dInputGrad(x[2], x[3], f.w(), f.groups()), g, c.in(1)) : null;
                Tensor dw = c.needs(1) ? Dispatch.apply1(new ConvOp.Conv2dWeightGrad(f.w(), f.groups()), g, c.in(0)) : null;
                if (c.inputCount() == 2) yield new Tensor[] {dx, dw};
                yield new Tensor[] {dx, dw, c.needs(2) ? g.sum(0, 2) : null};
            }
            // gw = weightGrad(gy, x): d gy = conv(x, G), d x = inputGrad(gy, G)
            case ConvOp.Conv2dWeightGrad f -> {
                int[] x = c.inShape(1);
                yield new Tensor[] {
                        c.needs(0) ? Dispatch.apply1(new ConvOp.Conv2d(f.w(), f.groups()), c.in(1), g) : null,
                        c.needs(1) ? Dispatch.apply1(new ConvOp.Conv2dInputGrad(x[2], x[3], f.w(), f.groups()), c.in(0), g) : null};
            }
            // gx = inputGrad(gy, W): d gy = conv(G, W), d W = weightGrad(gy, G)
            case ConvOp.Conv2dInputGrad f -> new Tensor[] {
                    c.needs(0) ? Dispatch.apply1(new ConvOp.Conv2d(f.w(), f.groups()), g, c.in(1)) : null,
                    c.needs(1) ? Dispatch.apply1(new ConvOp.Conv2dWeightGrad(f.w(), f.groups()), c.in(0), g) : null};
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

    /** w (G*co, K) -> (G*K, co), each group's (co, K) block transposed (a view for one group). */
    private static Tensor perGroupT(Tensor w, int groups) {
        if (groups == 1) return w.mT();
        int co = w.size(0) / groups, k = w.size(1);
        return w.reshape(groups, co, k).transpose(1, 2).reshape(groups * k, co);
    }
}
