package dev.weft.nn.rnn;

import dev.weft.tensor.Tensor;

/**
 * Long short-term memory, as torch.nn.LSTM (Hochreiter and Schmidhuber 1997, with a forget gate):
 * gates (i, f, g, o) in that order in W_ih/W_hh rows, c_t = f * c_{t-1} + i * g, h_t = o * tanh(c_t);
 * with projSize > 0 (Sak et al. 2014, LSTMP) h_t = W_hr (o * tanh(c_t)) of size projSize, which is what
 * the next step, the next layer and the output see. Shapes, parameter names and options as {@link RNNBase}.
 * Giving only one of h0 and c0, or states or inputs of the wrong shape, is an IllegalArgumentException.
 *
 * <pre>{@code
 * LSTM lstm = new LSTM(LSTM.options(32, 128).numLayers(2).batchFirst(true));
 * LSTMOutput out = lstm.forward(Tensor.randn(new Generator(0), 4, 10, 32), null, null);
 * // out.output(): (4, 10, 128); out.hN(), out.cN(): (2, 4, 128)
 * }</pre>
 */
public final class LSTM extends RNNBase {
    /**
     * One layer, bias, time-major, unidirectional.
     *
     * @param inputSize C, the features of each input step
     * @param hiddenSize H, the features of the hidden and cell states
     */
    public LSTM(int inputSize, int hiddenSize) {
        this(options(inputSize, hiddenSize));
    }

    /**
     * {@code new LSTM(LSTM.options(32, 128).numLayers(2).batchFirst(true).dropout(0.1).projSize(64))}.
     *
     * @param options the sizes and settings, checked here
     */
    public LSTM(Options options) {
        super(CellKind.LSTM, options);
    }

    /**
     * Options with PyTorch's defaults (see {@link RNNBase.Options}; projSize 0).
     *
     * @param inputSize C, the features of each input step
     * @param hiddenSize H, the features of the hidden and cell states
     * @return options to refine and pass to {@link #LSTM(Options)}
     */
    public static Options options(int inputSize, int hiddenSize) {
        return new Options(inputSize, hiddenSize);
    }

    /** LSTM's options: {@link RNNBase.Options} plus the projection size. */
    public static final class Options extends RNNBase.Options<Options> {
        private Options(int inputSize, int hiddenSize) {
            super("LSTM", inputSize, hiddenSize);
        }

        /**
         * The size P of h, {@code 0 < P < hiddenSize}: h_t = W_hr (o * tanh(c_t)); 0 (default) disables the projection.
         *
         * @param projSize P, or 0 for no projection
         * @return these options
         */
        public Options projSize(int projSize) {
            this.projSize = projSize;
            return this;
        }
    }

    /**
     * input: (T, B, C), (B, T, C) batch-first, or (T, C); h0: (L*D, B, P), c0: (L*D, B, H) ((L*D, P),
     * (L*D, H) unbatched), both given or both null (zeros); P = projSize or H.
     *
     * @param input the sequence
     * @param h0 the initial hidden states, or null
     * @param c0 the initial cell states, or null
     * @return every step's top-layer output and each layer's last h and c
     */
    public LSTMOutput forward(Tensor input, Tensor h0, Tensor c0) {
        checkPair(h0, c0);
        Tensor[] r = run(input, h0, c0);
        return new LSTMOutput(r[0], r[1], r[2]);
    }

    /**
     * A packed batch (see {@link Packing#packPaddedSequence}): every sequence runs for its own length only,
     * the reverse direction from its own last step. h0, c0: (L*D, B, P), (L*D, B, H) in the original batch
     * order, both given or both null. The output has the input's packing; hN, cN are each sequence's state
     * after its last step, in the original batch order.
     *
     * @param input the packed sequences
     * @param h0 the initial hidden states, or null
     * @param c0 the initial cell states, or null
     * @return the packed output and each sequence's last h and c
     */
    public PackedLSTMOutput forward(PackedSequence input, Tensor h0, Tensor c0) {
        checkPair(h0, c0);
        Tensor[] r = runPacked(input, h0, c0);
        return new PackedLSTMOutput(input.withData(r[0]), r[1], r[2]);
    }

    private void checkPair(Tensor h0, Tensor c0) {
        if ((h0 == null) != (c0 == null)) {
            throw new IllegalArgumentException(label() + ": give both h0 and c0, or neither (got "
                    + (h0 == null ? "c0 only" : "h0 only") + ")");
        }
    }
}
