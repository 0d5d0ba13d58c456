package dev.weft.nn.rnn;

import dev.weft.nn.OptionChecks;
import dev.weft.tensor.Tensor;

/** torch.nn.RNNCell: h' = act(x W_ih^T + b_ih + h W_hh^T + b_hh), act = tanh or relu. */
public final class RNNCell extends RNNCellBase {
    private final Nonlinearity nonlinearity;

    /**
     * A cell with bias and weights from {@link dev.weft.nn.init.Init#defaultGenerator()}.
     *
     * @param inputSize  C, the input features
     * @param hiddenSize H, the hidden features
     */
    public RNNCell(int inputSize, int hiddenSize) {
        this(options(inputSize, hiddenSize));
    }

    /**
     * {@code new RNNCell(RNNCell.options(8, 16).nonlinearity(Nonlinearity.RELU).bias(false))}.
     *
     * @param options the sizes, bias, generator and the cell's own options
     * @throws IllegalArgumentException if a size is below 1
     */
    public RNNCell(Options options) {
        super(options.nonlinearity.cellKind(), options);
        this.nonlinearity = options.nonlinearity;
    }

    /**
     * Options with PyTorch's defaults (see {@link RNNCellBase.Options}; nonlinearity TANH).
     *
     * @param inputSize  C, the input features
     * @param hiddenSize H, the hidden features
     * @return new options
     */
    public static Options options(int inputSize, int hiddenSize) {
        return new Options(inputSize, hiddenSize);
    }

    /** RNNCell's options: {@link RNNCellBase.Options} plus the nonlinearity. */
    public static final class Options extends RNNCellBase.Options<Options> {
        private Nonlinearity nonlinearity = Nonlinearity.TANH;

        private Options(int inputSize, int hiddenSize) {
            super("RNNCell", inputSize, hiddenSize);
        }

        /**
         * tanh (default) or relu.
         *
         * @param nonlinearity the activation, not null
         * @return these options
         */
        public Options nonlinearity(Nonlinearity nonlinearity) {
            this.nonlinearity = OptionChecks.nonNull("RNNCell", "nonlinearity", nonlinearity);
            return this;
        }
    }

    /** {@return the activation, tanh or relu} */
    public Nonlinearity nonlinearity() {
        return nonlinearity;
    }

    /** x: (B, C) or (C) -> h' (B, H) or (H), from a zero state. */
    @Override
    public Tensor forward(Tensor input) {
        return step(input, null, null)[0];
    }

    /**
     * x: (B, C) or (C); hx: (B, H) or (H), or null for zeros -> h'.
     *
     * @param input the input (B, C) or (C)
     * @param hx    the hidden state (B, H) or (H), or null for zeros
     * @return the next hidden state h', hx's shape
     */
    public Tensor forward(Tensor input, Tensor hx) {
        return step(input, hx, null)[0];
    }

    @Override
    protected String extraRepr() {
        return super.extraRepr() + (nonlinearity == Nonlinearity.RELU ? ", nonlinearity=relu" : "");
    }
}
