package dev.weft.tensor;

import dev.weft.tensor.op.RecurrentOp;

/**
 * The fused recurrent cells: the pointwise half of one LSTM or GRU step as one primitive each (the gate
 * products before them are ordinary matmuls), in PyTorch's gate order and layout (torch's
 * _thnn_fused_lstm_cell / _thnn_fused_gru_cell). B batch, H hidden; one floating dtype for all operands,
 * exact shapes (no broadcasting except the bias over the batch). Differentiable; the backward ops are what
 * autograd calls and are not themselves differentiable.
 */
public final class Recurrent {
    private Recurrent() {}

    /** h' and c' of one LSTM step. */
    public record LstmState(Tensor h, Tensor c) {}

    /**
     * One LSTM step from its gate pre-activations: p = gx + gh (+ bias), (i, f, g, o) = (sigmoid, sigmoid,
     * tanh, sigmoid)(p), c' = f * c + i * g, h' = o * tanh(c').
     *
     * @param gx   (B, 4H), typically x W_ih^T + b_ih
     * @param gh   (B, 4H), typically h W_hh^T
     * @param c    (B, H) the previous cell state
     * @param bias (4H) added to every row, or null (e.g. b_hh, or b_ih + b_hh when gx holds none)
     */
    public static LstmState lstmCell(Tensor gx, Tensor gh, Tensor c, Tensor bias) {
        Tensor[] o = bias == null ? Dispatch.apply(new RecurrentOp.LstmCell(), gx, gh, c)
                : Dispatch.apply(new RecurrentOp.LstmCell(), gx, gh, c, bias);
        return new LstmState(o[0], o[1]);
    }

    /**
     * One GRU step: r = sigmoid(gx_r + gh_r + b_r), z = sigmoid(gx_z + gh_z + b_z),
     * n = tanh(gx_n + r * (gh_n + b_n)), h' = (1 - z) * n + z * h.
     *
     * @param gx   (B, 3H), typically x W_ih^T + b_ih
     * @param gh   (B, 3H), typically h W_hh^T
     * @param h    (B, H) the previous hidden state
     * @param bias (3H), b_hh (its n block sits inside the r product), or null for none
     * @return h' (B, H)
     */
    public static Tensor gruCell(Tensor gx, Tensor gh, Tensor h, Tensor bias) {
        return bias == null ? Dispatch.apply1(new RecurrentOp.GruCell(), gx, gh, h)
                : Dispatch.apply1(new RecurrentOp.GruCell(), gx, gh, h, bias);
    }

    /**
     * The backward of {@link #lstmCell} given the gates it saved: dh, dc (B, H) the gradients of h' and c',
     * gates (B, 4H), c the previous cell state, c2 = c'. Returns {dp (B, 4H), dc_prev (B, H)}, dp being the
     * gradient of the pre-activations (so of gx, of gh, and of the bias summed over the batch).
     */
    public static Tensor[] lstmCellBackward(Tensor dh, Tensor dc, Tensor gates, Tensor c, Tensor c2) {
        return Dispatch.apply(new RecurrentOp.LstmCellBackward(), dh, dc, gates, c, c2);
    }

    /**
     * The backward of {@link #gruCell} given what it saved ((r, z, n, hn) (B, 4H)): returns {dgx (B, 3H),
     * dgh (B, 3H), dh_prev (B, H)}, dh_prev being the part of h's gradient that does not go through gh.
     */
    public static Tensor[] gruCellBackward(Tensor dh, Tensor saved, Tensor h) {
        return Dispatch.apply(new RecurrentOp.GruCellBackward(), dh, saved, h);
    }
}
