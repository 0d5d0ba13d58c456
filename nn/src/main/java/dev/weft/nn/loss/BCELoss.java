package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.tensor.Tensor;

/**
 * Binary cross-entropy of probabilities in [0, 1]; module form of
 * {@link Losses#binaryCrossEntropy(Tensor, Tensor, Tensor, Reduction)}. Element weights are the buffer "weight".
 */
public final class BCELoss extends Module {
    private final Reduction reduction;

    /** No weights, reduction MEAN. */
    public BCELoss() {
        this(options());
    }

    /**
     * No weights, the given reduction.
     *
     * @param reduction how the per-element losses are combined, not null
     */
    public BCELoss(Reduction reduction) {
        this(options().reduction(reduction));
    }

    /**
     * {@code new BCELoss(BCELoss.options().weight(w).reduction(Reduction.SUM))}.
     *
     * @param options the weights and reduction
     */
    public BCELoss(Options options) {
        registerBuffer("weight", options.weight);
        this.reduction = options.reduction;
    }

    /**
     * Options with PyTorch's defaults: no weights, reduction MEAN.
     *
     * @return new options
     */
    public static Options options() {
        return new Options();
    }

    /** BCELoss's options. */
    public static final class Options {
        private Tensor weight;
        private Reduction reduction = Reduction.MEAN;

        private Options() {}

        /**
         * Rescales each element (broadcast to the input; kept as the buffer "weight").
         *
         * @param weight the element weights, not null
         * @return these options
         */
        public Options weight(Tensor weight) {
            this.weight = OptionChecks.nonNull("BCELoss", "weight", weight);
            return this;
        }

        /**
         * How the per-element losses are combined.
         *
         * @param reduction the reduction (default MEAN), not null
         * @return these options
         */
        public Options reduction(Reduction reduction) {
            this.reduction = OptionChecks.nonNull("BCELoss", "reduction", reduction);
            return this;
        }
    }

    /** {@return how the per-element losses are combined} */
    public Reduction reduction() {
        return reduction;
    }

    /**
     * The loss of probabilities {@code input} against {@code target}.
     *
     * @param input  probabilities in [0, 1]
     * @param target targets in [0, 1], input's shape
     * @return the loss: a scalar, or input's shape with reduction NONE
     */
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.binaryCrossEntropy(input, target, buffer("weight"), reduction);
    }

    @Override
    protected String extraRepr() {
        return "reduction=" + reduction;
    }
}
