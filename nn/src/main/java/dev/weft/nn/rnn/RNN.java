package dev.weft.nn.rnn;

import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * Elman RNN, as torch.nn.RNN: per layer h_t = act(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh) with
 * act = tanh or relu. Shapes, parameter names and options as {@link RNNBase}.
 */
public final class RNN extends RNNBase {
    private final String nonlinearity;

    /** One layer, tanh, bias, time-major, unidirectional. */
    public RNN(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1, "tanh", true, false, 0.0, false);
    }

    /** PyTorch's argument order; weights from {@link Init#defaultGenerator()}. */
    public RNN(int inputSize, int hiddenSize, int numLayers, String nonlinearity, boolean bias, boolean batchFirst,
               double dropout, boolean bidirectional) {
        this(inputSize, hiddenSize, numLayers, nonlinearity, bias, batchFirst, dropout, bidirectional,
                Init.defaultGenerator());
    }

    /**
     * @param nonlinearity "tanh" or "relu"
     * @param gen          draws the U(-1/sqrt(H), 1/sqrt(H)) weights; a split of it drives dropout
     */
    public RNN(int inputSize, int hiddenSize, int numLayers, String nonlinearity, boolean bias, boolean batchFirst,
               double dropout, boolean bidirectional, Generator gen) {
        super(kindOf(nonlinearity), inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, 0, gen);
        this.nonlinearity = nonlinearity;
    }

    static CellKind kindOf(String nonlinearity) {
        if ("tanh".equals(nonlinearity)) return CellKind.RNN_TANH;
        if ("relu".equals(nonlinearity)) return CellKind.RNN_RELU;
        throw new IllegalArgumentException("RNN: unknown nonlinearity '" + nonlinearity + "' (expected 'tanh' or 'relu')");
    }

    public String nonlinearity() {
        return nonlinearity;
    }

    /**
     * input: (T, B, C), (B, T, C) batch-first, or (T, C); h0: (L*D, B, H) ((L*D, H) unbatched) or null for zeros.
     */
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

    @Override
    protected String extraRepr() {
        String base = super.extraRepr();
        return "relu".equals(nonlinearity) ? base + ", nonlinearity=relu" : base;
    }
}
