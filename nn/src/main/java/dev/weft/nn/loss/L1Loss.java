package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import java.util.Objects;

/** Mean absolute error |x - y|. Module form of {@link Losses#l1Loss}. */
public final class L1Loss extends Module {
    private final Reduction reduction;

    public L1Loss() {
        this(Reduction.MEAN);
    }

    public L1Loss(Reduction reduction) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    public Reduction reduction() {
        return reduction;
    }

    /** The loss of {@code input} against {@code target} (same shape); neither is modified. */
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.l1Loss(input, target, reduction);
    }

    @Override
    protected String extraRepr() {
        return "reduction=" + reduction;
    }
}
