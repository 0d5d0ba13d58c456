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

    public KLDivLoss() {
        this(Reduction.MEAN, false);
    }

    public KLDivLoss(Reduction reduction) {
        this(reduction, false);
    }

    /** @param logTarget the target holds log-probabilities */
    public KLDivLoss(Reduction reduction, boolean logTarget) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
        this.logTarget = logTarget;
    }

    public Reduction reduction() {
        return reduction;
    }

    public boolean logTarget() {
        return logTarget;
    }

    public Tensor forward(Tensor input, Tensor target) {
        return Losses.klDiv(input, target, reduction, logTarget);
    }

    @Override
    protected String extraRepr() {
        return "reduction=" + reduction + ", logTarget=" + logTarget;
    }
}
