package dev.weft.nn.hyper;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

/**
 * The constant-norm input encoding of Magnitude Invariant Parametrizations (Ortiz, Guttag and Dalca 2023,
 * "Magnitude Invariant Parametrizations Improve Hypernetwork Learning", the E_L2 encoding): each input
 * gamma_k in [0, 1] becomes the pair (cos(pi gamma_k / 2), sin(pi gamma_k / 2)), all cosines first, then all
 * sines (their reference code's order): E(gamma) = [cos(pi gamma / 2), sin(pi gamma / 2)], (..., C) -> (..., 2C).
 * Every pair is a unit vector, so ||E(gamma)||_2 = sqrt(C) for every gamma and the hypernetwork's input
 * magnitude no longer scales its output; mean(E(gamma)^2) = 1/2 exactly, which the target-scale init uses.
 */
public final class MipEncoding {
    private MipEncoding() {}

    // gamma: (..., C) -> (..., 2C)
    /**
     * E(gamma) = [cos(pi gamma / 2), sin(pi gamma / 2)].
     *
     * @param gamma the condition (..., C), entries in [0, 1]
     * @return the encoding (..., 2C)
     * @throws IllegalArgumentException when an entry is outside [0, 1] or NaN
     */
    public static Tensor encode(Tensor gamma) {
        if (gamma == null || gamma.dim() < 1) {
            throw new IllegalArgumentException("MipEncoding.encode: gamma " + (gamma == null ? "null" : Shape.format(gamma.shape()))
                    + " must have a last dim of C inputs");
        }
        if (gamma.numel() > 0) {
            Tensor g = gamma.detach();
            double lo = g.min().item(), hi = g.max().item();
            if (!(lo >= 0 && hi <= 1)) {
                throw new IllegalArgumentException("MipEncoding.encode: gamma " + Shape.format(gamma.shape())
                        + " must lie in [0, 1] (the encoding is one-to-one there), got min " + lo + ", max " + hi);
            }
        }
        Tensor z = gamma.mul(Math.PI / 2);
        return Tensor.cat(new Tensor[] {z.cos(), z.sin()}, -1);
    }

    /** The mean square E[x_k^2] of an encoded input: 1/2 for every gamma. */
    public static final double SECOND_MOMENT = 0.5;
}
