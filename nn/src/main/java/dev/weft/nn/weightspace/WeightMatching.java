package dev.weft.nn.weightspace;

import dev.weft.autograd.GradMode;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;

import java.util.Map;

/**
 * Weight matching (Ainsworth et al. 2023, Sec. 3.2, Algorithm 1): the permutations pi of model B's hidden units
 * that maximize the inner product of the weights, sum_l &lt;W_l^A, P_l W_l^B P_{l-1}^T&gt; + &lt;b_l^A, P_l b_l^B&gt;,
 * by coordinate descent: for one hidden layer l at a time, with the others fixed, the best P_l is the linear
 * assignment maximizing tr(P_l^T S_l) for
 * S_l = W_l^A (W_l^B P_{l-1}^T)^T + b_l^A b_l^B^T + W_{l+1}^A^T (P_{l+1} W_{l+1}^B),
 * (S_l)_{ij} the similarity of A's unit i with B's unit j. Layers are visited in a random order drawn from the
 * generator each sweep, until a sweep changes nothing (or maxSweeps). Arithmetic in F64.
 */
public final class WeightMatching {
    private WeightMatching() {}

    /**
     * The permutations for B (apply them with {@link MlpPermutationSpec#apply}) and the number of sweeps run.
     *
     * @param permutations one permutation per hidden layer, P_l as an index array
     * @param sweeps the sweeps run
     * @param converged whether the last sweep changed nothing (false when maxSweeps stopped it)
     */
    public record Result(int[][] permutations, int sweeps, boolean converged) {}

    /**
     * {@link #weightMatching(MlpPermutationSpec, Map, Map, Generator, int)} with at most 100 sweeps.
     *
     * @param spec the MLP's permutation structure
     * @param a model A's state dict
     * @param b model B's state dict
     * @param g draws the layer order of each sweep
     * @return the permutations and sweeps
     */
    public static Result weightMatching(MlpPermutationSpec spec, Map<String, Tensor> a, Map<String, Tensor> b, Generator g) {
        return weightMatching(spec, a, b, g, 100);
    }

    /**
     * Algorithm 1: permutations pi such that {@code spec.apply(b, pi)} is as close as coordinate descent gets to a
     * in the weights' inner product. Neither state is modified.
     *
     * @param spec the MLP's permutation structure
     * @param a model A's state dict
     * @param b model B's state dict
     * @param g draws the layer order of each sweep
     * @param maxSweeps the most sweeps, at least 1
     * @return the permutations and sweeps
     * @throws IllegalArgumentException when maxSweeps is below 1 or a state does not fit the spec
     */
    public static Result weightMatching(MlpPermutationSpec spec, Map<String, Tensor> a, Map<String, Tensor> b, Generator g, int maxSweeps) {
        if (maxSweeps < 1) throw new IllegalArgumentException("weightMatching: maxSweeps must be >= 1, got " + maxSweeps);
        spec.checkState("weightMatching (model A)", a);
        spec.checkState("weightMatching (model B)", b);
        int hidden = spec.hiddenLayers();
        int[][] perms = spec.identity();
        try (var s = GradMode.noGrad()) {
            int sweep = 0;
            while (sweep < maxSweeps) {
                sweep++;
                boolean changed = false;
                long[] order = Tensor.randperm(g, hidden).toLongArray();
                for (long lo : order) {
                    int l = (int) lo;
                    double[][] sim = similarity(spec, a, b, perms, l);
                    int[] best = LinearAssignment.maximize(sim);
                    double before = LinearAssignment.total(sim, perms[l]), after = LinearAssignment.total(sim, best);
                    // NOTE: accept only a strict gain (relative to rounding), or ties could swap back and forth forever.
                    if (after > before + 1e-12 * Math.max(1, Math.abs(before))) {
                        perms[l] = best;
                        changed = true;
                    }
                }
                if (!changed) return new Result(perms, sweep, true);
            }
            return new Result(perms, sweep, false);
        }
    }

    /** S_l (n_l, n_l): the similarity of A's unit i with B's unit j of hidden layer l given B's other permutations. */
    static double[][] similarity(MlpPermutationSpec spec, Map<String, Tensor> a, Map<String, Tensor> b, int[][] perms, int l) {
        int hidden = spec.hiddenLayers();
        // W_l: rows are layer l's units; B's columns follow P_{l-1}.
        Tensor wa = f64(a.get(spec.weightKey(l))), wb = f64(b.get(spec.weightKey(l)));
        if (l > 0) wb = wb.indexSelect(1, MlpPermutationSpec.index(perms[l - 1]));
        Tensor s = wa.matmul(wb.t());
        Tensor ba = a.get(spec.biasKey(l)), bb = b.get(spec.biasKey(l));
        if (ba != null && bb != null) s = s.add(f64(ba).unsqueeze(1).matmul(f64(bb).unsqueeze(0)));
        // W_{l+1}: columns are layer l's units; B's rows follow P_{l+1}.
        Tensor na = f64(a.get(spec.weightKey(l + 1))), nb = f64(b.get(spec.weightKey(l + 1)));
        if (l + 1 < hidden) nb = nb.indexSelect(0, MlpPermutationSpec.index(perms[l + 1]));
        s = s.add(na.t().matmul(nb));
        return rows(s);
    }

    static Tensor f64(Tensor t) {
        return t.detach().to(DType.F64);
    }

    /** A (n, m) tensor as rows of doubles. */
    static double[][] rows(Tensor s) {
        int n = s.size(0), m = s.size(1);
        double[] flat = s.contiguous().toDoubleArray();
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) out[i] = java.util.Arrays.copyOfRange(flat, i * m, (i + 1) * m);
        return out;
    }
}
