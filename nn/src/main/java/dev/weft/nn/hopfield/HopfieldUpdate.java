package dev.weft.nn.hopfield;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

/**
 * The modern (continuous) Hopfield update of Ramsauer et al. 2021, "Hopfield Networks is All You Need",
 * eq. 3: xi_new = X softmax(beta X^T xi), written for rows (a pattern per row, as attention):
 * state patterns R (..., L, E) and stored patterns Y (..., S, E) give R_new = softmax(beta R Y^T) Y.
 * Composed from differentiable tensor ops. One update retrieves a stored pattern whenever the patterns
 * are well separated (the paper's Theorem 4); more updates move toward a fixed point.
 */
public final class HopfieldUpdate {
    private HopfieldUpdate() {}

    /**
     * {@return beta's default 1/sqrt(E)} The paper's and hflayers' scaling for patterns of size E.
     *
     * @param patternSize E
     */
    public static double defaultBeta(int patternSize) {
        return 1.0 / Math.sqrt(patternSize);
    }

    /**
     * One update: softmax(beta R Y^T) Y.
     *
     * @param state R (..., L, E)
     * @param stored Y (..., S, E)
     * @param beta the inverse temperature, finite and positive
     * @return R_new (..., L, E)
     * @throws IllegalArgumentException when the shapes do not fit or beta is out of range
     */
    public static Tensor update(Tensor state, Tensor stored, double beta) {
        check("HopfieldUpdate.update", state, stored, beta);
        return state.matmul(stored.mT()).mul(beta).softmax(-1).matmul(stored);
    }

    /**
     * {@code steps} updates (at least 1), stopping early once an update moves no entry by more than eps
     * (eps = 0: always all steps).
     * <pre>{@code
     * Tensor xi = HopfieldUpdate.retrieve(query, patterns, HopfieldUpdate.defaultBeta(784), 1, 0);
     * }</pre>
     *
     * @param state R (..., L, E)
     * @param stored Y (..., S, E)
     * @param beta the inverse temperature, finite and positive
     * @param steps the most updates, at least 1
     * @param eps the tolerance that stops early, at least 0
     * @return the retrieved state (..., L, E)
     * @throws IllegalArgumentException when the shapes do not fit or beta, steps or eps is out of range
     */
    public static Tensor retrieve(Tensor state, Tensor stored, double beta, int steps, double eps) {
        check("HopfieldUpdate.retrieve", state, stored, beta);
        if (steps < 1) throw new IllegalArgumentException("HopfieldUpdate.retrieve: steps must be >= 1, got " + steps);
        if (!(eps >= 0)) throw new IllegalArgumentException("HopfieldUpdate.retrieve: eps must be >= 0, got " + eps);
        Tensor xi = state;
        for (int s = 0; s < steps; s++) {
            Tensor next = update(xi, stored, beta);
            boolean converged = eps > 0 && next.detach().sub(xi.detach()).abs().max().item() <= eps;
            xi = next;
            if (converged) break;
        }
        return xi;
    }

    /**
     * {@code steps} updates (all of them) with the default beta 1/sqrt(E).
     *
     * @param state R (..., L, E)
     * @param stored Y (..., S, E)
     * @param steps the updates, at least 1
     * @return the retrieved state (..., L, E)
     */
    public static Tensor retrieve(Tensor state, Tensor stored, int steps) {
        check("HopfieldUpdate.retrieve", state, stored, 1);
        return retrieve(state, stored, defaultBeta(state.size(-1)), steps, 0);
    }

    static void check(String op, Tensor state, Tensor stored, double beta) {
        if (state == null || stored == null) throw new IllegalArgumentException(op + ": state and stored patterns must not be null");
        if (state.dim() < 2 || stored.dim() < 2 || state.size(-1) != stored.size(-1)) {
            throw new IllegalArgumentException(op + ": state " + Shape.format(state.shape()) + ", stored " + Shape.format(stored.shape())
                    + ": need (..., L, E) and (..., S, E) with one pattern size E");
        }
        if (!(beta > 0) || Double.isInfinite(beta)) throw new IllegalArgumentException(op + ": beta must be finite and > 0, got " + beta);
    }
}
