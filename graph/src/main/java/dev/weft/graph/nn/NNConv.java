package dev.weft.graph.nn;

import dev.weft.graph.nn.aggr.Aggregation;
import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

/**
 * The edge-conditioned convolution of Gilmer et al. / Simonovsky and Komodakis (PyG's NNConv, alias ECConv):
 * x'_i = Theta x_i + aggr_{j in N(i)} x_j . h(e_ji) + b, where the module h maps each edge's attributes (E, D) to
 * an (in x out) matrix (E, in * out), aggr "add" by default. Theta = lin (in_dst -> out, no bias, U(-1/sqrt(in),
 * 1/sqrt(in)) as PyG's 'uniform'), b zeros; rootWeight false drops Theta x_i. One batched (1 x in)(in x out)
 * product per edge, then a segment reduction by target.
 */
public final class NNConv extends MessagePassing {
    private final int in, inDst, out;
    private final boolean rootWeight;

    /**
     * NNConv(in, out, nn) with aggr "add", rootWeight and bias.
     *
     * @param in input channels (PyG's in_channels), at least 1
     * @param out output channels (PyG's out_channels), at least 1
     * @param nn the module h mapping edge attributes (E, D) to (E, in * out)
     */
    public NNConv(int in, int out, Module nn) {
        this(in, in, out, nn, "add", true, true, Init.defaultGenerator());
    }

    /**
     * An edge-conditioned convolution with every option; inSrc, inDst: in_channels as a tuple (equal for an
     * ordinary graph).
     *
     * @param inSrc source feature width, at least 1
     * @param inDst target feature width (the root term), at least 1
     * @param out output channels, at least 1
     * @param nn the module h mapping edge attributes (E, D) to (E, inSrc * out)
     * @param aggr the aggregation name, such as "add", "mean" or "max"
     * @param rootWeight whether to add Theta x_i
     * @param bias whether to add a learnable bias (zeros)
     * @param g the generator for the root weight
     */
    public NNConv(int inSrc, int inDst, int out, Module nn, String aggr, boolean rootWeight, boolean bias, Generator g) {
        super(Aggregation.of(aggr));
        this.in = OptionChecks.atLeast("NNConv", "in_channels", inSrc, 1);
        this.inDst = OptionChecks.atLeast("NNConv", "in_channels", inDst, 1);
        this.out = OptionChecks.atLeast("NNConv", "out_channels", out, 1);
        this.rootWeight = rootWeight;
        registerModule("nn", OptionChecks.nonNull("NNConv", "nn", nn));
        if (rootWeight) registerModule("lin", new Linear(inDst, out, false, g));
        registerParameter("bias", bias ? Tensor.zeros(out) : null);
    }

    /**
     * The convolution on one node set.
     *
     * @param x node features (N, in)
     * @param edgeIndex the edges (2, E)
     * @param edgeAttr edge attributes (E, D), the input of nn
     * @return the new node features (N, out)
     */
    public Tensor forward(Tensor x, Tensor edgeIndex, Tensor edgeAttr) {
        return forward(x, x, edgeIndex, edgeAttr);
    }

    /**
     * The bipartite form.
     *
     * @param xSrc source features (numSrc, in)
     * @param xDst target features (numDst, inDst)
     * @param edgeIndex the edges (2, E)
     * @param edgeAttr edge attributes (E, D), the input of nn
     * @return the new target features (numDst, out)
     */
    public Tensor forward(Tensor xSrc, Tensor xDst, Tensor edgeIndex, Tensor edgeAttr) {
        Messages.nodeFeatures(this, xSrc, in);
        Messages.nodeFeatures(this, xDst, inDst);
        if (edgeAttr == null) throw new IllegalArgumentException(this + ": edge_attr is required");
        Tensor y = propagate(Adjacency.of(edgeIndex, xSrc.size(0), xDst.size(0)), xSrc, null, null, edgeAttr);
        if (rootWeight) y = y.add(child("lin").forward(xDst));
        Tensor b = param("bias");
        return b == null ? y : y.add(b);
    }

    /** x_j . h(e_ji): (E, 1, in) x (E, in, out). */
    @Override
    protected Tensor message(Edges e) {
        Tensor w = child("nn").forward(e.attr());
        int m = e.xj().size(0);
        if (w.numel() != m * in * out) {
            throw new IllegalArgumentException(this + ": nn maps edge_attr to " + Shape.format(w.shape()) + ", expected (" + m + ", " + in * out + ")");
        }
        return e.xj().unsqueeze(1).bmm(w.reshape(m, in, out)).reshape(m, out);
    }

    @Override
    protected String extraRepr() {
        return in + ", " + out + ", aggr=" + aggregation().reprName();
    }
}
