package dev.weft.graph.nn;

import dev.weft.nn.OptionChecks;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * The options GATConv and GATv2Conv share, with PyG's defaults: heads 1, concat true, negative_slope 0.2,
 * dropout 0 (on the attention coefficients), add_self_loops true, bias true.
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

    public O heads(int v) { heads = OptionChecks.atLeast(layer, "heads", v, 1); return self(); }
    public O concat(boolean v) { concat = v; return self(); }
    public O negativeSlope(double v) { negativeSlope = OptionChecks.nonNegative(layer, "negative_slope", v); return self(); }
    public O dropout(double v) { dropout = OptionChecks.probability(layer, "dropout", v); return self(); }
    public O addSelfLoops(boolean v) { addSelfLoops = v; return self(); }
    public O bias(boolean v) { bias = v; return self(); }
    public O generator(Generator g) { generator = g; return self(); }

    /** The bias parameter's initial value: zeros of the output width (heads * out concatenated, else out), or null. */
    Tensor initialBias() {
        return bias ? Tensor.zeros(concat ? heads * out : out) : null;
    }
}
