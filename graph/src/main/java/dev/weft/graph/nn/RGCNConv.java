package dev.weft.graph.nn;

import dev.weft.graph.nn.aggr.Aggregation;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

/**
 * The relational graph convolution of Schlichtkrull et al. (PyG's RGCNConv): x'_i = Theta_root x_i + sum_r
 * aggr_{j in N_r(i)} Theta_r x_j + b, aggr per relation "mean" by default (1/|N_r(i)|; "add", "max" too). Weights as
 * PyG: weight (R, in, out) glorot; with numBases B the basis decomposition Theta_r = sum_b comp[r, b] V_b, weight
 * (B, in, out) and comp (R, B) glorot; with numBlocks the block-diagonal Theta_r, weight (R, nb, in/nb, out/nb);
 * root (in, out) glorot, bias zeros. One segment reduction over the edges keyed by (target, relation) gives all
 * R aggregates (N, R, in) at once, then one contraction with the R weights: no per-relation loop, no dense N x N.
 */
public final class RGCNConv extends MessagePassing {
    /** PyG's keyword arguments. */
    public static final class Options {
        final int in, inDst, out, numRelations;
        Integer numBases, numBlocks;
        String aggr = "mean";
        boolean rootWeight = true, bias = true;
        Generator generator;

        Options(int inSrc, int inDst, int out, int numRelations) {
            this.in = OptionChecks.atLeast("RGCNConv", "in_channels", inSrc, 1);
            this.inDst = OptionChecks.atLeast("RGCNConv", "in_channels", inDst, 1);
            this.out = OptionChecks.atLeast("RGCNConv", "out_channels", out, 1);
            this.numRelations = OptionChecks.atLeast("RGCNConv", "num_relations", numRelations, 1);
        }

        /**
         * PyG's num_bases: the basis decomposition with v bases (default none).
         *
         * @param v the number of bases B, at least 1
         * @return these options
         */
        public Options numBases(int v) { numBases = OptionChecks.atLeast("RGCNConv", "num_bases", v, 1); return this; }
        /**
         * PyG's num_blocks: block-diagonal weights with v blocks (default none).
         *
         * @param v the number of blocks, at least 1
         * @return these options
         */
        public Options numBlocks(int v) { numBlocks = OptionChecks.atLeast("RGCNConv", "num_blocks", v, 1); return this; }
        /**
         * PyG's aggr: the per-relation aggregation (default "mean").
         *
         * @param v "mean", "add" or "max"
         * @return these options
         */
        public Options aggr(String v) { aggr = OptionChecks.nonNull("RGCNConv", "aggr", v); return this; }
        /**
         * PyG's root_weight: whether to add Theta_root x_i (default true).
         *
         * @param v whether to keep the root term
         * @return these options
         */
        public Options rootWeight(boolean v) { rootWeight = v; return this; }
        /**
         * PyG's bias: whether to add a learnable bias (default true).
         *
         * @param v whether to add the bias
         * @return these options
         */
        public Options bias(boolean v) { bias = v; return this; }
        /**
         * The generator for the glorot initialization (default the shared default generator).
         *
         * @param g the generator
         * @return these options
         */
        public Options generator(Generator g) { generator = g; return this; }
    }

    /**
     * The options of RGCNConv(in, out, numRelations), PyG's defaults otherwise.
     *
     * @param in input channels (PyG's in_channels), at least 1
     * @param out output channels (PyG's out_channels), at least 1
     * @param numRelations the number of relations R, at least 1
     * @return the options
     */
    public static Options options(int in, int out, int numRelations) {
        return new Options(in, in, out, numRelations);
    }

    /**
     * Bipartite sizes (in_channels as a tuple): sources of width inSrc, targets (the root term) of width inDst.
     *
     * @param inSrc source feature width, at least 1
     * @param inDst target feature width, at least 1
     * @param out output channels, at least 1
     * @param numRelations the number of relations R, at least 1
     * @return the options
     */
    public static Options options(int inSrc, int inDst, int out, int numRelations) {
        return new Options(inSrc, inDst, out, numRelations);
    }

    private final int in, inDst, out, numRelations;
    private final Integer numBases, numBlocks;

    /**
     * RGCNConv(in, out, numRelations) with PyG's defaults: mean aggregation, root weight and bias.
     *
     * @param in input channels, at least 1
     * @param out output channels, at least 1
     * @param numRelations the number of relations R, at least 1
     */
    public RGCNConv(int in, int out, int numRelations) {
        this(options(in, out, numRelations));
    }

    /**
     * A relational convolution from its options.
     *
     * @param o the options, from {@link #options(int, int, int)}
     */
    public RGCNConv(Options o) {
        super(Aggregation.of(o.aggr));
        if (o.numBases != null && o.numBlocks != null) {
            throw new IllegalArgumentException("RGCNConv: can not apply both basis-decomposition and block-diagonal-decomposition at the same time");
        }
        in = o.in;
        inDst = o.inDst;
        out = o.out;
        numRelations = o.numRelations;
        numBases = o.numBases;
        numBlocks = o.numBlocks;
        Generator g = o.generator != null ? o.generator : Init.defaultGenerator();
        if (numBases != null) {
            Glorot.init(registerParameter("weight", Tensor.empty(numBases, in, out)), g);
            Glorot.init(registerParameter("comp", Tensor.empty(numRelations, numBases)), g);
        } else if (numBlocks != null) {
            if (in % numBlocks != 0 || out % numBlocks != 0) {
                throw new IllegalArgumentException("RGCNConv: in_channels " + in + " and out_channels " + out + " must be divisible by num_blocks " + numBlocks);
            }
            Glorot.init(registerParameter("weight", Tensor.empty(numRelations, numBlocks, in / numBlocks, out / numBlocks)), g);
        } else {
            Glorot.init(registerParameter("weight", Tensor.empty(numRelations, in, out)), g);
        }
        if (o.rootWeight) Glorot.init(registerParameter("root", Tensor.empty(inDst, out)), g);
        else registerParameter("root", null);
        registerParameter("bias", o.bias ? Tensor.zeros(out) : null);
    }

    /**
     * The convolution on one node set.
     *
     * @param x node features (N, in)
     * @param edgeIndex the edges (2, E)
     * @param edgeType integer relation ids (E) in [0, numRelations)
     * @return the new node features (N, out)
     */
    public Tensor forward(Tensor x, Tensor edgeIndex, Tensor edgeType) {
        return forward(x, x, edgeIndex, edgeType);
    }

    /**
     * The bipartite form.
     *
     * @param xSrc source features (numSrc, in)
     * @param xDst target features (numDst, inDst)
     * @param edgeIndex the edges (2, E)
     * @param edgeType integer relation ids (E) in [0, numRelations)
     * @return the new target features (numDst, out)
     */
    public Tensor forward(Tensor xSrc, Tensor xDst, Tensor edgeIndex, Tensor edgeType) {
        Messages.nodeFeatures(this, xSrc, in);
        Messages.nodeFeatures(this, xDst, inDst);
        int numSrc = xSrc.size(0), numDst = xDst.size(0), r = numRelations;
        Adjacency adj = Adjacency.of(keyed(edgeIndex, edgeType, numSrc, numDst), numSrc, numDst * r);
        Tensor h = aggregate(adj.gatherSrc(xSrc), adj).reshape(numDst, r, in);          // (N, R, in): aggr per relation
        Tensor w = param("weight");
        Tensor y;
        if (numBlocks != null) {
            int nb = numBlocks;
            y = Tensor.einsum("nrbi,rbio->nbo", h.reshape(numDst, r, nb, in / nb), w).reshape(numDst, out);
        } else {
            if (numBases != null) w = param("comp").matmul(w.reshape(numBases, in * out)).reshape(r, in, out);
            y = Tensor.einsum("nri,rio->no", h, w);
        }
        Tensor root = param("root"), b = param("bias");
        if (root != null) y = y.add(xDst.matmul(root));
        return b == null ? y : y.add(b);
    }

    /** The edge index with target i of relation t renamed to i * R + t, after checking types and targets. */
    private Tensor keyed(Tensor edgeIndex, Tensor edgeType, int numSrc, int numDst) {
        if (edgeIndex.dim() != 2 || edgeIndex.size(0) != 2 || edgeIndex.dtype().isFloatingPoint() || edgeIndex.dtype() == DType.BOOL) {
            throw new IllegalArgumentException(this + ": edge_index must be an integer (2, E) tensor, got " + edgeIndex.dtype() + " " + Shape.format(edgeIndex.shape()));
        }
        int m = edgeIndex.size(1);
        if (edgeType == null || edgeType.dim() != 1 || edgeType.size(0) != m || edgeType.dtype().isFloatingPoint() || edgeType.dtype() == DType.BOOL) {
            throw new IllegalArgumentException(this + ": edge_type must be an integer (" + m + ") tensor, got "
                    + (edgeType == null ? "null" : edgeType.dtype() + " " + Shape.format(edgeType.shape())));
        }
        long[] e = edgeIndex.contiguous().toLongArray(), t = edgeType.contiguous().toLongArray();
        for (int p = 0; p < m; p++) {
            if (t[p] < 0 || t[p] >= numRelations) throw new IndexOutOfBoundsException(this + ": edge_type " + t[p] + " of edge " + p + " outside [0, " + numRelations + ")");
            long i = e[m + p];
            if (i < 0 || i >= numDst) throw new IndexOutOfBoundsException("edge_index: target " + i + " of edge " + p + " outside [0, " + numDst + ")");
            e[m + p] = i * numRelations + t[p];
        }
        return Tensor.of(e).reshape(2, m);
    }

    @Override
    protected String extraRepr() {
        return in + ", " + out + ", num_relations=" + numRelations;
    }
}
