package dev.weft.graph.models;

import dev.weft.graph.nn.GATConv;
import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * The transductive GAT of Veličković et al. (Cora / CiteSeer; PyG's examples/gat.py): dropout(p) -> GATConv(in, hidden,
 * heads, attention dropout p) -> ELU -> dropout(p) -> GATConv(hidden * heads, classes, outHeads, concat false,
 * attention dropout p), logits out. The paper's setting: hidden 8, heads 8, one output head, p = 0.6.
 */
public final class PlanetoidGat extends Module {
    private final double dropout;
    private final Generator dropGen;

    /**
     * The two-layer GAT.
     *
     * @param in input features per node
     * @param hidden the width of each first-layer head
     * @param heads the first layer's heads, concatenated
     * @param classes the number of classes (output logits)
     * @param outHeads the output layer's heads, averaged
     * @param dropout the dropout probability p, on features and attention
     * @param g the generator for the weights; a split of it draws the dropout masks
     */
    public PlanetoidGat(int in, int hidden, int heads, int classes, int outHeads, double dropout, Generator g) {
        this.dropout = dropout;
        registerModule("conv1", new GATConv(GATConv.options(in, hidden).heads(heads).dropout(dropout).generator(g)));
        registerModule("conv2", new GATConv(GATConv.options(hidden * heads, classes).heads(outHeads).concat(false).dropout(dropout)
                .generator(g)));
        this.dropGen = g.split();
    }

    /**
     * Logits for node features x over edgeIndex.
     *
     * @param x node features (N, in)
     * @param edgeIndex the edges (2, E)
     * @return the logits (N, classes)
     */
    public Tensor forward(Tensor x, Tensor edgeIndex) {
        Tensor h = F.dropout(x, dropout, isTraining(), dropGen);
        h = F.elu(((GATConv) child("conv1")).forward(h, edgeIndex));
        h = F.dropout(h, dropout, isTraining(), dropGen);
        return ((GATConv) child("conv2")).forward(h, edgeIndex);
    }

    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("PlanetoidGat: call forward(x, edgeIndex)");
    }
}
