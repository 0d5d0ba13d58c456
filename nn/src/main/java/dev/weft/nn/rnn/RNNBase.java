package dev.weft.nn.rnn;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The sequence loop shared by {@link RNN}, {@link LSTM} and {@link GRU}: L stacked layers, one or two
 * directions each, dropout between layers in training mode. Per layer and direction the input
 * projection of all T steps is one matmul, x (T*B, C) @ W_ih^T; only h W_hh^T runs per step.
 * Parameters per layer l and direction suffix s ("" or "_reverse"), in PyTorch's order:
 * weight_ih_l{l}{s} (G*H, C_l), weight_hh_l{l}{s} (G*H, H), bias_ih_l{l}{s} (G*H), bias_hh_l{l}{s}
 * (G*H), with C_0 = inputSize and C_l = D*H above; all U(-1/sqrt(H), 1/sqrt(H)).
 */
public abstract sealed class RNNBase extends Module permits RNN, LSTM, GRU {
    final CellKind kind;
    private final int inputSize;
    private final int hiddenSize;
    private final int numLayers;
    private final boolean bias;
    private final boolean batchFirst;
    private final double dropout;
    private final boolean bidirectional;
    private Generator dropoutGenerator;

    RNNBase(CellKind kind, int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst,
            double dropout, boolean bidirectional, Generator gen) {
        String name = kind == CellKind.LSTM || kind == CellKind.GRU ? kind.label : "RNN";
        if (inputSize <= 0 || hiddenSize <= 0 || numLayers <= 0) {
            throw new IllegalArgumentException(name + ": inputSize, hiddenSize and numLayers must be positive, got "
                    + inputSize + ", " + hiddenSize + ", " + numLayers);
        }
        if (!(dropout >= 0 && dropout <= 1)) {
            throw new IllegalArgumentException(name + ": dropout must be a probability in [0, 1], got " + dropout);
        }
        if (gen == null) throw new IllegalArgumentException(name + ": generator must not be null");
        this.kind = kind;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.numLayers = numLayers;
        this.bias = bias;
        this.batchFirst = batchFirst;
        this.dropout = dropout;
        this.bidirectional = bidirectional;
        int G = kind.gates * hiddenSize, D = numDirections();
        double k = 1.0 / Math.sqrt(hiddenSize);
        for (int l = 0; l < numLayers; l++) {
            int in = l == 0 ? inputSize : D * hiddenSize;
            for (int d = 0; d < D; d++) {
                String s = suffix(l, d);
                registerParameter("weight_ih" + s, Tensor.uniform(gen, -k, k, G, in));
                registerParameter("weight_hh" + s, Tensor.uniform(gen, -k, k, G, hiddenSize));
                if (bias) {
                    registerParameter("bias_ih" + s, Tensor.uniform(gen, -k, k, G));
                    registerParameter("bias_hh" + s, Tensor.uniform(gen, -k, k, G));
                }
            }
        }
        this.dropoutGenerator = gen.split();
    }

    private static String suffix(int layer, int direction) {
        return "_l" + layer + (direction == 1 ? "_reverse" : "");
    }

    public final int inputSize() { return inputSize; }
    public final int hiddenSize() { return hiddenSize; }
    public final int numLayers() { return numLayers; }
    public final boolean bias() { return bias; }
    public final boolean batchFirst() { return batchFirst; }
    public final double dropout() { return dropout; }
    public final boolean bidirectional() { return bidirectional; }
    public final int numDirections() { return bidirectional ? 2 : 1; }

    /** The generator the between-layer dropout draws from (training mode, dropout > 0). */
    public final void setGenerator(Generator g) {
        if (g == null) throw new IllegalArgumentException(reprName() + ".setGenerator: generator must not be null");
        this.dropoutGenerator = g;
    }

    /** The top layer's output sequence only (forward(input, null[, null]).output()). */
    @Override
    public Tensor forward(Tensor input) {
        return run(input, null, null)[0];
    }

    @Override
    protected String extraRepr() {
        StringBuilder sb = new StringBuilder().append(inputSize).append(", ").append(hiddenSize);
        if (numLayers != 1) sb.append(", numLayers=").append(numLayers);
        if (!bias) sb.append(", bias=false");
        if (batchFirst) sb.append(", batchFirst=true");
        if (dropout != 0) sb.append(", dropout=").append(dropout);
        if (bidirectional) sb.append(", bidirectional=true");
        return sb.toString();
    }

    /** "LSTM(10, 20, numLayers=2)" for error messages. */
    final String label() {
        return reprName() + "(" + extraRepr() + ")";
    }

    /**
     * Runs the whole stack. input: (T, B, C), (B, T, C) when batch-first, or (T, C) unbatched;
     * h0, c0: (L*D, B, H) ((L*D, H) unbatched) or null for zeros; c0 only for LSTM.
     *
     * @return {output, hN} or, for LSTM, {output, hN, cN}
     */
    final Tensor[] run(Tensor input, Tensor h0, Tensor c0) {
        if (input == null) throw new IllegalArgumentException(label() + ": input must not be null");
        int[] s = input.shape();
        if (s.length != 2 && s.length != 3) {
            throw new IllegalArgumentException(label() + ": expected input of 2 (unbatched) or 3 dims, got "
                    + Shape.format(s));
        }
        if (s[s.length - 1] != inputSize) {
            throw new IllegalArgumentException(label() + ": input " + Shape.format(s) + ": last dim "
                    + s[s.length - 1] + " != inputSize " + inputSize);
        }
        Tensor w0 = param("weight_ih" + suffix(0, 0));
        if (input.dtype() != w0.dtype()) {
            throw new IllegalArgumentException(label() + ": input dtype " + input.dtype() + " != parameter dtype "
                    + w0.dtype() + " (convert the input, or the module with to(dtype))");
        }
        boolean batched = s.length == 3;
        // time-major view (T, B, C); batch-first input keeps its layout and is read along dim 1
        Tensor x = batched ? input : input.unsqueeze(1);
        int timeDim = batched && batchFirst ? 1 : 0;
        int T = x.size(timeDim), B = x.size(1 - timeDim);
        if (T == 0) {
            throw new IllegalArgumentException(label() + ": input " + Shape.format(s) + ": sequence length must be > 0");
        }
        int L = numLayers, D = numDirections();
        Tensor h0b = state(h0, "h0", batched, B, input.dtype());
        Tensor c0b = kind == CellKind.LSTM ? state(c0, "c0", batched, B, input.dtype()) : null;
        List<Tensor> hN = new ArrayList<>(), cN = new ArrayList<>();
        Tensor layerIn = x;
        for (int l = 0; l < L; l++) {
            int C = layerIn.size(2);
            Tensor flat = layerIn.reshape(T * B, C);
            Tensor[] dirOut = new Tensor[D];
            for (int d = 0; d < D; d++) {
                Tensor[] r = direction(flat, timeDim, T, B, l, d, h0b.select(0, l * D + d),
                        c0b == null ? null : c0b.select(0, l * D + d));
                dirOut[d] = r[0];
                hN.add(r[1]);
                if (c0b != null) cN.add(r[2]);
            }
            layerIn = D == 1 ? dirOut[0] : Tensor.cat(dirOut, 2);      // (T, B, D*H)
            timeDim = 0;
            if (l < L - 1) layerIn = F.dropout(layerIn, dropout, isTraining(), dropoutGenerator);
        }
        Tensor out = layerIn;                                            // (T, B, D*H)
        Tensor hs = Tensor.stack(hN, 0), cs = c0b == null ? null : Tensor.stack(cN, 0);
        if (!batched) {
            out = out.squeeze(1);
            hs = hs.squeeze(1);
            if (cs != null) cs = cs.squeeze(1);
        } else if (batchFirst) {
            out = out.transpose(0, 1);
        }
        return cs == null ? new Tensor[] {out, hs} : new Tensor[] {out, hs, cs};
    }

    /**
     * One layer, one direction. flat: the layer input as (T*B, C) rows in timeDim order; h, c: (B, H).
     *
     * @return {output (T, B, H), h_T, c_T}
     */
    private Tensor[] direction(Tensor flat, int timeDim, int T, int B, int l, int d, Tensor h, Tensor c) {
        String s = suffix(l, d);
        int H = hiddenSize, G = kind.gates * H;
        Tensor wih = param("weight_ih" + s), whh = param("weight_hh" + s);
        Tensor bih = bias ? param("bias_ih" + s) : null, bhh = bias ? param("bias_hh" + s) : null;
        // gx = x W_ih^T + b_ih (+ b_hh where the recurrence allows): all steps in one product
        Tensor gx = flat.matmul(wih.t());
        if (bias) gx = gx.add(kind.foldsHiddenBias() ? bih.add(bhh) : bih);
        gx = timeDim == 0 ? gx.reshape(T, B, G) : gx.reshape(B, T, G);
        List<Tensor> steps = TimeSteps.unbind(gx, timeDim);
        Tensor whhT = whh.t();
        Tensor stepBias = bias && !kind.foldsHiddenBias() ? bhh : null;
        Tensor[] outs = new Tensor[T];
        for (int k = 0; k < T; k++) {
            int t = d == 0 ? k : T - 1 - k;
            Tensor gh = h.matmul(whhT);
            if (stepBias != null) gh = gh.add(stepBias);
            Tensor[] next = kind.step(steps.get(t), gh, h, c, H);
            h = next[0];
            if (next.length > 1) c = next[1];
            outs[t] = h;
        }
        return new Tensor[] {Tensor.stack(outs, 0), h, c};
    }

    /** h0/c0 as (L*D, B, H), zeros when null; a wrong shape names the module and both shapes. */
    private Tensor state(Tensor given, String what, boolean batched, int B, DType dtype) {
        int LD = numLayers * numDirections();
        int[] want = batched ? new int[] {LD, B, hiddenSize} : new int[] {LD, hiddenSize};
        if (given == null) return Tensor.zeros(dtype, LD, B, hiddenSize);
        if (!java.util.Arrays.equals(given.shape(), want)) {
            throw new IllegalArgumentException(label() + ": " + what + " " + Shape.format(given.shape())
                    + ": expected " + Shape.format(want) + " = (numLayers*numDirections, "
                    + (batched ? "B, " : "") + "hiddenSize)");
        }
        if (given.dtype() != dtype) {
            throw new IllegalArgumentException(label() + ": " + what + " dtype " + given.dtype()
                    + " != input dtype " + dtype);
        }
        return batched ? given : given.unsqueeze(1);
    }
}
