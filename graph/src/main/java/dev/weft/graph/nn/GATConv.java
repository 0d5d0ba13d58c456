package dev.weft.graph.nn;

import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * Graph attention (Veličković et al., PyG's GATConv): per head h, z = W x (heads x out), e_ji = LeakyReLU(a_src .
 * z_j + a_dst . z_i) (slope 0.2), alpha_ji = softmax over i's incoming edges (self loops added by default, existing
 * ones removed first), dropout on alpha in training, x'_i = sum_j alpha_ji z_j; heads concatenated (heads * out)
 * or averaged (concat false), plus bias. W, a_src, a_dst glorot, bias zeros, as PyG.
 */
public final class GATConv extends MessagePassing {
    /** {@link AttentionOptions}. */
    public static final class Options extends AttentionOptions<Options> {
        Options(int in, int out) {
            super("GATConv", in, out);
        }
    }

    /**
     * Options with PyG's defaults (one head, concat, slope 0.2, no dropout, self loops).
     *
     * @param in in_channels, the input feature size
     * @param out out_channels, the output feature size per head
     * @return options to refine and pass to {@link #GATConv(Options)}
     */
    public static Options options(int in, int out) {
        return new Options(in, out);
    }

    private final int in, out, heads;
    private final boolean concat, addSelfLoops;
    private final double negativeSlope, dropout;
    private final Generator dropGen;

    /**
     * A one-head layer with PyG's defaults.
     *
     * @param in in_channels, the input feature size
     * @param out out_channels, the output feature size
     */
    public GATConv(int in, int out) {
        this(options(in, out));
    }

    /**
     * A layer with the given options: {@code new GATConv(GATConv.options(16, 8).heads(4))}.
     *
     * @param o the sizes and settings
     */
    public GATConv(Options o) {
        super(dev.weft.graph.nn.aggr.ReduceAggregation.sum());
        in = o.in;
        out = o.out;
        heads = o.heads;
        concat = o.concat;
        addSelfLoops = o.addSelfLoops;
        negativeSlope = o.negativeSlope;
        dropout = o.dropout;
        Generator g = o.generator != null ? o.generator : Init.defaultGenerator();
        Linear lin = registerModule("lin", new Linear(in, heads * out, false, g));
        Glorot.init(lin.weight(), g);
        Glorot.init(registerParameter("att_src", Tensor.empty(1, heads, out)), g);
        Glorot.init(registerParameter("att_dst", Tensor.empty(1, heads, out)), g);
        registerParameter("bias", o.initialBias());
        dropGen = g.split();
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
        Tensor ei = addSelfLoops ? Messages.withSelfLoops(edgeIndex, n) : edgeIndex;
        Adjacency adj = Adjacency.of(ei, n);
        Tensor z = child("lin").forward(x).reshape(n, heads, out);                       // (N, H, C)
        Tensor aSrc = z.mul(param("att_src")).sum(new int[] {2}, false);                  // (N, H)
        Tensor aDst = z.mul(param("att_dst")).sum(new int[] {2}, false);
        Tensor e = F.leakyRelu(adj.gatherSrc(aSrc).add(adj.gatherDst(aDst)), negativeSlope);   // (E, H)
        Tensor alpha = F.dropout(adj.softmax(e), dropout, isTraining(), dropGen);
        Tensor msg = adj.gatherSrc(z).mul(alpha.unsqueeze(2));                            // (E, H, C)
        Tensor h = aggregate(msg, adj);                                                   // (N, H, C)
        return Messages.combineHeads(h, concat, param("bias"));
    }

    @Override
    protected String extraRepr() {
        return in + ", " + out + ", heads=" + heads;
    }
}
