package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import java.util.Objects;

/** Huber loss: 0.5 d^2 below delta, delta (|d| - 0.5 delta) above. Module form of {@link Losses#huberLoss}. */
public final class HuberLoss extends Module {
    private final Reduction reduction;
    private final double delta;

    /** Reduction MEAN, delta 1. */
    public HuberLoss() {
        this(Reduction.MEAN, 1.0);
    }

    /**
     * The given reduction, delta 1.
     *
     * @param reduction how the per-element losses are combined, not null
     */
    public HuberLoss(Reduction reduction) {
        this(reduction, 1.0);
    }

    /**
     * A loss with the given reduction and delta.
     *
     * @param reduction how the per-element losses are combined, not null
     * @param delta threshold between the quadratic and linear parts (> 0)
     * @throws NullPointerException if reduction is null
     */
    public HuberLoss(Reduction reduction, double delta) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
        this.delta = delta;
    }

    /** {@return the threshold between the quadratic and linear parts} */
    public double delta() {
        return delta;
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
        return Losses.huberLoss(input, target, reduction, delta);
    }

    @Override
    protected String extraRepr() {
        return "reduction=" + reduction + ", delta=" + delta;
    }
}
