package dev.weft.nn.rnn;

import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * torch.nn.GRUCell, gates (r, z, n): r = sigmoid(W_ir x + b_ir + W_hr h + b_hr), z likewise,
 * n = tanh(W_in x + b_in + r * (W_hn h + b_hn)), h' = (1 - z) * n + z * h.
 */
public final class GRUCell extends RNNCellBase {
    public GRUCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true);
    }

    public GRUCell(int inputSize, int hiddenSize, boolean bias) {
        this(inputSize, hiddenSize, bias, Init.defaultGenerator());
    }

    public GRUCell(int inputSize, int hiddenSize, boolean bias, Generator gen) {
        super(CellKind.GRU, inputSize, hiddenSize, bias, gen);
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
}
