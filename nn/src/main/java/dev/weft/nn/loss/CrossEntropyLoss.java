package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import java.util.Objects;

/**
 * Cross-entropy of logits against class indices or class probabilities; module form of
 * {@link Losses#crossEntropy(Tensor, Tensor, Tensor, int, Reduction, double)}. The class weights are a
 * buffer named "weight" (absent when null).
 */
public final class CrossEntropyLoss extends Module {
    private final int ignoreIndex;
    private final Reduction reduction;
    private final double labelSmoothing;

    public CrossEntropyLoss() {
        this(null, Losses.IGNORE_INDEX, Reduction.MEAN, 0.0);
    }

    public CrossEntropyLoss(Reduction reduction) {
        this(null, Losses.IGNORE_INDEX, reduction, 0.0);
    }

    /**
     * @param weight per-class weights (C), or null
     * @param ignoreIndex class index whose positions contribute nothing (index targets only)
     * @param labelSmoothing in [0, 1]: the target becomes (1 - s) y + s / C
     */
    public CrossEntropyLoss(Tensor weight, int ignoreIndex, Reduction reduction, double labelSmoothing) {
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException("CrossEntropyLoss: labelSmoothing must be between 0.0 and 1.0, got " + labelSmoothing);
        }
        registerBuffer("weight", weight);
        this.ignoreIndex = ignoreIndex;
        this.reduction = Objects.requireNonNull(reduction, "reduction");
        this.labelSmoothing = labelSmoothing;
    }

    public int ignoreIndex() {
        return ignoreIndex;
    }

    public Reduction reduction() {
        return reduction;
    }

    public double labelSmoothing() {
        return labelSmoothing;
    }

    // input: (N, C) / (N, C, d1..) / (C); target: indices (N) / (N, d1..) / () or probabilities of input's shape
    /** The loss of logits {@code input} against {@code target}; neither is modified. */
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.crossEntropy(input, target, buffer("weight"), ignoreIndex, reduction, labelSmoothing);
    }

    @Override
    protected String extraRepr() {
        return "ignoreIndex=" + ignoreIndex + ", reduction=" + reduction + ", labelSmoothing=" + labelSmoothing;
    }
}
