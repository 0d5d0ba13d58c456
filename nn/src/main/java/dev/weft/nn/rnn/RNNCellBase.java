package dev.weft.nn.rnn;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

/**
 * One step of a recurrence, shared by {@link RNNCell}, {@link LSTMCell} and {@link GRUCell}, with
 * PyTorch's parameters weight_ih (G*H, C), weight_hh (G*H, H), bias_ih (G*H), bias_hh (G*H), all
 * U(-1/sqrt(H), 1/sqrt(H)). Input (B, C) or unbatched (C); states (B, H) or (H).
 */
public abstract sealed class RNNCellBase extends Module permits RNNCell, LSTMCell, GRUCell {
    final CellKind kind;
    private final int inputSize;
    private final int hiddenSize;
    private final boolean bias;

    /**
     * The options every cell takes, with PyTorch's defaults: bias true, weights from {@link Init#defaultGenerator()}.
     *
     * @param <O> the concrete options type
     */
    public abstract static class Options<O extends Options<O>> extends RecurrentOptions<O> {
        Options(String layer, int inputSize, int hiddenSize) {
            super(layer, inputSize, hiddenSize);
        }
    }

    RNNCellBase(CellKind kind, Options<?> o) {
        String name = o.layer;
        int inputSize = OptionChecks.atLeast(name, "inputSize", o.inputSize, 1);
        int hiddenSize = OptionChecks.atLeast(name, "hiddenSize", o.hiddenSize, 1);
        boolean bias = o.bias;
        Generator gen = o.generator != null ? o.generator : Init.defaultGenerator();
        this.kind = kind;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.bias = bias;
        int G = kind.gates * hiddenSize;
        double k = 1.0 / Math.sqrt(hiddenSize);
        registerParameter("weight_ih", Tensor.uniform(gen, -k, k, G, inputSize));
        registerParameter("weight_hh", Tensor.uniform(gen, -k, k, G, hiddenSize));
        registerParameter("bias_ih", bias ? Tensor.uniform(gen, -k, k, G) : null);
        registerParameter("bias_hh", bias ? Tensor.uniform(gen, -k, k, G) : null);
    }

    /** {@return C, the input features} */
    public final int inputSize() { return inputSize; }
    /** {@return H, the hidden features} */
    public final int hiddenSize() { return hiddenSize; }
    /** {@return whether the cell has bias_ih and bias_hh} */
    public final boolean bias() { return bias; }

    @Override
    protected String extraRepr() {
        return inputSize + ", " + hiddenSize + (bias ? "" : ", bias=false");
    }

    final String label() {
        return reprName() + "(" + extraRepr() + ")";
    }

    /**
     * x: (B, C) or (C); h, c: (B, H) or (H), or null for zeros (c only for LSTM).
     *
     * @return {h'} or {h', c'}, batched like x
     */
    final Tensor[] step(Tensor x, Tensor h, Tensor c) {
        if (x == null) throw new IllegalArgumentException(label() + ": input must not be null");
        int[] s = x.shape();
        if (s.length != 1 && s.length != 2) {
            throw new IllegalArgumentException(label() + ": expected input of 1 (unbatched) or 2 dims, got "
                    + Shape.format(s));
        }
        if (s[s.length - 1] != inputSize) {
            throw new IllegalArgumentException(label() + ": input " + Shape.format(s) + ": last dim "
                    + s[s.length - 1] + " != inputSize " + inputSize);
        }
        Tensor wih = param("weight_ih"), whh = param("weight_hh");
        if (x.dtype() != wih.dtype()) {
            throw new IllegalArgumentException(label() + ": input dtype " + x.dtype() + " != parameter dtype "
                    + wih.dtype());
        }
        boolean batched = s.length == 2;
        Tensor xb = batched ? x : x.unsqueeze(0);
        int B = xb.size(0);
        Tensor hb = state(h, "hx", batched, B, x);
        Tensor cb = kind == CellKind.LSTM ? state(c, "cx", batched, B, x) : null;
        // one product each for x and h; the biases go where the cell adds them (LSTM: both, in the fused kernel)
        Tensor gx = xb.matmul(wih.t()), gh = hb.matmul(whh.t()), b = null;
        if (bias) {
            Tensor bih = param("bias_ih"), bhh = param("bias_hh");
            if (kind == CellKind.LSTM) {
                b = bih.add(bhh);
            } else {
                gx = gx.add(bih);
                b = bhh;
            }
        }
        Tensor[] next = kind.step(gx, gh, b, hb, cb);
        if (!batched) for (int i = 0; i < next.length; i++) next[i] = next[i].squeeze(0);
        return next;
    }

    private Tensor state(Tensor given, String what, boolean batched, int B, Tensor x) {
        if (given == null) return Tensor.zeros(x.dtype(), B, hiddenSize);
        int[] want = batched ? new int[] {B, hiddenSize} : new int[] {hiddenSize};
        if (!java.util.Arrays.equals(given.shape(), want)) {
            throw new IllegalArgumentException(label() + ": " + what + " " + Shape.format(given.shape())
                    + ": expected " + Shape.format(want) + " for input " + Shape.format(x.shape()));
        }
        if (given.dtype() != x.dtype()) {
            throw new IllegalArgumentException(label() + ": " + what + " dtype " + given.dtype()
                    + " != input dtype " + x.dtype());
        }
        return batched ? given : given.unsqueeze(0);
    }
}
