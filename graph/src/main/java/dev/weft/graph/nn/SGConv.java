package dev.weft.graph.nn;

import dev.weft.nn.OptionChecks;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.Linear;
import dev.weft.graph.utils.GcnNorm;
import dev.weft.tensor.Generator;
import dev.weft.tensor.SparseTensor;
import dev.weft.tensor.Tensor;

/**
 * The simplified graph convolution of Wu et al. (PyG's SGConv): X' = (D^-1/2 (A + I) D^-1/2)^K X W + b, K sparse
 * products then one Linear (PyTorch's initialization). cached keeps the propagated features Â^K X from the first
 * call (they do not depend on the weights), so later epochs are one GEMM.
 */
public final class SGConv extends MessagePassing {
    /**
     * PyG's keyword arguments.
     */
    public static final class Options {
        final int in, out;
        int k = 1;
        boolean cached, addSelfLoops = true, bias = true;
        Generator generator;

        Options(int in, int out) {
            this.in = OptionChecks.atLeast("SGConv", "in_channels", in, 1);
            this.out = OptionChecks.atLeast("SGConv", "out_channels", out, 1);
        }

        /**
         * The number of propagation hops.
         *
         * @param v at least 1, default 1
         * @return these options
         */
        public Options K(int v) { k = OptionChecks.atLeast("SGConv", "K", v, 1); return this; }
        /**
         * Keeps the propagated features from the first call (transductive training on one graph).
         *
         * @param v default false
         * @return these options
         */
        public Options cached(boolean v) { cached = v; return this; }
        /**
         * Adds the self loops of A + I.
         *
         * @param v default true
         * @return these options
         */
        public Options addSelfLoops(boolean v) { addSelfLoops = v; return this; }
        /**
         * The Linear's bias.
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
     * @return options to refine and pass to {@link #SGConv(Options)}
     */
    public static Options options(int in, int out) {
        return new Options(in, out);
    }

    private final int in, out, k;
    private final boolean cached, addSelfLoops;
    private Tensor cachedX;

    /**
     * A one-hop layer with PyG's defaults.
     *
     * @param in in_channels, the input feature size
     * @param out out_channels, the output feature size
     */
    public SGConv(int in, int out) {
        this(options(in, out));
    }

    /**
     * A layer with the given options: {@code new SGConv(SGConv.options(16, 7).K(2).cached(true))}.
     *
     * @param o the sizes and settings
     */
    public SGConv(Options o) {
        super(dev.weft.graph.nn.aggr.ReduceAggregation.sum());
        in = o.in;
        out = o.out;
        k = o.k;
        cached = o.cached;
        addSelfLoops = o.addSelfLoops;
        registerModule("lin", new Linear(in, out, o.bias, o.generator != null ? o.generator : Init.defaultGenerator()));
    }

    /**
     * X' with unit edge weights.
     *
     * @param x node features (N, in)
     * @param edgeIndex integer (2, E): row 0 the sources, row 1 the targets
     * @return X', (N, out)
     */
    public Tensor forward(Tensor x, Tensor edgeIndex) {
        return forward(x, edgeIndex, null);
    }

    /**
     * X' with edge weights.
     *
     * @param x node features (N, in)
     * @param edgeIndex integer (2, E): row 0 the sources, row 1 the targets
     * @param edgeWeight the weight of each edge (E), or null for ones
     * @return X', (N, out)
     */
    public Tensor forward(Tensor x, Tensor edgeIndex, Tensor edgeWeight) {
        Messages.nodeFeatures(this, x, in);
        Tensor h = cached ? cachedX : null;
        if (h == null) {
            SparseTensor a = GcnNorm.matrix(edgeIndex, edgeWeight, x.size(0), false, addSelfLoops, x.dtype());
            h = x;
            for (int i = 0; i < k; i++) h = a.matmul(h);
            if (cached) cachedX = h.detach();
        }
        return child("lin").forward(h);
    }

    /**
     * Drops the cached features (a new graph follows).
     */
    public void resetCache() {
        cachedX = null;
    }

    @Override
    protected String extraRepr() {
        return in + ", " + out + ", K=" + k;
    }
}
