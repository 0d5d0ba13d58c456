package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import java.util.Objects;

/** Mean squared error (x - y)^2. Module form of {@link Losses#mseLoss}. */
public final class MSELoss extends Module {
    private final Reduction reduction;

    /** Reduction MEAN. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    /**
     * A loss with the given reduction.
     *
     * @param reduction how the per-element losses are combined, not null
     */
    public MSELoss(Reduction reduction) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
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
        return Losses.mseLoss(input, target, reduction);
    }

    @Override
    protected String extraRepr() {
        return "reduction=" + reduction;
    }
}
