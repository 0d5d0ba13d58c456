package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import java.util.Objects;

/**
 * Negative log-likelihood of log-probabilities at class indices; module form of
 * {@link Losses#nllLoss(Tensor, Tensor, Tensor, int, Reduction)}. Class weights are the buffer "weight".
 */
public final class NLLLoss extends Module {
    private final int ignoreIndex;
    private final Reduction reduction;

    public NLLLoss() {
        this(null, Losses.IGNORE_INDEX, Reduction.MEAN);
    }

    public NLLLoss(Reduction reduction) {
        this(null, Losses.IGNORE_INDEX, reduction);
    }

    /** @param weight per-class weights (C), or null */
    public NLLLoss(Tensor weight, int ignoreIndex, Reduction reduction) {
        registerBuffer("weight", weight);
        this.ignoreIndex = ignoreIndex;
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    public int ignoreIndex() {
        return ignoreIndex;
    }

    public Reduction reduction() {
        return reduction;
    }

    // input: (N, C) / (N, C, d1..) / (C) log-probabilities; target: (N) / (N, d1..) / () class indices
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.nllLoss(input, target, buffer("weight"), ignoreIndex, reduction);
    }

    @Override
    protected String extraRepr() {
        return "ignoreIndex=" + ignoreIndex + ", reduction=" + reduction;
    }
}
