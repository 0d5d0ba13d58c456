package dev.weft.graph.hyper;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

/**
 * GHN-2's fit of a fixed-size predicted tensor to a parameter's shape (ppuda's {@code _tile_params}): dims the target
 * lacks are dropped by taking index 0 (a (O, I, K, K) prediction for a (C_out, C_in) weight keeps [:, :, 0, 0]); then
 * each remaining dim is sliced to the target's size when it is larger, or tiled (repeated whole, then cut) when it is
 * smaller: w'[i_0, ..., i_r] = w[i_0 mod s_0, ..., i_r mod s_r]. Composed of select, narrow and repeat, so the gradient
 * of a tiled element sums over its copies.
 */
public final class ParameterTiling {
    private ParameterTiling() {}

    // w: (s_0, ..., s_q) -> (t_0, ..., t_r), r <= q
    /**
     * {@code w} fitted to {@code target} as above; an error naming both shapes when the target has more dims.
     *
     * @param w the predicted tensor (s_0, ..., s_q)
     * @param target the wanted shape (t_0, ..., t_r), r at most q
     * @return w sliced and tiled to the target shape
     * @throws IllegalArgumentException if the target has more dims than w or an empty dim
     */
    public static Tensor fit(Tensor w, int[] target) {
        if (target.length == 0 || target.length > w.dim()) {
            throw new IllegalArgumentException("ParameterTiling.fit: prediction " + Shape.format(w.shape()) + " cannot fill " + Shape.format(target));
        }
        Tensor out = w;
        while (out.dim() > target.length) out = out.select(out.dim() - 1, 0);
        for (int d = 0; d < target.length; d++) {
            int s = out.size(d), t = target[d];
            if (t < 1) throw new IllegalArgumentException("ParameterTiling.fit: target " + Shape.format(target) + " has an empty dim");
            if (t > s) {
                int[] reps = new int[out.dim()];
                java.util.Arrays.fill(reps, 1);
                reps[d] = (t + s - 1) / s;
                out = out.repeat(reps);
            }
            if (out.size(d) > t) out = out.narrow(d, 0, t);
        }
        return out;
    }
}
