package dev.weft.nn.moe;

import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Module;
import dev.weft.nn.ModuleList;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.hyper.PerSampleCall;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * SMEAR, "Soft Merging of Experts with Adaptive Routing" (Muqeeth et al. 2023, eq. 3): the router's
 * probabilities average the experts' parameters, and the merged expert runs once,
 * <pre>  p(x) = softmax(x W_r^T + b_r),   theta(x) = sum_i p_i(x) theta_i,   y = f(x; theta(x))  </pre>
 * Per example (the paper's form), every row gets its own merged parameters and the template runs once as
 * batched matmuls through {@link PerSampleCall}, so the experts must be MLP-shaped (a Sequential of Linear and
 * elementwise layers). Per batch ({@code perBatch = true}), the probabilities are averaged over the batch, one
 * merged parameter set is built and any module runs with it through {@link FunctionalCall}.
 *
 * <p>All experts must have the same parameter names and shapes; expert 0 is the template that runs. The router
 * is the Linear "router" (C_in -> E); x is (N, C_in).
 */
public class SmearMoE extends Module {
    /** C_in, the width of an input row. */
    public final int inFeatures;
    /** E, the number of experts. */
    public final int numExperts;
    /** Whether one merged expert serves the whole batch (mean routing) rather than one per row. */
    public final boolean perBatch;
    private final Linear router;
    private final ModuleList experts;

    /**
     * Per-example merging, the router drawn from the shared default generator.
     *
     * @param inFeatures C_in
     * @param numExperts E
     * @param expert makes each of the E experts (MLP-shaped, all with the same parameters)
     */
    public SmearMoE(int inFeatures, int numExperts, Supplier<? extends Module> expert) {
        this(inFeatures, numExperts, expert, false, dev.weft.nn.init.Init.defaultGenerator());
    }

    /**
     * A SMEAR layer; the supplier is called E times.
     *
     * @param inFeatures C_in, at least 1
     * @param numExperts E, at least 1
     * @param expert makes each expert; all must have the same parameter names and shapes
     * @param perBatch true to merge once per batch with the mean routing probabilities
     * @param g draws the router's weights
     * @throws IllegalArgumentException when a size is below 1, the supplier is or returns null, the experts have no
     *         parameters or differ in them, or (per example) expert 0 is not MLP-shaped
     */
    public SmearMoE(int inFeatures, int numExperts, Supplier<? extends Module> expert, boolean perBatch, Generator g) {
        String who = "SmearMoE";
        OptionChecks.atLeast(who, "inFeatures", inFeatures, 1);
        OptionChecks.atLeast(who, "numExperts", numExperts, 1);
        OptionChecks.nonNull(who, "expert supplier", expert);
        List<Module> list = new ArrayList<>();
        for (int i = 0; i < numExperts; i++) {
            Module m = expert.get();
            if (m == null) throw new IllegalArgumentException(who + ": the expert supplier returned null for expert " + i);
            list.add(m);
        }
        Map<String, Tensor> first = list.get(0).namedParameters();
        if (first.isEmpty()) throw new IllegalArgumentException(who + ": the experts have no parameters to merge");
        for (int i = 1; i < numExperts; i++) {
            Map<String, Tensor> p = list.get(i).namedParameters();
            boolean same = p.keySet().equals(first.keySet());
            for (var e : first.entrySet()) same &= same && Arrays.equals(e.getValue().shape(), p.get(e.getKey()).shape());
            if (!same) {
                throw new IllegalArgumentException(who + ": expert " + i + " has parameters " + shapes(p) + ", expert 0 has "
                        + shapes(first) + "; merging needs the same names and shapes");
            }
        }
        if (!perBatch) PerSampleCall.checkSupported(list.get(0));
        this.inFeatures = inFeatures;
        this.numExperts = numExperts;
        this.perBatch = perBatch;
        this.router = registerModule("router", new Linear(inFeatures, numExperts, true, g));
        this.experts = registerModule("experts", new ModuleList(list));
    }

    private static String shapes(Map<String, Tensor> p) {
        StringBuilder sb = new StringBuilder("{");
        for (var e : p.entrySet()) sb.append(sb.length() > 1 ? ", " : "").append(e.getKey()).append(Shape.format(e.getValue().shape()));
        return sb.append("}").toString();
    }

    /**
     * {@return expert i}
     *
     * @param i the expert's index, in [0, E)
     */
    public Module expert(int i) { return experts.get(i); }

    // x: (N, C_in) -> (N, E)
    /**
     * The routing probabilities softmax(x W_r^T + b_r).
     *
     * @param x the rows (N, C_in)
     * @return p (N, E)
     */
    public Tensor routing(Tensor x) {
        check(x);
        return router.forward(x).softmax(-1);
    }

    // p: (N, E) or (E,) -> name -> (N, *shape) or (*shape)
    /**
     * theta = sum_i p_i theta_i for every parameter.
     *
     * @param p routing probabilities (N, E) for per-row sets, or (E) for one set
     * @return name to merged parameter, (N, *shape) or shape
     */
    public Map<String, Tensor> merge(Tensor p) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : experts.get(0).namedParameters().keySet()) {
            List<Tensor> flat = new ArrayList<>();
            for (Module m : experts) flat.add(m.namedParameters().get(name).reshape(-1));
            Tensor stacked = Tensor.stack(flat, 0);                   // (E, |theta|)
            int[] s = experts.get(0).namedParameters().get(name).shape();
            Tensor merged = p.dim() == 1 ? p.unsqueeze(0).matmul(stacked).reshape(s) : p.matmul(stacked);
            if (p.dim() == 2) {
                int[] b = new int[s.length + 1];
                b[0] = p.size(0);
                System.arraycopy(s, 0, b, 1, s.length);
                merged = merged.reshape(b);
            }
            out.put(name, merged);
        }
        return out;
    }

    // x: (N, C_in) -> (N, C_out)
    @Override
    public Tensor forward(Tensor x) {
        Tensor p = routing(x);
        if (perBatch) return FunctionalCall.call(experts.get(0), merge(p.mean(0)), x);
        return PerSampleCall.call(experts.get(0), merge(p), x);
    }

    private void check(Tensor x) {
        if (x == null || x.dim() != 2 || x.size(1) != inFeatures) {
            throw new IllegalArgumentException(reprName() + ": input " + (x == null ? "null" : Shape.format(x.shape()))
                    + " must be (N, " + inFeatures + ")");
        }
    }

    @Override
    protected String extraRepr() {
        return "inFeatures=" + inFeatures + ", numExperts=" + numExperts + ", perBatch=" + perBatch;
    }
}
