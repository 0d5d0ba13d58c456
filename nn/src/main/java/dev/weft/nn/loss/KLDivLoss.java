package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import java.util.Objects;

/**
 * KL divergence of log-probabilities against a target distribution; module form of
 * {@link Losses#klDiv(Tensor, Tensor, Reduction, boolean)}. Use Reduction.BATCHMEAN for the true KL per sample.
 */
public final class KLDivLoss extends Module {
    private final Reduction reduction;
    private final boolean logTarget;

    /** Reduction MEAN, probability targets. */
    public KLDivLoss() {
        this(Reduction.MEAN, false);
    }

    /**
     * The given reduction, probability targets.
     *
     * @param reduction how the per-element losses are combined, not null
     */
    public KLDivLoss(Reduction reduction) {
        this(reduction, false);
    }

    /**
     * A loss with the given reduction and target form.
     *
     * @param reduction how the per-element losses are combined, not null
     * @param logTarget the target holds log-probabilities
     * @throws NullPointerException if reduction is null
     */
    public KLDivLoss(Reduction reduction, boolean logTarget) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
        this.logTarget = logTarget;
    }

    /** {@return how the per-element losses are combined} */
    public Reduction reduction() {
        return reduction;
    }

    /** {@return whether the target holds log-probabilities} */
    public boolean logTarget() {
        return logTarget;
    }

    /**
     * The divergence of log-probabilities {@code input} against {@code target}.
     *
     * @param input  log-probabilities
     * @param target probabilities (log-probabilities when logTarget), input's shape
     * @return the loss: a scalar, or input's shape with reduction NONE
     */
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.klDiv(input, target, reduction, logTarget);
    }

    @Override
    protected String extraRepr() {
        return "reduction=" + reduction + ", logTarget=" + logTarget;
    }
}
