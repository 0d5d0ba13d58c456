package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Tensor;

/**
 * RMS norm (Zhang and Sennrich 2019) over the trailing dims normalizedShape:
 * y = x / sqrt(mean(x^2) + eps) * weight (weight ones when elementwiseAffine). eps null means the
 * input dtype's machine epsilon.
 */
public class RMSNorm extends Module {
    private final int[] normalizedShape;
    public final Double eps;
    public final boolean elementwiseAffine;

    public RMSNorm(int... normalizedShape) {
        this(normalizedShape, null, true);
    }

    public RMSNorm(int[] normalizedShape, Double eps, boolean elementwiseAffine) {
        if (normalizedShape.length == 0) throw new IllegalArgumentException("RMSNorm: normalizedShape must not be empty");
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.elementwiseAffine = elementwiseAffine;
        registerParameter("weight", elementwiseAffine ? Tensor.empty(normalizedShape) : null);
        resetParameters();
    }

    public int[] normalizedShape() {
        return normalizedShape.clone();
    }

    /** weight = 1. */
    public void resetParameters() {
        if (elementwiseAffine) Init.ones(param("weight"));
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.rmsNorm(input, normalizedShape, param("weight"), eps);
    }

    @Override
    protected String extraRepr() {
        return Repr.tuple(normalizedShape) + ", eps=" + (eps == null ? "null" : Repr.num(eps)) + ", elementwiseAffine="
                + elementwiseAffine;
    }

    /** The weight parameter: normalized_shape, or null without an elementwise affine. */
    public Tensor weight() { return param("weight"); }
}
