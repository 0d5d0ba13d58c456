package dev.weft.nn.weightspace;

import dev.weft.autograd.GradMode;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

/**
 * Entropic soft assignment (Sinkhorn 1964; used for differentiable matching in Ainsworth et al. 2023, Sec. 3.3):
 * the doubly stochastic P maximizing &lt;P, S&gt; + tau H(P), found by alternately normalizing the rows and the
 * columns of exp(S / tau). Iterated in the log domain, log P &lt;- log P - logsumexp(log P, dim 1), then over dim 0,
 * so a small temperature does not overflow. Written in tensor ops: gradients flow to S through the iterations. As
 * tau -&gt; 0, P approaches the permutation matrix of the maximizing linear assignment (when that one is unique).
 */
public final class Sinkhorn {
    private Sinkhorn() {}

    /**
     * {@link #sinkhorn(Tensor, double, int, double)} with at most 10,000 iterations, tolerance 1e-10.
     *
     * @param scores S (n, n)
     * @param temperature tau
     * @return P (n, n), doubly stochastic
     */
    public static Tensor sinkhorn(Tensor scores, double temperature) {
        return sinkhorn(scores, temperature, 10_000, 1e-10);
    }

    /**
     * P from scores: rows and columns normalized until every row sums to 1 within {@code tol}
     * (columns sum to 1 after each iteration by construction), or {@code maxIter} iterations.
     *
     * @param scores S (n, n)
     * @param temperature tau, finite and positive
     * @param maxIter the most iterations, at least 1
     * @param tol the row-sum tolerance, positive
     * @return P (n, n), differentiable in S
     * @throws IllegalArgumentException when scores is not square or not finite, or an argument is out of range
     */
    public static Tensor sinkhorn(Tensor scores, double temperature, int maxIter, double tol) {
        if (scores.dim() != 2 || scores.size(0) != scores.size(1)) {
            throw new IllegalArgumentException("sinkhorn: scores must be square (n, n), got " + Shape.format(scores.shape()));
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("sinkhorn: temperature must be > 0 and finite, got " + temperature);
        }
        if (maxIter < 1 || !(tol > 0)) {
            throw new IllegalArgumentException("sinkhorn: maxIter must be >= 1 and tol > 0, got " + maxIter + ", " + tol);
        }
        Tensor logP = scores.div(temperature);
        for (int it = 0; it < maxIter; it++) {
            logP = logP.sub(logP.logsumexp(new int[] {1}, true));
            logP = logP.sub(logP.logsumexp(new int[] {0}, true));
            double err;
            try (var s = GradMode.noGrad()) {
                err = logP.detach().exp().sum(1).sub(1.0).abs().max().item();
            }
            if (Double.isNaN(err)) throw new IllegalArgumentException("sinkhorn: scores hold NaN or infinite values");
            if (err < tol) break;
        }
        return logP.exp();
    }
}
