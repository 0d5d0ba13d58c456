package dev.weft.autograd;

import dev.weft.tensor.Dispatch;
import dev.weft.tensor.Recurrent;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.RecurrentOp;

/**
 * Backward rules of the fused recurrent cells. A plain backward is one fused kernel per step (the
 * backward primitive, reading the gates the forward saved). When the engine is building a graph
 * (createGraph), or a gradient arrives for the saved gates themselves, the same derivative is composed
 * from differentiable tensor ops on the cell's inputs instead, so higher orders work; the backward
 * primitives themselves are therefore never recorded and declared non-differentiable.
 * Shapes: B batch, H hidden; p the (B, 4H) / (B, 3H) pre-activations; sigma' = s (1 - s), tanh' = 1 - t^2.
 */
final class RecurrentGrads {
    private RecurrentGrads() {}

    static Tensor[] backward(RecurrentOp op, Ctx c) {
        return switch (op) {
            case RecurrentOp.LstmCell l -> GradMode.isEnabled() || c.g(2) != null ? lstmComposed(c) : lstmFused(c);
            case RecurrentOp.GruCell g -> GradMode.isEnabled() || c.g(1) != null ? gruComposed(c) : gruFused(c);
            case RecurrentOp.LstmLayer l -> GradMode.isEnabled() || c.g(3) != null || c.g(4) != null
                    ? lstmLayerComposed(l.reverse(), c) : lstmLayerFused(l.reverse(), c);
            case RecurrentOp.LstmLayerBackward l -> throw Gradients.nonDifferentiable(
                    "a backward kernel; double backward through lstm_layer composes its gradient from tensor ops", c);
            case RecurrentOp.LstmCellBackward l -> throw Gradients.nonDifferentiable(
                    "a backward kernel; double backward through lstm_cell composes its gradient from tensor ops", c);
            case RecurrentOp.GruCellBackward g -> throw Gradients.nonDifferentiable(
                    "a backward kernel; double backward through gru_cell composes its gradient from tensor ops", c);
        };
    }

    /** One gradient for gx, gh, c and the optional bias (the engine sums dp over the batch for it). */
    private static Tensor[] lstmGrads(Ctx c, Tensor dp, Tensor dcPrev) {
        return c.inputCount() == 4 ? new Tensor[] {dp, dp, dcPrev, dp} : new Tensor[] {dp, dp, dcPrev};
    }

    private static Tensor[] lstmFused(Ctx c) {
        Tensor[] r = Recurrent.lstmCellBackward(c.gOrZeros(0), c.gOrZeros(1), c.out(2), c.in(2), c.out(1));
        return lstmGrads(c, r[0], r[1]);
    }

    private static Tensor oneMinus(Tensor t) {
        return t.neg().add(1.0);
    }

    // the gates and tanh(c') recomputed from the inputs, then the cell derivative
    private static Tensor[] lstmComposed(Ctx c) {
        Tensor cp = c.in(2);
        int H = cp.size(1);
        Tensor p = c.in(0).add(c.in(1));
        if (c.inputCount() == 4) p = p.add(c.in(3));
        Tensor s = p.sigmoid();
        Tensor i = s.narrow(1, 0, H), f = s.narrow(1, H, H), o = s.narrow(1, 3 * H, H), g = p.narrow(1, 2 * H, H).tanh();
        Tensor tc = f.mul(cp).add(i.mul(g)).tanh();
        Tensor[] d = cellDerivative(i, f, g, o, cp, tc, c.gOrZeros(0), c.gOrZeros(1), c.g(2));
        return lstmGrads(c, d[0], d[1]);
    }

    /**
     * The LSTM cell's derivative as tensor ops, from its activated gates i, f, g, o (B, H), the previous cell
     * state cp and tanh(c') tc: dct = dc' + dh' o (1 - tc^2); d(i, f, g, o) = (dct g, dct cp, dct i, dh' tc)
     * plus dGates (B, 4H) when a gradient arrived for the gates themselves (else null); returns {dp (B, 4H),
     * the pre-activations' gradient, and dc_prev = dct f}.
     */
    private static Tensor[] cellDerivative(Tensor i, Tensor f, Tensor g, Tensor o, Tensor cp, Tensor tc, Tensor dh, Tensor dc,
                                           Tensor dGates) {
        int H = cp.size(1);
        Tensor dct = dc.add(dh.mul(o).mul(oneMinus(tc.square())));
        Tensor di = dct.mul(g), df = dct.mul(cp), dg = dct.mul(i), dO = dh.mul(tc);
        if (dGates != null) {
            di = di.add(dGates.narrow(1, 0, H));
            df = df.add(dGates.narrow(1, H, H));
            dg = dg.add(dGates.narrow(1, 2 * H, H));
            dO = dO.add(dGates.narrow(1, 3 * H, H));
        }
        Tensor dp = Tensor.cat(new Tensor[] {di.mul(i).mul(oneMinus(i)), df.mul(f).mul(oneMinus(f)),
                dg.mul(oneMinus(g.square())), dO.mul(o).mul(oneMinus(o))}, 1);
        return new Tensor[] {dp, dct.mul(f)};
    }

    /** Gradients for x, w_ih, w_hh, h0, c0 and the optional bias; dx only when x needs one. */
    private static Tensor[] lstmLayerFused(boolean reverse, Ctx c) {
        boolean dx = c.needs(0);
        Tensor[] r = Recurrent.lstmLayerBackward(reverse, dx, c.gOrZeros(0), c.gOrZeros(1), c.gOrZeros(2), c.out(3), c.out(4),
                c.in(0), c.in(3), c.in(4), c.out(0), c.in(1), c.in(2));
        Tensor[] g = {dx ? r[0] : null, r[1], r[2], r[4], r[5]};
        return c.inputCount() == 6 ? new Tensor[] {g[0], g[1], g[2], g[3], g[4], r[3]} : g;
    }

    // The steps recomputed from the inputs with differentiable products and cells, then per step (last first)
    // the cell's composed derivative as in lstmComposed, dh_prev = dp W_hh, dx_t = dp W_ih, and the weight
    // gradients summed over the steps: dW_ih += dp^T x_t, dW_hh += dp^T h_prev, dbias += dp summed over the batch.
    private static Tensor[] lstmLayerComposed(boolean reverse, Ctx c) {
        Tensor x = c.in(0), wih = c.in(1), whh = c.in(2), bias = c.inputCount() == 6 ? c.in(5) : null;
        int T = x.size(0), H = whh.size(1);
        Tensor[] hPrev = new Tensor[T], cPrev = new Tensor[T], gates = new Tensor[T], cells = new Tensor[T];
        Tensor h = c.in(3), cs = c.in(4);
        for (int s = 0; s < T; s++) {
            int t = reverse ? T - 1 - s : s;
            hPrev[t] = h;
            cPrev[t] = cs;
            Tensor gx = x.select(0, t).matmul(wih.t()), gh = h.matmul(whh.t());
            Tensor[] o = bias == null ? Dispatch.apply(new RecurrentOp.LstmCell(), gx, gh, cs)
                    : Dispatch.apply(new RecurrentOp.LstmCell(), gx, gh, cs, bias);
            h = o[0];
            cs = cells[t] = o[1];
            gates[t] = o[2];
        }
        Tensor dOut = c.g(0), dGates = c.g(3), dCells = c.g(4), dh = c.gOrZeros(1), dc = c.gOrZeros(2);
        Tensor dwih = null, dwhh = null, db = null;
        Tensor[] dx = new Tensor[T];
        for (int s = T - 1; s >= 0; s--) {
            int t = reverse ? T - 1 - s : s;
            Tensor gt = gates[t];
            Tensor i = gt.narrow(1, 0, H), f = gt.narrow(1, H, H), g = gt.narrow(1, 2 * H, H), o = gt.narrow(1, 3 * H, H);
            if (dOut != null) dh = dh.add(dOut.select(0, t));
            if (dCells != null) dc = dc.add(dCells.select(0, t));
            Tensor[] d = cellDerivative(i, f, g, o, cPrev[t], cells[t].tanh(), dh, dc, dGates == null ? null : dGates.select(0, t));
            Tensor dp = d[0];
            dx[t] = dp.matmul(wih);
            Tensor dpT = dp.mT();
            dwih = sum(dwih, dpT.matmul(x.select(0, t)));
            dwhh = sum(dwhh, dpT.matmul(hPrev[t]));
            db = sum(db, dp.sum(0));
            dh = dp.matmul(whh);
            dc = d[1];
        }
        Tensor[] grads = {Tensor.stack(java.util.Arrays.asList(dx), 0), dwih, dwhh, dh, dc};
        return bias == null ? grads : new Tensor[] {grads[0], grads[1], grads[2], grads[3], grads[4], db};
    }

    private static Tensor sum(Tensor acc, Tensor t) {
        return acc == null ? t : acc.add(t);
    }

    /** Gradients for gx, gh, h and the optional bias (b_hh: its gradient is gh's, summed over the batch). */
    private static Tensor[] gruGrads(Ctx c, Tensor dgx, Tensor dgh, Tensor dh) {
        return c.inputCount() == 4 ? new Tensor[] {dgx, dgh, dh, dgh} : new Tensor[] {dgx, dgh, dh};
    }

    private static Tensor[] gruFused(Ctx c) {
        Tensor[] r = Recurrent.gruCellBackward(c.g(0), c.out(1), c.in(2));
        return gruGrads(c, r[0], r[1], r[2]);
    }

    // h' = n + z (h - n), n = tanh(gx_n + r hn): dn = dh' (1 - z), dz = dh' (h - n), dr = dn_p hn, dhn = dn_p r
    private static Tensor[] gruComposed(Ctx c) {
        Tensor gx = c.in(0), h = c.in(2);
        int H = h.size(1);
        Tensor gh = c.inputCount() == 4 ? c.in(1).add(c.in(3)) : c.in(1);
        Tensor rz = gx.narrow(1, 0, 2 * H).add(gh.narrow(1, 0, 2 * H)).sigmoid();
        Tensor r = rz.narrow(1, 0, H), z = rz.narrow(1, H, H), hn = gh.narrow(1, 2 * H, H);
        Tensor n = gx.narrow(1, 2 * H, H).add(r.mul(hn)).tanh();
        Tensor dh = c.gOrZeros(0);
        Tensor dn = dh.mul(oneMinus(z)), dz = dh.mul(h.sub(n)), dhPrev = dh.mul(z);
        Tensor saved = c.g(1), dr = null, dhn = null;
        if (saved != null) {
            dr = saved.narrow(1, 0, H);
            dz = dz.add(saved.narrow(1, H, H));
            dn = dn.add(saved.narrow(1, 2 * H, H));
            dhn = saved.narrow(1, 3 * H, H);
        }
        Tensor dnp = dn.mul(oneMinus(n.square()));
        Tensor drTotal = dnp.mul(hn), dhnTotal = dnp.mul(r);
        if (dr != null) {
            drTotal = drTotal.add(dr);
            dhnTotal = dhnTotal.add(dhn);
        }
        Tensor drp = drTotal.mul(r).mul(oneMinus(r)), dzp = dz.mul(z).mul(oneMinus(z));
        Tensor dgx = Tensor.cat(new Tensor[] {drp, dzp, dnp}, 1), dgh = Tensor.cat(new Tensor[] {drp, dzp, dhnTotal}, 1);
        return gruGrads(c, dgx, dgh, dhPrev);
    }
}
