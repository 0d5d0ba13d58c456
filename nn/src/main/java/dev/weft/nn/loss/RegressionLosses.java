package dev.weft.nn.loss;

import dev.weft.tensor.Tensor;

/**
 * Elementwise regression losses (MSE, L1, smooth L1, Huber), composed from differentiable tensor
 * ops. input and target must share one shape; either may require grad.
 */
final class RegressionLosses {
    private RegressionLosses() {}

    private static Tensor diff(String loss, Tensor input, Tensor target, Reduction r) {
        LossChecks.notNull(loss, "reduction", r);
        LossChecks.floating(loss, "input", input);
        LossChecks.sameShape(loss, input, target);
        return input.sub(target.to(input.dtype()));
    }

    /** (x - y)^2. */
    static Tensor mse(Tensor input, Tensor target, Reduction r) {
        return r.apply("mseLoss", diff("mseLoss", input, target, r).square());
    }

    /** |x - y|. */
    static Tensor l1(Tensor input, Tensor target, Reduction r) {
        return r.apply("l1Loss", diff("l1Loss", input, target, r).abs());
    }

    /** 0.5 d^2 / beta where |d| < beta, else |d| - 0.5 beta (d = x - y); beta = 0 is L1. */
    static Tensor smoothL1(Tensor input, Tensor target, Reduction r, double beta) {
        if (!(beta >= 0)) {
            throw new IllegalArgumentException("smoothL1Loss: beta must be >= 0, got " + beta);
        }
        Tensor d = diff("smoothL1Loss", input, target, r);
        Tensor a = d.abs();
        if (beta == 0) return r.apply("smoothL1Loss", a);
        Tensor l = Tensor.where(a.lt(beta), d.square().mul(0.5 / beta), a.sub(0.5 * beta));
        return r.apply("smoothL1Loss", l);
    }

    /** 0.5 d^2 where |d| < delta, else delta (|d| - 0.5 delta) (d = x - y). */
    static Tensor huber(Tensor input, Tensor target, Reduction r, double delta) {
        if (!(delta > 0)) {
            throw new IllegalArgumentException("huberLoss: delta must be > 0, got " + delta);
        }
        Tensor d = diff("huberLoss", input, target, r);
        Tensor a = d.abs();
        Tensor l = Tensor.where(a.lt(delta), d.square().mul(0.5), a.sub(0.5 * delta).mul(delta));
        return r.apply("huberLoss", l);
    }
}
