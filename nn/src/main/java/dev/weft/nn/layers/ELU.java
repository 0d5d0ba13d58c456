package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;

/** x if x > 0 else alpha (exp(x) - 1) (default alpha 1). Elementwise. */
public class ELU extends Module {
    /** The scale of the negative part. */
    public final double alpha;

    /** alpha 1. */
    public ELU() {
        this(1.0);
    }

    /**
     * An ELU with the given alpha.
     *
     * @param alpha the scale of the negative part
     */
    public ELU(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.elu(input, alpha);
    }

    @Override
    protected String extraRepr() {
        return "alpha=" + Repr.num(alpha);
    }
}
