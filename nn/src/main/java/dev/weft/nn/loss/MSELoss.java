package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import java.util.Objects;

/** Mean squared error (x - y)^2. Module form of {@link Losses#mseLoss}. */
public final class MSELoss extends Module {
    private final Reduction reduction;

    public MSELoss() {
        this(Reduction.MEAN);
    }

    public MSELoss(Reduction reduction) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    public Reduction reduction() {
        return reduction;
    }

    /** The loss of {@code input} against {@code target} (same shape); neither is modified. */
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.mseLoss(input, target, reduction);
    }

    @Override
    protected String extraRepr() {
        return "reduction=" + reduction;
    }
}
