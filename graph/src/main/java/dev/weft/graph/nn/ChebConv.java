package dev.weft.graph.nn;

import dev.weft.graph.utils.Degree;
import dev.weft.graph.utils.EdgeData;
import dev.weft.graph.utils.Loops;
import dev.weft.nn.ModuleList;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.Generator;
import dev.weft.tensor.SparseTensor;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;

/**
 * The Chebyshev spectral graph convolution of Defferrard et al. (PyG's ChebConv): X' = sum_{k=0}^{K-1} Z^(k) W_k
 * + b with Z^(0) = X, Z^(1) = L~ X, Z^(k) = 2 L~ Z^(k-1) - Z^(k-2), on the scaled Laplacian L~ = 2 L / lambda_max - I.
 * L as PyG's get_laplacian (self loops removed, degrees over sources): normalization null L = D - A, "sym" (default)
 * L = I - D^-1/2 A D^-1/2, "rw" L = I - D^-1 A. lambda_max null: 2 * max(L), as PyG (exactly 2 for "sym" and "rw"
 * with non-negative weights); or a scalar, or one per graph (G) with a batch vector. L~ is a CSR matrix: K - 1 SpMMs.
 * W_k = lins.k.weight glorot (held (out, in)), bias zeros. A non-finite 2 / lambda_max (lambda_max 0) gives 0.
 */
public final class ChebConv extends MessagePassing {
    private final int in, out, k;
    private final String normalization;

    /**
     * ChebConv(in, out, K) with normalization "sym" and a bias.
     *
     * @param in input channels (PyG's in_channels)
     * @param out output channels (PyG's out_channels)
     * @param K the Chebyshev filter size, at least 1
     */
    public ChebConv(int in, int out, int K) {
        this(in, out, K, "sym", true, Init.defaultGenerator());
    }

    /**
     * A Chebyshev convolution with every option.
     *
     * @param in input channels (PyG's in_channels), at least 1
     * @param out output channels (PyG's out_channels), at least 1
     * @param K the Chebyshev filter size (number of terms), at least 1
     * @param normalization the Laplacian: null (D - A), "sym" or "rw"
     * @param bias whether to add a learnable bias (zeros)
     * @param g the generator for the glorot weights
     * @throws IllegalArgumentException if a size is below 1 or normalization is unknown
     */
    public ChebConv(int in, int out, int K, String normalization, boolean bias, Generator g) {
        super(dev.weft.graph.nn.aggr.ReduceAggregation.sum());
        this.in = OptionChecks.atLeast("ChebConv", "in_channels", in, 1);
        this.out = OptionChecks.atLeast("ChebConv", "out_channels", out, 1);
        this.k = OptionChecks.atLeast("ChebConv", "K", K, 1);
        if (normalization != null && !normalization.equals("sym") && !normalization.equals("rw")) {
            throw new IllegalArgumentException("ChebConv: normalization must be null, \"sym\" or \"rw\", got \"" + normalization + "\"");
        }
        this.normalization = normalization;
        ModuleList lins = registerModule("lins", new ModuleList());
        for (int i = 0; i < K; i++) {
            Linear lin = new Linear(in, out, false, g);
            Glorot.init(lin.weight(), g);
            lins.add(lin);
        }
        registerParameter("bias", bias ? Tensor.zeros(out) : null);
    }

    /**
     * The convolution with unit edge weights and lambda_max 2 max(L).
     *
     * @param x node features (N, in)
     * @param edgeIndex the edges (2, E)
     * @return the new node features (N, out)
     */
    public Tensor forward(Tensor x, Tensor edgeIndex) {
        return forward(x, edgeIndex, null, null, null);
    }

    /**
     * The convolution with lambda_max 2 max(L).
     *
     * @param x node features (N, in)
     * @param edgeIndex the edges (2, E)
     * @param edgeWeight edge weights (E), or null for ones
     * @return the new node features (N, out)
     */
    public Tensor forward(Tensor x, Tensor edgeIndex, Tensor edgeWeight) {
        return forward(x, edgeIndex, edgeWeight, null, null);
    }

    /**
     * x (N, in), edgeIndex (2, E), edgeWeight (E) or null; lambdaMax null (2 max(L)), a scalar, or (G) with batch (N)
     * naming each node's graph.
     *
     * @param x node features (N, in)
     * @param edgeIndex the edges (2, E)
     * @param edgeWeight edge weights (E), or null for ones
     * @param batch the graph of each node (N), or null
     * @param lambdaMax the largest Laplacian eigenvalue: null, a scalar, or one per graph (G)
     * @return the new node features (N, out)
     */
    public Tensor forward(Tensor x, Tensor edgeIndex, Tensor edgeWeight, Tensor batch, Tensor lambdaMax) {
        Messages.nodeFeatures(this, x, in);
        SparseTensor l = scaledLaplacian(edgeIndex, edgeWeight, x.size(0), normalization, lambdaMax, batch, x.dtype());
        ModuleList lins = (ModuleList) child("lins");
        Tensor t0 = x, y = lins.get(0).forward(x);
        if (k > 1) {
            Tensor t1 = l.matmul(x);
            y = y.add(lins.get(1).forward(t1));
            for (int i = 2; i < k; i++) {
                Tensor t2 = l.matmul(t1).mul(2).sub(t0);
                y = y.add(lins.get(i).forward(t2));
                t0 = t1;
                t1 = t2;
            }
        }
        Tensor b = param("bias");
        return b == null ? y : y.add(b);
    }

    /**
     * L~ = 2 L / lambda_max - I as an (N, N) CSR matrix of dtype t, rows = targets (PyG's ChebConv.__norm__).
     *
     * @param edgeIndex the edges (2, E)
     * @param edgeWeight edge weights (E), or null for ones
     * @param n the number of nodes N
     * @param normalization null (L = D - A), "sym" or "rw"
     * @param lambdaMax null (2 max(L)), a scalar, or one per graph (G) with batch
     * @param batch the graph of each node (N), or null
     * @param t the dtype of the values
     * @return the scaled Laplacian with self loops added
     */
    public static SparseTensor scaledLaplacian(Tensor edgeIndex, Tensor edgeWeight, int n, String normalization, Tensor lambdaMax,
                                               Tensor batch, DType t) {
        Tensor w0 = edgeWeight == null ? Tensor.ones(t, edgeIndex.size(1)) : edgeWeight.to(t);
        EdgeData d = Loops.removeSelfLoops(edgeIndex, w0);
        Tensor ei = d.edgeIndex(), w = d.edgeAttr();
        Tensor row = ei.select(0, 0).contiguous(), col = ei.select(0, 1).contiguous();
        Tensor deg = Degree.degree(row, w, n);
        Tensor lw;
        if (normalization == null) {
            lw = Tensor.cat(new Tensor[] {w.neg(), deg}, 0);
        } else {
            Tensor empty = deg.le(0.0);
            Tensor inv = deg.maskedFill(empty, 1.0).pow(normalization.equals("sym") ? -0.5 : -1.0).maskedFill(empty, 0.0);
            Tensor nw = normalization.equals("sym") ? inv.indexSelect(0, row).mul(w).mul(inv.indexSelect(0, col)) : inv.indexSelect(0, row).mul(w);
            lw = Tensor.cat(new Tensor[] {nw.neg(), Tensor.ones(t, n)}, 0);
        }
        ei = Loops.addSelfLoops(ei, null, 1.0, n).edgeIndex();          // the N loops follow the E' edges
        row = ei.select(0, 0).contiguous();
        Tensor lam;
        if (lambdaMax == null) lam = lw.max().mul(2.0);
        else if (batch != null && lambdaMax.numel() > 1) lam = lambdaMax.to(t).indexSelect(0, batch.indexSelect(0, row));
        else lam = lambdaMax.to(t).reshape();
        Tensor scaled = lw.mul(2.0).div(lam).nanToNum(0.0, 0.0, 0.0);
        int e = lw.size(0) - n;
        Tensor loops = Tensor.cat(new Tensor[] {Tensor.zeros(t, e), Tensor.ones(t, n)}, 0);
        Tensor v = scaled.sub(loops);
        return SparseTensor.coo(ei.select(0, 1), ei.select(0, 0), v, n, n).toSparseCsr();
    }

    @Override
    protected String extraRepr() {
        return in + ", " + out + ", K=" + k + ", normalization=" + normalization;
    }
}
