package dev.weft.graph.nn;

import dev.weft.graph.nn.aggr.Aggregation;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.Tensor;

/**
 * The Weisfeiler-Leman graph convolution (Morris et al., PyG's GraphConv): x'_i = W_1 x_i + W_2 aggr_j (e_ji x_j),
 * aggr "add" by default; lin_rel (W_2, with the bias) and lin_root (W_1, no bias).
 */
public final class GraphConv extends MessagePassing {
    private final int in, out;

    /**
     * Sum aggregation, with bias.
     *
     * @param in in_channels, the input feature size
     * @param out out_channels, the output feature size
     */
    public GraphConv(int in, int out) {
        this(in, out, "add", true);
    }

    /**
     * A layer with the given aggregation.
     *
     * @param in in_channels, the input feature size
     * @param out out_channels, the output feature size
     * @param aggr an {@link Aggregation#of} name ("add", "mean", "max", ...)
     * @param bias whether lin_rel has a bias
     */
    public GraphConv(int in, int out, String aggr, boolean bias) {
        super(Aggregation.of(aggr));
        this.in = in;
        this.out = out;
        registerModule("lin_rel", new Linear(in, out, bias, Init.defaultGenerator()));
        registerModule("lin_root", new Linear(in, out, false, Init.defaultGenerator()));
    }

    /**
     * x' with unit edge weights.
     *
     * @param x node features (N, in)
     * @param edgeIndex integer (2, E): row 0 the sources, row 1 the targets
     * @return x', (N, out)
     */
    public Tensor forward(Tensor x, Tensor edgeIndex) {
        return forward(x, edgeIndex, null);
    }

    /**
     * x' with edge weights e_ji.
     *
     * @param x node features (N, in)
     * @param edgeIndex integer (2, E): row 0 the sources, row 1 the targets
     * @param edgeWeight e_ji of each edge (E), or null for ones
     * @return x', (N, out)
     */
    public Tensor forward(Tensor x, Tensor edgeIndex, Tensor edgeWeight) {
        Messages.nodeFeatures(this, x, in);
        Tensor agg = propagate(Adjacency.of(edgeIndex, x.size(0)), x, null, edgeWeight, null);
        return child("lin_rel").forward(agg).add(child("lin_root").forward(x));
    }

    @Override
    protected String extraRepr() {
        return in + ", " + out;
    }
}
