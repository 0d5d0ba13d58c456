package dev.weft.nn.attention;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.Dropout;
import dev.weft.nn.layers.LayerNorm;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * torch.nn.TransformerEncoderLayer (Vaswani et al. 2017, section 3.1): self-attention and a
 * position-wise feed-forward block FFN(x) = linear2(dropout(act(linear1(x)))), each wrapped in a
 * residual connection with layer norm, post-norm x = norm(x + block(x)) by default or pre-norm
 * x = x + block(norm(x)) when normFirst. Submodules (and state-dict prefixes) as PyTorch: self_attn,
 * linear1, dropout, linear2, norm1, norm2, dropout1, dropout2. Activation RELU or GELU (exact). A dModel not
 * divisible by nhead, an option out of range or an input whose last dimension is not dModel is an
 * IllegalArgumentException.
 *
 * <pre>{@code
 * TransformerEncoderLayer layer = new TransformerEncoderLayer(
 *         TransformerEncoderLayer.options(64, 4).dimFeedforward(256).batchFirst(true).normFirst(true));
 * Tensor y = layer.forward(Tensor.randn(new Generator(0), 2, 10, 64));   // (B, T, E) -> (2, 10, 64)
 * }</pre>
 */
public final class TransformerEncoderLayer extends Module {
    private final int dModel;
    private final int nhead;
    private final int dimFeedforward;
    private final double dropoutP;
    private final Activation activation;
    private final double layerNormEps;
    private final boolean batchFirst;
    private final boolean normFirst;
    private final boolean bias;
    private final MultiheadAttention selfAttn;
    private final Linear linear1;
    private final Dropout dropout;
    private final Linear linear2;
    private final LayerNorm norm1;
    private final LayerNorm norm2;
    private final Dropout dropout1;
    private final Dropout dropout2;

    /**
     * PyTorch's defaults: dimFeedforward 2048, dropout 0.1, relu, eps 1e-5, time-major, post-norm.
     *
     * @param dModel E, the model width; divisible by nhead
     * @param nhead H, the number of attention heads
     */
    public TransformerEncoderLayer(int dModel, int nhead) {
        this(options(dModel, nhead));
    }

    /**
     * {@code new TransformerEncoderLayer(TransformerEncoderLayer.options(64, 4).dimFeedforward(256)
     * .activation(Activation.GELU).normFirst(true).batchFirst(true))}.
     *
     * @param options the sizes and settings, checked here
     */
    public TransformerEncoderLayer(Options options) {
        String me = "TransformerEncoderLayer";
        this.dModel = OptionChecks.atLeast(me, "dModel", options.dModel, 1);
        this.nhead = OptionChecks.atLeast(me, "nhead", options.nhead, 1);
        this.dimFeedforward = OptionChecks.atLeast(me, "dimFeedforward", options.dimFeedforward, 1);
        this.dropoutP = OptionChecks.probability(me, "dropout", options.dropout);
        this.activation = options.activation;
        this.layerNormEps = OptionChecks.nonNegative(me, "layerNormEps", options.layerNormEps);
        this.batchFirst = options.batchFirst;
        this.normFirst = options.normFirst;
        this.bias = options.bias;
        Generator gen = options.generator != null ? options.generator : Init.defaultGenerator();
        this.selfAttn = registerModule("self_attn", new MultiheadAttention(MultiheadAttention.options(dModel, nhead)
                .dropout(dropoutP).bias(bias).batchFirst(batchFirst).generator(gen)));
        this.linear1 = registerModule("linear1", new Linear(dModel, dimFeedforward, bias, gen));
        this.dropout = registerModule("dropout", new Dropout(Dropout.options().p(dropoutP).generator(gen.split())));
        this.linear2 = registerModule("linear2", new Linear(dimFeedforward, dModel, bias, gen));
        this.norm1 = registerModule("norm1", new LayerNorm(LayerNorm.options(dModel).eps(layerNormEps).bias(bias)));
        this.norm2 = registerModule("norm2", new LayerNorm(LayerNorm.options(dModel).eps(layerNormEps).bias(bias)));
        this.dropout1 = registerModule("dropout1", new Dropout(Dropout.options().p(dropoutP).generator(gen.split())));
        this.dropout2 = registerModule("dropout2", new Dropout(Dropout.options().p(dropoutP).generator(gen.split())));
    }

    /**
     * Options with PyTorch's defaults: dimFeedforward 2048, dropout 0.1, activation RELU, layerNormEps 1e-5,
     * batchFirst false, normFirst false, bias true, weights from {@link Init#defaultGenerator()}.
     *
     * @param dModel E, the model width; divisible by nhead
     * @param nhead H, the number of attention heads
     * @return options to refine and pass to {@link #TransformerEncoderLayer(Options)}
     */
    public static Options options(int dModel, int nhead) {
        return new Options(dModel, nhead);
    }

    /** TransformerEncoderLayer's options. */
    public static final class Options {
        private final int dModel, nhead;
        private int dimFeedforward = 2048;
        private double dropout = 0.1, layerNormEps = 1e-5;
        private Activation activation = Activation.RELU;
        private boolean batchFirst, normFirst, bias = true;
        private Generator generator;

        private Options(int dModel, int nhead) {
            this.dModel = dModel;
            this.nhead = nhead;
        }

        /**
         * Width of the feed-forward block's hidden layer.
         *
         * @param dimFeedforward at least 1, default 2048
         * @return these options
         */
        public Options dimFeedforward(int dimFeedforward) {
            this.dimFeedforward = dimFeedforward;
            return this;
        }

        /**
         * Dropout probability of the attention weights, the feed-forward hidden layer and both residual branches.
         *
         * @param dropout a probability, default 0.1
         * @return these options
         */
        public Options dropout(double dropout) {
            this.dropout = dropout;
            return this;
        }

        /**
         * The feed-forward activation.
         *
         * @param activation RELU (default) or GELU
         * @return these options
         */
        public Options activation(Activation activation) {
            this.activation = OptionChecks.nonNull("TransformerEncoderLayer", "activation", activation);
            return this;
        }

        /**
         * eps of both layer norms.
         *
         * @param layerNormEps default 1e-5
         * @return these options
         */
        public Options layerNormEps(double layerNormEps) {
            this.layerNormEps = layerNormEps;
            return this;
        }

        /**
         * Inputs and outputs (B, T, E) rather than (T, B, E).
         *
         * @param batchFirst default false
         * @return these options
         */
        public Options batchFirst(boolean batchFirst) {
            this.batchFirst = batchFirst;
            return this;
        }

        /**
         * Pre-norm x + block(norm(x)) rather than post-norm norm(x + block(x)).
         *
         * @param normFirst default false
         * @return these options
         */
        public Options normFirst(boolean normFirst) {
            this.normFirst = normFirst;
            return this;
        }

        /**
         * Biases in the linear layers, attention and layer norms.
         *
         * @param bias default true
         * @return these options
         */
        public Options bias(boolean bias) {
            this.bias = bias;
            return this;
        }

        /**
         * Draws the weights; splits of it drive the dropouts.
         *
         * @param generator default {@link Init#defaultGenerator()}
         * @return these options
         */
        public Options generator(Generator generator) {
            this.generator = OptionChecks.nonNull("TransformerEncoderLayer", "generator", generator);
            return this;
        }
    }

    /**
     * A layer of the same configuration holding copies of this one's weights (new dropout streams from gen).
     *
     * @param gen the new layer's dropout generator
     * @return the copy
     */
    public TransformerEncoderLayer copy(Generator gen) {
        TransformerEncoderLayer c = new TransformerEncoderLayer(options(dModel, nhead).dimFeedforward(dimFeedforward)
                .dropout(dropoutP).activation(activation).layerNormEps(layerNormEps).batchFirst(batchFirst)
                .normFirst(normFirst).bias(bias).generator(gen));
        c.to(parameters().getFirst().dtype());
        c.loadStateDict(stateDict());
        c.train(isTraining());
        return c;
    }

    /** {@return E, the model width} */
    public int dModel() { return dModel; }
    /** {@return H, the number of attention heads} */
    public int nhead() { return nhead; }
    /** {@return the feed-forward block's hidden width} */
    public int dimFeedforward() { return dimFeedforward; }
    /** {@return the dropout probability of every dropout in the layer} */
    public double dropout() { return dropoutP; }
    /** {@return the feed-forward activation} */
    public Activation activation() { return activation; }
    /** {@return eps of both layer norms} */
    public double layerNormEps() { return layerNormEps; }
    /** {@return whether inputs and outputs are batch-major} */
    public boolean batchFirst() { return batchFirst; }
    /** {@return whether the layer is pre-norm} */
    public boolean normFirst() { return normFirst; }
    /** {@return whether the linear layers, attention and norms have biases} */
    public boolean bias() { return bias; }
    /** {@return the self-attention submodule (self_attn)} */
    public MultiheadAttention selfAttn() { return selfAttn; }

    /**
     * src: (B, T, E) batch-first, (T, B, E) time-major, or (T, E) unbatched; no masks.
     *
     * @param src the sequence
     * @return the encoded sequence, src's shape
     */
    @Override
    public Tensor forward(Tensor src) {
        return forward(src, null, null, false);
    }

    /**
     * The layer with masks, as PyTorch's forward(src, src_mask, src_key_padding_mask, is_causal).
     *
     * @param src                  (B, T, E) batch-first, (T, B, E) time-major, or (T, E) unbatched
     * @param srcMask              (T, T) or (B*H, T, T): BOOL true = not allowed, or float added; or null
     * @param srcKeyPaddingMask    (B, T) ((T) unbatched): BOOL true = padding, or float added; or null
     * @param isCausal             also apply the causal mask (combined with srcMask if both are given)
     * @return the encoded sequence, src's shape
     */
    public Tensor forward(Tensor src, Tensor srcMask, Tensor srcKeyPaddingMask, boolean isCausal) {
        Tensor x = src;
        if (normFirst) {
            x = x.add(selfAttentionBlock(norm1.forward(x), srcMask, srcKeyPaddingMask, isCausal));
            x = x.add(feedForwardBlock(norm2.forward(x)));
        } else {
            x = norm1.forward(x.add(selfAttentionBlock(x, srcMask, srcKeyPaddingMask, isCausal)));
            x = norm2.forward(x.add(feedForwardBlock(x)));
        }
        return x;
    }

    private Tensor selfAttentionBlock(Tensor x, Tensor mask, Tensor kpm, boolean isCausal) {
        return dropout1.forward(selfAttn.forward(x, x, x, kpm, mask, false, true, isCausal).output());
    }

    private Tensor feedForwardBlock(Tensor x) {
        Tensor h = linear1.forward(x);
        h = activation.apply(h);
        return dropout2.forward(linear2.forward(dropout.forward(h)));
    }

    @Override
    protected String extraRepr() {
        return "dModel=" + dModel + ", nhead=" + nhead + ", dimFeedforward=" + dimFeedforward
                + ", activation=" + activation + (normFirst ? ", normFirst=true" : "");
    }
}
