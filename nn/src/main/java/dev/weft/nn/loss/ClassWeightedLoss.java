package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.tensor.Tensor;

/**
 * What NLLLoss and CrossEntropyLoss share: optional per-class weights (the buffer "weight", absent when
 * unset), ignoreIndex and reduction, with their options (PyTorch's defaults: no weights, -100, MEAN).
 */
abstract class ClassWeightedLoss extends Module {
    private final int ignoreIndex;
    private final Reduction reduction;

    ClassWeightedLoss(Options<?> options) {
        registerBuffer("weight", options.weight);
        this.ignoreIndex = options.ignoreIndex;
        this.reduction = options.reduction;
    }

    /** The options of a class-weighted loss; {@code loss} names it in errors. */
    abstract static class Options<O extends Options<O>> {
        private final String loss;
        private Tensor weight;
        private int ignoreIndex = Losses.IGNORE_INDEX;
        private Reduction reduction = Reduction.MEAN;

        Options(String loss) {
            this.loss = loss;
        }

        @SuppressWarnings("unchecked")
        private O self() {
            return (O) this;
        }

        /** Per-class weights (C) (kept as the buffer "weight"). */
        public O weight(Tensor weight) {
            this.weight = OptionChecks.nonNull(loss, "weight", weight);
            return self();
        }

        /** A class index whose positions contribute nothing (class-index targets only). */
        public O ignoreIndex(int ignoreIndex) {
            this.ignoreIndex = ignoreIndex;
            return self();
        }

        /** How the per-element losses are folded (default MEAN). */
        public O reduction(Reduction reduction) {
            this.reduction = OptionChecks.nonNull(loss, "reduction", reduction);
            return self();
        }
    }

    public int ignoreIndex() {
        return ignoreIndex;
    }

    public Reduction reduction() {
        return reduction;
    }

    @Override
    protected String extraRepr() {
        return "ignoreIndex=" + ignoreIndex + ", reduction=" + reduction;
    }
}
