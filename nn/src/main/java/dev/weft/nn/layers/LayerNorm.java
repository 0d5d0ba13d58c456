package dev.weft.nn.layers;

import dev.weft.nn.Module;
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
    public final double eps;
    public final boolean elementwiseAffine;

    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, 1e-5, true, true);
    }

    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
        this(normalizedShape, eps, elementwiseAffine, true);
    }

    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine, boolean bias) {
        if (normalizedShape.length == 0) throw new IllegalArgumentException("LayerNorm: normalizedShape must not be empty");
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.elementwiseAffine = elementwiseAffine;
        registerParameter("weight", elementwiseAffine ? Tensor.empty(normalizedShape) : null);
        registerParameter("bias", elementwiseAffine && bias ? Tensor.empty(normalizedShape) : null);
        resetParameters();
    }

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

    /** The weight parameter: normalized_shape, or null without an elementwise affine. */
    public Tensor weight() { return param("weight"); }

    /** The bias parameter: normalized_shape, or null without an elementwise affine or bias. */
    public Tensor bias() { return param("bias"); }
}
