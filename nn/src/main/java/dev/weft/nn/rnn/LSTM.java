package dev.weft.nn.rnn;

import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * Long short-term memory, as torch.nn.LSTM (Hochreiter and Schmidhuber 1997, with a forget gate):
 * gates (i, f, g, o) in that order in W_ih/W_hh rows, c_t = f * c_{t-1} + i * g, h_t = o * tanh(c_t).
 * Shapes, parameter names and options as {@link RNNBase}; no projection (proj_size) support.
 */
public final class LSTM extends RNNBase {
    /** One layer, bias, time-major, unidirectional. */
    public LSTM(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1, true, false, 0.0, false);
    }

    /** PyTorch's argument order; weights from {@link Init#defaultGenerator()}. */
    public LSTM(int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst, double dropout,
                boolean bidirectional) {
        this(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional,
                Init.defaultGenerator());
    }

    /** @param gen draws the U(-1/sqrt(H), 1/sqrt(H)) weights; a split of it drives dropout */
    public LSTM(int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst, double dropout,
                boolean bidirectional, Generator gen) {
        super(CellKind.LSTM, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, gen);
    }

    /**
     * input: (T, B, C), (B, T, C) batch-first, or (T, C); h0, c0: (L*D, B, H) ((L*D, H) unbatched), both
     * given or both null (zeros).
     */
    public LSTMOutput forward(Tensor input, Tensor h0, Tensor c0) {
        if ((h0 == null) != (c0 == null)) {
            throw new IllegalArgumentException(label() + ": give both h0 and c0, or neither (got "
                    + (h0 == null ? "c0 only" : "h0 only") + ")");
        }
        Tensor[] r = run(input, h0, c0);
        return new LSTMOutput(r[0], r[1], r[2]);
    }
}
