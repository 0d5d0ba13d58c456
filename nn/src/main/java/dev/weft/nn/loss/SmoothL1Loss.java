package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import java.util.Objects;

/** Quadratic below beta, linear above: 0.5 d^2 / beta or |d| - 0.5 beta. Module form of {@link Losses#smoothL1Loss}. */
public final class SmoothL1Loss extends Module {
    private final Reduction reduction;
    private final double beta;

    /** Reduction MEAN, beta 1. */
    public SmoothL1Loss() {
        this(Reduction.MEAN, 1.0);
    }

    /**
     * The given reduction, beta 1.
     *
     * @param reduction how the per-element losses are combined, not null
     */
    public SmoothL1Loss(Reduction reduction) {
        this(reduction, 1.0);
    }

    /**
     * A loss with the given reduction and beta.
     *
     * @param reduction how the per-element losses are combined, not null
     * @param beta threshold between the quadratic and linear parts (>= 0)
     * @throws NullPointerException if reduction is null
     */
    public SmoothL1Loss(Reduction reduction, double beta) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
        this.beta = beta;
    }

    /** {@return the threshold between the quadratic and linear parts} */
    public double beta() {
        return beta;
    }

    /** {@return how the per-element losses are combined} */
    public Reduction reduction() {
        return reduction;
    }

    /**
     * The loss of {@code input} against {@code target} (same shape); neither is modified.
     *
     * @param input  the prediction
     * @param target the target, input's shape
     * @return the loss: a scalar, or input's shape with reduction NONE
     */
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.smoothL1Loss(input, target, reduction, beta);
    }

    @Override
    protected String extraRepr() {
        return "reduction=" + reduction + ", beta=" + beta;
    }
}
