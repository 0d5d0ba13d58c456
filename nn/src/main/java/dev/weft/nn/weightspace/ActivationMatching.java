package dev.weft.nn.weightspace;

import dev.weft.autograd.GradMode;
import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Activation matching (Ainsworth et al. 2023, Sec. 3.1): for each hidden layer l, the permutation of B's units that
 * maximizes the summed correlation of their activations with A's on a batch,
 * max_P sum_i corr(Z_A[:, i], Z_B[:, P(i)]), one linear assignment per layer (the layers are independent, since
 * activations are matched directly). Z is the layer's output after its activation (the next Linear's input).
 * Arithmetic in F64.
 */
public final class ActivationMatching {
    private ActivationMatching() {}

    /** Added to each unit's standard deviation, so that a unit constant over the batch has correlation 0, not NaN. */
    public static final double EPS = 1e-12;

    /**
     * Permutations pi for B (apply them with {@link MlpPermutationSpec#apply}) from the activations of both MLPs on
     * {@code x}. The models are run in eval mode under no-grad and left in the mode they had.
     *
     * @param a model A
     * @param b model B, of the same architecture
     * @param x the inputs (B, C_in), B at least 2
     * @return one permutation per hidden layer
     * @throws IllegalArgumentException when the models' specs differ or x holds fewer than 2 rows
     */
    public static int[][] activationMatching(Sequential a, Sequential b, Tensor x) {
        MlpPermutationSpec spec = MlpPermutationSpec.of(a);
        if (!spec.equals(MlpPermutationSpec.of(b))) {
            throw new IllegalArgumentException("activationMatching: models differ: " + spec + " vs " + MlpPermutationSpec.of(b));
        }
        if (x.dim() < 2 || x.size(0) < 2) {
            throw new IllegalArgumentException("activationMatching: x must be a batch (B, ...) with B >= 2, got " + Shape.format(x.shape()));
        }
        List<Tensor> za = hiddenActivations(a, spec, x), zb = hiddenActivations(b, spec, x);
        int[][] perms = new int[spec.hiddenLayers()][];
        for (int l = 0; l < perms.length; l++) perms[l] = LinearAssignment.maximize(correlation(za.get(l), zb.get(l)));
        return perms;
    }

    /**
     * {@return corr (C, C) of the columns of a with those of b: Pearson correlation over the batch}
     *
     * @param a activations (B, C)
     * @param b activations (B, C)
     */
    public static double[][] correlation(Tensor a, Tensor b) {
        if (a.dim() != 2 || b.dim() != 2 || a.size(0) != b.size(0) || a.size(1) != b.size(1)) {
            throw new IllegalArgumentException("correlation: a " + Shape.format(a.shape()) + " and b " + Shape.format(b.shape())
                    + " must both be (B, C) of one shape");
        }
        try (var s = GradMode.noGrad()) {
            Tensor ca = standardize(a.detach().to(DType.F64)), cb = standardize(b.detach().to(DType.F64));
            return WeightMatching.rows(ca.t().matmul(cb).div(a.size(0)));
        }
    }

    /** (z - mean) / (std + eps) per column, std with divisor B (so that the correlation is a mean of products). */
    private static Tensor standardize(Tensor z) {
        Tensor c = z.sub(z.mean(0, true));
        Tensor sd = c.mul(c).mean(0, true).sqrt().add(EPS);
        return c.div(sd);
    }

    /** The inputs of Linear layers 1..L-1 (the hidden layers' activations), each (B, n_l). */
    static List<Tensor> hiddenActivations(Sequential mlp, MlpPermutationSpec spec, Tensor x) {
        boolean training = mlp.isTraining();
        mlp.eval();
        List<Tensor> out = new ArrayList<>();
        try (var s = GradMode.noGrad()) {
            Tensor h = x;
            int next = 1;
            for (Map.Entry<String, Module> e : mlp.namedChildren().entrySet()) {
                if (next < spec.linears().size() && e.getKey().equals(spec.linears().get(next))) {
                    out.add(h.reshape(h.size(0), -1));
                    next++;
                }
                h = e.getValue().forward(h);
            }
        } finally {
            mlp.train(training);
        }
        return out;
    }
}
