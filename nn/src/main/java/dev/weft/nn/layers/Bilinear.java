package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * y[k] = x1^T W[k] x2 + b[k]: x1 (..., in1), x2 (..., in2) -> (..., out). weight (out, in1, in2) and
 * bias (out,) ~ U(-1/sqrt(in1), 1/sqrt(in1)) as PyTorch. Takes two inputs: use {@link #forward(Tensor, Tensor)}.
 */
public class Bilinear extends Module {
    public final int in1Features, in2Features, outFeatures;

    public Bilinear(int in1Features, int in2Features, int outFeatures) {
        this(in1Features, in2Features, outFeatures, true, Init.defaultGenerator());
    }

    public Bilinear(int in1Features, int in2Features, int outFeatures, boolean bias, Generator g) {
        this.in1Features = in1Features;
        this.in2Features = in2Features;
        this.outFeatures = outFeatures;
        registerParameter("weight", Tensor.empty(outFeatures, in1Features, in2Features));
        registerParameter("bias", bias ? Tensor.empty(outFeatures) : null);
        resetParameters(g);
    }

    public void resetParameters(Generator g) {
        double bound = 1 / Math.sqrt(in1Features);
        Init.uniform(param("weight"), -bound, bound, g);
        if (param("bias") != null) Init.uniform(param("bias"), -bound, bound, g);
    }

    public Tensor forward(Tensor x1, Tensor x2) {
        return F.bilinear(x1, x2, param("weight"), param("bias"));
    }

    @Override
    protected String extraRepr() {
        return "in1=" + in1Features + ", in2=" + in2Features + ", out=" + outFeatures + ", bias=" + (param("bias") != null);
    }

    /** The weight parameter: (out_features, in1_features, in2_features). */
    public Tensor weight() { return param("weight"); }

    /** The bias parameter: (out_features,), or null when built without bias. */
    public Tensor bias() { return param("bias"); }
}
