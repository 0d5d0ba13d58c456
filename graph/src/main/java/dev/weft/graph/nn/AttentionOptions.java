package dev.weft.graph.nn;

import dev.weft.nn.OptionChecks;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * The options GATConv and GATv2Conv share, with PyG's defaults: heads 1, concat true, negative_slope 0.2,
 * dropout 0 (on the attention coefficients), add_self_loops true, bias true.
 *
 * @param <O> the concrete options type, returned by each setter
 */
public abstract class AttentionOptions<O extends AttentionOptions<O>> {
    final String layer;
    final int in, out;
    int heads = 1;
    boolean concat = true, addSelfLoops = true, bias = true;
    double negativeSlope = 0.2, dropout;
    Generator generator;

    AttentionOptions(String layer, int in, int out) {
        this.layer = layer;
        this.in = OptionChecks.atLeast(layer, "in_channels", in, 1);
        this.out = OptionChecks.atLeast(layer, "out_channels", out, 1);
    }

    @SuppressWarnings("unchecked")
    private O self() {
        return (O) this;
    }

    /**
     * The number of attention heads (default 1).
     *
     * @param v the heads, at least 1
     * @return these options
     */
    public O heads(int v) { heads = OptionChecks.atLeast(layer, "heads", v, 1); return self(); }
    /**
     * Whether the heads' outputs are concatenated (heads * out) rather than averaged (out); default true.
     *
     * @param v whether to concatenate
     * @return these options
     */
    public O concat(boolean v) { concat = v; return self(); }
    /**
     * The LeakyReLU slope of the attention scores (default 0.2).
     *
     * @param v the slope, at least 0
     * @return these options
     */
    public O negativeSlope(double v) { negativeSlope = OptionChecks.nonNegative(layer, "negative_slope", v); return self(); }
    /**
     * The dropout probability on the attention coefficients (default 0).
     *
     * @param v the probability in [0, 1]
     * @return these options
     */
    public O dropout(double v) { dropout = OptionChecks.probability(layer, "dropout", v); return self(); }
    /**
     * Whether self loops are added to the edges (default true).
     *
     * @param v whether to add self loops
     * @return these options
     */
    public O addSelfLoops(boolean v) { addSelfLoops = v; return self(); }
    /**
     * Whether to add a learnable bias, zeros (default true).
     *
     * @param v whether to add the bias
     * @return these options
     */
    public O bias(boolean v) { bias = v; return self(); }
    /**
     * The generator for the weight initialization (default the shared default generator).
     *
     * @param g the generator
     * @return these options
     */
    public O generator(Generator g) { generator = g; return self(); }

    /** The bias parameter's initial value: zeros of the output width (heads * out concatenated, else out), or null. */
    Tensor initialBias() {
        return bias ? Tensor.zeros(concat ? heads * out : out) : null;
    }
}
