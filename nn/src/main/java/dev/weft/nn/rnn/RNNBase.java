package dev.weft.nn.rnn;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.init.Init;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

import java.util.Arrays;

/**
 * What {@link RNN}, {@link LSTM} and {@link GRU} share: options, parameters, input and state checks; the
 * loop itself is {@link Recurrence}. Input is a padded batch or a {@link PackedSequence}.
 * Parameters per layer l and direction suffix s ("" or "_reverse"), in PyTorch's order:
 * weight_ih_l{l}{s} (G*H, C_l), weight_hh_l{l}{s} (G*H, P), bias_ih_l{l}{s} (G*H), bias_hh_l{l}{s} (G*H),
 * and for an LSTM with projSize > 0 weight_hr_l{l}{s} (P, H); P = projSize or H, C_0 = inputSize and
 * C_l = D*P above; all U(-1/sqrt(H), 1/sqrt(H)).
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
    private final int projSize;
    private Generator dropoutGenerator;

    /**
     * The options RNN, LSTM and GRU share, with PyTorch's defaults: numLayers 1, bias true, batchFirst
     * false, dropout 0, bidirectional false, weights from {@link Init#defaultGenerator()}.
     *
     * @param <O> the concrete options type, returned by each setter
     */
    public abstract static class Options<O extends Options<O>> extends RecurrentOptions<O> {
        int numLayers = 1, projSize;
        boolean batchFirst, bidirectional;
        double dropout;

        Options(String layer, int inputSize, int hiddenSize) {
            super(layer, inputSize, hiddenSize);
        }

        /**
         * Stacked layers, each reading the previous one's output sequence.
         *
         * @param numLayers L, at least 1, default 1
         * @return these options
         */
        public O numLayers(int numLayers) {
            this.numLayers = numLayers;
            return self();
        }

        /**
         * Input and output (B, T, C) rather than (T, B, C); the states keep (L*D, B, H).
         *
         * @param batchFirst default false
         * @return these options
         */
        public O batchFirst(boolean batchFirst) {
            this.batchFirst = batchFirst;
            return self();
        }

        /**
         * Dropout probability on each layer's output but the last (training mode).
         *
         * @param dropout a probability, default 0
         * @return these options
         */
        public O dropout(double dropout) {
            this.dropout = dropout;
            return self();
        }

        /**
         * A second direction per layer reading the sequence backwards; outputs concatenated.
         *
         * @param bidirectional default false (D = 1)
         * @return these options
         */
        public O bidirectional(boolean bidirectional) {
            this.bidirectional = bidirectional;
            return self();
        }

        /**
         * Draws the U(-1/sqrt(H), 1/sqrt(H)) weights; a split of it drives the dropout.
         *
         * @param generator default {@link dev.weft.nn.init.Init#defaultGenerator()}
         * @return these options
         */
        @Override
        public O generator(Generator generator) {
            return super.generator(generator);
        }
    }

    RNNBase(CellKind kind, Options<?> o) {
        String name = o.layer;
        int inputSize = OptionChecks.atLeast(name, "inputSize", o.inputSize, 1);
        int hiddenSize = OptionChecks.atLeast(name, "hiddenSize", o.hiddenSize, 1);
        int numLayers = OptionChecks.atLeast(name, "numLayers", o.numLayers, 1);
        double dropout = OptionChecks.probability(name, "dropout", o.dropout);
        int projSize = o.projSize;
        if (projSize < 0) {
            throw new IllegalArgumentException(name + ": projSize must be >= 0 (0 disables the projection), got " + projSize);
        }
        if (projSize >= hiddenSize) {
            throw new IllegalArgumentException(name + ": projSize " + projSize + " must be smaller than hiddenSize " + hiddenSize);
        }
        Generator gen = o.generator != null ? o.generator : Init.defaultGenerator();
        boolean bias = o.bias, bidirectional = o.bidirectional;
        this.kind = kind;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.numLayers = numLayers;
        this.bias = bias;
        this.batchFirst = o.batchFirst;
        this.dropout = dropout;
        this.bidirectional = bidirectional;
        this.projSize = projSize;
        int G = kind.gates * hiddenSize, D = numDirections(), P = stateSize();
        double k = 1.0 / Math.sqrt(hiddenSize);
        for (int l = 0; l < numLayers; l++) {
            int in = l == 0 ? inputSize : D * P;
            for (int d = 0; d < D; d++) {
                String s = suffix(l, d);
                registerParameter("weight_ih" + s, Tensor.uniform(gen, -k, k, G, in));
                registerParameter("weight_hh" + s, Tensor.uniform(gen, -k, k, G, P));
                if (bias) {
                    registerParameter("bias_ih" + s, Tensor.uniform(gen, -k, k, G));
                    registerParameter("bias_hh" + s, Tensor.uniform(gen, -k, k, G));
                }
                if (projSize > 0) registerParameter("weight_hr" + s, Tensor.uniform(gen, -k, k, P, hiddenSize));
            }
        }
        this.dropoutGenerator = gen.split();
    }

    static String suffix(int layer, int direction) {
        return "_l" + layer + (direction == 1 ? "_reverse" : "");
    }

    /** {@return C, the features of each input step} */
    public final int inputSize() { return inputSize; }
    /** {@return H, the features of the hidden state} */
    public final int hiddenSize() { return hiddenSize; }
    /** {@return L, the number of stacked layers} */
    public final int numLayers() { return numLayers; }
    /** {@return whether the layers have the biases b_ih and b_hh} */
    public final boolean bias() { return bias; }
    /** {@return whether inputs and outputs are batch-major} */
    public final boolean batchFirst() { return batchFirst; }
    /** {@return the dropout probability between layers} */
    public final double dropout() { return dropout; }
    /** {@return whether each layer also runs backwards} */
    public final boolean bidirectional() { return bidirectional; }
    /** {@return D, 2 when bidirectional, else 1} */
    public final int numDirections() { return bidirectional ? 2 : 1; }
    /** {@return the LSTM projection size (0: none)} */
    public final int projSize() { return projSize; }
    /** The size of h: projSize when projecting, else hiddenSize. */
    final int stateSize() { return projSize > 0 ? projSize : hiddenSize; }

    /**
     * The generator the between-layer dropout draws from (training mode, dropout > 0).
     *
     * @param g the generator, not null
     */
    public final void setGenerator(Generator g) {
        if (g == null) throw new IllegalArgumentException(reprName() + ".setGenerator: generator must not be null");
        this.dropoutGenerator = g;
    }

    final Generator dropoutGenerator() {
        return dropoutGenerator;
    }

    /** Parameter {@code name} as the forward sees it (through FunctionalCall when one is active). */
    final Tensor weight(String name) {
        return param(name);
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
        if (projSize != 0) sb.append(", projSize=").append(projSize);
        return sb.toString();
    }

    /** "LSTM(10, 20, numLayers=2)" for error messages. */
    final String label() {
        return reprName() + "(" + extraRepr() + ")";
    }

    /**
     * Runs the whole stack on a padded batch. input: (T, B, C), (B, T, C) when batch-first, or (T, C)
     * unbatched; h0: (L*D, B, P), c0: (L*D, B, H) ((L*D, P), (L*D, H) unbatched) or null for zeros; c0 only
     * for LSTM.
     *
     * @return {output (T, B, D*P) (batch-first: (B, T, D*P); unbatched (T, D*P)), hN} or, for LSTM, {.., cN}
     */
    final Tensor[] run(Tensor input, Tensor h0, Tensor c0) {
        if (input == null) throw new IllegalArgumentException(label() + ": input must not be null");
        int[] s = input.shape();
        if (s.length != 2 && s.length != 3) {
            throw new IllegalArgumentException(label() + ": expected input of 2 (unbatched) or 3 dims, got "
                    + Shape.format(s));
        }
        checkFeatures(input);
        boolean batched = s.length == 3;
        // time-major view (T, B, C); batch-first input keeps its layout and is read along dim 1
        Tensor x = batched ? input : input.unsqueeze(1);
        int timeDim = batched && batchFirst ? 1 : 0;
        int T = x.size(timeDim), B = x.size(1 - timeDim);
        if (T == 0) {
            throw new IllegalArgumentException(label() + ": input " + Shape.format(s) + ": sequence length must be > 0");
        }
        int[] batchSizes = new int[T];
        Arrays.fill(batchSizes, B);
        Tensor h0b = state(h0, "h0", batched, B, input.dtype(), stateSize());
        Tensor c0b = kind == CellKind.LSTM ? state(c0, "c0", batched, B, input.dtype(), hiddenSize) : null;
        Tensor[] r = Recurrence.run(this, x, timeDim, batchSizes, h0b, c0b);
        Tensor out = r[0].reshape(T, B, numDirections() * stateSize()), hs = r[1], cs = r[2];
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
     * Runs the stack on a packed batch: each sequence only for its own steps. h0, c0 as in {@link #run} (batched,
     * B = the number of sequences) in the original batch order, or null.
     *
     * @return {output rows (N, D*P) in the input's packing, hN} or, for LSTM, {.., cN}, in the original batch order
     */
    final Tensor[] runPacked(PackedSequence input, Tensor h0, Tensor c0) {
        if (input == null) throw new IllegalArgumentException(label() + ": input must not be null");
        Tensor data = input.data();
        if (data.dim() != 2) {
            throw new IllegalArgumentException(label() + ": packed data " + Shape.format(data.shape()) + " must be 2-d (N, C)");
        }
        checkFeatures(data);
        int B = input.batchSize();
        Tensor h0b = state(h0, "h0", true, B, data.dtype(), stateSize());
        Tensor c0b = kind == CellKind.LSTM ? state(c0, "c0", true, B, data.dtype(), hiddenSize) : null;
        Tensor sorted = input.sortedIndices(), unsorted = input.unsortedIndices();
        if (sorted != null) {
            if (h0 != null) h0b = h0b.indexSelect(1, sorted);
            if (c0 != null) c0b = c0b.indexSelect(1, sorted);
        }
        Tensor[] r = Recurrence.run(this, data, 0, input.batchSizes(), h0b, c0b);
        if (unsorted != null) {
            r[1] = r[1].indexSelect(1, unsorted);
            if (r[2] != null) r[2] = r[2].indexSelect(1, unsorted);
        }
        return r[2] == null ? new Tensor[] {r[0], r[1]} : r;
    }

    private void checkFeatures(Tensor input) {
        int[] s = input.shape();
        if (s[s.length - 1] != inputSize) {
            throw new IllegalArgumentException(label() + ": input " + Shape.format(s) + ": last dim "
                    + s[s.length - 1] + " != inputSize " + inputSize);
        }
        Tensor w0 = param("weight_ih" + suffix(0, 0));
        if (input.dtype() != w0.dtype()) {
            throw new IllegalArgumentException(label() + ": input dtype " + input.dtype() + " != parameter dtype "
                    + w0.dtype() + " (convert the input, or the module with to(dtype))");
        }
    }

    /** h0/c0 as (L*D, B, size), zeros when null; a wrong shape names the module and both shapes. */
    private Tensor state(Tensor given, String what, boolean batched, int B, DType dtype, int size) {
        int LD = numLayers * numDirections();
        int[] want = batched ? new int[] {LD, B, size} : new int[] {LD, size};
        if (given == null) return Tensor.zeros(dtype, LD, B, size);
        if (!Arrays.equals(given.shape(), want)) {
            String sizeName = size == hiddenSize ? "hiddenSize" : "projSize";
            throw new IllegalArgumentException(label() + ": " + what + " " + Shape.format(given.shape())
                    + ": expected " + Shape.format(want) + " = (numLayers*numDirections, "
                    + (batched ? "B, " : "") + sizeName + ")");
        }
        if (given.dtype() != dtype) {
            throw new IllegalArgumentException(label() + ": " + what + " dtype " + given.dtype()
                    + " != input dtype " + dtype);
        }
        return batched ? given : given.unsqueeze(1);
    }
}
