package dev.weft.nn.attention;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

import java.util.Arrays;

/**
 * torch.nn.MultiheadAttention (Vaswani et al. 2017, section 3.2.2): MultiHead(Q, K, V) =
 * Concat(head_1..head_H) W_O with head_i = Attention(Q W_Q_i, K W_K_i, V W_V_i), head dim E / H.
 * Parameters as PyTorch: in_proj_weight (3E, E) packed [W_Q; W_K; W_V] when kdim = vdim = E, else
 * q_proj_weight (E, E), k_proj_weight (E, kdim), v_proj_weight (E, vdim); in_proj_bias (3E); and the
 * submodule out_proj (Linear E -> E). Init as PyTorch: xavier-uniform projections, zero biases,
 * out_proj.weight as Linear. Not supported: add_bias_kv, add_zero_attn. An embedDim not divisible by numHeads,
 * inputs of mixed rank, a last dimension other than embedDim/kdim/vdim, or a dtype other than the parameters' is an
 * IllegalArgumentException.
 *
 * <pre>{@code
 * MultiheadAttention mha = new MultiheadAttention(MultiheadAttention.options(64, 8).batchFirst(true));
 * Tensor x = Tensor.randn(new Generator(0), 2, 10, 64);          // (B, L, E)
 * AttentionOutput out = mha.forward(x, x, x);                     // self-attention
 * // out.output(): (2, 10, 64); out.weights(): (2, 10, 10), averaged over the 8 heads
 * }</pre>
 */
public final class MultiheadAttention extends Module {
    private final int embedDim;
    private final int numHeads;
    private final double dropout;
    private final boolean bias;
    private final boolean batchFirst;
    private final int kdim;
    private final int vdim;
    private final boolean packed;
    private final AttentionNormalization normalization;
    private final Linear outProj;
    private Generator dropoutGenerator;

    /**
     * PyTorch's defaults (see {@link #options}).
     *
     * @param embedDim E, the model width; divisible by numHeads
     * @param numHeads H, the number of parallel heads
     */
    public MultiheadAttention(int embedDim, int numHeads) {
        this(options(embedDim, numHeads));
    }

    /**
     * {@code new MultiheadAttention(MultiheadAttention.options(64, 8).dropout(0.1).batchFirst(true).kdim(32))}.
     *
     * @param options the sizes and settings, checked here
     */
    public MultiheadAttention(Options options) {
        int embedDim = options.embedDim, numHeads = options.numHeads;
        OptionChecks.atLeast("MultiheadAttention", "embedDim", embedDim, 1);
        OptionChecks.atLeast("MultiheadAttention", "numHeads", numHeads, 1);
        if (embedDim % numHeads != 0) {
            throw new IllegalArgumentException("MultiheadAttention: embedDim " + embedDim + " must be divisible by numHeads " + numHeads);
        }
        this.embedDim = embedDim;
        this.numHeads = numHeads;
        this.dropout = OptionChecks.probability("MultiheadAttention", "dropout", options.dropout);
        this.bias = options.bias;
        this.batchFirst = options.batchFirst;
        this.kdim = OptionChecks.atLeast("MultiheadAttention", "kdim", options.kdim == 0 ? embedDim : options.kdim, 1);
        this.vdim = OptionChecks.atLeast("MultiheadAttention", "vdim", options.vdim == 0 ? embedDim : options.vdim, 1);
        Generator gen = options.generator != null ? options.generator : Init.defaultGenerator();
        this.packed = this.kdim == embedDim && this.vdim == embedDim;
        this.normalization = options.normalization;
        int E = embedDim;
        if (packed) {
            Init.xavierUniform(registerParameter("in_proj_weight", Tensor.empty(3 * E, E)), 1.0, gen);
        } else {
            Init.xavierUniform(registerParameter("q_proj_weight", Tensor.empty(E, E)), 1.0, gen);
            Init.xavierUniform(registerParameter("k_proj_weight", Tensor.empty(E, this.kdim)), 1.0, gen);
            Init.xavierUniform(registerParameter("v_proj_weight", Tensor.empty(E, this.vdim)), 1.0, gen);
        }
        registerParameter("in_proj_bias", bias ? Tensor.zeros(3 * E) : null);
        this.outProj = registerModule("out_proj", new Linear(E, E, bias, gen));
        if (bias) Init.zeros(outProj.bias());
        this.dropoutGenerator = gen.split();
    }

    /**
     * Options with PyTorch's defaults: dropout 0, bias true, time-major (batchFirst false), kdim = vdim =
     * embedDim, weights from {@link Init#defaultGenerator()}.
     *
     * @param embedDim E, the model width; divisible by numHeads
     * @param numHeads H, the number of parallel heads
     * @return options to refine and pass to {@link #MultiheadAttention(Options)}
     */
    public static Options options(int embedDim, int numHeads) {
        return new Options(embedDim, numHeads);
    }

    /** MultiheadAttention's options (add_bias_kv and add_zero_attn are not supported). */
    public static final class Options {
        private final int embedDim, numHeads;
        private double dropout;
        private boolean bias = true, batchFirst;
        private int kdim, vdim;                    // 0: embedDim
        private Generator generator;
        private AttentionNormalization normalization = AttentionNormalization.SOFTMAX;

        private Options(int embedDim, int numHeads) {
            this.embedDim = embedDim;
            this.numHeads = numHeads;
        }

        /**
         * Dropout probability on the attention weights (training mode).
         *
         * @param dropout a probability in [0, 1], default 0
         * @return these options
         */
        public Options dropout(double dropout) {
            this.dropout = dropout;
            return this;
        }

        /**
         * Biases of the in- and out-projections.
         *
         * @param bias whether to learn them, default true
         * @return these options
         */
        public Options bias(boolean bias) {
            this.bias = bias;
            return this;
        }

        /**
         * Inputs and outputs (B, L, E) rather than (L, B, E).
         *
         * @param batchFirst true for batch-major layouts, default false
         * @return these options
         */
        public Options batchFirst(boolean batchFirst) {
            this.batchFirst = batchFirst;
            return this;
        }

        /**
         * Feature size of the keys (default embedDim); with kdim or vdim != embedDim the projections are separate.
         *
         * @param kdim the keys' last dimension, at least 1
         * @return these options
         */
        public Options kdim(int kdim) {
            this.kdim = OptionChecks.atLeast("MultiheadAttention", "kdim", kdim, 1);
            return this;
        }

        /**
         * Feature size of the values (default embedDim).
         *
         * @param vdim the values' last dimension, at least 1
         * @return these options
         */
        public Options vdim(int vdim) {
            this.vdim = OptionChecks.atLeast("MultiheadAttention", "vdim", vdim, 1);
            return this;
        }

        /**
         * What maps each head's scores to weights: SOFTMAX (default, PyTorch's only choice), SPARSEMAX or
         * ENTMAX15 (sparse attention: low-scoring keys get weight exactly 0).
         * {@code MultiheadAttention.options(64, 8).normalization(AttentionNormalization.ENTMAX15)}.
         *
         * @param normalization the score-to-weight map, not null
         * @return these options
         */
        public Options normalization(AttentionNormalization normalization) {
            this.normalization = OptionChecks.nonNull("MultiheadAttention", "normalization", normalization);
            return this;
        }

        /**
         * Draws the weights; a split of it drives attention dropout.
         *
         * @param generator the generator, not null (default {@link Init#defaultGenerator()})
         * @return these options
         */
        public Options generator(Generator generator) {
            this.generator = OptionChecks.nonNull("MultiheadAttention", "generator", generator);
            return this;
        }
    }

    /** {@return E, the model width} */
    public int embedDim() { return embedDim; }
    /** {@return H, the number of heads} */
    public int numHeads() { return numHeads; }
    /** {@return E / H, each head's width} */
    public int headDim() { return embedDim / numHeads; }
    /** {@return the dropout probability on the attention weights} */
    public double dropout() { return dropout; }
    /** {@return whether the projections have biases} */
    public boolean bias() { return bias; }
    /** {@return whether inputs and outputs are batch-major} */
    public boolean batchFirst() { return batchFirst; }
    /** {@return the keys' feature size} */
    public int kdim() { return kdim; }
    /** {@return the values' feature size} */
    public int vdim() { return vdim; }
    /** {@return the map from scores to attention weights} */
    public AttentionNormalization normalization() { return normalization; }

    /**
     * The generator attention dropout draws from (training mode, dropout &gt; 0).
     *
     * @param g the generator, not null
     */
    public void setGenerator(Generator g) {
        if (g == null) throw new IllegalArgumentException("MultiheadAttention.setGenerator: generator must not be null");
        this.dropoutGenerator = g;
    }

    /** Self-attention of x with itself, output only (no masks). */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, x, x, null, null, false, true, false).output();
    }

    /**
     * PyTorch's defaults: no masks, weights averaged over heads.
     *
     * @param query (B, L, E), (L, B, E) or (L, E), as {@link #forward(Tensor, Tensor, Tensor, Tensor, Tensor, boolean, boolean, boolean)}
     * @param key (B, S, kdim) in the query's layout
     * @param value (B, S, vdim) in the query's layout
     * @return the output and the head-averaged weights
     */
    public AttentionOutput forward(Tensor query, Tensor key, Tensor value) {
        return forward(query, key, value, null, null, true, true, false);
    }

    /**
     * query: (B, L, E) batch-first, (L, B, E) time-major, or (L, E) unbatched; key: same layout with S
     * and kdim; value: same with S and vdim.
     *
     * @param query              the queries
     * @param key                the keys
     * @param value              the values
     * @param keyPaddingMask     (B, S) ((S) unbatched): BOOL true = ignore that key, or float added; or null
     * @param attnMask           (L, S) or (B*H, L, S): BOOL true = not allowed, or float added; or null
     * @param needWeights        return the attention weights (else weights is null)
     * @param averageAttnWeights average the weights over heads ((B, L, S)) rather than (B, H, L, S)
     * @param isCausal           also mask key j > query i; combined with attnMask when both are given
     *                           (PyTorch treats it as a hint that attnMask is causal and requires attnMask)
     * @return the output in the query's layout, and the weights when asked for
     */
    public AttentionOutput forward(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, Tensor attnMask,
                                   boolean needWeights, boolean averageAttnWeights, boolean isCausal) {
        if (query == null || key == null || value == null) {
            throw new IllegalArgumentException(label() + ": query, key and value must not be null");
        }
        int qd = query.dim();
        if ((qd != 2 && qd != 3) || key.dim() != qd || value.dim() != qd) {
            throw new IllegalArgumentException(label() + ": query " + Shape.format(query.shape()) + ", key "
                    + Shape.format(key.shape()) + ", value " + Shape.format(value.shape())
                    + ": expected all 3-d (batched) or all 2-d (unbatched)");
        }
        checkLast("query", query, embedDim, "embedDim");
        checkLast("key", key, kdim, "kdim");
        checkLast("value", value, vdim, "vdim");
        Tensor wDtype = packed ? param("in_proj_weight") : param("q_proj_weight");
        if (query.dtype() != wDtype.dtype()) {
            throw new IllegalArgumentException(label() + ": query dtype " + query.dtype() + " != parameter dtype "
                    + wDtype.dtype());
        }
        boolean batched = qd == 3;
        boolean self = query == key && key == value;
        Tensor q = batchMajor(query, batched), k = batchMajor(key, batched), v = batchMajor(value, batched);
        int B = q.size(0), L = q.size(1), S = k.size(1), H = numHeads, E = embedDim, hd = E / H;
        if (k.size(0) != B || v.size(0) != B || v.size(1) != S) {
            throw new IllegalArgumentException(label() + ": query " + Shape.format(query.shape()) + ", key "
                    + Shape.format(key.shape()) + ", value " + Shape.format(value.shape())
                    + ": key and value must have the query's batch size and one sequence length S");
        }
        // in-projections: (B, L|S, E) each
        Tensor b = param("in_proj_bias");
        Tensor qp, kp, vp;
        if (packed && self) {
            var qkv = F.linear(q, param("in_proj_weight"), b).chunk(3, -1);
            qp = qkv.get(0);
            kp = qkv.get(1);
            vp = qkv.get(2);
        } else {
            Tensor wq, wk, wv;
            if (packed) {
                Tensor w = param("in_proj_weight");
                wq = w.narrow(0, 0, E);
                wk = w.narrow(0, E, E);
                wv = w.narrow(0, 2 * E, E);
            } else {
                wq = param("q_proj_weight");
                wk = param("k_proj_weight");
                wv = param("v_proj_weight");
            }
            qp = F.linear(q, wq, b == null ? null : b.narrow(0, 0, E));
            kp = F.linear(k, wk, b == null ? null : b.narrow(0, E, E));
            vp = F.linear(v, wv, b == null ? null : b.narrow(0, 2 * E, E));
        }
        // (B, T, E) -> (B, H, T, hd)
        qp = qp.reshape(B, L, H, hd).transpose(1, 2);
        kp = kp.reshape(B, S, H, hd).transpose(1, 2);
        vp = vp.reshape(B, S, H, hd).transpose(1, 2);
        Tensor[] masks = masks(keyPaddingMask, attnMask, batched, B, L, S, query.dtype());
        Tensor[] r = Attention.attend(qp, kp, vp, masks[0], masks[1], isCausal,
                isTraining() ? dropout : 0.0, dropoutGenerator, 1.0 / Math.sqrt(hd), normalization);
        Tensor out = outProj.forward(r[0].transpose(1, 2).reshape(B, L, E));   // (B, L, E)
        Tensor w = needWeights ? (averageAttnWeights ? r[1].mean(1) : r[1]) : null;
        if (!batched) {
            out = out.squeeze(0);
            if (w != null) w = w.squeeze(0);
        } else if (!batchFirst) {
            out = out.transpose(0, 1);
        }
        return new AttentionOutput(out, w);
    }

    private Tensor batchMajor(Tensor x, boolean batched) {
        if (!batched) return x.unsqueeze(0);
        return batchFirst ? x : x.transpose(0, 1);
    }

    private void checkLast(String what, Tensor x, int want, String name) {
        if (x.size(-1) != want) {
            throw new IllegalArgumentException(label() + ": " + what + " " + Shape.format(x.shape()) + ": last dim "
                    + x.size(-1) + " != " + name + " " + want);
        }
    }

    /** {excluded BOOL, additive float}, each broadcastable to (B, H, L, S) or null. */
    private Tensor[] masks(Tensor kpm, Tensor am, boolean batched, int B, int L, int S, DType dtype) {
        Tensor excluded = null, additive = null;
        if (kpm != null) {
            int[] want = batched ? new int[] {B, S} : new int[] {S};
            if (!Arrays.equals(kpm.shape(), want)) {
                throw new IllegalArgumentException(label() + ": keyPaddingMask " + Shape.format(kpm.shape())
                        + ": expected " + Shape.format(want) + (batched ? " = (B, S)" : " = (S)"));
            }
            Tensor m = kpm.reshape(B, 1, 1, S);
            if (kpm.dtype() == DType.BOOL) excluded = m;
            else additive = m.to(dtype);
        }
        if (am != null) {
            Tensor m;
            if (am.dim() == 2 && am.size(0) == L && am.size(1) == S) {
                m = am.reshape(1, 1, L, S);
            } else if (am.dim() == 3 && am.size(0) == B * numHeads && am.size(1) == L && am.size(2) == S) {
                m = am.reshape(B, numHeads, L, S);
            } else {
                throw new IllegalArgumentException(label() + ": attnMask " + Shape.format(am.shape()) + ": expected ("
                        + L + ", " + S + ") = (L, S) or (" + B * numHeads + ", " + L + ", " + S + ") = (B*H, L, S)");
            }
            if (am.dtype() == DType.BOOL) {
                excluded = excluded == null ? m : excluded.logicalOr(m);
            } else {
                additive = additive == null ? m.to(dtype) : additive.add(m.to(dtype));
            }
        }
        return new Tensor[] {excluded, additive};
    }

    final String label() {
        return "MultiheadAttention(" + extraRepr() + ")";
    }

    @Override
    protected String extraRepr() {
        StringBuilder sb = new StringBuilder("embedDim=").append(embedDim).append(", numHeads=").append(numHeads);
        if (dropout != 0) sb.append(", dropout=").append(dropout);
        if (!bias) sb.append(", bias=false");
        if (!packed) sb.append(", kdim=").append(kdim).append(", vdim=").append(vdim);
        if (batchFirst) sb.append(", batchFirst=true");
        if (normalization != AttentionNormalization.SOFTMAX) sb.append(", normalization=").append(normalization);
        return sb.toString();
    }
}
