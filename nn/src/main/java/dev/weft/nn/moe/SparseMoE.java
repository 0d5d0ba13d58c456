package dev.weft.nn.moe;

import dev.weft.nn.Module;
import dev.weft.nn.ModuleList;
import dev.weft.nn.OptionChecks;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sparsely-gated mixture-of-experts layer of Shazeer et al. 2017 ("Outrageously Large Neural Networks"):
 * <pre>  y = sum_i G(x)_i E_i(x)      (eq. 1)  </pre>
 * with {@link NoisyTopKGate}'s G (k experts per row) and {@link ExpertDispatch}'s gather/scatter dispatch, so an
 * expert runs only on its rows. {@link #forwardWithLoss} also returns the balancing loss
 * w_importance * CV(Importance)^2 + w_load * CV(Load)^2 to add to the task loss.
 *
 * <p>x is (N, C_in) or (..., C_in) (leading dims are flattened into rows); experts map (n, C_in) to (n, C_out).
 * capacityFactor > 0 caps every expert at ceil(capacityFactor * k * N / E) rows (0, the default: no cap).
 */
public class SparseMoE extends Module {
    /** C_in, the width of an input row. */
    public final int inFeatures;
    /** C_out, the width of an expert's output row. */
    public final int outFeatures;
    /** E, the number of experts. */
    public final int numExperts;
    /** The number of experts each row is sent to. */
    public final int k;
    /** The weight of CV(Importance)^2 in the balancing loss. */
    public final double wImportance;
    /** The weight of CV(Load)^2 in the balancing loss. */
    public final double wLoad;
    /** The expert capacity factor (0: no cap). */
    public final double capacityFactor;
    private final NoisyTopKGate gate;
    private final ModuleList experts;

    /** The options: sizes, k, the expert supplier, then PyTorch-style setters with the reference code's defaults. */
    public static final class Options {
        final int inFeatures, outFeatures, numExperts, k;
        final Supplier<? extends Module> expert;
        boolean noisyGating = true;
        double noiseEpsilon = 1e-2, wImportance = 1e-2, wLoad = 1e-2, capacityFactor = 0;
        Generator generator = new Generator(0);

        Options(int inFeatures, int outFeatures, int numExperts, int k, Supplier<? extends Module> expert) {
            this.inFeatures = inFeatures;
            this.outFeatures = outFeatures;
            this.numExperts = numExperts;
            this.k = k;
            this.expert = expert;
        }

        /**
         * Whether the gate adds trained noise to its logits in training (default true).
         *
         * @param v true for noisy top-k gating
         * @return these options
         */
        public Options noisyGating(boolean v) { noisyGating = v; return this; }
        /**
         * The floor added to the noise's standard deviation (default 1e-2).
         *
         * @param v the floor
         * @return these options
         */
        public Options noiseEpsilon(double v) { noiseEpsilon = v; return this; }
        /**
         * The weight of CV(Importance)^2 in the balancing loss (default 1e-2).
         *
         * @param v the weight, at least 0
         * @return these options
         */
        public Options wImportance(double v) { wImportance = v; return this; }
        /**
         * The weight of CV(Load)^2 in the balancing loss (default 1e-2).
         *
         * @param v the weight, at least 0
         * @return these options
         */
        public Options wLoad(double v) { wLoad = v; return this; }
        /**
         * Caps every expert at ceil(v * k * N / E) rows of a batch of N (default 0: no cap).
         *
         * @param v the factor, at least 0
         * @return these options
         */
        public Options capacityFactor(double v) { capacityFactor = v; return this; }
        /**
         * Draws the gating noise (default {@code new Generator(0)}).
         *
         * @param v the generator
         * @return these options
         */
        public Options generator(Generator v) { generator = v; return this; }
    }

    /**
     * Options with the reference code's defaults: noisy gating, noiseEpsilon, wImportance and wLoad 1e-2, no capacity cap.
     *
     * @param inFeatures C_in
     * @param outFeatures C_out
     * @param numExperts E
     * @param k the experts per row
     * @param expert makes each of the E experts, (n, C_in) to (n, C_out)
     * @return fresh options
     */
    public static Options options(int inFeatures, int outFeatures, int numExperts, int k, Supplier<? extends Module> expert) {
        return new Options(inFeatures, outFeatures, numExperts, k, expert);
    }

    /**
     * A layer from options; the supplier is called E times.
     *
     * @param o the options
     * @throws IllegalArgumentException when a size, k or a weight is out of range, or the supplier is or returns null
     */
    public SparseMoE(Options o) {
        String who = "SparseMoE";
        OptionChecks.atLeast(who, "outFeatures", o.outFeatures, 1);
        OptionChecks.nonNull(who, "expert supplier", o.expert);
        OptionChecks.nonNegative(who, "wImportance", o.wImportance);
        OptionChecks.nonNegative(who, "wLoad", o.wLoad);
        OptionChecks.nonNegative(who, "capacityFactor", o.capacityFactor);
        // the gate checks inFeatures, numExperts, k and the noise options before any expert is made
        this.gate = registerModule("gate", new NoisyTopKGate(o.inFeatures, o.numExperts, o.k, o.noisyGating, o.noiseEpsilon, o.generator));
        List<Module> list = new ArrayList<>();
        for (int i = 0; i < o.numExperts; i++) {
            Module m = o.expert.get();
            if (m == null) throw new IllegalArgumentException(who + ": the expert supplier returned null for expert " + i);
            list.add(m);
        }
        this.experts = registerModule("experts", new ModuleList(list));
        this.inFeatures = o.inFeatures;
        this.outFeatures = o.outFeatures;
        this.numExperts = o.numExperts;
        this.k = o.k;
        this.wImportance = o.wImportance;
        this.wLoad = o.wLoad;
        this.capacityFactor = o.capacityFactor;
    }

    /** {@return the gate} */
    public NoisyTopKGate gate() { return gate; }

    /**
     * {@return expert i}
     *
     * @param i the expert's index, in [0, E)
     */
    public Module expert(int i) { return experts.get(i); }

    /**
     * {@return the rows an expert takes for a batch of n rows} ceil(capacityFactor * k * n / E), at least 1, or 0 (unlimited).
     *
     * @param n the rows in the batch
     */
    public int capacity(int n) {
        return capacityFactor == 0 ? 0 : Math.max(1, (int) Math.ceil(capacityFactor * k * n / numExperts));
    }

    // x: (..., C_in) -> (..., C_out)
    @Override
    public Tensor forward(Tensor input) {
        return forwardWithLoss(input).output();
    }

    /**
     * The output, the balancing loss and the gates, with the gate's own noise (training mode).
     *
     * @param input x (..., C_in)
     * @return the output (..., C_out), the loss and the gates
     */
    public MoeOutput forwardWithLoss(Tensor input) {
        Tensor x = rows(input);
        return finish(input, x, gate.gate(x));
    }

    /**
     * As {@link #forwardWithLoss(Tensor)} with the gate's standard-normal draws given.
     *
     * @param input x (..., C_in)
     * @param noise the standard-normal draws (N, E), or null for no noise
     * @return the output (..., C_out), the loss and the gates
     */
    public MoeOutput forwardWithLoss(Tensor input, Tensor noise) {
        Tensor x = rows(input);
        return finish(input, x, gate.gate(x, noise));
    }

    private Tensor rows(Tensor input) {
        if (input == null || input.dim() < 1 || input.size(-1) != inFeatures) {
            throw new IllegalArgumentException(reprName() + ": input " + (input == null ? "null" : Shape.format(input.shape()))
                    + " must be (..., " + inFeatures + ")");
        }
        return input.reshape(-1, inFeatures);
    }

    private MoeOutput finish(Tensor input, Tensor x, GateOutput g) {
        Tensor kept = ExpertDispatch.kept(g.gates(), g.topIndices(), capacity(x.size(0)));
        List<Module> list = new ArrayList<>();
        for (Module m : experts) list.add(m);
        Tensor y = ExpertDispatch.combine(x, g.gates(), kept, list, outFeatures);
        int[] shape = input.shape().clone();
        shape[shape.length - 1] = outFeatures;
        return new MoeOutput(y.reshape(shape), g.loss(wImportance, wLoad), g);
    }

    @Override
    protected String extraRepr() {
        return "inFeatures=" + inFeatures + ", outFeatures=" + outFeatures + ", numExperts=" + numExperts + ", k=" + k
                + (capacityFactor == 0 ? "" : ", capacityFactor=" + capacityFactor);
    }
}
