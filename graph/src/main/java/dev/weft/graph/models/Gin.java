package dev.weft.graph.models;

import dev.weft.graph.nn.GINConv;
import dev.weft.graph.nn.pool.GlobalPool;
import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.functional.F;
import dev.weft.nn.layers.BatchNorm1d;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * The graph-classification GIN of Xu et al. ("How Powerful are Graph Neural Networks?", their reference code):
 * {@code layers} GIN layers h^k = ReLU(BN(MLP((1 + eps) h^{k-1} + sum_{j in N(i)} h_j^{k-1}))) with a two-layer MLP
 * (Linear -> BN -> ReLU -> Linear), eps 0 (GIN-0) or learned (GIN-eps); the graph's score is the sum over every
 * depth k = 0 .. layers of dropout(Linear_k(sum-pool of h^k)) (their readout over all layers).
 */
public final class Gin extends Module {
    private final int layers;
    private final double dropout;
    private final Generator dropGen;

    /**
     * The GIN classifier.
     *
     * @param in input features per node
     * @param hidden the hidden width of every GIN layer
     * @param classes the number of classes (output scores)
     * @param layers the number of GIN layers
     * @param learnEps whether eps is learned (GIN-eps) rather than fixed at 0 (GIN-0)
     * @param dropout the dropout probability in the readout
     * @param g the generator for the weights; a split of it draws the dropout masks
     */
    public Gin(int in, int hidden, int classes, int layers, boolean learnEps, double dropout, Generator g) {
        this.layers = layers;
        this.dropout = dropout;
        for (int k = 0; k < layers; k++) {
            int width = k == 0 ? in : hidden;
            Sequential mlp = new Sequential(new Linear(width, hidden, true, g), new BatchNorm1d(hidden), new ReLU(),
                    new Linear(hidden, hidden, true, g));
            registerModule("conv" + k, new GINConv(mlp, 0.0, learnEps));
            registerModule("bn" + k, new BatchNorm1d(hidden));
        }
        for (int k = 0; k <= layers; k++) registerModule("head" + k, new Linear(k == 0 ? in : hidden, classes, true, g));
        this.dropGen = g.split();
    }

    /**
     * Class scores (numGraphs, classes) for a batch: node features x, edges, batch vector (node -> graph).
     *
     * @param x node features (N, in)
     * @param edgeIndex the edges (2, E)
     * @param batch the graph of each node (N)
     * @param numGraphs the number of graphs B
     * @return the class scores (B, classes)
     */
    public Tensor forward(Tensor x, Tensor edgeIndex, Tensor batch, int numGraphs) {
        Tensor h = x;
        Tensor score = null;
        for (int k = 0; k <= layers; k++) {
            if (k > 0) h = ((GINConv) child("conv" + (k - 1))).forward(h, edgeIndex);
            if (k > 0) h = child("bn" + (k - 1)).forward(h).relu();
            Tensor s = F.dropout(child("head" + k).forward(GlobalPool.add(h, batch, numGraphs)), dropout, isTraining(), dropGen);
            score = score == null ? s : score.add(s);
        }
        return score;
    }

    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("Gin: call forward(x, edgeIndex, batch, numGraphs)");
    }
}
