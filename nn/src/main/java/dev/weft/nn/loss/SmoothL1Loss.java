package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import java.util.Objects;

/** Quadratic below beta, linear above: 0.5 d^2 / beta or |d| - 0.5 beta. Module form of {@link Losses#smoothL1Loss}. */
public final class SmoothL1Loss extends Module {
    private final Reduction reduction;
    private final double beta;

    public SmoothL1Loss() {
        this(Reduction.MEAN, 1.0);
    }

    public SmoothL1Loss(Reduction reduction) {
        this(reduction, 1.0);
    }

    /** @param beta threshold between the quadratic and linear parts (>= 0) */
    public SmoothL1Loss(Reduction reduction, double beta) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
        this.beta = beta;
    }

    public double beta() {
        return beta;
    }

    public Reduction reduction() {
        return reduction;
    }

    /** The loss of {@code input} against {@code target} (same shape); neither is modified. */
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.smoothL1Loss(input, target, reduction, beta);
    }

    @Override
    protected String extraRepr() {
        return "reduction=" + reduction + ", beta=" + beta;
    }
}
