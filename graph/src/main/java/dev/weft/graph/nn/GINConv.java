package dev.weft.graph.nn;

import dev.weft.graph.nn.aggr.ReduceAggregation;
import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;

/**
 * The graph isomorphism network layer (Xu et al., PyG's GINConv): x'_i = h((1 + eps) x_i + sum_{j in N(i)} x_j)
 * with h a module (typically an MLP); eps 0 by default, a learnable parameter "eps" when trainEps (GIN-eps),
 * a constant otherwise (GIN-0).
 */
public final class GINConv extends MessagePassing {
    private final double eps0;
    private final boolean trainEps;

    /**
     * GIN-0: eps fixed at 0.
     *
     * @param nn h, applied to the aggregated features
     */
    public GINConv(Module nn) {
        this(nn, 0.0, false);
    }

    /**
     * A layer with the given eps.
     *
     * @param nn h, applied to the aggregated features
     * @param eps the initial (or fixed) eps
     * @param trainEps whether eps is a learned parameter
     */
    public GINConv(Module nn, double eps, boolean trainEps) {
        super(ReduceAggregation.sum());
        this.eps0 = eps;
        this.trainEps = trainEps;
        registerModule("nn", nn);
        if (trainEps) registerParameter("eps", Tensor.of((float) eps).reshape());
    }

    /**
     * x' for one graph's nodes.
     *
     * @param x node features (N, F)
     * @param edgeIndex integer (2, E): row 0 the sources, row 1 the targets
     * @return h's output for every node
     */
    public Tensor forward(Tensor x, Tensor edgeIndex) {
        Messages.nodeFeatures(this, x, -1);
        Tensor agg = propagate(Adjacency.of(edgeIndex, x.size(0)), x, null, null, null);
        Tensor self = trainEps ? x.mul(param("eps").add(1.0)) : x.mul(1 + eps0);
        return child("nn").forward(agg.add(self));
    }

    @Override
    protected String extraRepr() {
        return "eps=" + eps0 + ", train_eps=" + trainEps;
    }
}
