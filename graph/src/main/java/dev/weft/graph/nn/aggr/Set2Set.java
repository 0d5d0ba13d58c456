package dev.weft.graph.nn.aggr;

import dev.weft.nn.OptionChecks;
import dev.weft.nn.init.Init;
import dev.weft.nn.rnn.LSTM;
import dev.weft.nn.rnn.LSTMOutput;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Segments;
import dev.weft.tensor.Tensor;

/**
 * The Set2Set readout of Vinyals et al., "Order Matters: Sequence to sequence for sets" (PyG's Set2Set): q*_0 = 0
 * (B, 2F); for t = 1..T: q_t = LSTM(q*_{t-1}), e_n = x_n . q_t(graph of n), a = softmax of e over each graph, r_t =
 * sum_n a_n x_n, q*_t = [q_t, r_t]. Out (B, 2F). lstm = torch.nn.LSTM(2F, F, numLayers) with PyTorch's
 * initialization, one time step per processing step, state carried between steps.
 */
public final class Set2Set extends Aggregation {
    private final int in, steps, numLayers;

    /**
     * Set2Set(in, processingSteps) with a one-layer LSTM.
     *
     * @param in the feature width F (PyG's in_channels), at least 1
     * @param processingSteps the number of steps T, at least 1
     */
    public Set2Set(int in, int processingSteps) {
        this(in, processingSteps, 1, Init.defaultGenerator());
    }

    /**
     * numLayers: the LSTM's (PyG passes it through **kwargs).
     *
     * @param in the feature width F (PyG's in_channels), at least 1
     * @param processingSteps the number of steps T, at least 1
     * @param numLayers the LSTM's layers, at least 1
     * @param g the generator for the LSTM's weights
     */
    public Set2Set(int in, int processingSteps, int numLayers, Generator g) {
        this.in = OptionChecks.atLeast("Set2Set", "in_channels", in, 1);
        this.steps = OptionChecks.atLeast("Set2Set", "processing_steps", processingSteps, 1);
        this.numLayers = OptionChecks.atLeast("Set2Set", "num_layers", numLayers, 1);
        registerModule("lstm", new LSTM(LSTM.options(2 * in, in).numLayers(numLayers).generator(g)));
    }

    /**
     * One row per graph (size, 2F): x (N, F), batch (N) in [0, size) or null (one graph).
     *
     * @param x node features (N, F)
     * @param batch the graph of each node (N), or null
     * @param size the number of graphs B
     * @return the readout q*_T (B, 2F)
     */
    public Tensor forward(Tensor x, Tensor batch, int size) {
        Batches.features(reprName(), x, in);
        Batches.Grouped g = Batches.of(reprName(), batch, x.size(0), size);
        return aggregate(x.indexSelect(0, g.perm()), g.rowPtr(), g.size());
    }

    @Override
    public Tensor aggregate(Tensor x, Tensor rowPtr, int numDst) {
        Batches.features(reprName(), x, in);
        LSTM lstm = (LSTM) child("lstm");
        Tensor index = Segments.rowIndex(rowPtr);
        Tensor h = Tensor.zeros(x.dtype(), numLayers, numDst, in), c = h;
        Tensor qStar = Tensor.zeros(x.dtype(), numDst, 2 * in);
        for (int t = 0; t < steps; t++) {
            LSTMOutput o = lstm.forward(qStar.unsqueeze(0), h, c);
            h = o.hN();
            c = o.cN();
            Tensor q = o.output().reshape(numDst, in);
            Tensor e = x.mul(q.indexSelect(0, index)).sum(new int[] {1}, true);          // (N, 1)
            Tensor r = Segments.segment(Segments.softmax(e, rowPtr).mul(x), rowPtr, "sum");
            qStar = Tensor.cat(new Tensor[] {q, r}, 1);
        }
        return qStar;
    }

    @Override
    public int outputWidth(int inputWidth) {
        return 2 * in;
    }

    @Override
    protected String extraRepr() {
        return in + ", " + 2 * in;
    }
}
