package dev.weft.tensor.op;

/**
 * The fused pointwise half of one LSTM or GRU step, after the gate products (a GEMM each), and the
 * backward of each as its own primitive (one kernel, reading what the forward saved). Shapes: B batch,
 * H hidden; gate blocks in PyTorch's order (LSTM i, f, g, o; GRU r, z, n). All operands share one
 * floating dtype (F32 or F64) and are exactly the shapes stated (no broadcasting); the optional bias is
 * broadcast over the batch by the kernel. {@link LstmLayer} runs a whole layer direction (all T steps, their
 * gate products included) as one primitive, so its backward forms the weight gradient in one product.
 */
public sealed interface RecurrentOp extends Op {
    /**
     * p = gx + gh (+ bias); i, f, o = sigmoid(p_i, p_f, p_o), g = tanh(p_g); c' = f c + i g; h' = o tanh(c').
     * Inputs: gx (B, 4H), gh (B, 4H), c (B, H), optionally bias (4H). Outputs: h' (B, H), c' (B, H), and the
     * activated gates (i, f, g, o) (B, 4H) the backward reads.
     */
    record LstmCell() implements RecurrentOp {
        public String name() {
            return "lstm_cell";
        }
    }

    /**
     * The gradient of {@link LstmCell} with respect to its pre-activations p and to c. Inputs: dh' (B, H),
     * dc' (B, H), gates (B, 4H), c (B, H), c' (B, H). Outputs: dp (B, 4H) (also the gradient of gx, gh and,
     * summed over the batch, of the bias), dc (B, H).
     */
    record LstmCellBackward() implements RecurrentOp {
        public String name() {
            return "lstm_cell_backward";
        }
    }

    /**
     * r = sigmoid(gx_r + gh_r + b_r), z = sigmoid(gx_z + gh_z + b_z), hn = gh_n + b_n,
     * n = tanh(gx_n + r hn), h' = (1 - z) n + z h (b = bias, 0 without it: b_hh, since b_hn sits inside the
     * r product). Inputs: gx (B, 3H), gh (B, 3H), h (B, H), optionally bias (3H). Outputs: h' (B, H) and
     * (r, z, n, hn) (B, 4H) the backward reads.
     */
    record GruCell() implements RecurrentOp {
        public String name() {
            return "gru_cell";
        }
    }

    /**
     * The gradient of {@link GruCell}. Inputs: dh' (B, H), saved (r, z, n, hn) (B, 4H), h (B, H). Outputs:
     * dgx (B, 3H), dgh (B, 3H) (summed over the batch: the bias's), dh (B, H), the part through z only (the
     * part through gh is the gate GEMM's).
     */
    record GruCellBackward() implements RecurrentOp {
        public String name() {
            return "gru_cell_backward";
        }
    }

    /**
     * A whole LSTM layer direction, input projection included (torch's LSTM layer without projection, one
     * direction): for each step t (T-1 first when reverse), gx = x_t W_ih^T, gh = h_prev W_hh^T and the
     * {@link LstmCell} on gx, gh, bias. Inputs: x (T, B, C), w_ih (4H, C), w_hh (4H, H), h0 (B, H), c0 (B, H),
     * optionally bias (4H) (b_ih + b_hh). Outputs: out (T, B, H) every step's h, h_n (B, H), c_n (B, H), and
     * what the backward reads: the activated gates (T, B, 4H) and every step's cell state (T, B, H).
     *
     * @param reverse run the steps from T-1 down to 0
     */
    record LstmLayer(boolean reverse) implements RecurrentOp {
        public String name() {
            return "lstm_layer";
        }
    }

    /**
     * The gradient of {@link LstmLayer}. Inputs: dOut (T, B, H), dh_n (B, H), dc_n (B, H), gates (T, B, 4H),
     * cells (T, B, H), x (T, B, C), h0, c0 (B, H), out (T, B, H), w_ih (4H, C), w_hh (4H, H). Outputs: dx
     * (T, B, C) (empty, shape (0), unless inputGrad), dw_ih (4H, C), dw_hh (4H, H), dbias (4H), dh0, dc0 (B, H).
     *
     * @param reverse run the steps from T-1 down to 0
     * @param inputGrad also compute the gradient of the input
     */
    record LstmLayerBackward(boolean reverse, boolean inputGrad) implements RecurrentOp {
        public String name() {
            return "lstm_layer_backward";
        }
    }
}
