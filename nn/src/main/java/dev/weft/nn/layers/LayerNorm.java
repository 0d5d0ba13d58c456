package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Tensor;

/**
 * Layer norm (Ba et al. 2016) over the trailing dims normalizedShape:
 * y = (x - E[x]) / sqrt(Var[x] + eps) * weight + bias (biased variance). weight ones and bias zeros of
 * normalizedShape when elementwiseAffine (bias omitted when bias = false).
 */
public class LayerNorm extends Module {
    private final int[] normalizedShape;
    /**
     * Added to the variance for numerical stability.
     */
    public final double eps;
    /**
     * Whether the layer has a learnable weight (and bias).
     */
    public final boolean elementwiseAffine;

    /**
     * A layer with PyTorch's defaults.
     *
     * @param normalizedShape the trailing dims to normalize over
     */
    public LayerNorm(int... normalizedShape) {
        this(options(normalizedShape));
    }

    /**
     * {@code new LayerNorm(LayerNorm.options(512).eps(1e-6).bias(false))}.
     *
     * @param options the shape and settings, checked here
     */
    public LayerNorm(Options options) {
        int[] shape = options.normalizedShape;
        if (shape.length == 0) throw new IllegalArgumentException("LayerNorm: normalizedShape must not be empty");
        for (int d : shape) OptionChecks.atLeast("LayerNorm", "normalizedShape entries", d, 1);
        this.normalizedShape = shape.clone();
        this.eps = OptionChecks.nonNegative("LayerNorm", "eps", options.eps);
        this.elementwiseAffine = options.elementwiseAffine;
        registerParameter("weight", elementwiseAffine ? Tensor.empty(shape) : null);
        registerParameter("bias", elementwiseAffine && options.bias ? Tensor.empty(shape) : null);
        resetParameters();
    }

    /**
     * Options with PyTorch's defaults: eps 1e-5, elementwiseAffine true, bias true.
     *
     * @param normalizedShape the trailing dims to normalize over
     * @return options to refine and pass to {@link #LayerNorm(Options)}
     */
    public static Options options(int... normalizedShape) {
        return new Options(normalizedShape);
    }

    /** LayerNorm's options. */
    public static final class Options {
        private final int[] normalizedShape;
        private double eps = 1e-5;
        private boolean elementwiseAffine = true, bias = true;

        private Options(int[] normalizedShape) {
            this.normalizedShape = normalizedShape.clone();
        }

        /**
         * Added to the variance for numerical stability.
         *
         * @param eps default 1e-5
         * @return these options
         */
        public Options eps(double eps) {
            this.eps = eps;
            return this;
        }

        /**
         * Learnable weight (ones) and bias (zeros) of normalizedShape.
         *
         * @param elementwiseAffine default true
         * @return these options
         */
        public Options elementwiseAffine(boolean elementwiseAffine) {
            this.elementwiseAffine = elementwiseAffine;
            return this;
        }

        /**
         * The additive bias of the affine (only with elementwiseAffine).
         *
         * @param bias default true
         * @return these options
         */
        public Options bias(boolean bias) {
            this.bias = bias;
            return this;
        }
    }

    /**
     * {@return the trailing dims normalized over (a copy)}
     */
    public int[] normalizedShape() {
        return normalizedShape.clone();
    }

    /** weight = 1, bias = 0. */
    public void resetParameters() {
        if (param("weight") != null) Init.ones(param("weight"));
        if (param("bias") != null) Init.zeros(param("bias"));
    }

    // x: (..., *normalizedShape) -> same shape
    @Override
    public Tensor forward(Tensor input) {
        return F.layerNorm(input, normalizedShape, param("weight"), param("bias"), eps);
    }

    @Override
    protected String extraRepr() {
        return Repr.tuple(normalizedShape) + ", eps=" + Repr.num(eps) + ", elementwiseAffine=" + elementwiseAffine;
    }

    /** {@return the weight parameter: normalized_shape, or null without an elementwise affine} */
    public Tensor weight() { return param("weight"); }

    /** {@return the bias parameter: normalized_shape, or null without an elementwise affine or bias} */
    public Tensor bias() { return param("bias"); }
}
