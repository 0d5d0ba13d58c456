package dev.weft.nn.rnn;

import dev.weft.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The recurrences written the way the layers computed them before the fused cells: every gate from
 * elementwise tensor ops (PyTorch's equations, gate order i, f, g, o and r, z, n), one step at a time,
 * from a module's parameters by their PyTorch names. Time-major padded input only; the reference the
 * fused layers are compared with.
 */
final class UnfusedReference {
    private UnfusedReference() {}

    /** c' = f c + i g, h' = o tanh(c') (then W_hr h' when whr is given). Returns {h', c'}. */
    static Tensor[] lstmStep(Tensor x, Tensor h, Tensor c, Tensor wih, Tensor whh, Tensor bih, Tensor bhh, Tensor whr) {
        int H = c.size(1);
        Tensor pre = x.matmul(wih.t()).add(h.matmul(whh.t()));
        if (bih != null) pre = pre.add(bih).add(bhh);
        Tensor i = pre.narrow(1, 0, H).sigmoid(), f = pre.narrow(1, H, H).sigmoid();
        Tensor g = pre.narrow(1, 2 * H, H).tanh(), o = pre.narrow(1, 3 * H, H).sigmoid();
        Tensor c2 = f.mul(c).add(i.mul(g));
        Tensor h2 = o.mul(c2.tanh());
        return new Tensor[] {whr == null ? h2 : h2.matmul(whr.t()), c2};
    }

    /** n = tanh(W_in x + b_in + r (W_hn h + b_hn)), h' = (1 - z) n + z h. */
    static Tensor gruStep(Tensor x, Tensor h, Tensor wih, Tensor whh, Tensor bih, Tensor bhh) {
        int H = h.size(1);
        Tensor gx = x.matmul(wih.t()), gh = h.matmul(whh.t());
        if (bih != null) {
            gx = gx.add(bih);
            gh = gh.add(bhh);
        }
        Tensor r = gx.narrow(1, 0, H).add(gh.narrow(1, 0, H)).sigmoid();
        Tensor z = gx.narrow(1, H, H).add(gh.narrow(1, H, H)).sigmoid();
        Tensor n = gx.narrow(1, 2 * H, H).add(r.mul(gh.narrow(1, 2 * H, H))).tanh();
        return z.neg().add(1.0).mul(n).add(z.mul(h));
    }

    /**
     * A whole LSTM (lstm true) or GRU stack. x: (T, B, C); h0: (L*D, B, P); c0: (L*D, B, H) or null for GRU.
     *
     * @return {output (T, B, D*P), hN, cN or null}
     */
    static Tensor[] run(boolean lstm, Map<String, Tensor> p, int layers, boolean bidirectional, Tensor x, Tensor h0, Tensor c0) {
        int D = bidirectional ? 2 : 1, T = x.size(0);
        List<Tensor> hN = new ArrayList<>(), cN = new ArrayList<>();
        Tensor in = x;
        for (int l = 0; l < layers; l++) {
            Tensor[] dirs = new Tensor[D];
            for (int d = 0; d < D; d++) {
                String s = "_l" + l + (d == 1 ? "_reverse" : "");
                Tensor h = h0.select(0, l * D + d), c = c0 == null ? null : c0.select(0, l * D + d);
                Tensor[] outs = new Tensor[T];
                for (int k = 0; k < T; k++) {
                    int t = d == 0 ? k : T - 1 - k;
                    if (lstm) {
                        Tensor[] hc = lstmStep(in.select(0, t), h, c, p.get("weight_ih" + s), p.get("weight_hh" + s),
                                p.get("bias_ih" + s), p.get("bias_hh" + s), p.get("weight_hr" + s));
                        h = hc[0];
                        c = hc[1];
                    } else {
                        h = gruStep(in.select(0, t), h, p.get("weight_ih" + s), p.get("weight_hh" + s), p.get("bias_ih" + s), p.get("bias_hh" + s));
                    }
                    outs[t] = h;
                }
                dirs[d] = Tensor.stack(outs, 0);
                hN.add(h);
                if (c != null) cN.add(c);
            }
            in = D == 1 ? dirs[0] : Tensor.cat(dirs, 2);
        }
        return new Tensor[] {in, Tensor.stack(hN, 0), lstm ? Tensor.stack(cN, 0) : null};
    }
}
