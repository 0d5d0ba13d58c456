package dev.weft.nn.moe;

import dev.weft.nn.Module;
import dev.weft.nn.ModuleList;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A dense mixture: every expert runs and is weighted by a softmax gate (Jacobs et al. 1991; the layer Eigen et
 * al. 2014 stack in "Learning Factored Representations in a Deep Mixture of Experts", eq. 1):
 * <pre>  g(x) = softmax(x W_g^T + b_g),   y = sum_i g_i(x) f_i(x)  </pre>
 * A deep mixture is a {@link dev.weft.nn.Sequential} of these with a nonlinearity between (Eigen et al. sec. 2:
 * z^1 = sum_i g^1_i(x) f^1_i(x), y = sum_j g^2_j(z^1) f^2_j(z^1)). The gate is the Linear "gate" (C_in -> E);
 * x is (..., C_in), the experts map (n, C_in) to (n, C_out).
 */
public class DenseMoE extends Module {
    /** C_in, the width of an input row. */
    public final int inFeatures;
    /** E, the number of experts. */
    public final int numExperts;
    private final Linear gate;
    private final ModuleList experts;

    /**
     * A dense mixture, the gate drawn from the shared default generator.
     *
     * @param inFeatures C_in
     * @param numExperts E
     * @param expert makes each of the E experts
     */
    public DenseMoE(int inFeatures, int numExperts, Supplier<? extends Module> expert) {
        this(inFeatures, numExperts, expert, dev.weft.nn.init.Init.defaultGenerator());
    }

    /**
     * The gate's weights drawn from {@code g}; the experts are whatever the supplier makes (called E times).
     *
     * @param inFeatures C_in, at least 1
     * @param numExperts E, at least 1
     * @param expert makes each expert, (n, C_in) to (n, C_out)
     * @param g draws the gate's weights
     * @throws IllegalArgumentException when a size is below 1 or the supplier is or returns null
     */
    public DenseMoE(int inFeatures, int numExperts, Supplier<? extends Module> expert, Generator g) {
        OptionChecks.atLeast("DenseMoE", "inFeatures", inFeatures, 1);
        OptionChecks.atLeast("DenseMoE", "numExperts", numExperts, 1);
        OptionChecks.nonNull("DenseMoE", "expert supplier", expert);
        this.inFeatures = inFeatures;
        this.numExperts = numExperts;
        this.gate = registerModule("gate", new Linear(inFeatures, numExperts, true, g));
        List<Module> list = new ArrayList<>();
        for (int i = 0; i < numExperts; i++) {
            Module m = expert.get();
            if (m == null) throw new IllegalArgumentException("DenseMoE: the expert supplier returned null for expert " + i);
            list.add(m);
        }
        this.experts = registerModule("experts", new ModuleList(list));
    }

    /**
     * {@return expert i}
     *
     * @param i the expert's index, in [0, E)
     */
    public Module expert(int i) { return experts.get(i); }

    // x: (..., C_in) -> (..., E)
    /**
     * The gate probabilities softmax(x W_g^T + b_g).
     *
     * @param input x (..., C_in)
     * @return the probabilities (..., E)
     */
    public Tensor gates(Tensor input) {
        check(input);
        return gate.forward(input).softmax(-1);
    }

    // x: (..., C_in) -> (..., C_out)
    @Override
    public Tensor forward(Tensor input) {
        check(input);
        Tensor x = input.reshape(-1, inFeatures);
        Tensor g = gate.forward(x).softmax(-1);                       // (N, E)
        List<Tensor> outs = new ArrayList<>();
        for (Module m : experts) outs.add(m.forward(x));
        Tensor stacked = Tensor.stack(outs, 1);                      // (N, E, C_out)
        Tensor y = stacked.mul(g.unsqueeze(2)).sum(1);               // (N, C_out)
        int[] shape = input.shape().clone();
        shape[shape.length - 1] = y.size(1);
        return y.reshape(shape);
    }

    private void check(Tensor input) {
        if (input == null || input.dim() < 1 || input.size(-1) != inFeatures) {
            throw new IllegalArgumentException(reprName() + ": input " + (input == null ? "null" : Shape.format(input.shape()))
                    + " must be (..., " + inFeatures + ")");
        }
    }

    @Override
    protected String extraRepr() {
        return "inFeatures=" + inFeatures + ", numExperts=" + numExperts;
    }
}
