package dev.weft.nn.weightspace;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Linear mode connectivity (Ainsworth et al. 2023, Sec. 2, eq. 1): the states on the segment
 * theta_lambda = (1 - lambda) theta_A + lambda theta_B, and the loss barrier along it,
 * max_lambda [ L(theta_lambda) - ((1 - lambda) L(theta_A) + lambda L(theta_B)) ]: how far the loss rises above the
 * chord between the two end points. A barrier near 0 means the two models lie in one basin.
 */
public final class Interpolation {
    private Interpolation() {}

    /**
     * (1 - lambda) a + lambda b for every key (torch.lerp); both states must have the same keys and shapes. Floating
     * tensors only; neither state is modified.
     *
     * @param a the state at lambda 0
     * @param b the state at lambda 1
     * @param lambda the mix, finite
     * @return the interpolated state
     * @throws IllegalArgumentException when lambda is not finite or the states differ in keys or shapes
     */
    public static Map<String, Tensor> lerp(Map<String, Tensor> a, Map<String, Tensor> b, double lambda) {
        if (!Double.isFinite(lambda)) throw new IllegalArgumentException("Interpolation.lerp: lambda must be finite, got " + lambda);
        List<String> problems = new ArrayList<>();
        for (String k : a.keySet()) {
            Tensor tb = b.get(k);
            if (tb == null) problems.add(k + " missing in b");
            else if (!java.util.Arrays.equals(a.get(k).shape(), tb.shape())) {
                problems.add(k + ": a " + Shape.format(a.get(k).shape()) + ", b " + Shape.format(tb.shape()));
            }
        }
        for (String k : b.keySet()) if (!a.containsKey(k)) problems.add(k + " missing in a");
        if (!problems.isEmpty()) throw new IllegalArgumentException("Interpolation.lerp: states differ: " + String.join("; ", problems));
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (var e : a.entrySet()) {
            Tensor ta = e.getValue().detach(), tb = b.get(e.getKey()).detach();
            out.put(e.getKey(), ta.mul(1 - lambda).add(tb.mul(lambda)));
        }
        return out;
    }

    /**
     * The barrier max_k [ losses[k] - ((1 - lambdas[k]) losses[0] + lambdas[k] losses[last]) ] of losses measured at
     * increasing lambdas from 0 to 1 (the end points are the two models). 0 when the path never rises above the chord.
     *
     * @param lambdas the mixes, increasing from 0 to 1
     * @param losses the loss at each mix
     * @return the barrier, at least 0
     * @throws IllegalArgumentException when there are fewer than 2 lambdas, the lengths differ, or the lambdas do not
     *         increase from 0 to 1
     */
    public static double lossBarrier(double[] lambdas, double[] losses) {
        int n = lambdas.length;
        if (n < 2 || losses.length != n) {
            throw new IllegalArgumentException("lossBarrier: need >= 2 lambdas and as many losses, got " + n + " and " + losses.length);
        }
        if (lambdas[0] != 0 || lambdas[n - 1] != 1) {
            throw new IllegalArgumentException("lossBarrier: lambdas must run from 0 to 1, got " + lambdas[0] + " .. " + lambdas[n - 1]);
        }
        double barrier = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            if (k > 0 && !(lambdas[k] > lambdas[k - 1])) {
                throw new IllegalArgumentException("lossBarrier: lambdas must increase, got " + lambdas[k - 1] + " then " + lambdas[k]);
            }
            if (!Double.isFinite(losses[k])) throw new IllegalArgumentException("lossBarrier: loss at lambda " + lambdas[k] + " is " + losses[k]);
            double chord = (1 - lambdas[k]) * losses[0] + lambdas[k] * losses[n - 1];
            barrier = Math.max(barrier, losses[k] - chord);
        }
        return barrier;
    }

    /**
     * {@return n + 1 evenly spaced lambdas 0, 1/n, ..., 1}
     *
     * @param n the intervals
     */
    public static double[] lambdas(int n) {
        if (n < 1) throw new IllegalArgumentException("Interpolation.lambdas: n must be >= 1, got " + n);
        double[] l = new double[n + 1];
        for (int k = 0; k <= n; k++) l[k] = (double) k / n;
        return l;
    }
}
