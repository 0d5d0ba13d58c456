package dev.weft.nn.attention;

import dev.weft.nn.Module;
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
 * linear1, dropout, linear2, norm1, norm2, dropout1, dropout2. Activation "relu" or "gelu" (exact).
 */
public final class TransformerEncoderLayer extends Module {
    private final int dModel;
    private final int nhead;
    private final int dimFeedforward;
    private final double dropoutP;
    private final String activation;
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

    /** PyTorch's defaults: dimFeedforward 2048, dropout 0.1, relu, eps 1e-5, time-major, post-norm. */
    public TransformerEncoderLayer(int dModel, int nhead) {
        this(dModel, nhead, 2048, 0.1, "relu", 1e-5, false, false, true, Init.defaultGenerator());
    }

    public TransformerEncoderLayer(int dModel, int nhead, int dimFeedforward, double dropout, String activation,
                                   boolean batchFirst, boolean normFirst) {
        this(dModel, nhead, dimFeedforward, dropout, activation, 1e-5, batchFirst, normFirst, true, Init.defaultGenerator());
    }

    /**
     * @param activation "relu" or "gelu"
     * @param bias       biases in the linear layers, attention and layer norms
     * @param gen        draws the weights; splits of it drive the dropouts
     */
    public TransformerEncoderLayer(int dModel, int nhead, int dimFeedforward, double dropout, String activation,
                                   double layerNormEps, boolean batchFirst, boolean normFirst, boolean bias,
                                   Generator gen) {
        if (!"relu".equals(activation) && !"gelu".equals(activation)) {
            throw new IllegalArgumentException("TransformerEncoderLayer: activation should be relu/gelu, not '"
                    + activation + "'");
        }
        if (dimFeedforward <= 0) {
            throw new IllegalArgumentException("TransformerEncoderLayer: dimFeedforward must be positive, got " + dimFeedforward);
        }
        this.dModel = dModel;
        this.nhead = nhead;
        this.dimFeedforward = dimFeedforward;
        this.dropoutP = dropout;
        this.activation = activation;
        this.layerNormEps = layerNormEps;
        this.batchFirst = batchFirst;
        this.normFirst = normFirst;
        this.bias = bias;
        this.selfAttn = registerModule("self_attn",
                new MultiheadAttention(dModel, nhead, dropout, bias, batchFirst, null, null, gen));
        this.linear1 = registerModule("linear1", new Linear(dModel, dimFeedforward, bias, gen));
        this.dropout = registerModule("dropout", new Dropout(dropout, gen.split()));
        this.linear2 = registerModule("linear2", new Linear(dimFeedforward, dModel, bias, gen));
        this.norm1 = registerModule("norm1", new LayerNorm(new int[] {dModel}, layerNormEps, true, bias));
        this.norm2 = registerModule("norm2", new LayerNorm(new int[] {dModel}, layerNormEps, true, bias));
        this.dropout1 = registerModule("dropout1", new Dropout(dropout, gen.split()));
        this.dropout2 = registerModule("dropout2", new Dropout(dropout, gen.split()));
    }

    /** A layer of the same configuration holding copies of this one's weights (new dropout streams from gen). */
    public TransformerEncoderLayer copy(Generator gen) {
        TransformerEncoderLayer c = new TransformerEncoderLayer(dModel, nhead, dimFeedforward, dropoutP, activation,
                layerNormEps, batchFirst, normFirst, bias, gen);
        c.to(parameters().getFirst().dtype());
        c.loadStateDict(stateDict());
        c.train(isTraining());
        return c;
    }

    public int dModel() { return dModel; }
    public int nhead() { return nhead; }
    public boolean batchFirst() { return batchFirst; }
    public boolean normFirst() { return normFirst; }
    public MultiheadAttention selfAttn() { return selfAttn; }

    /** src: (B, T, E) batch-first, (T, B, E) time-major, or (T, E) unbatched; no masks. */
    @Override
    public Tensor forward(Tensor src) {
        return forward(src, null, null, false);
    }

    /**
     * @param srcMask              (T, T) or (B*H, T, T): BOOL true = not allowed, or float added; or null
     * @param srcKeyPaddingMask    (B, T) ((T) unbatched): BOOL true = padding, or float added; or null
     * @param isCausal             also apply the causal mask (combined with srcMask if both are given)
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
        h = "relu".equals(activation) ? h.relu() : h.gelu();
        return dropout2.forward(linear2.forward(dropout.forward(h)));
    }

    @Override
    protected String extraRepr() {
        return "dModel=" + dModel + ", nhead=" + nhead + ", dimFeedforward=" + dimFeedforward
                + ", activation=" + activation + (normFirst ? ", normFirst=true" : "");
    }
}
