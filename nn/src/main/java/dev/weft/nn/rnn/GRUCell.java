package dev.weft.nn.rnn;

import dev.weft.tensor.Tensor;

/**
 * torch.nn.GRUCell, gates (r, z, n): r = sigmoid(W_ir x + b_ir + W_hr h + b_hr), z likewise,
 * n = tanh(W_in x + b_in + r * (W_hn h + b_hn)), h' = (1 - z) * n + z * h.
 */
public final class GRUCell extends RNNCellBase {
    /**
     * A cell with bias and weights from {@link dev.weft.nn.init.Init#defaultGenerator()}.
     *
     * @param inputSize  C, the input features
     * @param hiddenSize H, the hidden features
     */
    public GRUCell(int inputSize, int hiddenSize) {
        this(options(inputSize, hiddenSize));
    }

    /**
     * PyTorch's positional GRUCell(input, hidden, bias).
     *
     * @param inputSize  C, the input features
     * @param hiddenSize H, the hidden features
     * @param bias       whether the cell has bias_ih and bias_hh
     */
    public GRUCell(int inputSize, int hiddenSize, boolean bias) {
        this(options(inputSize, hiddenSize).bias(bias));
    }

    /**
     * {@code new GRUCell(GRUCell.options(32, 64).bias(false).generator(g))}.
     *
     * @param options the sizes, bias, generator and the cell's own options
     * @throws IllegalArgumentException if a size is below 1
     */
    public GRUCell(Options options) {
        super(CellKind.GRU, options);
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

    /** GRUCell's options: those of {@link RNNCellBase.Options}. */
    public static final class Options extends RNNCellBase.Options<Options> {
        private Options(int inputSize, int hiddenSize) {
            super("GRUCell", inputSize, hiddenSize);
        }
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
}
