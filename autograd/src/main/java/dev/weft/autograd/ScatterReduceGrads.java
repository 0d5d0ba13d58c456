package dev.weft.autograd;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.IndexOp;

/**
 * Backward of scatter_reduce (inputs self, idx, src; output y). "Targets" are the positions of y that
 * receive at least one src element; without includeSelf a target's own value does not take part.
 * sum: g to self (not at targets without includeSelf) and gathered to src. mean: divided by each
 * target's count. amax/amin: shared evenly among the values equal to the result. prod: the product of
 * the other contributions, computed without dividing by zero (zeros are counted per target).
 */
final class ScatterReduceGrads {
    private ScatterReduceGrads() {}

    static Tensor[] backward(IndexOp.ScatterReduce op, Ctx c) {
        int dim = op.dim();
        boolean incl = op.includeSelf();
        Tensor g = c.g(), idx = c.in(1);
        Tensor src = Structural.narrowTo(c.in(2), idx.shape());
        int[] selfShape = c.inShape(0);
        // 1 where self takes part in its position's result
        Tensor targeted = Structural.zeros(selfShape, g).scatterAdd(dim, idx, Tensor.onesLike(src)).gt(0.0);
        Tensor selfIn = incl ? Tensor.onesLike(g).gt(0.0) : targeted.logicalNot();
        Tensor[] gs = switch (op.reduce()) {
            case SUM -> new Tensor[] {Tensor.where(selfIn, g, 0.0), g.gather(dim, idx)};
            case MEAN -> {
                Tensor count = Structural.zeros(selfShape, g).scatterAdd(dim, idx, Tensor.onesLike(src))
                        .add(selfIn.to(g.dtype())).clampMin(1.0);
                Tensor gm = g.div(count);
                yield new Tensor[] {Tensor.where(selfIn, gm, 0.0), gm.gather(dim, idx)};
            }
            case AMAX, AMIN -> {
                Tensor y = c.out(0), self = c.in(0);
                Tensor srcHit = src.eq(y.gather(dim, idx)).to(g.dtype());
                Tensor selfHit = self.eq(y).logicalAnd(selfIn).to(g.dtype());
                Tensor ties = Structural.zeros(selfShape, g).scatterAdd(dim, idx, srcHit).add(selfHit).clampMin(1.0);
                Tensor share = g.div(ties);
                yield new Tensor[] {share.mul(selfHit), share.gather(dim, idx).mul(srcHit)};
            }
            case PROD -> {
                Tensor self = c.in(0);
                Tensor selfPart = Tensor.where(selfIn, self, 1.0);
                Tensor srcZero = src.eq(0.0), selfZero = selfPart.eq(0.0);
                Tensor zeros = Structural.zeros(selfShape, g).scatterAdd(dim, idx, srcZero.to(g.dtype())).add(selfZero.to(g.dtype()));
                // product of the non-zero contributions of each position (self included where it takes part)
                Tensor nz = Tensor.where(selfZero, Tensor.onesLike(selfPart), selfPart)
                        .scatterReduce(dim, idx, Tensor.where(srcZero, Tensor.onesLike(src), src), "prod", true);
                // d y / d v = prod of the others: nz / v when the position has no zero; nz when v is its only zero
                Tensor gz = g.mul(nz);
                Tensor none = zeros.eq(0.0), one = zeros.eq(1.0);
                Tensor gSelf = Tensor.where(selfIn, Tensor.where(none, gz.div(Tensor.where(selfZero, Tensor.onesLike(selfPart), selfPart)),
                        Tensor.where(one.logicalAnd(selfZero), gz, 0.0)), 0.0);
                Tensor gzAt = gz.gather(dim, idx), noneAt = none.gather(dim, idx), oneAt = one.gather(dim, idx);
                Tensor gSrc = Tensor.where(noneAt, gzAt.div(Tensor.where(srcZero, Tensor.onesLike(src), src)),
                        Tensor.where(oneAt.logicalAnd(srcZero), gzAt, 0.0));
                yield new Tensor[] {gSelf, gSrc};
            }
        };
        return new Tensor[] {c.needs(0) ? gs[0] : null, null, c.needs(2) ? Structural.padTo(gs[1], c.inShape(2)) : null};
    }
}
