package dev.weft.graph.nn;

import dev.weft.nn.OptionChecks;
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
    public static final class Options {
        final int in, out;
        int heads = 1;
        boolean concat = true, addSelfLoops = true, bias = true, shareWeights;
        double negativeSlope = 0.2, dropout;
        Generator generator;

        Options(int in, int out) {
            this.in = OptionChecks.atLeast("GATv2Conv", "in_channels", in, 1);
            this.out = OptionChecks.atLeast("GATv2Conv", "out_channels", out, 1);
        }

        public Options heads(int v) { heads = OptionChecks.atLeast("GATv2Conv", "heads", v, 1); return this; }
        public Options concat(boolean v) { concat = v; return this; }
        public Options negativeSlope(double v) { negativeSlope = OptionChecks.nonNegative("GATv2Conv", "negative_slope", v); return this; }
        public Options dropout(double v) { dropout = OptionChecks.probability("GATv2Conv", "dropout", v); return this; }
        public Options addSelfLoops(boolean v) { addSelfLoops = v; return this; }
        public Options bias(boolean v) { bias = v; return this; }
        public Options shareWeights(boolean v) { shareWeights = v; return this; }
        public Options generator(Generator g) { generator = g; return this; }
    }

    public static Options options(int in, int out) {
        return new Options(in, out);
    }

    private final int in, out, heads;
    private final boolean concat, addSelfLoops, shareWeights;
    private final double negativeSlope, dropout;
    private final Generator dropGen;

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
        registerParameter("bias", o.bias ? Tensor.zeros(concat ? heads * out : out) : null);
        dropGen = g.split();
    }

    private void zeroBias(String lin) {
        Tensor b = ((Linear) child(lin)).bias();
        if (b != null) Init.zeros(b);
    }

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
        h = concat ? h.reshape(n, heads * out) : h.mean(1, false);
        Tensor b = param("bias");
        return b == null ? h : h.add(b);
    }

    @Override
    protected String extraRepr() {
        return in + ", " + out + ", heads=" + heads;
    }
}
