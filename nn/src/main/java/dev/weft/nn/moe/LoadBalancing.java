package dev.weft.nn.moe;

import dev.weft.tensor.Tensor;

/**
 * The balancing losses of Shazeer et al. 2017 (sec. 4 and appendix A), over a batch's gate values:
 * <pre>
 *   Importance(X)_i = sum_x G(x)_i                     (eq. 6)
 *   Load(X)_i       = sum_x P(x, i)                    (eq. 10; or the count of rows with G(x)_i > 0)
 *   L = w_importance * CV(Importance)^2 + w_load * CV(Load)^2,   CV(v)^2 = var(v) / (mean(v)^2 + eps)
 * </pre>
 * var is the unbiased one (correction 1) and eps = 1e-10, as in the paper's reference code; a single
 * expert has no spread and gives 0.
 */
public final class LoadBalancing {
    private LoadBalancing() {}

    /** Guards the division when every expert gets nothing. */
    public static final double EPS = 1e-10;

    // v: (E,) -> scalar
    /**
     * {@return the squared coefficient of variation var(v) / (mean(v)^2 + 1e-10), a scalar} 0 for one element.
     *
     * @param v a vector (E)
     * @throws IllegalArgumentException when v is not 1-d
     */
    public static Tensor cvSquared(Tensor v) {
        if (v.dim() != 1) {
            throw new IllegalArgumentException("LoadBalancing.cvSquared: expected a vector (E,), got " + dev.weft.tensor.core.Shape.format(v.shape()));
        }
        if (v.size(0) <= 1) return Tensor.zeros(v.dtype());
        return v.var().div(v.mean().square().add(EPS));
    }

    // gates: (N, E) -> (E,)
    /**
     * {@return Importance(X)_i = sum over the batch of G(x)_i (eq. 6), (E)}
     *
     * @param gates the gates (N, E)
     */
    public static Tensor importance(Tensor gates) {
        return gates.sum(0);
    }

    // gates: (N, E) -> (E,)
    /**
     * {@return the hard load (E): how many rows have a nonzero gate for each expert} Not differentiable.
     *
     * @param gates the gates (N, E)
     */
    public static Tensor countLoad(Tensor gates) {
        return gates.gt(0.0).to(gates.dtype()).sum(0);
    }

    /**
     * {@return w_importance * CV(importance)^2 + w_load * CV(load)^2, a scalar}
     *
     * @param importance the importance (E)
     * @param load the load (E), smooth or counted
     * @param wImportance w_importance
     * @param wLoad w_load
     */
    public static Tensor loss(Tensor importance, Tensor load, double wImportance, double wLoad) {
        return cvSquared(importance).mul(wImportance).add(cvSquared(load).mul(wLoad));
    }
}
