package dev.weft.nn.rnn;

import dev.weft.nn.functional.F;
import dev.weft.tensor.Recurrent;
import dev.weft.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The sequence loop of {@link RNNBase}: L stacked layers, one or two directions each, dropout between
 * layers in training mode. Per layer and direction the input projection of all steps is one matmul,
 * x (N, C) @ W_ih^T (+ biases); each step is then one GEMM, h W_hh^T, and the cell (one fused primitive
 * for LSTM and GRU), plus h W_hr^T with an LSTM projection. Steps run over a batch-size schedule: step t
 * updates the first batchSizes[t] sequences (sorted by decreasing length; all B for a padded batch), so the
 * forward direction drops finished sequences (their state is final) and the reverse direction starts each
 * sequence at its own last step. Above layer 0 the activations are packed rows (N, D*P), time-major.
 * An LSTM without projection over sequences of one length runs each layer direction as one primitive
 * instead ({@link Recurrent#lstmLayer}: the same steps, input projection included, as one node whose
 * backward forms each weight gradient in one product over all steps).
 */
final class Recurrence {
    private Recurrence() {}

    /**
     * x: (T, B, C) or (B, T, C) (timeDim 1) for a padded batch, or packed rows (N, C); batchSizes: per step;
     * h0: (L*D, B, P), c0: (L*D, B, H) for LSTM, else null. P = projSize or H.
     *
     * @return {output rows (N, D*P), hN (L*D, B, P), cN (L*D, B, H) or null}
     */
    static Tensor[] run(RNNBase m, Tensor x, int timeDim, int[] batchSizes, Tensor h0, Tensor c0) {
        int L = m.numLayers(), D = m.numDirections();
        List<Tensor> hN = new ArrayList<>(), cN = new ArrayList<>();
        Tensor layerIn = x;
        for (int l = 0; l < L; l++) {
            Tensor[] dirOut = new Tensor[D];
            for (int d = 0; d < D; d++) {
                String s = RNNBase.suffix(l, d);
                if (wholeLayer(m, batchSizes)) {
                    Tensor bias = m.bias() ? m.weight("bias_ih" + s).add(m.weight("bias_hh" + s)) : null;
                    Recurrent.LstmLayerOutput r = Recurrent.lstmLayer(timeMajor(layerIn, timeDim, batchSizes), m.weight("weight_ih" + s),
                            m.weight("weight_hh" + s), bias, h0.select(0, l * D + d), c0.select(0, l * D + d), d == 1);
                    dirOut[d] = r.output().reshape(-1, r.output().size(2));
                    hN.add(r.h());
                    cN.add(r.c());
                    continue;
                }
                List<Tensor> steps = projections(m, layerIn, timeDim, batchSizes, s);
                Tensor[] r = direction(m, steps, batchSizes, s, d == 1, h0.select(0, l * D + d),
                        c0 == null ? null : c0.select(0, l * D + d));
                dirOut[d] = r[0];
                hN.add(r[1]);
                if (c0 != null) cN.add(r[2]);
            }
            layerIn = D == 1 ? dirOut[0] : Tensor.cat(dirOut, 1);
            if (l < L - 1) layerIn = F.dropout(layerIn, m.dropout(), m.isTraining(), m.dropoutGenerator());
        }
        return new Tensor[] {layerIn, Tensor.stack(hN, 0), c0 == null ? null : Tensor.stack(cN, 0)};
    }

    /**
     * True when a layer direction runs as one primitive ({@link Recurrent#lstmLayer}): an LSTM without
     * projection over sequences of one length (every step updates the whole batch).
     */
    private static boolean wholeLayer(RNNBase m, int[] batchSizes) {
        if (m.kind != CellKind.LSTM || m.projSize() > 0) return false;
        for (int n : batchSizes) if (n != batchSizes[0]) return false;
        return true;
    }

    /** gx = x W_ih^T + b_ih (+ b_hh where the recurrence allows) for every step, split into the steps' rows. */
    private static List<Tensor> projections(RNNBase m, Tensor x, int timeDim, int[] batchSizes, String s) {
        Tensor wih = m.weight("weight_ih" + s);
        Tensor gx = x.reshape(-1, x.size(-1)).matmul(wih.t());
        if (m.bias()) {
            Tensor bih = m.weight("bias_ih" + s);
            gx = gx.add(m.kind.foldsHiddenBias() ? bih.add(m.weight("bias_hh" + s)) : bih);
        }
        if (x.dim() == 2) return TimeSteps.split(gx, batchSizes);
        return TimeSteps.unbind(gx.reshape(x.size(0), x.size(1), gx.size(1)), timeDim);
    }

    /**
     * The layer input as (T, B, C) for sequences of one length: packed rows reshaped, a batch-first input
     * transposed into one time-major copy (which the layer then reads in place forward and backward).
     */
    private static Tensor timeMajor(Tensor x, int timeDim, int[] batchSizes) {
        if (x.dim() == 3) return timeDim == 1 ? x.transpose(0, 1).contiguous() : x;
        return x.reshape(batchSizes.length, -1, x.size(1));
    }

    /**
     * One layer, one direction. steps: gx rows of each step (batchSizes[t], G); h, c: (B, P), (B, H).
     *
     * @return {output rows (N, P), h_n (B, P), c_n (B, H) or null}
     */
    private static Tensor[] direction(RNNBase m, List<Tensor> steps, int[] batchSizes, String s, boolean reverse,
                                      Tensor h0, Tensor c0) {
        int T = steps.size(), B = h0.size(0);
        Tensor whhT = m.weight("weight_hh" + s).t();
        Tensor whrT = m.projSize() > 0 ? m.weight("weight_hr" + s).t() : null;
        Tensor stepBias = m.bias() && !m.kind.foldsHiddenBias() ? m.weight("bias_hh" + s) : null;
        Tensor[] outs = new Tensor[T];
        Tensor h, c;
        if (!reverse) {
            h = h0;
            c = c0;
            List<Tensor> doneH = new ArrayList<>(), doneC = new ArrayList<>();   // finished rows, highest first
            for (int t = 0; t < T; t++) {
                int n = batchSizes[t], rows = h.size(0);
                if (n < rows) {
                    doneH.add(h.narrow(0, n, rows - n));
                    h = h.narrow(0, 0, n);
                    if (c != null) {
                        doneC.add(c.narrow(0, n, rows - n));
                        c = c.narrow(0, 0, n);
                    }
                }
                Tensor[] next = step(m, steps.get(t), h, c, whhT, whrT, stepBias);
                h = outs[t] = next[0];
                c = next[1];
            }
            h = finish(h, doneH);
            if (c != null) c = finish(c, doneC);
        } else {
            int n0 = batchSizes[T - 1];
            h = n0 < B ? h0.narrow(0, 0, n0) : h0;
            c = c0 == null || n0 == B ? c0 : c0.narrow(0, 0, n0);
            for (int t = T - 1; t >= 0; t--) {
                int n = batchSizes[t], rows = h.size(0);
                if (n > rows) {                                                  // sequences whose last step is t start here
                    h = Tensor.cat(new Tensor[] {h, h0.narrow(0, rows, n - rows)}, 0);
                    if (c != null) c = Tensor.cat(new Tensor[] {c, c0.narrow(0, rows, n - rows)}, 0);
                }
                Tensor[] next = step(m, steps.get(t), h, c, whhT, whrT, stepBias);
                h = outs[t] = next[0];
                c = next[1];
            }
        }
        return new Tensor[] {T == 1 ? outs[0] : Tensor.cat(outs, 0), h, c};
    }

    /** The running rows followed by the finished ones in row order. */
    private static Tensor finish(Tensor running, List<Tensor> done) {
        if (done.isEmpty()) return running;
        Tensor[] parts = new Tensor[done.size() + 1];
        parts[0] = running;
        for (int i = 0; i < done.size(); i++) parts[i + 1] = done.get(done.size() - 1 - i);
        return Tensor.cat(parts, 0);
    }

    /** One step: gh = h W_hh^T, the cell, and for a projected LSTM h' = (o * tanh(c')) W_hr^T. Returns {h', c' or null}. */
    private static Tensor[] step(RNNBase m, Tensor gx, Tensor h, Tensor c, Tensor whhT, Tensor whrT, Tensor stepBias) {
        Tensor[] next = m.kind.step(gx, h.matmul(whhT), stepBias, h, c);
        Tensor hNew = whrT == null ? next[0] : next[0].matmul(whrT);
        return new Tensor[] {hNew, next.length > 1 ? next[1] : null};
    }
}
