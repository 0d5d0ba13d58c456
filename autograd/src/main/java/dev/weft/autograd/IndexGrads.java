package dev.weft.autograd;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.IndexOp;

/**
 * Backward rules of the indexing primitives: reads (index_select, gather) scatter their gradient back
 * with index_add / scatter_add; writes (scatter, scatter_add, scatter_reduce, index_add) pass it to
 * self where self survives and gather it for src. The index input (1) never gets a gradient. When idx
 * is smaller than src, the gathered gradient is padded with zeros to src's shape.
 */
final class IndexGrads {
    private IndexGrads() {}

    static Tensor[] backward(IndexOp op, Ctx c) {
        Tensor g = c.g();
        return switch (op) {
            // y = x[.., idx[j], ..]: gx[.., idx[j], ..] += g[.., j, ..]
            case IndexOp.IndexSelect s -> new Tensor[] {Structural.zeros(c.inShape(0), g).indexAdd(s.dim(), c.in(1), g), null};
            // y[i] = x[i with dim = idx[i]]: gx[i with dim = idx[i]] += g[i]
            case IndexOp.Gather s -> new Tensor[] {Structural.zeros(c.inShape(0), g).scatterAdd(s.dim(), c.in(1), g), null};
            // written positions lose self's value (zero gradient there); src gets what reached its target
            case IndexOp.Scatter s -> new Tensor[] {
                    c.needs(0) ? g.scatter(s.dim(), c.in(1), 0.0) : null, null,
                    c.needs(2) ? gatherSrc(c, g, s.dim()) : null};
            case IndexOp.ScatterAdd s -> new Tensor[] {g, null, c.needs(2) ? gatherSrc(c, g, s.dim()) : null};
            case IndexOp.ScatterReduce s -> ScatterReduceGrads.backward(s, c);
            // y = self; y[.., idx[j], ..] += alpha src[.., j, ..]
            case IndexOp.IndexAdd s -> new Tensor[] {g, null, c.needs(2) ? g.indexSelect(s.dim(), c.in(1)).mul(s.alpha()) : null};
            case IndexOp.Nonzero n -> throw Gradients.nonDifferentiable(op, c);
        };
    }

    /** g gathered at idx along dim, zero-padded to src's shape (input 2). */
    static Tensor gatherSrc(Ctx c, Tensor g, int dim) {
        return Structural.padTo(g.gather(dim, c.in(1)), c.inShape(2));
    }
}
