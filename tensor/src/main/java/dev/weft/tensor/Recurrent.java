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

    /**
     * h' and c' of one LSTM step.
     *
     * @param h the hidden state (B, H)
     * @param c the cell state (B, H)
     */
    public record LstmState(Tensor h, Tensor c) {}

    /**
     * {@return one LSTM step from its gate pre-activations: p = gx + gh (+ bias), (i, f, g, o) = (sigmoid, sigmoid,
     * tanh, sigmoid)(p), c' = f * c + i * g, h' = o * tanh(c')}
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
     * {@return the backward of {@link #lstmCell} given the gates it saved: dh, dc (B, H) the gradients of h' and c',
     * gates (B, 4H), c the previous cell state, c2 = c'} Returns {dp (B, 4H), dc_prev (B, H)}, dp being the
     * gradient of the pre-activations (so of gx, of gh, and of the bias summed over the batch).
     *
     * @param dh the gradient of the new hidden state (B, H)
     * @param dc the gradient of the new cell state (B, H)
     * @param gates the activated gates the forward saved
     * @param c the cell state (B, H)
     * @param c2 the new cell state (B, H) of the forward
     */
    public static Tensor[] lstmCellBackward(Tensor dh, Tensor dc, Tensor gates, Tensor c, Tensor c2) {
        return Dispatch.apply(new RecurrentOp.LstmCellBackward(), dh, dc, gates, c, c2);
    }

    /**
     * {@return the backward of {@link #gruCell} given what it saved ((r, z, n, hn) (B, 4H)): returns {dgx (B, 3H),
     * dgh (B, 3H), dh_prev (B, H)}, dh_prev being the part of h's gradient that does not go through gh}
     *
     * @param dh the gradient of the new hidden state (B, H)
     * @param saved what gruCell saved: (r, z, n, hn) (B, 4H)
     * @param h the hidden state (B, H)
     */
    public static Tensor[] gruCellBackward(Tensor dh, Tensor saved, Tensor h) {
        return Dispatch.apply(new RecurrentOp.GruCellBackward(), dh, saved, h);
    }

    /**
     * Every step's h, and the last step's h and c, of one LSTM layer direction.
     *
     * @param output the output (T, B, H)
     * @param h the hidden state (B, H)
     * @param c the cell state (B, H)
     */
    public record LstmLayerOutput(Tensor output, Tensor h, Tensor c) {}

    /**
     * One LSTM layer direction over all T steps, input projection included (torch's LSTM layer without
     * projection, one direction): for t = 0..T-1 (T-1..0 when reverse), (h_t, c_t) =
     * {@link #lstmCell}(x_t W_ih^T, h_prev W_hh^T, c_prev, bias), from (h0, c0). One primitive, so its
     * backward runs the recurrence once and forms dW_ih, dW_hh and dbias in one product over all steps each.
     *
     * @param reverse run the steps from T-1 down to 0
     * @param x    (T, B, C); a batch-first input's transpose(0, 1)
     * @param wih  (4H, C)
     * @param whh  (4H, H)
     * @param bias (4H), typically b_ih + b_hh, or null
     * @param h0   (B, H)
     * @param c0   (B, H)
     * @return output (T, B, H), h_n and c_n (B, H)
     */
    public static LstmLayerOutput lstmLayer(Tensor x, Tensor wih, Tensor whh, Tensor bias, Tensor h0, Tensor c0, boolean reverse) {
        RecurrentOp.LstmLayer op = new RecurrentOp.LstmLayer(reverse);
        Tensor[] o = bias == null ? Dispatch.apply(op, x, wih, whh, h0, c0) : Dispatch.apply(op, x, wih, whh, h0, c0, bias);
        return new LstmLayerOutput(o[0], o[1], o[2]);
    }

    /**
     * {@return the backward of {@link #lstmLayer} given what it saved (gates (T, B, 4H), cells (T, B, H)), its inputs
     * and its output: returns {dx (T, B, C), or an empty (0) tensor unless inputGrad, dw_ih (4H, C),
     * dw_hh (4H, H), dbias (4H), dh0 (B, H), dc0 (B, H)}}
     *
     * @param reverse run the steps from T-1 down to 0
     * @param inputGrad also compute the gradient of x
     * @param dOut the gradient of the output (T, B, H)
     * @param dhN the gradient of the last hidden state (B, H), or null
     * @param dcN the gradient of the last cell state (B, H), or null
     * @param gates the activated gates the forward saved
     * @param cells every step's cell state (T, B, H) from the forward
     * @param x the input tensor
     * @param h0 the initial hidden state (B, H)
     * @param c0 the initial cell state (B, H)
     * @param out the output tensor
     * @param wih W_ih (4H, C)
     * @param whh W_hh (4H, H)
     */
    public static Tensor[] lstmLayerBackward(boolean reverse, boolean inputGrad, Tensor dOut, Tensor dhN, Tensor dcN, Tensor gates,
                                             Tensor cells, Tensor x, Tensor h0, Tensor c0, Tensor out, Tensor wih, Tensor whh) {
        return Dispatch.apply(new RecurrentOp.LstmLayerBackward(reverse, inputGrad), dOut, dhN, dcN, gates, cells, x, h0, c0, out,
                wih, whh);
    }
}
