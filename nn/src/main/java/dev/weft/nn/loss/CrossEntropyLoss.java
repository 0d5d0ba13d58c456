package dev.weft.nn.loss;

import dev.weft.tensor.Tensor;

/**
 * Cross-entropy of logits against class indices or class probabilities; module form of
 * {@link Losses#crossEntropy(Tensor, Tensor, Tensor, int, Reduction, double)}. The class weights are a
 * buffer named "weight" (absent when null).
 */
public final class CrossEntropyLoss extends ClassWeightedLoss {
    private final double labelSmoothing;

    /** No class weights, ignoreIndex -100, reduction MEAN, no label smoothing. */
    public CrossEntropyLoss() {
        this(options());
    }

    /**
     * The given reduction, otherwise the defaults.
     *
     * @param reduction how the per-element losses are combined, not null
     */
    public CrossEntropyLoss(Reduction reduction) {
        this(options().reduction(reduction));
    }

    /**
     * {@code new CrossEntropyLoss(CrossEntropyLoss.options().weight(w).labelSmoothing(0.1))}.
     *
     * @param options weight, ignoreIndex, reduction and labelSmoothing
     * @throws IllegalArgumentException if labelSmoothing is outside [0, 1]
     */
    public CrossEntropyLoss(Options options) {
        super(options);
        double s = options.labelSmoothing;
        if (!(s >= 0 && s <= 1)) {
            throw new IllegalArgumentException("CrossEntropyLoss: labelSmoothing must be between 0.0 and 1.0, got " + s);
        }
        this.labelSmoothing = s;
    }

    /**
     * Options with PyTorch's defaults: no class weights, ignoreIndex -100, reduction MEAN, labelSmoothing 0.
     *
     * @return new options
     */
    public static Options options() {
        return new Options();
    }

    /** CrossEntropyLoss's options: {@link ClassWeightedLoss.Options} (weight, ignoreIndex, reduction) and labelSmoothing. */
    public static final class Options extends ClassWeightedLoss.Options<Options> {
        private double labelSmoothing;

        private Options() {
            super("CrossEntropyLoss");
        }

        /**
         * s in [0, 1]: the target becomes (1 - s) y + s / C.
         *
         * @param labelSmoothing s (default 0)
         * @return these options
         */
        public Options labelSmoothing(double labelSmoothing) {
            this.labelSmoothing = labelSmoothing;
            return this;
        }
    }

    /** {@return the label smoothing s} */
    public double labelSmoothing() {
        return labelSmoothing;
    }

    // input: (N, C) / (N, C, d1..) / (C); target: indices (N) / (N, d1..) / () or probabilities of input's shape
    /**
     * The loss of logits {@code input} against {@code target}; neither is modified.
     *
     * @param input  logits (N, C), (N, C, d1, ...) or (C)
     * @param target class indices (N), (N, d1, ...) or (), or class probabilities of input's shape
     * @return the loss: a scalar, or the per-position losses with reduction NONE
     */
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.crossEntropy(input, target, buffer("weight"), ignoreIndex(), reduction(), labelSmoothing);
    }

    @Override
    protected String extraRepr() {
        return super.extraRepr() + ", labelSmoothing=" + labelSmoothing;
    }
}
