package dev.weft.nn.kan;

import dev.weft.autograd.GradMode;
import dev.weft.nn.Module;
import dev.weft.nn.ModuleList;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The activation-space selectable KAN layer (S-KAN; Yang et al. 2024, "Activation Space Selectable
 * Kolmogorov-Arnold Networks"): M candidate layers of the KAN family over the same in -> out (B-spline KAN,
 * Chebyshev, Gaussian RBF, Fourier ...), each output node o a learned mixture of the candidates' outputs,
 * <pre>  y_o(x) = sum_m w_{o,m} y^(m)_o(x),   w_o = softmax(select_logits[o, :])   (logits start at 0: a uniform mix)</pre>
 * trained jointly (the paper's full-training phase). {@link #select()} then fixes every node to its heaviest
 * candidate (the selection and pruning phases: w_o becomes one-hot, the buffer {@code selected} records the
 * choice and the logits stop mattering), after which training goes on in the chosen spaces. State dict:
 * select_logits (out, M), selected (out, I64; -1 while mixing), candidates.0.*, candidates.1.*, ...
 */
public class SelectableKANLayer extends Module implements EdgeLayer {
    private final int inDim, outDim;
    private final ModuleList candidates;

    /**
     * A layer over these candidates.
     *
     * @param candidates {@link EdgeLayer} modules with the same in and out dims, at least two
     */
    public SelectableKANLayer(Module... candidates) {
        String me = "SelectableKANLayer";
        if (candidates.length < 2) throw new IllegalArgumentException(me + ": needs at least 2 candidate layers, got " + candidates.length);
        int in = -1, out = -1;
        for (int m = 0; m < candidates.length; m++) {
            if (!(candidates[m] instanceof EdgeLayer e)) {
                throw new IllegalArgumentException(me + ": candidate " + m + " (" + candidates[m].getClass().getSimpleName()
                        + ") is not a KAN-family EdgeLayer");
            }
            if (m == 0) {
                in = e.inDim();
                out = e.outDim();
            } else if (e.inDim() != in || e.outDim() != out) {
                throw new IllegalArgumentException(me + ": candidate " + m + " maps " + e.inDim() + " -> " + e.outDim() + ", candidate 0 "
                        + in + " -> " + out);
            }
        }
        this.inDim = in;
        this.outDim = out;
        this.candidates = registerModule("candidates", new ModuleList());
        for (Module c : candidates) this.candidates.add(c);
        registerParameter("select_logits", Tensor.zeros(out, candidates.length));
        registerBuffer("selected", Tensor.full(-1, dev.weft.tensor.core.DType.I64, out));
    }

    /**
     * The paper's pool on in to out, drawn from g: B-spline KAN (grid 5, k 3), ChebyKAN (degree 4), FastKAN (Gaussian
     * RBF, 8 centres) and FAN (Fourier features).
     *
     * @param inDim the input width
     * @param outDim the output width
     * @param g the generator of the candidates' weights
     * @return the layer
     */
    public static SelectableKANLayer standard(int inDim, int outDim, Generator g) {
        return new SelectableKANLayer(new KANLayer(KANLayer.options(inDim, outDim).num(5).k(3).generator(g)),
                new ChebyKANLayer(inDim, outDim, 4, g), new FastKANLayer(FastKANLayer.options(inDim, outDim).generator(g)),
                new FANLayer(FANLayer.options(inDim, outDim).generator(g)));
    }

    @Override
    public int inDim() { return inDim; }

    @Override
    public int outDim() { return outDim; }

    /** {@return the number of candidates M} */
    public int numCandidates() {
        return candidates.size();
    }

    /**
     * {@return candidate m}
     *
     * @param m the candidate's index
     */
    public Module candidate(int m) {
        return candidates.get(m);
    }

    /** {@return the selection logits (out, M), a parameter} */
    public Tensor selectLogits() {
        return param("select_logits");
    }

    /** {@return the mixing weights (out, M): softmax of the logits while mixing, one-hot rows after {@link #select()}} */
    public Tensor weights() {
        return weights(selected());
    }

    private Tensor weights(long[] sel) {
        if (sel[0] < 0) return param("select_logits").softmax(1);
        double[] w = new double[outDim * numCandidates()];
        for (int o = 0; o < outDim; o++) w[o * numCandidates() + (int) sel[o]] = 1;
        return Tensor.of(w).reshape(outDim, numCandidates()).to(param("select_logits").dtype());
    }

    /** {@return the candidate each output node uses after {@link #select()}, or all -1 while mixing} */
    public long[] selected() {
        return buffer("selected").toLongArray();
    }

    /** {@return true once {@link #select()} has fixed the nodes' candidates} */
    public boolean isSelected() {
        return selected()[0] >= 0;
    }

    // x: (..., in) -> (..., out): the candidates' outputs stacked on a last dim M, weighted per node and summed.
    @Override
    public Tensor forward(Tensor x) {
        long[] sel = selected();
        boolean[] used = new boolean[numCandidates()];                 // all while mixing, the chosen ones after select()
        if (sel[0] < 0) java.util.Arrays.fill(used, true);
        else for (long s : sel) used[(int) s] = true;
        List<Tensor> ys = new ArrayList<>(numCandidates());
        for (int m = 0; m < numCandidates(); m++) ys.add(used[m] ? candidates.get(m).forward(x) : null);
        Tensor any = ys.stream().filter(t -> t != null).findFirst().orElseThrow();
        for (int m = 0; m < ys.size(); m++) if (ys.get(m) == null) ys.set(m, Tensor.zerosLike(any));
        return Tensor.stack(ys, -1).mul(weights(sel)).sum(new int[] {-1}, false);
    }

    /**
     * Fixes every output node to its heaviest candidate (argmax of its weights, the first on a tie); the node's
     * output is then that candidate's output alone, and candidates no node uses are no longer evaluated. Refused
     * once selected.
     *
     * @return the chosen candidate of each output node (out)
     * @throws IllegalStateException when the candidates are already selected
     */
    public long[] select() {
        if (isSelected()) throw new IllegalStateException(this + ".select(): the candidates are already selected");
        try (var s = GradMode.noGrad()) {
            buffer("selected").copy_(param("select_logits").argmax(1));
        }
        return selected();
    }

    @Override
    protected String extraRepr() {
        return inDim + ", " + outDim + ", candidates=" + numCandidates();
    }
}
