package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Tensor;

import java.util.OptionalDouble;

/**
 * RMS norm (Zhang and Sennrich 2019) over the trailing dims normalizedShape:
 * y = x / sqrt(mean(x^2) + eps) * weight (weight ones when elementwiseAffine). eps unset means the
 * input dtype's machine epsilon (PyTorch's eps=None).
 */
public class RMSNorm extends Module {
    private final int[] normalizedShape;
    /** NaN: the input dtype's machine epsilon (PyTorch's eps=None). */
    private final double eps;
    /** Whether there is a learnable weight of normalizedShape. */
    public final boolean elementwiseAffine;

    /**
     * eps unset (the input dtype's machine epsilon), with a weight.
     *
     * @param normalizedShape the trailing dims to normalize over
     */
    public RMSNorm(int... normalizedShape) {
        this(options(normalizedShape));
    }

    /**
     * {@code new RMSNorm(RMSNorm.options(512).eps(1e-6))}.
     *
     * @param options normalizedShape, eps and elementwiseAffine
     * @throws IllegalArgumentException if normalizedShape is empty or has an entry below 1, or eps is negative
     */
    public RMSNorm(Options options) {
        int[] shape = options.normalizedShape;
        if (shape.length == 0) throw new IllegalArgumentException("RMSNorm: normalizedShape must not be empty");
        for (int d : shape) OptionChecks.atLeast("RMSNorm", "normalizedShape entries", d, 1);
        this.normalizedShape = shape.clone();
        this.eps = Double.isNaN(options.eps) ? Double.NaN : OptionChecks.nonNegative("RMSNorm", "eps", options.eps);
        this.elementwiseAffine = options.elementwiseAffine;
        registerParameter("weight", elementwiseAffine ? Tensor.empty(shape) : null);
        resetParameters();
    }

    /**
     * Options with PyTorch's defaults: eps unset (the input dtype's machine epsilon), elementwiseAffine true.
     *
     * @param normalizedShape the trailing dims to normalize over
     * @return new options
     */
    public static Options options(int... normalizedShape) {
        return new Options(normalizedShape);
    }

    /** RMSNorm's options. */
    public static final class Options {
        private final int[] normalizedShape;
        private double eps = Double.NaN;
        private boolean elementwiseAffine = true;

        private Options(int[] normalizedShape) {
            this.normalizedShape = normalizedShape.clone();
        }

        /**
         * Added to mean(x^2) for numerical stability (unset: the input dtype's machine epsilon).
         *
         * @param eps the offset, not NaN
         * @return these options
         * @throws IllegalArgumentException if eps is NaN
         */
        public Options eps(double eps) {
            if (Double.isNaN(eps)) throw new IllegalArgumentException("RMSNorm: eps must be >= 0, got NaN");
            this.eps = eps;
            return this;
        }

        /**
         * A learnable weight (ones) of normalizedShape.
         *
         * @param elementwiseAffine whether to have it (default true)
         * @return these options
         */
        public Options elementwiseAffine(boolean elementwiseAffine) {
            this.elementwiseAffine = elementwiseAffine;
            return this;
        }
    }

    /**
     * eps, or empty when it is the input dtype's machine epsilon.
     *
     * @return eps, or empty for the machine epsilon
     */
    public OptionalDouble eps() {
        return Double.isNaN(eps) ? OptionalDouble.empty() : OptionalDouble.of(eps);
    }

    /** {@return the trailing dims normalized over, a copy} */
    public int[] normalizedShape() {
        return normalizedShape.clone();
    }

    /** weight = 1. */
    public void resetParameters() {
        if (elementwiseAffine) Init.ones(param("weight"));
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor w = param("weight");
        return Double.isNaN(eps) ? F.rmsNorm(input, normalizedShape, w) : F.rmsNorm(input, normalizedShape, w, eps);
    }

    @Override
    protected String extraRepr() {
        return Repr.tuple(normalizedShape) + ", eps=" + (Double.isNaN(eps) ? "null" : Repr.num(eps)) + ", elementwiseAffine="
                + elementwiseAffine;
    }

    /** {@return the weight parameter: normalized_shape, or null without an elementwise affine} */
    public Tensor weight() { return param("weight"); }
}
