package dev.weft.nn.optim;

/** Options of {@link Adam} and {@link AdamW} (defaults in their class comments). */
public final class AdamOptions extends OptimizerOptions<AdamOptions> {
    /** The running-average coefficients of the gradient and its square. */
    public AdamOptions betas(double beta1, double beta2) {
        return put("betas", new double[] {beta1, beta2});
    }

    /** Added to the denominator for numerical stability. */
    public AdamOptions eps(double eps) {
        return put("eps", eps);
    }

    /** L2 penalty (Adam: added to the gradient; AdamW: decoupled, p *= 1 - lr weightDecay). */
    public AdamOptions weightDecay(double weightDecay) {
        return put("weightDecay", weightDecay);
    }

    /** The AMSGrad variant (the maximum of past squared-gradient averages). */
    public AdamOptions amsgrad(boolean amsgrad) {
        return put("amsgrad", amsgrad);
    }

    /** Maximize the objective instead of minimizing it. */
    public AdamOptions maximize(boolean maximize) {
        return put("maximize", maximize);
    }

    /** One pass over the arrays where the tensors allow (default); false forces the tensor-op form. */
    public AdamOptions fused(boolean fused) {
        return put("fused", fused);
    }
}
