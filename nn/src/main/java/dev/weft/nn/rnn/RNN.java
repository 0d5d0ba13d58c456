package dev.weft.nn.rnn;

import dev.weft.nn.OptionChecks;
import dev.weft.tensor.Tensor;

/**
 * Elman RNN, as torch.nn.RNN: per layer h_t = act(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh) with
 * act = tanh or relu. Shapes, parameter names and options as {@link RNNBase}.
 */
public final class RNN extends RNNBase {
    private final Nonlinearity nonlinearity;

    /**
     * One layer, tanh, bias, time-major, unidirectional.
     *
     * @param inputSize C, the features of each input step
     * @param hiddenSize H, the features of the hidden state
     */
    public RNN(int inputSize, int hiddenSize) {
        this(options(inputSize, hiddenSize));
    }

    /**
     * {@code new RNN(RNN.options(8, 16).nonlinearity(Nonlinearity.RELU).numLayers(2))}.
     *
     * @param options the sizes and settings, checked here
     */
    public RNN(Options options) {
        super(options.nonlinearity.cellKind(), options);
        this.nonlinearity = options.nonlinearity;
    }

    /**
     * Options with PyTorch's defaults (see {@link RNNBase.Options}; nonlinearity TANH).
     *
     * @param inputSize C, the features of each input step
     * @param hiddenSize H, the features of the hidden state
     * @return options to refine and pass to {@link #RNN(Options)}
     */
    public static Options options(int inputSize, int hiddenSize) {
        return new Options(inputSize, hiddenSize);
    }

    /** RNN's options: {@link RNNBase.Options} plus the nonlinearity. */
    public static final class Options extends RNNBase.Options<Options> {
        private Nonlinearity nonlinearity = Nonlinearity.TANH;

        private Options(int inputSize, int hiddenSize) {
            super("RNN", inputSize, hiddenSize);
        }

        /**
         * tanh (default) or relu.
         *
         * @param nonlinearity TANH or RELU
         * @return these options
         */
        public Options nonlinearity(Nonlinearity nonlinearity) {
            this.nonlinearity = OptionChecks.nonNull("RNN", "nonlinearity", nonlinearity);
            return this;
        }
    }

    /**
     * {@return the activation, TANH or RELU}
     */
    public Nonlinearity nonlinearity() {
        return nonlinearity;
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

    @Override
    protected String extraRepr() {
        String base = super.extraRepr();
        return nonlinearity == Nonlinearity.RELU ? base + ", nonlinearity=relu" : base;
    }
}
