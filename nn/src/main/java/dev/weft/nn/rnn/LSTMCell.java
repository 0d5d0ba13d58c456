package dev.weft.nn.rnn;

import dev.weft.tensor.Tensor;

/**
 * torch.nn.LSTMCell, gates (i, f, g, o): c' = f * c + i * g, h' = o * tanh(c'), with i, f, o sigmoids
 * and g a tanh of x W_ih^T + b_ih + h W_hh^T + b_hh.
 */
public final class LSTMCell extends RNNCellBase {
    /**
     * A cell with bias and weights from {@link dev.weft.nn.init.Init#defaultGenerator()}.
     *
     * @param inputSize  C, the input features
     * @param hiddenSize H, the hidden features
     */
    public LSTMCell(int inputSize, int hiddenSize) {
        this(options(inputSize, hiddenSize));
    }

    /**
     * PyTorch's positional LSTMCell(input, hidden, bias).
     *
     * @param inputSize  C, the input features
     * @param hiddenSize H, the hidden features
     * @param bias       whether the cell has bias_ih and bias_hh
     */
    public LSTMCell(int inputSize, int hiddenSize, boolean bias) {
        this(options(inputSize, hiddenSize).bias(bias));
    }

    /**
     * {@code new LSTMCell(LSTMCell.options(32, 64).bias(false).generator(g))}.
     *
     * @param options the sizes, bias, generator and the cell's own options
     * @throws IllegalArgumentException if a size is below 1
     */
    public LSTMCell(Options options) {
        super(CellKind.LSTM, options);
    }

    /**
     * Options with PyTorch's defaults (see {@link RNNCellBase.Options}).
     *
     * @param inputSize  C, the input features
     * @param hiddenSize H, the hidden features
     * @return new options
     */
    public static Options options(int inputSize, int hiddenSize) {
        return new Options(inputSize, hiddenSize);
    }

    /** LSTMCell's options: those of {@link RNNCellBase.Options}. */
    public static final class Options extends RNNCellBase.Options<Options> {
        private Options(int inputSize, int hiddenSize) {
            super("LSTMCell", inputSize, hiddenSize);
        }
    }

    /** x: (B, C) or (C) -> h' only, from a zero state. */
    @Override
    public Tensor forward(Tensor input) {
        return step(input, null, null)[0];
    }

    /**
     * x: (B, C) or (C); state (h, c) each (B, H) or (H), or null for zeros -> (h', c').
     *
     * @param input the input (B, C) or (C)
     * @param state the state (h, c), or null for zeros
     * @return the next state (h', c')
     */
    public LSTMState forward(Tensor input, LSTMState state) {
        Tensor[] r = state == null ? step(input, null, null) : step(input, state.h(), state.c());
        return new LSTMState(r[0], r[1]);
    }

    /**
     * x; h, c: both given or both null -> (h', c').
     *
     * @param input the input (B, C) or (C)
     * @param h     the hidden state (B, H) or (H), or null
     * @param c     the cell state, h's shape, or null
     * @return the next state (h', c')
     * @throws IllegalArgumentException if exactly one of h and c is null
     */
    public LSTMState forward(Tensor input, Tensor h, Tensor c) {
        if ((h == null) != (c == null)) {
            throw new IllegalArgumentException(label() + ": give both h and c, or neither");
        }
        Tensor[] r = step(input, h, c);
        return new LSTMState(r[0], r[1]);
    }
}
