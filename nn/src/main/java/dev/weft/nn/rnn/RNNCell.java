package dev.weft.nn.rnn;

import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/** torch.nn.RNNCell: h' = act(x W_ih^T + b_ih + h W_hh^T + b_hh), act = tanh or relu. */
public final class RNNCell extends RNNCellBase {
    private final String nonlinearity;

    public RNNCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true, "tanh");
    }

    public RNNCell(int inputSize, int hiddenSize, boolean bias, String nonlinearity) {
        this(inputSize, hiddenSize, bias, nonlinearity, Init.defaultGenerator());
    }

    /** @param nonlinearity "tanh" or "relu" */
    public RNNCell(int inputSize, int hiddenSize, boolean bias, String nonlinearity, Generator gen) {
        super(RNN.kindOf(nonlinearity), inputSize, hiddenSize, bias, gen);
        this.nonlinearity = nonlinearity;
    }

    public String nonlinearity() {
        return nonlinearity;
    }

    /** x: (B, C) or (C) -> h' (B, H) or (H), from a zero state. */
    @Override
    public Tensor forward(Tensor input) {
        return step(input, null, null)[0];
    }

    /** x: (B, C) or (C); hx: (B, H) or (H), or null for zeros -> h'. */
    public Tensor forward(Tensor input, Tensor hx) {
        return step(input, hx, null)[0];
    }

    @Override
    protected String extraRepr() {
        return super.extraRepr() + ("relu".equals(nonlinearity) ? ", nonlinearity=relu" : "");
    }
}
