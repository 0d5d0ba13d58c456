package dev.weft.nn.rnn;

import dev.weft.tensor.Tensor;

/**
 * Gated recurrent unit, as torch.nn.GRU (Cho et al. 2014): gates (r, z, n) in that order,
 * n = tanh(W_in x + b_in + r * (W_hn h + b_hn)), h' = (1 - z) * n + z * h.
 * Shapes, parameter names and options as {@link RNNBase}.
 */
public final class GRU extends RNNBase {
    /**
     * One layer, bias, time-major, unidirectional.
     *
     * @param inputSize C, the features of each input step
     * @param hiddenSize H, the features of the hidden state
     */
    public GRU(int inputSize, int hiddenSize) {
        this(options(inputSize, hiddenSize));
    }

    /**
     * {@code new GRU(GRU.options(32, 64).numLayers(2).bidirectional(true))}.
     *
     * @param options the sizes and settings, checked here
     */
    public GRU(Options options) {
        super(CellKind.GRU, options);
    }

    /**
     * Options with PyTorch's defaults (see {@link RNNBase.Options}).
     *
     * @param inputSize C, the features of each input step
     * @param hiddenSize H, the features of the hidden state
     * @return options to refine and pass to {@link #GRU(Options)}
     */
    public static Options options(int inputSize, int hiddenSize) {
        return new Options(inputSize, hiddenSize);
    }

    /** GRU's options: those of {@link RNNBase.Options}. */
    public static final class Options extends RNNBase.Options<Options> {
        private Options(int inputSize, int hiddenSize) {
            super("GRU", inputSize, hiddenSize);
        }
    }

    /**
     * input: (T, B, C), (B, T, C) batch-first, or (T, C); h0: (L*D, B, H) ((L*D, H) unbatched) or null for zeros.
     *
     * @param input the sequence
     * @param h0 the initial hidden states, or null
     * @return every step's top-layer output and each layer's last h
     */
    public RNNOutput forward(Tensor input, Tensor h0) {
        Tensor[] r = run(input, h0, null);
        return new RNNOutput(r[0], r[1]);
    }

    /**
     * A packed batch (see {@link Packing#packPaddedSequence}): every sequence runs for its own length only,
     * the reverse direction from its own last step. h0: (L*D, B, H) in the original batch order, or null.
     * hN holds each sequence's state after its last step, in the original batch order.
     *
     * @param input the packed sequences
     * @param h0 the initial hidden states, or null
     * @return the packed output and each sequence's last h
     */
    public PackedRNNOutput forward(PackedSequence input, Tensor h0) {
        Tensor[] r = runPacked(input, h0, null);
        return new PackedRNNOutput(input.withData(r[0]), r[1]);
    }
}
