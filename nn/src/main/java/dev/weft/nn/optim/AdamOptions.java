package dev.weft.nn.optim;

/** Options of {@link Adam} and {@link AdamW} (defaults in their class comments). */
public final class AdamOptions extends OptimizerOptions<AdamOptions> {
    /** No option set: every value takes its default (the same as {@link Adam#options()}). */
    public AdamOptions() {}

    /**
     * The running-average coefficients of the gradient and its square.
     *
     * @param beta1 the first moment's coefficient, in [0, 1), default 0.9
     * @param beta2 the second moment's coefficient, in [0, 1), default 0.999
     * @return these options
     */
    public AdamOptions betas(double beta1, double beta2) {
        return put("betas", new double[] {beta1, beta2});
    }

    /**
     * Added to the denominator for numerical stability.
     *
     * @param eps at least 0, default 1e-8
     * @return these options
     */
    public AdamOptions eps(double eps) {
        return put("eps", eps);
    }

    /**
     * L2 penalty (Adam: added to the gradient; AdamW: decoupled, p *= 1 - lr weightDecay).
     *
     * @param weightDecay at least 0 (default 0 for Adam, 1e-2 for AdamW)
     * @return these options
     */
    public AdamOptions weightDecay(double weightDecay) {
        return put("weightDecay", weightDecay);
    }

    /**
     * The AMSGrad variant (the maximum of past squared-gradient averages).
     *
     * @param amsgrad default false
     * @return these options
     */
    public AdamOptions amsgrad(boolean amsgrad) {
        return put("amsgrad", amsgrad);
    }

    /**
     * Maximize the objective instead of minimizing it.
     *
     * @param maximize default false
     * @return these options
     */
    public AdamOptions maximize(boolean maximize) {
        return put("maximize", maximize);
    }

    /**
     * One pass over the arrays where the tensors allow (default); false forces the tensor-op form.
     *
     * @param fused default true
     * @return these options
     */
    public AdamOptions fused(boolean fused) {
        return put("fused", fused);
    }
}
