package dev.weft.nn.optim;

import dev.weft.autograd.Autograd;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Gradient clipping (PyTorch's clip_grad_norm_ and clip_grad_value_); modifies the gradients in place. */
public final class GradClip {
    private GradClip() {}

    /**
     * clipGradNorm with the 2-norm, non-finite norms allowed.
     *
     * @param params the parameters whose gradients to clip
     * @param maxNorm the largest total norm allowed
     * @return the total norm before clipping
     */
    public static double clipGradNorm(Iterable<Tensor> params, double maxNorm) {
        return clipGradNorm(params, maxNorm, 2.0, false);
    }

    /**
     * Scales every gradient by min(1, maxNorm / (total + 1e-6)), where total is the normType-norm of
     * all gradients taken together (the norm of the per-gradient norms; normType may be
     * Double.POSITIVE_INFINITY for the largest |g|). Parameters without a gradient are skipped.
     *
     * @param params the parameters whose gradients to clip
     * @param maxNorm the largest total norm allowed
     * @param normType the order p of the norm
     * @param errorIfNonfinite whether a NaN or infinite total norm is an error
     * @return the total norm before clipping (0 when no parameter has a gradient)
     * @throws IllegalStateException when errorIfNonfinite and the total norm is NaN or infinite
     *         (the gradients are then left unchanged)
     */
    public static double clipGradNorm(Iterable<Tensor> params, double maxNorm, double normType, boolean errorIfNonfinite) {
        List<Tensor> grads = new ArrayList<>();
        for (Tensor p : params) if (p.grad() != null) grads.add(p.grad());
        if (grads.isEmpty()) return 0.0;
        try (var s = Autograd.noGrad()) {
            double total;
            if (normType == Double.POSITIVE_INFINITY) {
                total = Double.NEGATIVE_INFINITY;
                for (Tensor g : grads) total = Math.max(total, g.abs().max().item());
            } else {
                double[] norms = new double[grads.size()];
                for (int i = 0; i < norms.length; i++) norms[i] = grads.get(i).norm(normType).item();
                total = Tensor.of(norms).norm(normType).item();
            }
            if (errorIfNonfinite && !Double.isFinite(total)) {
                throw new IllegalStateException("clipGradNorm: the total norm of order " + normType
                        + " for gradients from parameters is non-finite (" + total + "), so it cannot be clipped;"
                        + " pass errorIfNonfinite=false to scale the gradients by the non-finite norm anyway");
            }
            double coef = Math.min(maxNorm / (total + 1e-6), 1.0);
            for (Tensor g : grads) g.mul_(coef);
            return total;
        }
    }

    /**
     * Clamps every gradient element into [-clipValue, clipValue] in place.
     *
     * @param params the parameters whose gradients to clamp (those without one are skipped)
     * @param clipValue the bound, non-negative
     * @throws IllegalArgumentException if clipValue is negative or NaN
     */
    public static void clipGradValue(Iterable<Tensor> params, double clipValue) {
        if (!(clipValue >= 0)) throw new IllegalArgumentException("clipGradValue: clipValue must be >= 0, got " + clipValue);
        try (var s = Autograd.noGrad()) {
            for (Tensor p : params) {
                Tensor g = p.grad();
                if (g != null) g.copy_(g.clamp(-clipValue, clipValue));
            }
        }
    }
}
