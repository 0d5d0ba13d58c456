package dev.weft.graph.nn;

import dev.weft.nn.OptionChecks;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.Linear;
import dev.weft.graph.utils.GcnNorm;
import dev.weft.tensor.Generator;
import dev.weft.tensor.SparseTensor;
import dev.weft.tensor.Tensor;

/**
 * The graph convolution of Kipf and Welling (PyG's GCNConv): X' = D^-1/2 (A + I) D^-1/2 X W + b, the normalized
 * adjacency ({@link GcnNorm}) applied as one sparse x dense product on the target-major CSR matrix. W is glorot
 * (in, out) (held as lin.weight (out, in)), b zeros. Options as PyG: improved (self loops of weight 2), cached
 * (the normalized matrix computed on the first call and reused: transductive training), addSelfLoops,
 * normalize (false: A itself, with the edge weights), bias; all but addSelfLoops, normalize and bias default
 * to false, as PyG. x must be a floating (N, in) tensor and edgeIndex an integer (2, E) tensor of (source, target)
 * rows, else an IllegalArgumentException; a cached layer given a graph with another node count is an
 * IllegalStateException.
 *
 * <pre>{@code
 * GCNConv conv = new GCNConv(16, 32);
 * Tensor edgeIndex = Tensor.of(new long[][] {{0, 1, 1, 2}, {1, 0, 2, 1}});   // the path 0 - 1 - 2, both ways
 * Tensor y = conv.forward(Tensor.randn(new Generator(0), 3, 16), edgeIndex);  // (3, 32)
 * }</pre>
 */
public final class GCNConv extends MessagePassing {
    /** PyG's keyword arguments. */
    public static final class Options {
        final int in, out;
        boolean improved, cached, addSelfLoops = true, normalize = true, bias = true;
        Generator generator;

        Options(int in, int out) {
            this.in = OptionChecks.atLeast("GCNConv", "in_channels", in, 1);
            this.out = OptionChecks.atLeast("GCNConv", "out_channels", out, 1);
        }

        /**
         * Self loops of weight 2 instead of 1 (A + 2I), as Kipf and Welling's improved variant.
         *
         * @param v default false
         * @return these options
         */
        public Options improved(boolean v) { improved = v; return this; }
        /**
         * Computes the normalized matrix on the first call and reuses it (transductive training on one graph).
         *
         * @param v default false
         * @return these options
         */
        public Options cached(boolean v) { cached = v; return this; }
        /**
         * Adds the self loops of A + I (edges that already loop keep their weight).
         *
         * @param v default true
         * @return these options
         */
        public Options addSelfLoops(boolean v) { addSelfLoops = v; return this; }
        /**
         * Applies D^-1/2 (A + I) D^-1/2; false propagates with the (weighted) adjacency itself.
         *
         * @param v default true
         * @return these options
         */
        public Options normalize(boolean v) { normalize = v; return this; }
        /**
         * Adds the learned bias b (zeros at first).
         *
         * @param v default true
         * @return these options
         */
        public Options bias(boolean v) { bias = v; return this; }
        /**
         * Draws the initial weights (default {@link Init#defaultGenerator()}).
         *
         * @param g the generator
         * @return these options
         */
        public Options generator(Generator g) { generator = g; return this; }
    }

    /**
     * Options with PyG's defaults.
     *
     * @param in in_channels, the input feature size, at least 1
     * @param out out_channels, the output feature size, at least 1
     * @return options to refine and pass to {@link #GCNConv(Options)}
     */
    public static Options options(int in, int out) {
        return new Options(in, out);
    }

    private final int in, out;
    private final boolean improved, cached, addSelfLoops, normalize;
    private SparseTensor cachedMatrix;

    /**
     * A layer with PyG's defaults.
     *
     * @param in in_channels, the input feature size, at least 1
     * @param out out_channels, the output feature size, at least 1
     */
    public GCNConv(int in, int out) {
        this(options(in, out));
    }

    /**
     * A layer with the given options: {@code new GCNConv(GCNConv.options(16, 32).cached(true))}.
     *
     * @param o the sizes and settings
     */
    public GCNConv(Options o) {
        super(dev.weft.graph.nn.aggr.ReduceAggregation.sum());
        in = o.in;
        out = o.out;
        improved = o.improved;
        cached = o.cached;
        addSelfLoops = o.addSelfLoops;
        normalize = o.normalize;
        Generator g = o.generator != null ? o.generator : Init.defaultGenerator();
        Linear lin = registerModule("lin", new Linear(in, out, false, g));
        Glorot.init(lin.weight(), g);
        registerParameter("bias", o.bias ? Tensor.zeros(out) : null);
    }

    /**
     * X' for x (N, in) over edgeIndex (2, E).
     *
     * @param x node features (N, in)
     * @param edgeIndex integer (2, E): row 0 the sources, row 1 the targets
     * @return X', (N, out)
     */
    public Tensor forward(Tensor x, Tensor edgeIndex) {
        return forward(x, edgeIndex, null);
    }

    /**
     * X' with edge weights (E) (null: ones).
     *
     * @param x node features (N, in)
     * @param edgeIndex integer (2, E): row 0 the sources, row 1 the targets
     * @param edgeWeight the weight of each edge (E), or null
     * @return X', (N, out)
     */
    public Tensor forward(Tensor x, Tensor edgeIndex, Tensor edgeWeight) {
        Messages.nodeFeatures(this, x, in);
        Tensor h = child("lin").forward(x);
        Tensor y = matrix(edgeIndex, edgeWeight, x).matmul(h);
        Tensor b = param("bias");
        return b == null ? y : y.add(b);
    }

    /**
     * The (normalized) propagation matrix for this graph, from the cache when cached.
     *
     * @param edgeIndex integer (2, E): row 0 the sources, row 1 the targets
     * @param edgeWeight the weight of each edge (E), or null
     * @param x node features (N, in); only N and the dtype are used
     * @return the target-major sparse (N, N) matrix
     * @throws IllegalStateException if cached for a graph with another node count
     */
    public SparseTensor matrix(Tensor edgeIndex, Tensor edgeWeight, Tensor x) {
        if (cached && cachedMatrix != null) {
            if (cachedMatrix.rows() != x.size(0)) {
                throw new IllegalStateException(this + ": cached for " + cachedMatrix.rows() + " nodes, got " + x.size(0) + " (resetCache() first)");
            }
            return cachedMatrix;
        }
        int n = x.size(0);
        SparseTensor a = normalize ? GcnNorm.matrix(edgeIndex, edgeWeight, n, improved, addSelfLoops, x.dtype())
                : Adjacency.of(edgeIndex, n).weightedMatrix(edgeWeight, x.dtype());
        if (cached) cachedMatrix = a;
        return a;
    }

    /** Drops the cached matrix (a new graph follows). */
    public void resetCache() {
        cachedMatrix = null;
    }

    @Override
    protected String extraRepr() {
        return in + ", " + out;
    }
}
