package dev.weft.nn.rnn;

import dev.weft.autograd.Autograd;
import dev.weft.nn.Module;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fused LSTM and GRU layers and cells against {@link UnfusedReference} (the elementwise composition they
 * replaced): outputs, final states and the gradients of sum(output * R) w.r.t. the input, the initial states
 * and every parameter agree within 1e-6 in F32 and 1e-12 in F64 (relative to 1 + |value|), for 2-layer
 * bidirectional stacks with and without projection and for the cells.
 */
class LstmFusedTest {
    private static final double F32_TOL = 1e-6, F64_TOL = 1e-12;

    private static Tensor rand(long seed, DType dt, int... shape) {
        return Tensor.randn(new Generator(seed), DType.F64, shape).to(dt).requiresGrad(true);
    }

    private static void close(String what, Tensor want, Tensor got, double tol) {
        assertArrayEquals(want.shape(), got.shape(), what + ": shape");
        double[] w = want.detach().to(DType.F64).contiguous().toDoubleArray(), g = got.detach().to(DType.F64).contiguous().toDoubleArray();
        for (int i = 0; i < w.length; i++) {
            if (!(Math.abs(w[i] - g[i]) <= tol * (1 + Math.abs(w[i])))) {
                fail(what + " " + Shape.format(want.shape()) + ": element " + i + " fused " + g[i] + ", reference " + w[i]);
            }
        }
    }

    /** Runs both sides on the same leaves; compares outputs and every leaf's and parameter's gradient. */
    private static void compare(String name, Module m, DType dt, Tensor[] leaves, Supplier<Tensor[]> fused, Supplier<Tensor[]> reference) {
        double tol = dt == DType.F32 ? F32_TOL : F64_TOL;
        Map<String, Tensor> grads = new LinkedHashMap<>();
        Tensor[][] outs = new Tensor[2][];
        for (int side = 0; side < 2; side++) {
            m.zeroGrad();
            for (Tensor l : leaves) l.setGrad(null);
            Tensor[] o = (side == 0 ? fused : reference).get();
            outs[side] = o;
            Tensor loss = null;
            for (int k = 0; k < o.length; k++) {
                if (o[k] == null) continue;
                Tensor r = Tensor.randn(new Generator(100 + k), DType.F64, o[k].shape()).to(dt);
                Tensor term = o[k].mul(r).sum();
                loss = loss == null ? term : loss.add(term);
            }
            Autograd.backward(loss);
            for (int i = 0; i < leaves.length; i++) store(grads, side, "input " + i, leaves[i].grad());
            for (var e : m.namedParameters().entrySet()) store(grads, side, e.getKey(), e.getValue().grad());
        }
        for (int k = 0; k < outs[0].length; k++) {
            if (outs[0][k] != null) close(name + " " + dt + " output " + k, outs[1][k], outs[0][k], tol);
        }
        for (var e : grads.entrySet()) {
            if (!e.getKey().startsWith("0 ")) continue;
            String key = e.getKey().substring(2);
            close(name + " " + dt + " grad of " + key, grads.get("1 " + key), e.getValue(), tol);
        }
    }

    private static void store(Map<String, Tensor> grads, int side, String key, Tensor g) {
        assertNotNull(g, key + " got no gradient");
        grads.put(side + " " + key, g);
    }

    @Test
    void stackedBidirectionalLstmWithAndWithoutProjection() {
        for (DType dt : new DType[] {DType.F32, DType.F64}) {
            for (int proj : new int[] {0, 4}) {
                LSTM lstm = new LSTM(LSTM.options(3, 6).numLayers(2).bidirectional(true).projSize(proj)
                        .generator(new Generator(7)));
                lstm.to(dt);
                int P = proj == 0 ? 6 : proj;
                Tensor x = rand(1, dt, 7, 3, 3), h0 = rand(2, dt, 4, 3, P), c0 = rand(3, dt, 4, 3, 6);
                compare("LSTM proj " + proj, lstm, dt, new Tensor[] {x, h0, c0}, () -> {
                    LSTMOutput o = lstm.forward(x, h0, c0);
                    return new Tensor[] {o.output(), o.hN(), o.cN()};
                }, () -> UnfusedReference.run(true, lstm.namedParameters(), 2, true, x, h0, c0));
            }
        }
    }

    @Test
    void stackedBidirectionalGruAndWithoutBias() {
        for (DType dt : new DType[] {DType.F32, DType.F64}) {
            for (boolean bias : new boolean[] {true, false}) {
                GRU gru = new GRU(GRU.options(3, 5).numLayers(2).bias(bias).bidirectional(true).generator(new Generator(8)));
                gru.to(dt);
                Tensor x = rand(4, dt, 6, 2, 3), h0 = rand(5, dt, 4, 2, 5);
                compare("GRU bias " + bias, gru, dt, new Tensor[] {x, h0}, () -> {
                    RNNOutput o = gru.forward(x, h0);
                    return new Tensor[] {o.output(), o.hN()};
                }, () -> UnfusedReference.run(false, gru.namedParameters(), 2, true, x, h0, null));
            }
        }
    }

    @Test
    void cells() {
        for (DType dt : new DType[] {DType.F32, DType.F64}) {
            LSTMCell lc = new LSTMCell(LSTMCell.options(4, 9).generator(new Generator(9)));
            lc.to(dt);
            Tensor x = rand(6, dt, 5, 4), h = rand(7, dt, 5, 9), c = rand(8, dt, 5, 9);
            Map<String, Tensor> p = lc.namedParameters();
            compare("LSTMCell", lc, dt, new Tensor[] {x, h, c}, () -> {
                LSTMState s = lc.forward(x, h, c);
                return new Tensor[] {s.h(), s.c()};
            }, () -> UnfusedReference.lstmStep(x, h, c, p.get("weight_ih"), p.get("weight_hh"), p.get("bias_ih"), p.get("bias_hh"), null));
            GRUCell gc = new GRUCell(GRUCell.options(4, 9).generator(new Generator(10)));
            gc.to(dt);
            Map<String, Tensor> q = gc.namedParameters();
            compare("GRUCell", gc, dt, new Tensor[] {x, h}, () -> new Tensor[] {gc.forward(x, h)},
                    () -> new Tensor[] {UnfusedReference.gruStep(x, h, q.get("weight_ih"), q.get("weight_hh"), q.get("bias_ih"), q.get("bias_hh"))});
        }
    }
}
