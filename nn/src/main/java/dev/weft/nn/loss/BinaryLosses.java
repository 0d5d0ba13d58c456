package dev.weft.nn.loss;

import dev.weft.autograd.GradMode;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

/**
 * Binary cross-entropy on probabilities and on logits. The logits form never evaluates
 * log(sigmoid(x)) directly: it uses m = max(-x, 0) and log(e^-m + e^(-x-m)) + m = log(1 + e^-x),
 * which stays finite for any x.
 */
final class BinaryLosses {
    private BinaryLosses() {}

    /**
     * -w (y log x + (1 - y) log(1 - x)), each log clamped to >= -100 as PyTorch does; a saturated x
     * (0 or 1) gives a zero gradient through the clamped term, not NaN. x must lie in [0, 1].
     */
    static Tensor bce(Tensor input, Tensor target, Tensor weight, Reduction r) {
        String loss = "binaryCrossEntropy";
        LossChecks.notNull(loss, "reduction", r);
        LossChecks.floating(loss, "input", input);
        LossChecks.sameShape(loss, input, target);
        LossChecks.broadcastsTo(loss, "weight", weight, input);
        if (input.numel() > 0) {
            try (var s = GradMode.noGrad()) {
                double lo = input.min().item(), hi = input.max().item();
                if (!(lo >= 0 && hi <= 1)) {
                    throw new IllegalArgumentException(loss + ": all elements of input should be between 0 and 1, got min "
                            + lo + ", max " + hi + " in input " + Shape.format(input.shape()));
                }
            }
        }
        Tensor y = target.to(input.dtype());
        Tensor logX = clampedLog(input);
        Tensor log1mX = clampedLog(input.neg().add(1.0));
        Tensor l = y.mul(logX).add(y.neg().add(1.0).mul(log1mX)).neg();
        if (weight != null) l = l.mul(weight.to(input.dtype()));
        return r.apply(loss, l);
    }

    /** max(log x, -100) for x >= 0; at x = 0 the log runs on 1 and is replaced, so its gradient is 0, not 0/0. */
    private static Tensor clampedLog(Tensor x) {
        Tensor pos = x.gt(0.0);
        return Tensor.where(pos, Tensor.where(pos, x, 1.0).log().clampMin(-100), -100.0);
    }

    /**
     * With m = max(-x, 0): (1 - y) x + lw (log(e^-m + e^(-x-m)) + m), lw = 1 + (posWeight - 1) y
     * (lw = 1 without posWeight), times weight. posWeight broadcasts over the last dims (one per class).
     */
    static Tensor bceWithLogits(Tensor input, Tensor target, Tensor weight, Reduction r, Tensor posWeight) {
        String loss = "binaryCrossEntropyWithLogits";
        LossChecks.notNull(loss, "reduction", r);
        LossChecks.floating(loss, "input", input);
        LossChecks.sameShape(loss, input, target);
        LossChecks.broadcastsTo(loss, "weight", weight, input);
        LossChecks.broadcastsTo(loss, "posWeight", posWeight, input);
        Tensor y = target.to(input.dtype());
        Tensor m = input.neg().clampMin(0);
        Tensor softplusNegX = m.neg().exp().add(input.neg().sub(m).exp()).log().add(m);   // log(1 + e^-x)
        Tensor oneMinusY = y.neg().add(1.0);
        Tensor l;
        if (posWeight != null) {
            Tensor lw = posWeight.to(input.dtype()).sub(1.0).mul(y).add(1.0);
            l = oneMinusY.mul(input).add(lw.mul(softplusNegX));
        } else {
            l = oneMinusY.mul(input).add(softplusNegX);
        }
        if (weight != null) l = l.mul(weight.to(input.dtype()));
        return r.apply(loss, l);
    }
}
