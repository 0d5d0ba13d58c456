package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;

/** log(1 + exp(beta x)) / beta, x itself where beta x > threshold (defaults beta 1, threshold 20). Elementwise. */
public class Softplus extends Module {
    /** The sharpness beta. */
    public final double beta;
    /** Above this beta x the output is x itself. */
    public final double threshold;

    /** beta 1, threshold 20. */
    public Softplus() {
        this(1, 20);
    }

    /**
     * A softplus with the given beta and threshold.
     *
     * @param beta      the sharpness
     * @param threshold above this beta x the output is x itself
     */
    public Softplus(double beta, double threshold) {
        this.beta = beta;
        this.threshold = threshold;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.softplus(input, beta, threshold);
    }

    @Override
    protected String extraRepr() {
        return "beta=" + Repr.num(beta) + ", threshold=" + Repr.num(threshold);
    }
}
