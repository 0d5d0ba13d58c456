package dev.weft.graph.models;

import dev.weft.graph.nn.GCNConv;
import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * The two-layer GCN of Kipf and Welling's node classification experiments (their reference code, PyG's
 * examples/gcn.py): dropout(p) -> GCNConv(in, hidden) -> ReLU -> dropout(p) -> GCNConv(hidden, classes), logits
 * out. Both convolutions cache the normalized adjacency (transductive: one graph). Dropout masks come from the
 * generator given, so a seed fixes the whole run.
 */
public final class KipfGcn extends Module {
    private final double dropout;
    private final Generator dropGen;

    /**
     * The two-layer GCN.
     *
     * @param in input features per node
     * @param hidden the hidden width
     * @param classes the number of classes (output logits)
     * @param dropout the dropout probability p before each convolution
     * @param g the generator for the weights; a split of it draws the dropout masks
     */
    public KipfGcn(int in, int hidden, int classes, double dropout, Generator g) {
        this.dropout = dropout;
        registerModule("conv1", new GCNConv(GCNConv.options(in, hidden).cached(true).generator(g)));
        registerModule("conv2", new GCNConv(GCNConv.options(hidden, classes).cached(true).generator(g)));
        this.dropGen = g.split();
    }

    /** {@return the first convolution, in to hidden} */
    public GCNConv conv1() {
        return (GCNConv) child("conv1");
    }

    /** {@return the second convolution, hidden to classes} */
    public GCNConv conv2() {
        return (GCNConv) child("conv2");
    }

    /**
     * Logits (N, classes) for node features x (N, in) over edgeIndex (2, E).
     *
     * @param x node features (N, in)
     * @param edgeIndex the edges (2, E)
     * @return the logits (N, classes)
     */
    public Tensor forward(Tensor x, Tensor edgeIndex) {
        Tensor h = F.dropout(x, dropout, isTraining(), dropGen);
        h = conv1().forward(h, edgeIndex).relu();
        h = F.dropout(h, dropout, isTraining(), dropGen);
        return conv2().forward(h, edgeIndex);
    }

    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("KipfGcn: call forward(x, edgeIndex)");
    }
}
