package dev.weft.nn.rnn;

import dev.weft.tensor.Recurrent;
import dev.weft.tensor.Tensor;

/**
 * The four recurrences, as one step each, in PyTorch's gate order. A step takes the input part of
 * the pre-activations gx = x W_ih^T (+ biases folded in) (B, G*H) and the hidden product gh = h W_hh^T
 * (B, G*H) separately, plus the bias the step adds itself (or null), because GRU gates the hidden part
 * of its candidate with r. LSTM and GRU run as one fused primitive each ({@link Recurrent}).
 */
enum CellKind {
    /** h' = tanh(gx + gh). */
    RNN_TANH(1, "RNN_TANH"),
    /** h' = relu(gx + gh). */
    RNN_RELU(1, "RNN_RELU"),
    /**
     * (i, f, g, o) = (sigmoid, sigmoid, tanh, sigmoid)(gx + gh); c' = f * c + i * g; h' = o * tanh(c').
     */
    LSTM(4, "LSTM"),
    /**
     * r = sigmoid(gx_r + gh_r); z = sigmoid(gx_z + gh_z); n = tanh(gx_n + r * gh_n);
     * h' = (1 - z) * n + z * h, with gh_n = W_hn h + b_hn (so b_hn sits inside the r product).
     */
    GRU(3, "GRU");

    final int gates;
    final String label;

    CellKind(int gates, String label) {
        this.gates = gates;
        this.label = label;
    }

    /** True when b_hh may be added to gx once for the whole sequence (everything except GRU's n gate). */
    boolean foldsHiddenBias() {
        return this != GRU;
    }

    /**
     * One step. gx, gh: (B, G*H); bias: (G*H) added to gh, or null; h: (B, H_state); c: (B, H) (LSTM only,
     * else null). For LSTM h is not read (gh already holds its product) and h' is o * tanh(c'), before any
     * projection.
     *
     * @return {h'} or, for LSTM, {h', c'}
     */
    Tensor[] step(Tensor gx, Tensor gh, Tensor bias, Tensor h, Tensor c) {
        return switch (this) {
            case RNN_TANH -> new Tensor[] {gx.add(bias == null ? gh : gh.add(bias)).tanh()};
            case RNN_RELU -> new Tensor[] {gx.add(bias == null ? gh : gh.add(bias)).relu()};
            case LSTM -> {
                Recurrent.LstmState s = Recurrent.lstmCell(gx, gh, c, bias);
                yield new Tensor[] {s.h(), s.c()};
            }
            case GRU -> new Tensor[] {Recurrent.gruCell(gx, gh, h, bias)};
        };
    }
}
