package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import java.util.Objects;

/** Mean absolute error |x - y|. Module form of {@link Losses#l1Loss}. */
public final class L1Loss extends Module {
    private final Reduction reduction;

    /** Reduction MEAN. */
    public L1Loss() {
        this(Reduction.MEAN);
    }

    /**
     * A loss with the given reduction.
     *
     * @param reduction how the per-element losses are combined, not null
     */
    public L1Loss(Reduction reduction) {
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
        return Losses.l1Loss(input, target, reduction);
    }

    @Override
    protected String extraRepr() {
        return "reduction=" + reduction;
    }
}
