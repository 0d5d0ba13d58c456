package dev.weft.nn.onnx;

import dev.weft.tensor.Recurrent;
import dev.weft.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * ONNX LSTM on Weft's fused LSTM layer (Recurrent.lstmLayer, one call per direction). Default activations
 * (Sigmoid, Tanh, Tanh) only, no clip, no peepholes, no input_forget; sequence_lens, when given, must be T for
 * every batch entry. ONNX stacks the gate blocks of W (D, 4H, C), R (D, 4H, H) and B (D, 8H) as i, o, f, c;
 * Weft (and PyTorch) as i, f, g, o, so the blocks are reordered (0, 2, 3, 1) before the call.
 * Outputs: Y (T, D, B, H) (layout 1: (B, T, D, H)), Y_h and Y_c (D, B, H) (layout 1: (B, D, H)).
 */
final class LstmOp {
    private LstmOp() {}

    /** Weft's gate block g takes ONNX's block ONNX_BLOCK[g]. */
    private static final int[] ONNX_BLOCK = {0, 2, 3, 1};

    static void register(Map<String, OnnxOp> ops) {
        ops.put("LSTM", LstmOp::compile);
    }

    private static OnnxOp.Kernel compile(OpNode n) {
        n.arity(3, 8, 3);
        int hidden = n.int32("hidden_size", -1);
        if (hidden <= 0) throw n.error("attribute 'hidden_size' is required and must be positive");
        String direction = n.s("direction", "forward");
        int dirs = switch (direction) {
            case "forward", "reverse" -> 1;
            case "bidirectional" -> 2;
            default -> throw n.error("direction '" + direction + "' is not one of forward, reverse, bidirectional");
        };
        String[] acts = n.strings("activations");
        if (acts != null) {
            List<String> expected = new ArrayList<>();
            for (int d = 0; d < dirs; d++) expected.addAll(List.of("Sigmoid", "Tanh", "Tanh"));
            if (!Arrays.asList(acts).equals(expected)) throw n.error("activations " + Arrays.toString(acts)
                    + " are not supported (only the default Sigmoid, Tanh, Tanh)");
        }
        if (n.has("clip")) throw n.error("'clip' is not supported");
        if (n.i("input_forget", 0) != 0) throw n.error("input_forget 1 is not supported");
        if (n.floats("activation_alpha") != null || n.floats("activation_beta") != null) {
            throw n.error("activation_alpha / activation_beta are not supported");
        }
        boolean batchFirst = n.i("layout", 0) != 0;
        if (n.hasInput(7)) throw n.error("peephole weights (input P) are not supported");
        n.noOtherAttributes();
        boolean reverseOnly = direction.equals("reverse");
        String who = n.label();
        return in -> {
            Tensor x = in[0], w = in[1], r = in[2];
            Tensor b = in.length > 3 ? in[3] : null, lens = in.length > 4 ? in[4] : null;
            Tensor h0 = in.length > 5 ? in[5] : null, c0 = in.length > 6 ? in[6] : null;
            if (batchFirst) {
                x = x.transpose(0, 1);
                if (h0 != null) h0 = h0.transpose(0, 1);
                if (c0 != null) c0 = c0.transpose(0, 1);
            }
            if (x.dim() != 3) throw new IllegalArgumentException(who + ": X " + Values.shape(x) + " must be (T, B, C)");
            int steps = x.size(0), batch = x.size(1), input = x.size(2);
            check(who, "W", w, dirs, 4 * hidden, input);
            check(who, "R", r, dirs, 4 * hidden, hidden);
            if (b != null) check(who, "B", b, dirs, 8 * hidden);
            if (h0 != null) check(who, "initial_h", h0, dirs, batch, hidden);
            if (c0 != null) check(who, "initial_c", c0, dirs, batch, hidden);
            if (lens != null) {
                for (long l : Values.longs(lens, who + " sequence_lens")) {
                    if (l != steps) throw new IllegalArgumentException(who + ": sequence_lens " + Arrays.toString(lens.toLongArray())
                            + " must all be T = " + steps + " (variable lengths are not supported)");
                }
            }
            Tensor zeros = Tensor.zeros(x.dtype(), batch, hidden);
            Tensor[] ys = new Tensor[dirs], hs = new Tensor[dirs], cs = new Tensor[dirs];
            for (int d = 0; d < dirs; d++) {
                Tensor bias = b == null ? null : reorder(b.select(0, d).narrow(0, 0, 4 * hidden), hidden)
                        .add(reorder(b.select(0, d).narrow(0, 4 * hidden, 4 * hidden), hidden));
                Recurrent.LstmLayerOutput o = Recurrent.lstmLayer(x, reorder(w.select(0, d), hidden), reorder(r.select(0, d), hidden),
                        bias, h0 == null ? zeros : h0.select(0, d), c0 == null ? zeros : c0.select(0, d), reverseOnly || d == 1);
                ys[d] = o.output();
                hs[d] = o.h();
                cs[d] = o.c();
            }
            Tensor y = Tensor.stack(ys, 1), yh = Tensor.stack(hs, 0), yc = Tensor.stack(cs, 0); // (T, D, B, H), (D, B, H)
            if (batchFirst) {
                y = y.permute(2, 0, 1, 3);
                yh = yh.transpose(0, 1);
                yc = yc.transpose(0, 1);
            }
            return new Tensor[] {y, yh, yc};
        };
    }

    /** Rows (4H, *) in ONNX's i, o, f, c block order -> Weft's i, f, g, o. */
    private static Tensor reorder(Tensor t, int hidden) {
        Tensor[] blocks = new Tensor[4];
        for (int g = 0; g < 4; g++) blocks[g] = t.narrow(0, ONNX_BLOCK[g] * hidden, hidden);
        return Tensor.cat(blocks, 0);
    }

    private static void check(String who, String name, Tensor t, int... shape) {
        if (!Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException(who + ": " + name + " " + Values.shape(t) + " must be " + dev.weft.tensor.core.Shape.format(shape));
        }
    }
}
