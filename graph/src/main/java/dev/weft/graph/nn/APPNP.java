package dev.weft.graph.nn;

import dev.weft.nn.functional.F;
import dev.weft.graph.utils.GcnNorm;
import dev.weft.tensor.Generator;
import dev.weft.tensor.SparseTensor;
import dev.weft.tensor.Tensor;

/**
 * Personalized-PageRank propagation (Gasteiger et al., PyG's APPNP): X^0 = X, X^{k+1} = (1 - alpha) Â X^k + alpha X
 * for K steps, Â the GCN-normalized adjacency (cached optional); dropout on Â's values in training (edge dropout,
 * as PyG). No parameters.
 */
public final class APPNP extends MessagePassing {
    private final int k;
    private final double alpha, dropout;
    private final boolean cached;
    private final Generator dropGen;
    private SparseTensor cachedMatrix;

    /**
     * K steps with teleport alpha, no dropout, no cache.
     *
     * @param K the number of propagation steps, at least 1
     * @param alpha the teleport probability, in [0, 1]
     */
    public APPNP(int K, double alpha) {
        this(K, alpha, 0.0, false, new Generator(0));
    }

    /**
     * A layer with every option.
     *
     * @param K the number of propagation steps, at least 1
     * @param alpha the teleport probability, in [0, 1]
     * @param dropout the edge-dropout probability in training
     * @param cached whether the normalized adjacency is computed once and reused
     * @param g draws the dropout masks
     * @throws IllegalArgumentException if K or alpha is out of range
     */
    public APPNP(int K, double alpha, double dropout, boolean cached, Generator g) {
        super(dev.weft.graph.nn.aggr.ReduceAggregation.sum());
        if (K < 1 || alpha < 0 || alpha > 1) throw new IllegalArgumentException("APPNP: K must be >= 1 and alpha in [0, 1], got " + K + ", " + alpha);
        this.k = K;
        this.alpha = alpha;
        this.dropout = dropout;
        this.cached = cached;
        this.dropGen = g;
    }

    /**
     * X^K for one graph's nodes.
     *
     * @param x node features (N, F)
     * @param edgeIndex integer (2, E): row 0 the sources, row 1 the targets
     * @return X^K, x's shape
     */
    public Tensor forward(Tensor x, Tensor edgeIndex) {
        SparseTensor a = cached && cachedMatrix != null ? cachedMatrix : GcnNorm.matrix(edgeIndex, null, x.size(0), false, true, x.dtype());
        if (cached) cachedMatrix = a;
        Tensor h = x;
        for (int i = 0; i < k; i++) {
            SparseTensor ai = dropout > 0 && isTraining() ? a.withValues(F.dropout(a.values(), dropout, true, dropGen)) : a;
            h = ai.matmul(h).mul(1 - alpha).add(x.mul(alpha));
        }
        return h;
    }

    @Override
    protected String extraRepr() {
        return "K=" + k + ", alpha=" + alpha;
    }
}
