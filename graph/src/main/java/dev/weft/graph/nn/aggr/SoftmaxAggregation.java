package dev.weft.graph.nn.aggr;

import dev.weft.tensor.Segments;
import dev.weft.tensor.Tensor;

/**
 * PyG's SoftmaxAggregation: sum_j softmax_j(t m_j) m_j per target and feature, with inverse temperature t
 * (a learnable scalar parameter "t" when learn is true).
 */
public final class SoftmaxAggregation extends Aggregation {
    private final double t;
    private final boolean learn;

    /**
     * PyG's SoftmaxAggregation(t, learn).
     *
     * @param t the inverse temperature (the initial value when learned)
     * @param learn whether t is a learnable parameter
     */
    public SoftmaxAggregation(double t, boolean learn) {
        this.t = t;
        this.learn = learn;
        if (learn) registerParameter("t", Tensor.of((float) t).reshape());
    }

    @Override
    public Tensor aggregate(Tensor m, Tensor rowPtr, int numDst) {
        Tensor logits = learn ? m.mul(param("t")) : t == 1 ? m : m.mul(t);
        return Segments.segment(m.mul(Segments.softmax(logits, rowPtr)), rowPtr, "sum");
    }

    @Override
    protected String extraRepr() {
        return "t=" + t + ", learn=" + learn;
    }
}
