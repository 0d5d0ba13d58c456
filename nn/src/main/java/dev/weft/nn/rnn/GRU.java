package dev.weft.nn.rnn;

import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * Gated recurrent unit, as torch.nn.GRU (Cho et al. 2014): gates (r, z, n) in that order,
 * n = tanh(W_in x + b_in + r * (W_hn h + b_hn)), h' = (1 - z) * n + z * h.
 * Shapes, parameter names and options as {@link RNNBase}.
 */
public final class GRU extends RNNBase {
    /** One layer, bias, time-major, unidirectional. */
    public GRU(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1, true, false, 0.0, false);
    }

    /** PyTorch's argument order; weights from {@link Init#defaultGenerator()}. */
    public GRU(int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst, double dropout,
               boolean bidirectional) {
        this(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional,
                Init.defaultGenerator());
    }

    /** @param gen draws the U(-1/sqrt(H), 1/sqrt(H)) weights; a split of it drives dropout */
    public GRU(int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst, double dropout,
               boolean bidirectional, Generator gen) {
        super(CellKind.GRU, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, 0, gen);
    }

    /** input: (T, B, C), (B, T, C) batch-first, or (T, C); h0: (L*D, B, H) ((L*D, H) unbatched) or null for zeros. */
    public RNNOutput forward(Tensor input, Tensor h0) {
        Tensor[] r = run(input, h0, null);
        return new RNNOutput(r[0], r[1]);
    }

    /**
     * A packed batch (see {@link Packing#packPaddedSequence}): every sequence runs for its own length only,
     * the reverse direction from its own last step. h0: (L*D, B, H) in the original batch order, or null.
     * hN holds each sequence's state after its last step, in the original batch order.
     */
    public PackedRNNOutput forward(PackedSequence input, Tensor h0) {
        Tensor[] r = runPacked(input, h0, null);
        return new PackedRNNOutput(input.withData(r[0]), r[1]);
    }
}
