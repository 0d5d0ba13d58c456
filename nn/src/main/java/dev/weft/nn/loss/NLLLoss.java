package dev.weft.nn.loss;

import dev.weft.tensor.Tensor;

/**
 * Negative log-likelihood of log-probabilities at class indices; module form of
 * {@link Losses#nllLoss(Tensor, Tensor, Tensor, int, Reduction)}. Class weights are the buffer "weight".
 */
public final class NLLLoss extends ClassWeightedLoss {
    /** No class weights, ignoreIndex -100, reduction MEAN. */
    public NLLLoss() {
        this(options());
    }

    /**
     * The given reduction, otherwise the defaults.
     *
     * @param reduction how the per-element losses are combined, not null
     */
    public NLLLoss(Reduction reduction) {
        this(options().reduction(reduction));
    }

    /**
     * {@code new NLLLoss(NLLLoss.options().weight(w).ignoreIndex(0))}.
     *
     * @param options weight, ignoreIndex and reduction
     */
    public NLLLoss(Options options) {
        super(options);
    }

    /**
     * Options with PyTorch's defaults: no class weights, ignoreIndex -100, reduction MEAN.
     *
     * @return new options
     */
    public static Options options() {
        return new Options();
    }

    /** NLLLoss's options: {@link ClassWeightedLoss.Options} (weight, ignoreIndex, reduction). */
    public static final class Options extends ClassWeightedLoss.Options<Options> {
        private Options() {
            super("NLLLoss");
        }
    }

    // input: (N, C) / (N, C, d1..) / (C) log-probabilities; target: (N) / (N, d1..) / () class indices
    /**
     * The loss of log-probabilities {@code input} at the classes {@code target}.
     *
     * @param input  log-probabilities (N, C), (N, C, d1, ...) or (C)
     * @param target class indices (N), (N, d1, ...) or ()
     * @return the loss: a scalar, or the per-position losses with reduction NONE
     */
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.nllLoss(input, target, buffer("weight"), ignoreIndex(), reduction());
    }
}
