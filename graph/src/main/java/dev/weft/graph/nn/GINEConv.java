package dev.weft.graph.nn;

import dev.weft.graph.nn.aggr.ReduceAggregation;
import dev.weft.nn.Module;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.Tensor;

/**
 * GIN with edge features (Hu et al., PyG's GINEConv): x'_i = h((1 + eps) x_i + sum_j relu(x_j + e_ji)), the edge
 * attributes first mapped to the node width by a Linear when edgeDim is given ({@code edgeDim < 0}: they already have it).
 */
public final class GINEConv extends MessagePassing {
    private final double eps0;
    private final boolean trainEps, project;

    /**
     * A layer; with edgeDim at least 0 a Linear(edgeDim, nodeDim) maps the edge attributes first.
     *
     * @param nn h, applied to the aggregated features
     * @param eps the initial (or fixed) eps
     * @param trainEps whether eps is a learned parameter
     * @param nodeDim F, the node feature width (used with edgeDim)
     * @param edgeDim D, the edge attribute width, or negative when it already is F
     */
    public GINEConv(Module nn, double eps, boolean trainEps, int nodeDim, int edgeDim) {
        super(ReduceAggregation.sum());
        this.eps0 = eps;
        this.trainEps = trainEps;
        registerModule("nn", nn);
        if (trainEps) registerParameter("eps", Tensor.of((float) eps).reshape());
        this.project = edgeDim >= 0;
        if (project) registerModule("lin", new Linear(edgeDim, nodeDim));
    }

    /**
     * x' for one graph's nodes.
     *
     * @param x node features (N, F)
     * @param edgeIndex integer (2, E): row 0 the sources, row 1 the targets
     * @param edgeAttr edge attributes (E, D), required
     * @return h's output for every node
     * @throws IllegalArgumentException if edgeAttr is null or its width does not match the nodes'
     */
    public Tensor forward(Tensor x, Tensor edgeIndex, Tensor edgeAttr) {
        Messages.nodeFeatures(this, x, -1);
        if (edgeAttr == null) throw new IllegalArgumentException(this + ": edge_attr is required");
        Tensor agg = propagate(Adjacency.of(edgeIndex, x.size(0)), x, null, null, edgeAttr);
        Tensor self = trainEps ? x.mul(param("eps").add(1.0)) : x.mul(1 + eps0);
        return child("nn").forward(agg.add(self));
    }

    @Override
    protected Tensor message(Edges e) {
        Tensor a = e.attr();
        if (project) a = child("lin").forward(a);
        if (a.size(-1) != e.xj().size(-1)) {
            throw new IllegalArgumentException(this + ": edge features of width " + a.size(-1) + " and node features of width "
                    + e.xj().size(-1) + " differ (give edgeDim)");
        }
        return e.xj().add(a).relu();
    }
}
