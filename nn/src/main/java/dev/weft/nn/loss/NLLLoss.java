package dev.weft.nn.loss;

import dev.weft.tensor.Tensor;

/**
 * Negative log-likelihood of log-probabilities at class indices; module form of
 * {@link Losses#nllLoss(Tensor, Tensor, Tensor, int, Reduction)}. Class weights are the buffer "weight".
 */
public final class NLLLoss extends ClassWeightedLoss {
    public NLLLoss() {
        this(options());
    }

    public NLLLoss(Reduction reduction) {
        this(options().reduction(reduction));
    }

    /** {@code new NLLLoss(NLLLoss.options().weight(w).ignoreIndex(0))}. */
    public NLLLoss(Options options) {
        super(options);
    }

    /** Options with PyTorch's defaults: no class weights, ignoreIndex -100, reduction MEAN. */
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
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.nllLoss(input, target, buffer("weight"), ignoreIndex(), reduction());
    }
}
