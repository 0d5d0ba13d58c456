package dev.weft.graph.nn;

import dev.weft.graph.nn.aggr.Aggregation;
import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.tensor.Tensor;

/**
 * The edge convolution of DGCNN (Wang et al., "Dynamic Graph CNN for Learning on Point Clouds", PyG's EdgeConv):
 * x'_i = aggr_{j in N(i)} h_theta([x_i, x_j - x_i]), h_theta a module from 2F to F', aggr "max" by default (a
 * target without edges gets 0). The graph is given (static); PyG's DynamicEdgeConv builds it by k-NN instead.
 */
public final class EdgeConv extends MessagePassing {

    /**
     * EdgeConv(nn) with aggr "max".
     *
     * @param nn the module h_theta from 2F to F'
     */
    public EdgeConv(Module nn) {
        this(nn, "max");
    }

    /**
     * An edge convolution with the given aggregation.
     *
     * @param nn the module h_theta from 2F to F'
     * @param aggr the aggregation name, such as "max", "mean" or "add"
     */
    public EdgeConv(Module nn, String aggr) {
        super(Aggregation.of(aggr));
        registerModule("nn", OptionChecks.nonNull("EdgeConv", "nn", nn));
    }

    /**
     * The convolution on one node set.
     *
     * @param x node features (N, F)
     * @param edgeIndex the edges (2, E)
     * @return the new node features (N, F')
     */
    public Tensor forward(Tensor x, Tensor edgeIndex) {
        return forward(x, x, edgeIndex);
    }

    /**
     * The bipartite form.
     *
     * @param xSrc source features (numSrc, F)
     * @param xDst target features (numDst, F)
     * @param edgeIndex the edges (2, E)
     * @return the new target features (numDst, F')
     */
    public Tensor forward(Tensor xSrc, Tensor xDst, Tensor edgeIndex) {
        Messages.nodeFeatures(this, xSrc, -1);
        Messages.nodeFeatures(this, xDst, xSrc.size(1));
        return propagate(Adjacency.of(edgeIndex, xSrc.size(0), xDst.size(0)), xSrc, xDst, null, null);
    }

    /** h_theta([x_i, x_j - x_i]) (E, 2F) -> (E, F'). */
    @Override
    protected Tensor message(Edges e) {
        Tensor xi = e.xi();
        return child("nn").forward(Tensor.cat(new Tensor[] {xi, e.xj().sub(xi)}, 1));
    }

    @Override
    protected String extraRepr() {
        return "nn=" + child("nn");
    }
}
