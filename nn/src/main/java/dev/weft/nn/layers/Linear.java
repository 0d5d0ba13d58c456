package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

/**
 * y = x W^T + b. Parameters weight (outFeatures, inFeatures) and bias (outFeatures,) (absent when
 * bias = false), initialized as PyTorch: W ~ kaiming_uniform(a = sqrt(5)) = U(-1/sqrt(in), 1/sqrt(in)),
 * b ~ U(-1/sqrt(in), 1/sqrt(in)). Input (..., inFeatures) to output (..., outFeatures); an input whose last
 * dimension is not inFeatures, or whose dtype differs from the parameters', is an IllegalArgumentException.
 *
 * <pre>{@code
 * Linear fc = new Linear(20, 30, true, new Generator(0));
 * Tensor y = fc.forward(Tensor.randn(new Generator(1), 128, 20));   // (128, 30)
 * }</pre>
 */
public class Linear extends Module {
    /** Size of each input sample (the last input dimension). */
    public final int inFeatures;
    /** Size of each output sample (the last output dimension). */
    public final int outFeatures;

    /**
     * A layer with bias, weights drawn from {@link Init#defaultGenerator()}.
     *
     * @param inFeatures size of each input sample, at least 0
     * @param outFeatures size of each output sample, at least 0
     */
    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true, Init.defaultGenerator());
    }

    /**
     * Weights drawn from {@link Init#defaultGenerator()}.
     *
     * @param inFeatures size of each input sample, at least 0
     * @param outFeatures size of each output sample, at least 0
     * @param bias whether to learn the additive bias b
     */
    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this(inFeatures, outFeatures, bias, Init.defaultGenerator());
    }

    /**
     * Weights drawn from {@code g}.
     *
     * @param inFeatures size of each input sample, at least 0
     * @param outFeatures size of each output sample, at least 0
     * @param bias whether to learn the additive bias b
     * @param g the generator the initial weights are drawn from
     * @throws IllegalArgumentException if a size is negative
     */
    public Linear(int inFeatures, int outFeatures, boolean bias, Generator g) {
        if (inFeatures < 0 || outFeatures < 0) {
            throw new IllegalArgumentException("Linear: sizes must be >= 0, got in=" + inFeatures + ", out=" + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        registerParameter("weight", Tensor.empty(outFeatures, inFeatures));
        registerParameter("bias", bias ? Tensor.empty(outFeatures) : null);
        resetParameters(g);
    }

    /**
     * Re-draws the weights as the constructor does.
     *
     * @param g the generator the new weights are drawn from
     */
    public void resetParameters(Generator g) {
        Init.kaimingUniform(param("weight"), Math.sqrt(5), Init.FanMode.FAN_IN, Init.Nonlinearity.LEAKY_RELU, g);
        Tensor b = param("bias");
        if (b != null) {
            double bound = inFeatures > 0 ? 1 / Math.sqrt(inFeatures) : 0;
            Init.uniform(b, -bound, bound, g);
        }
    }

    // x: (..., inFeatures) -> (..., outFeatures)
    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() < 1 || input.size(-1) != inFeatures) {
            throw new IllegalArgumentException(this + ": input " + Shape.format(input.shape()) + ": last dim "
                    + (input.dim() < 1 ? "(none)" : String.valueOf(input.size(-1))) + " != in " + inFeatures);
        }
        Tensor w = param("weight");
        if (input.dtype() != w.dtype()) {
            throw new IllegalArgumentException(this + ": input " + input.dtype() + " " + Shape.format(input.shape()) + ", parameters "
                    + w.dtype() + ": convert the input (input.to(DType." + w.dtype().name() + ")) or the layer (layer.to(DType."
                    + input.dtype().name() + "))");
        }
        return F.linear(input, w, param("bias"));
    }

    @Override
    protected String extraRepr() {
        return "in=" + inFeatures + ", out=" + outFeatures + ", bias=" + (param("bias") != null);
    }

    /**
     * The weight parameter.
     *
     * @return W, (out_features, in_features)
     */
    public Tensor weight() { return param("weight"); }

    /**
     * The bias parameter.
     *
     * @return b, (out_features,), or null when built without bias
     */
    public Tensor bias() { return param("bias"); }
}
