package dev.weft.graph.nn;

import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * Dynamic graph attention (Brody et al., PyG's GATv2Conv): z_l = W_l x, z_r = W_r x (one matrix when
 * shareWeights), e_ji = a . LeakyReLU(z_l[j] + z_r[i]) per head (the nonlinearity before the attention vector:
 * attention that can rank neighbours differently per query), alpha = softmax over i's incoming edges (self loops
 * by default), dropout, x'_i = sum_j alpha_ji z_l[j]; heads concatenated or averaged, plus bias. Glorot weights.
 */
public final class GATv2Conv extends MessagePassing {
    /** {@link AttentionOptions} plus share_weights (one linear map for sources and targets). */
    public static final class Options extends AttentionOptions<Options> {
        boolean shareWeights;

        Options(int in, int out) {
            super("GATv2Conv", in, out);
        }

        /**
         * One linear map W_l = W_r for sources and targets.
         *
         * @param v default false
         * @return these options
         */
        public Options shareWeights(boolean v) { shareWeights = v; return this; }
    }

    /**
     * Options with PyG's defaults (one head, concat, slope 0.2, no dropout, self loops).
     *
     * @param in in_channels, the input feature size
     * @param out out_channels, the output feature size per head
     * @return options to refine and pass to {@link #GATv2Conv(Options)}
     */
    public static Options options(int in, int out) {
        return new Options(in, out);
    }

    private final int in, out, heads;
    private final boolean concat, addSelfLoops, shareWeights;
    private final double negativeSlope, dropout;
    private final Generator dropGen;

    /**
     * A layer with the given options: {@code new GATv2Conv(GATv2Conv.options(16, 8).heads(4))}.
     *
     * @param o the sizes and settings
     */
    public GATv2Conv(Options o) {
        super(dev.weft.graph.nn.aggr.ReduceAggregation.sum());
        in = o.in;
        out = o.out;
        heads = o.heads;
        concat = o.concat;
        addSelfLoops = o.addSelfLoops;
        shareWeights = o.shareWeights;
        negativeSlope = o.negativeSlope;
        dropout = o.dropout;
        Generator g = o.generator != null ? o.generator : Init.defaultGenerator();
        Glorot.init(registerModule("lin_l", new Linear(in, heads * out, o.bias, g)).weight(), g);
        if (!shareWeights) Glorot.init(registerModule("lin_r", new Linear(in, heads * out, o.bias, g)).weight(), g);
        zeroBias("lin_l");
        if (!shareWeights) zeroBias("lin_r");
        Glorot.init(registerParameter("att", Tensor.empty(1, heads, out)), g);
        registerParameter("bias", o.initialBias());
        dropGen = g.split();
    }

    private void zeroBias(String lin) {
        Tensor b = ((Linear) child(lin)).bias();
        if (b != null) Init.zeros(b);
    }

    /**
     * x' for one graph's nodes.
     *
     * @param x node features (N, in)
     * @param edgeIndex integer (2, E): row 0 the sources, row 1 the targets
     * @return x', (N, heads * out) concatenated or (N, out) averaged
     */
    public Tensor forward(Tensor x, Tensor edgeIndex) {
        Messages.nodeFeatures(this, x, in);
        int n = x.size(0);
        Adjacency adj = Adjacency.of(addSelfLoops ? Messages.withSelfLoops(edgeIndex, n) : edgeIndex, n);
        Tensor zl = child("lin_l").forward(x).reshape(n, heads, out);
        Tensor zr = shareWeights ? zl : child("lin_r").forward(x).reshape(n, heads, out);
        Tensor zj = adj.gatherSrc(zl);                                                      // (E, H, C)
        Tensor e = F.leakyRelu(zj.add(adj.gatherDst(zr)), negativeSlope).mul(param("att")).sum(new int[] {2}, false);
        Tensor alpha = F.dropout(adj.softmax(e), dropout, isTraining(), dropGen);
        Tensor h = aggregate(zj.mul(alpha.unsqueeze(2)), adj);
        return Messages.combineHeads(h, concat, param("bias"));
    }

    @Override
    protected String extraRepr() {
        return in + ", " + out + ", heads=" + heads;
    }
}
