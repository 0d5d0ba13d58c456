package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.tensor.Tensor;

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
        this(options());
    }

    public CrossEntropyLoss(Reduction reduction) {
        this(options().reduction(reduction));
    }

    /** {@code new CrossEntropyLoss(CrossEntropyLoss.options().weight(w).labelSmoothing(0.1))}. */
    public CrossEntropyLoss(Options options) {
        registerBuffer("weight", options.weight);
        this.ignoreIndex = options.ignoreIndex;
        this.reduction = options.reduction;
        double s = options.labelSmoothing;
        if (!(s >= 0 && s <= 1)) {
            throw new IllegalArgumentException("CrossEntropyLoss: labelSmoothing must be between 0.0 and 1.0, got " + s);
        }
        this.labelSmoothing = s;
    }

    /** Options with PyTorch's defaults: no class weights, ignoreIndex -100, reduction MEAN, labelSmoothing 0. */
    public static Options options() {
        return new Options();
    }

    /** CrossEntropyLoss's options. */
    public static final class Options {
        private Tensor weight;
        private int ignoreIndex = Losses.IGNORE_INDEX;
        private Reduction reduction = Reduction.MEAN;
        private double labelSmoothing;

        private Options() {}

        /** Per-class weights (C) (kept as the buffer "weight"). */
        public Options weight(Tensor weight) {
            this.weight = OptionChecks.nonNull("CrossEntropyLoss", "weight", weight);
            return this;
        }

        /** A class index whose positions contribute nothing (index targets only). */
        public Options ignoreIndex(int ignoreIndex) {
            this.ignoreIndex = ignoreIndex;
            return this;
        }

        public Options reduction(Reduction reduction) {
            this.reduction = OptionChecks.nonNull("CrossEntropyLoss", "reduction", reduction);
            return this;
        }

        /** s in [0, 1]: the target becomes (1 - s) y + s / C. */
        public Options labelSmoothing(double labelSmoothing) {
            this.labelSmoothing = labelSmoothing;
            return this;
        }
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
