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
 * normalize (false: A itself, with the edge weights), bias.
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

        public Options improved(boolean v) { improved = v; return this; }
        public Options cached(boolean v) { cached = v; return this; }
        public Options addSelfLoops(boolean v) { addSelfLoops = v; return this; }
        public Options normalize(boolean v) { normalize = v; return this; }
        public Options bias(boolean v) { bias = v; return this; }
        public Options generator(Generator g) { generator = g; return this; }
    }

    public static Options options(int in, int out) {
        return new Options(in, out);
    }

    private final int in, out;
    private final boolean improved, cached, addSelfLoops, normalize;
    private SparseTensor cachedMatrix;

    public GCNConv(int in, int out) {
        this(options(in, out));
    }

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

    /** X' for x (N, in) over edgeIndex (2, E). */
    public Tensor forward(Tensor x, Tensor edgeIndex) {
        return forward(x, edgeIndex, null);
    }

    /** X' with edge weights (E) (null: ones). */
    public Tensor forward(Tensor x, Tensor edgeIndex, Tensor edgeWeight) {
        Messages.nodeFeatures(this, x, in);
        Tensor h = child("lin").forward(x);
        Tensor y = matrix(edgeIndex, edgeWeight, x).matmul(h);
        Tensor b = param("bias");
        return b == null ? y : y.add(b);
    }

    /** The (normalized) propagation matrix for this graph, from the cache when cached. */
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
