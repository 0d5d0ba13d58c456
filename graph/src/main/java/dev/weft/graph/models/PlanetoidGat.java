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

    public PlanetoidGat(int in, int hidden, int heads, int classes, int outHeads, double dropout, Generator g) {
        this.dropout = dropout;
        registerModule("conv1", new GATConv(GATConv.options(in, hidden).heads(heads).dropout(dropout).generator(g)));
        registerModule("conv2", new GATConv(GATConv.options(hidden * heads, classes).heads(outHeads).concat(false).dropout(dropout)
                .generator(g)));
        this.dropGen = g.split();
    }

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
