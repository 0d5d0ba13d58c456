package dev.weft.nn.io;

import dev.weft.nn.Module;
import dev.weft.tensor.Convolution;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The model of make_interop.py, composed from tensor ops with PyTorch's parameter names, so the
 * interop files can be checked end to end before the nn layers exist. All F64.
 * x: (B, 2, 4, 4) -> conv (B, 3, 4, 4) -> rows as time (B, T=4, C=12) -> LSTM (B, 4, 5) -> LayerNorm(5)
 * -> Linear(5, 8) -> ReLU -> Linear(8, 3): (B, 4, 3).
 */
final class InteropNet extends Module {
    /** A leaf holding named F64 parameters (zeros until a checkpoint is loaded). */
    static final class Params extends Module {
        private final String name;

        Params(String name, Object... namesAndShapes) {
            this.name = name;
            for (int i = 0; i < namesAndShapes.length; i += 2) {
                registerParameter((String) namesAndShapes[i], Tensor.zeros(DType.F64, (int[]) namesAndShapes[i + 1]));
            }
        }

        Tensor p(String n) {
            return param(n);
        }

        void registerChild(String n, Module m) {
            registerModule(n, m);
        }

        @Override
        public String reprName() {
            return name;
        }
    }

    private static final int H = 5;

    InteropNet() {
        registerModule("conv", new Params("Conv2d", "weight", new int[] {3, 2, 3, 3}, "bias", new int[] {3}));
        registerModule("lstm", lstmParams());
        registerModule("norm", new Params("LayerNorm", "weight", new int[] {H}, "bias", new int[] {H}));
        Params mlp = registerModule("mlp", new Params("Sequential"));
        mlp.registerChild("0", new Params("Linear", "weight", new int[] {8, H}, "bias", new int[] {8}));
        mlp.registerChild("2", new Params("Linear", "weight", new int[] {3, 8}, "bias", new int[] {3}));
    }

    private Params part(String path) {
        Module m = this;
        for (String s : path.split("\\.")) m = m.child(s);
        return (Params) m;
    }

    /** PyTorch's single-layer LSTM, gates in the order i, f, g, o, zero initial state. x: (B, T, C) -> (B, T, H). */
    static Tensor lstm(Params lstm, Tensor x) {
        int b = x.size(0), steps = x.size(1);
        Tensor ht = Tensor.zeros(DType.F64, b, H), ct = Tensor.zeros(DType.F64, b, H);
        List<Tensor> outs = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            Tensor gates = x.select(1, t).matmul(lstm.p("weight_ih_l0").t()).add(lstm.p("bias_ih_l0"))
                    .add(ht.matmul(lstm.p("weight_hh_l0").t())).add(lstm.p("bias_hh_l0"));
            Tensor i = gates.narrow(1, 0, H).sigmoid(), f = gates.narrow(1, H, H).sigmoid();
            Tensor g = gates.narrow(1, 2 * H, H).tanh(), o = gates.narrow(1, 3 * H, H).sigmoid();
            ct = f.mul(ct).add(i.mul(g));                                          // c' = f c + i g
            ht = o.mul(ct.tanh());                                                 // h' = o tanh(c')
            outs.add(ht);
        }
        return Tensor.stack(outs, 1);
    }

    /** The LSTM parameters of make_interop.py's Net (input 12, hidden 5). */
    static Params lstmParams() {
        return new Params("LSTM", "weight_ih_l0", new int[] {4 * H, 12}, "weight_hh_l0", new int[] {4 * H, H},
                "bias_ih_l0", new int[] {4 * H}, "bias_hh_l0", new int[] {4 * H});
    }

    @Override
    public Tensor forward(Tensor x) {
        Params conv = part("conv"), lstm = part("lstm"), norm = part("norm"), l0 = part("mlp.0"), l2 = part("mlp.2");
        int b = x.size(0);
        Tensor h = Convolution.conv2d(x, conv.p("weight"), conv.p("bias"), new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, 1);
        h = h.permute(0, 2, 1, 3).reshape(b, 4, 12);
        Tensor seq = lstm(lstm, h);                                                // (B, 4, 5)
        Tensor mean = seq.mean(new int[] {2}, true), var = seq.var(new int[] {2}, 0, true);
        Tensor n = seq.sub(mean).div(var.add(1e-5).sqrt()).mul(norm.p("weight")).add(norm.p("bias"));
        Tensor z = n.matmul(l0.p("weight").t()).add(l0.p("bias")).relu();
        return z.matmul(l2.p("weight").t()).add(l2.p("bias"));                     // (B, 4, 3)
    }
}
