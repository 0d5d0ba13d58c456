package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import java.util.Objects;

/** Huber loss: 0.5 d^2 below delta, delta (|d| - 0.5 delta) above. Module form of {@link Losses#huberLoss}. */
public final class HuberLoss extends Module {
    private final Reduction reduction;
    private final double delta;

    public HuberLoss() {
        this(Reduction.MEAN, 1.0);
    }

    public HuberLoss(Reduction reduction) {
        this(reduction, 1.0);
    }

    /** @param delta threshold between the quadratic and linear parts (> 0) */
    public HuberLoss(Reduction reduction, double delta) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
        this.delta = delta;
    }

    public double delta() {
        return delta;
    }

    public Reduction reduction() {
        return reduction;
    }

    /** The loss of {@code input} against {@code target} (same shape); neither is modified. */
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.huberLoss(input, target, reduction, delta);
    }

    @Override
    protected String extraRepr() {
        return "reduction=" + reduction + ", delta=" + delta;
    }
}
