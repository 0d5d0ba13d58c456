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

        /**
         * Per-class weights (C) (kept as the buffer "weight").
         *
         * @param weight the class weights (C), not null
         * @return these options
         */
        public O weight(Tensor weight) {
            this.weight = OptionChecks.nonNull(loss, "weight", weight);
            return self();
        }

        /**
         * A class index whose positions contribute nothing (class-index targets only).
         *
         * @param ignoreIndex the ignored class (default -100)
         * @return these options
         */
        public O ignoreIndex(int ignoreIndex) {
            this.ignoreIndex = ignoreIndex;
            return self();
        }

        /**
         * How the per-element losses are folded (default MEAN).
         *
         * @param reduction the reduction (default MEAN), not null
         * @return these options
         */
        public O reduction(Reduction reduction) {
            this.reduction = OptionChecks.nonNull(loss, "reduction", reduction);
            return self();
        }
    }

    /** {@return the class index whose positions contribute nothing} */
    public int ignoreIndex() {
        return ignoreIndex;
    }

    /** {@return how the per-element losses are combined} */
    public Reduction reduction() {
        return reduction;
    }

    @Override
    protected String extraRepr() {
        return "ignoreIndex=" + ignoreIndex + ", reduction=" + reduction;
    }
}
