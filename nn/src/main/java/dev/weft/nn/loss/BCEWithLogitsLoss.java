package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.tensor.Tensor;

/**
 * Binary cross-entropy on logits, computed stably; module form of
 * {@link Losses#binaryCrossEntropyWithLogits(Tensor, Tensor, Tensor, Reduction, Tensor)}. The weights are
 * buffers "weight" and "pos_weight" (PyTorch's state-dict names), absent when null.
 */
public final class BCEWithLogitsLoss extends Module {
    private final Reduction reduction;

    /** No weights, reduction MEAN. */
    public BCEWithLogitsLoss() {
        this(options());
    }

    /**
     * No weights, the given reduction.
     *
     * @param reduction how the per-element losses are combined, not null
     */
    public BCEWithLogitsLoss(Reduction reduction) {
        this(options().reduction(reduction));
    }

    /**
     * {@code new BCEWithLogitsLoss(BCEWithLogitsLoss.options().posWeight(pw))}.
     *
     * @param options the weights and reduction
     */
    public BCEWithLogitsLoss(Options options) {
        registerBuffer("weight", options.weight);
        registerBuffer("pos_weight", options.posWeight);
        this.reduction = options.reduction;
    }

    /**
     * Options with PyTorch's defaults: no weights, no positive weights, reduction MEAN.
     *
     * @return new options
     */
    public static Options options() {
        return new Options();
    }

    /** BCEWithLogitsLoss's options. */
    public static final class Options {
        private Tensor weight, posWeight;
        private Reduction reduction = Reduction.MEAN;

        private Options() {}

        /**
         * Rescales each element (broadcast to the input; kept as the buffer "weight").
         *
         * @param weight the element weights, not null
         * @return these options
         */
        public Options weight(Tensor weight) {
            this.weight = OptionChecks.nonNull("BCEWithLogitsLoss", "weight", weight);
            return this;
        }

        /**
         * Weight of the positive term per class (broadcast over the last dims; the buffer "pos_weight").
         *
         * @param posWeight the positive weights, not null
         * @return these options
         */
        public Options posWeight(Tensor posWeight) {
            this.posWeight = OptionChecks.nonNull("BCEWithLogitsLoss", "posWeight", posWeight);
            return this;
        }

        /**
         * How the per-element losses are combined.
         *
         * @param reduction the reduction (default MEAN), not null
         * @return these options
         */
        public Options reduction(Reduction reduction) {
            this.reduction = OptionChecks.nonNull("BCEWithLogitsLoss", "reduction", reduction);
            return this;
        }
    }

    /** {@return how the per-element losses are combined} */
    public Reduction reduction() {
        return reduction;
    }

    /**
     * The loss of logits {@code input} against {@code target}.
     *
     * @param input  logits
     * @param target targets in [0, 1], input's shape
     * @return the loss: a scalar, or input's shape with reduction NONE
     */
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.binaryCrossEntropyWithLogits(input, target, buffer("weight"), reduction, buffer("pos_weight"));
    }

    @Override
    protected String extraRepr() {
        return "reduction=" + reduction;
    }
}
