package dev.weft.nn.rnn;

import dev.weft.tensor.Tensor;

/**
 * The four recurrences, as one step each, in PyTorch's gate order. A step takes the input part of
 * the pre-activations gx = x W_ih^T + b_ih (B, G*H) and the hidden part gh = h W_hh^T + b_hh
 * (B, G*H) separately, because GRU gates the hidden part of its candidate with r. Layers that run a
 * whole sequence fold b_hh into gx where the equation allows it and pass gh without it.
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
     * One step. gx, gh: (B, G*H); h, c: (B, H) (c only for LSTM, else null).
     *
     * @return {h'} or, for LSTM, {h', c'}
     */
    Tensor[] step(Tensor gx, Tensor gh, Tensor h, Tensor c, int hidden) {
        int H = hidden;
        return switch (this) {
            case RNN_TANH -> new Tensor[] {gx.add(gh).tanh()};
            case RNN_RELU -> new Tensor[] {gx.add(gh).relu()};
            case LSTM -> {
                Tensor pre = gx.add(gh);
                // NOTE: one sigmoid over all four blocks (the g block's is unused) beats three narrow sigmoids
                Tensor sig = pre.sigmoid();
                Tensor i = sig.narrow(1, 0, H), f = sig.narrow(1, H, H), o = sig.narrow(1, 3 * H, H);
                Tensor g = pre.narrow(1, 2 * H, H).tanh();
                Tensor c2 = f.mul(c).add(i.mul(g));
                yield new Tensor[] {o.mul(c2.tanh()), c2};
            }
            case GRU -> {
                Tensor rz = gx.narrow(1, 0, 2 * H).add(gh.narrow(1, 0, 2 * H)).sigmoid();
                Tensor r = rz.narrow(1, 0, H), z = rz.narrow(1, H, H);
                Tensor n = gx.narrow(1, 2 * H, H).add(r.mul(gh.narrow(1, 2 * H, H))).tanh();
                // (1 - z) * n + z * h, written as n + z * (h - n)
                yield new Tensor[] {n.add(z.mul(h.sub(n)))};
            }
        };
    }
}
