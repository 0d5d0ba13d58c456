package dev.weft.graph.nn;

import dev.weft.graph.nn.aggr.Aggregation;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * GraphSAGE (Hamilton et al., PyG's SAGEConv): x'_i = W_1 x_i + W_2 aggr_{j in N(i)} x_j (lin_r without bias on
 * the root, lin_l with the bias on the aggregate), aggr "mean" by default (any {@link Aggregation}, e.g. LCM);
 * normalize: x' / ||x'||_2; project: x_j = relu(W_p x_j + b) first; rootWeight false drops W_1 x_i. Takes a
 * bipartite pair (x_src, x_dst) too, for sampled neighbourhoods.
 */
public final class SAGEConv extends MessagePassing {
    /**
     * PyG's keyword arguments; defaults in the class comment.
     */
    public static final class Options {
        final int in, out;
        Aggregation aggr;
        boolean normalize, rootWeight = true, project, bias = true;
        Generator generator;

        Options(int in, int out) {
            this.in = OptionChecks.atLeast("SAGEConv", "in_channels", in, 1);
            this.out = OptionChecks.atLeast("SAGEConv", "out_channels", out, 1);
        }

        /**
         * The neighbour aggregation by PyG name ("mean", "max", "sum", ...).
         *
         * @param name an {@link Aggregation#of} name
         * @return these options
         */
        public Options aggr(String name) { aggr = Aggregation.of(name); return this; }
        /**
         * The neighbour aggregation (default mean).
         *
         * @param a the aggregation, not null
         * @return these options
         */
        public Options aggr(Aggregation a) { aggr = OptionChecks.nonNull("SAGEConv", "aggr", a); return this; }
        /**
         * L2-normalizes each output row.
         *
         * @param v default false
         * @return these options
         */
        public Options normalize(boolean v) { normalize = v; return this; }
        /**
         * Adds W_1 x_i, the node's own term.
         *
         * @param v default true
         * @return these options
         */
        public Options rootWeight(boolean v) { rootWeight = v; return this; }
        /**
         * Projects the neighbours first: x_j = relu(W_p x_j + b).
         *
         * @param v default false
         * @return these options
         */
        public Options project(boolean v) { project = v; return this; }
        /**
         * The bias of lin_l.
         *
         * @param v default true
         * @return these options
         */
        public Options bias(boolean v) { bias = v; return this; }
        /**
         * Draws the initial weights (default {@link dev.weft.nn.init.Init#defaultGenerator()}).
         *
         * @param g the generator
         * @return these options
         */
        public Options generator(Generator g) { generator = g; return this; }
    }

    /**
     * Options with PyG's defaults.
     *
     * @param in in_channels, the input feature size
     * @param out out_channels, the output feature size
     * @return options to refine and pass to {@link #SAGEConv(Options)}
     */
    public static Options options(int in, int out) {
        return new Options(in, out);
    }

    private final int in, out;
    private final boolean normalize, rootWeight, project;

    /**
     * A mean-aggregation layer with PyG's defaults.
     *
     * @param in in_channels, the input feature size
     * @param out out_channels, the output feature size
     */
    public SAGEConv(int in, int out) {
        this(options(in, out));
    }

    /**
     * A layer with the given options: {@code new SAGEConv(SAGEConv.options(16, 32).aggr("max"))}.
     *
     * @param o the sizes and settings
     */
    public SAGEConv(Options o) {
        super(o.aggr != null ? o.aggr : Aggregation.of("mean"));
        in = o.in;
        out = o.out;
        normalize = o.normalize;
        rootWeight = o.rootWeight;
        project = o.project;
        Generator g = o.generator != null ? o.generator : Init.defaultGenerator();
        if (project) registerModule("lin", new Linear(in, in, true, g));
        registerModule("lin_l", new Linear(aggregation().outputWidth(in), out, o.bias, g));
        if (rootWeight) registerModule("lin_r", new Linear(in, out, false, g));
    }

    /**
     * x' for one graph's nodes.
     *
     * @param x node features (N, in)
     * @param edgeIndex integer (2, E): row 0 the sources, row 1 the targets
     * @return x', (N, out)
     */
    public Tensor forward(Tensor x, Tensor edgeIndex) {
        Messages.nodeFeatures(this, x, in);
        return forward(x, x, Adjacency.of(edgeIndex, x.size(0)));
    }

    /**
     * The bipartite form: sources xSrc (numSrc, in), targets xDst (numDst, in) over adj.
     *
     * @param xSrc source features (numSrc, in)
     * @param xDst target features (numDst, in)
     * @param adj edges from sources to targets
     * @return x' of the targets, (numDst, out)
     */
    public Tensor forward(Tensor xSrc, Tensor xDst, Adjacency adj) {
        Tensor src = project ? child("lin").forward(xSrc).relu() : xSrc;
        Tensor h = child("lin_l").forward(propagate(adj, src, null, null, null));
        if (rootWeight) h = h.add(child("lin_r").forward(xDst));
        if (normalize) h = h.div(h.square().sum(new int[] {1}, true).sqrt().clampMin(1e-12));
        return h;
    }

    @Override
    protected String extraRepr() {
        return in + ", " + out + ", aggr=" + aggregation().reprName();
    }
}
