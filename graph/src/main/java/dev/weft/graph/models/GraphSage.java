package dev.weft.graph.models;

import dev.weft.graph.nn.SAGEConv;
import dev.weft.nn.Module;
import dev.weft.nn.ModuleList;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * PyG's {@code GraphSAGE} basic model (Hamilton et al. 2017): numLayers SAGEConv (mean aggregation), ReLU and
 * dropout(p) after every layer but the last: in -> hidden -> ... -> hidden -> out, logits out. Trains full-batch
 * or on {@link dev.weft.graph.loader.NeighborLoader} batches (run on the batch graph, read the seeds' rows);
 * the same weights then infer on the whole graph. Dropout masks come from the generator given.
 */
public final class GraphSage extends Module {
    private final int numLayers;
    private final double dropout;
    private final Generator dropGen;
    private final ModuleList convs;

    /**
     * The GraphSAGE model.
     *
     * @param in input features per node
     * @param hidden the hidden width
     * @param numLayers the number of SAGEConv layers, at least 1
     * @param out the output width (logits)
     * @param dropout the dropout probability in [0, 1)
     * @param g the generator for the weights; a split of it draws the dropout masks
     * @throws IllegalArgumentException if numLayers is below 1 or dropout is outside [0, 1)
     */
    public GraphSage(int in, int hidden, int numLayers, int out, double dropout, Generator g) {
        OptionChecks.atLeast("GraphSage", "num_layers", numLayers, 1);
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("GraphSage: dropout must be in [0, 1), got " + dropout);
        this.numLayers = numLayers;
        this.dropout = dropout;
        this.convs = registerModule("convs", new ModuleList());
        for (int l = 0; l < numLayers; l++) {
            int a = l == 0 ? in : hidden, b = l == numLayers - 1 ? out : hidden;
            convs.add(new SAGEConv(SAGEConv.options(a, b).generator(g)));
        }
        this.dropGen = g.split();
    }

    /**
     * {@return layer l's convolution}
     *
     * @param l the layer index in [0, numLayers)
     */
    public SAGEConv conv(int l) {
        return convs.get(l, SAGEConv.class);
    }

    /**
     * Logits (N, out) for node features x (N, in) over edgeIndex (2, E).
     *
     * @param x node features (N, in)
     * @param edgeIndex the edges (2, E)
     * @return the logits (N, out)
     */
    public Tensor forward(Tensor x, Tensor edgeIndex) {
        Tensor h = x;
        for (int l = 0; l < numLayers; l++) {
            h = conv(l).forward(h, edgeIndex);
            if (l < numLayers - 1) h = F.dropout(h.relu(), dropout, isTraining(), dropGen);
        }
        return h;
    }

    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("GraphSage: call forward(x, edgeIndex)");
    }
}
