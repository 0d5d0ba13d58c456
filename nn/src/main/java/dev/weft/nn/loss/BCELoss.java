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

    public BCELoss() {
        this(options());
    }

    public BCELoss(Reduction reduction) {
        this(options().reduction(reduction));
    }

    /** {@code new BCELoss(BCELoss.options().weight(w).reduction(Reduction.SUM))}. */
    public BCELoss(Options options) {
        registerBuffer("weight", options.weight);
        this.reduction = options.reduction;
    }

    /** Options with PyTorch's defaults: no weights, reduction MEAN. */
    public static Options options() {
        return new Options();
    }

    /** BCELoss's options. */
    public static final class Options {
        private Tensor weight;
        private Reduction reduction = Reduction.MEAN;

        private Options() {}

        /** Rescales each element (broadcast to the input; kept as the buffer "weight"). */
        public Options weight(Tensor weight) {
            this.weight = OptionChecks.nonNull("BCELoss", "weight", weight);
            return this;
        }

        public Options reduction(Reduction reduction) {
            this.reduction = OptionChecks.nonNull("BCELoss", "reduction", reduction);
            return this;
        }
    }

    public Reduction reduction() {
        return reduction;
    }

    public Tensor forward(Tensor input, Tensor target) {
        return Losses.binaryCrossEntropy(input, target, buffer("weight"), reduction);
    }

    @Override
    protected String extraRepr() {
        return "reduction=" + reduction;
    }
}
