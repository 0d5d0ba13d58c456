package dev.weft.nn.loss;

import dev.weft.tensor.Tensor;

/** Kullback-Leibler divergence with the input holding log-probabilities (PyTorch's kl_div). */
final class Divergence {
    private Divergence() {}

    /**
     * Pointwise y (log y - x) with 0 where y = 0 (x = input, log-probabilities; y = target, probabilities),
     * or e^y (y - x) when {@code logTarget}. BATCHMEAN divides the sum by input.size(0), which is the
     * true KL divergence per sample; MEAN divides by the element count.
     */
    static Tensor klDiv(Tensor input, Tensor target, Reduction r, boolean logTarget) {
        String loss = "klDiv";
        LossChecks.notNull(loss, "reduction", r);
        LossChecks.floating(loss, "input", input);
        LossChecks.sameShape(loss, input, target);
        Tensor y = target.to(input.dtype());
        Tensor l;
        if (logTarget) {
            l = y.exp().mul(y.sub(input));
        } else {
            // xlogy(y, y): the log's argument is 1 where y = 0, so value and gradient stay finite there
            Tensor ylogy = y.mul(Tensor.where(y.gt(0.0), y, 1.0).log());
            l = ylogy.sub(y.mul(input));
        }
        return switch (r) {
            case BATCHMEAN -> input.dim() == 0 ? l.sum() : l.sum().div(input.size(0));
            default -> r.apply(loss, l);
        };
    }
}
