package dev.weft.autograd.cases;

import dev.weft.autograd.Gen;
import dev.weft.tensor.Dispatch;
import dev.weft.tensor.Recurrent;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.RecurrentOp;
import java.util.List;
import java.util.function.Function;

/**
 * Gradcheck cases of the Recurrent family: the fused LSTM and GRU cells with and without bias, on
 * random (B, H) including H = 1 and non-contiguous or row-strided operands, two chained steps, and the
 * saved-gates output (reached only through Dispatch). gradcheck runs the fused backward kernels,
 * gradgradcheck the composed rule.
 */
public final class RecurrentCases {
    private RecurrentCases() {}

    /** gx, gh (B, G*H), state (B, H) in [-2, 2), and bias (G*H) when asked. */
    private static Function<Gen, Tensor[]> cell(int gates, boolean bias) {
        return g -> {
            int B = g.nextInt(1, 3), H = g.nextInt(1, 3);
            int[] wide = {B, gates * H};
            Tensor[] t = {g.leaf(wide, -2, 2), g.leaf(wide, -2, 2), g.leaf(new int[] {B, H}, -2, 2),
                    g.leaf(new int[] {gates * H}, -1, 1)};
            return bias ? t : java.util.Arrays.copyOf(t, 3);
        };
    }

    private static Tensor bias(Tensor[] x) {
        return x.length > 3 ? x[3] : null;
    }

    private static Tensor lstm(Tensor[] x) {
        Recurrent.LstmState s = Recurrent.lstmCell(x[0], x[1], x[2], bias(x));
        return Tensor.cat(new Tensor[] {s.h(), s.c()}, 1);
    }

    /** x (T, B, C) (or (B, T, C) when batchFirst), w_ih (4H, C), w_hh (4H, H), h0, c0 (B, H), bias (4H) when asked; T = 3. */
    private static Function<Gen, Tensor[]> layer(boolean batchFirst, boolean bias) {
        return g -> {
            int T = 3, B = g.nextInt(1, 3), C = g.nextInt(1, 3), H = g.nextInt(1, 3);
            int[] x = batchFirst ? new int[] {B, T, C} : new int[] {T, B, C};
            Tensor[] t = {g.leaf(x, -2, 2), g.leaf(new int[] {4 * H, C}, -1, 1), g.leaf(new int[] {4 * H, H}, -1, 1),
                    g.leaf(new int[] {B, H}, -1, 1), g.leaf(new int[] {B, H}, -1, 1), g.leaf(new int[] {4 * H}, -1, 1)};
            return bias ? t : java.util.Arrays.copyOf(t, 5);
        };
    }

    private static Tensor layerOut(Recurrent.LstmLayerOutput o) {
        return Tensor.cat(new Tensor[] {o.output().flatten(), o.h().flatten(), o.c().mul(0.5).flatten()}, 0);
    }

    public static List<Case> cases() {
        CaseList add = new CaseList();
        add.add("lstm_cell", true, cell(4, true), RecurrentCases::lstm);
        add.add("lstm_cell_no_bias", false, cell(4, false), RecurrentCases::lstm);
        add.add("gru_cell", true, cell(3, true), x -> Recurrent.gruCell(x[0], x[1], x[2], bias(x)));
        add.add("gru_cell_no_bias", false, cell(3, false), x -> Recurrent.gruCell(x[0], x[1], x[2], null));
        // gx read in place as rows of a wider (B, 8H) buffer (row stride 8H), state used by the next step's product
        add.add("lstm_cell_two_steps_row_strided", false, g -> {
            int B = 2, H = 2;
            return new Tensor[] {g.leaf(new int[] {B, 8 * H}, -2, 2), g.leaf(new int[] {4 * H, H}, -1, 1), g.leaf(new int[] {B, H}, -1, 1)};
        }, x -> {
            int H = x[2].size(1);
            Tensor w = x[1], h = x[2], c = x[2].mul(0.5);
            for (int t = 0; t < 2; t++) {
                Recurrent.LstmState s = Recurrent.lstmCell(x[0].narrow(1, t * 4 * H, 4 * H), h.matmul(w.t()), c, null);
                h = s.h();
                c = s.c();
            }
            return h.add(c);
        });
        add.add("gru_cell_two_steps", false, g -> new Tensor[] {g.leaf(new int[] {2, 2, 6}, -2, 2), g.leaf(new int[] {6, 2}, -1, 1),
                g.leaf(new int[] {2, 2}, -1, 1), g.leaf(new int[] {6}, -1, 1)}, x -> {
            Tensor h = x[2];
            for (int t = 0; t < 2; t++) h = Recurrent.gruCell(x[0].select(0, t), h.matmul(x[1].t()), h, x[3]);
            return h;
        });
        // the saved gates as an output too: the composed rule adds their gradient
        add.add("lstm_cell_gates_output", false, cell(4, true), x -> {
            Tensor[] o = Dispatch.apply(new RecurrentOp.LstmCell(), x);
            return Tensor.cat(new Tensor[] {o[0], o[2].narrow(1, 0, o[0].size(1)), o[2].narrow(1, 2 * o[0].size(1), o[0].size(1))}, 1);
        });
        add.add("gru_cell_saved_output", false, cell(3, true), x -> {
            Tensor[] o = Dispatch.apply(new RecurrentOp.GruCell(), x);
            return Tensor.cat(new Tensor[] {o[0], o[1]}, 1);
        });
        // whole layer directions: T = 3 steps, with and without bias, x time-major and batch-first (a transpose)
        add.add("lstm_layer", true, layer(false, true), x -> layerOut(Recurrent.lstmLayer(x[0], x[1], x[2], x[5], x[3], x[4], false)));
        add.add("lstm_layer_reverse_no_bias", true, layer(false, false),
                x -> layerOut(Recurrent.lstmLayer(x[0], x[1], x[2], null, x[3], x[4], true)));
        add.add("lstm_layer_batch_first", false, layer(true, true),
                x -> layerOut(Recurrent.lstmLayer(x[0].transpose(0, 1), x[1], x[2], x[5], x[3], x[4], false)));
        add.add("lstm_layer_last_h_only", false, layer(false, true),
                x -> Recurrent.lstmLayer(x[0], x[1], x[2], x[5], x[3], x[4], true).h());
        // the saved gates and cells as outputs too: the composed rule adds their gradient
        add.add("lstm_layer_saved_outputs", false, layer(false, true), x -> {
            Tensor[] o = Dispatch.apply(new RecurrentOp.LstmLayer(false), x);
            return Tensor.cat(new Tensor[] {o[3].flatten(), o[4].flatten(), o[0].flatten()}, 0);
        });
        return add.cases();
    }
}
