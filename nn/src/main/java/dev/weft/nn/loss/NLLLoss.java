package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.tensor.Tensor;

/**
 * Negative log-likelihood of log-probabilities at class indices; module form of
 * {@link Losses#nllLoss(Tensor, Tensor, Tensor, int, Reduction)}. Class weights are the buffer "weight".
 */
public final class NLLLoss extends Module {
    private final int ignoreIndex;
    private final Reduction reduction;

    public NLLLoss() {
        this(options());
    }

    public NLLLoss(Reduction reduction) {
        this(options().reduction(reduction));
    }

    /** {@code new NLLLoss(NLLLoss.options().weight(w).ignoreIndex(0))}. */
    public NLLLoss(Options options) {
        registerBuffer("weight", options.weight);
        this.ignoreIndex = options.ignoreIndex;
        this.reduction = options.reduction;
    }

    /** Options with PyTorch's defaults: no class weights, ignoreIndex -100, reduction MEAN. */
    public static Options options() {
        return new Options();
    }

    /** NLLLoss's options. */
    public static final class Options {
        private Tensor weight;
        private int ignoreIndex = Losses.IGNORE_INDEX;
        private Reduction reduction = Reduction.MEAN;

        private Options() {}

        /** Per-class weights (C) (kept as the buffer "weight"). */
        public Options weight(Tensor weight) {
            this.weight = OptionChecks.nonNull("NLLLoss", "weight", weight);
            return this;
        }

        /** A class index whose positions contribute nothing. */
        public Options ignoreIndex(int ignoreIndex) {
            this.ignoreIndex = ignoreIndex;
            return this;
        }

        public Options reduction(Reduction reduction) {
            this.reduction = OptionChecks.nonNull("NLLLoss", "reduction", reduction);
            return this;
        }
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
