package dev.weft.nn.kan;

import dev.weft.nn.Module;
import dev.weft.nn.ModuleList;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.init.Init;
import dev.weft.nn.kan.symbolic.FitParams;
import dev.weft.nn.kan.symbolic.Suggestion;
import dev.weft.nn.kan.symbolic.SymbolicChoice;
import dev.weft.nn.kan.symbolic.SymbolicFormula;
import dev.weft.nn.kan.symbolic.SymbolicFunction;
import dev.weft.nn.kan.symbolic.SymbolicKANLayer;
import dev.weft.nn.kan.symbolic.SymbolicLib;
import dev.weft.nn.kan.symbolic.SymbolicOptions;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Kolmogorov-Arnold Network (Liu et al. 2024) from widths [n_0, n_1, ..., n_L]: KAN(x) = (Phi_{L-1} o ... o Phi_0)(x),
 * each Phi_l a {@link KANLayer} (n_l -> n_{l+1}) plus its symbolic branch, a {@link SymbolicKANLayer}: pykan's
 * MultKAN without multiplication nodes or node affines. Submodules act_fun.0, act_fun.1, ... and symbolic_fun.0,
 * symbolic_fun.1, ... as pykan names them, so a state dict (grid and mask buffers included) reads like pykan's.
 * Defaults are MultKAN's: grid 3, k 3, noiseScale 0.3. The grid adapts to data by {@link #updateGridFromSamples},
 * is extended by {@link #refine}; {@link #reg} is the paper's sparsity regularizer over the activations of
 * {@link #forwardActivations}. The paper's interpretability steps: {@link #prune} by {@link #attribute attribution}
 * scores, then {@link #fixSymbolic} / {@link #autoSymbolic} edges to library functions and {@link #symbolicFormula}.
 *
 * <pre>{@code
 * KAN model = new KAN(KAN.options(2, 5, 1).grid(5).generator(new Generator(0)));
 * KAN.Activations acts = model.forwardActivations(x);                 // x: (B, 2); acts.y(): (B, 1)
 * Tensor loss = Losses.mseLoss(acts.y(), y).add(model.reg(acts).mul(1e-3));
 * }</pre>
 */
public class KAN extends Module {
    private final int[] width;
    /**
     * The grid size G and spline order k every layer was built with.
     */
    public final int grid, k;
    private final Options options;
    private final ModuleList actFun, symbolicFun;

    /**
     * {@code new KAN(2, 5, 1)}: widths with the default options.
     *
     * @param width the layer widths [n_0, ..., n_L], at least 2 entries, each at least 1
     * @throws IllegalArgumentException if the widths are too few or not positive
     */
    public KAN(int... width) {
        this(options(width));
    }

    /**
     * {@code new KAN(KAN.options(2, 5, 1).grid(5).k(3).generator(g))}.
     *
     * @param o the widths and settings
     * @throws IllegalArgumentException if the widths are too few or not positive
     */
    public KAN(Options o) {
        this(o, null, null);
    }

    private KAN(Options o, List<KANLayer> layers, List<SymbolicKANLayer> symbolic) {
        if (o.width.length < 2) throw new IllegalArgumentException("KAN: width needs at least 2 entries, got " + Arrays.toString(o.width));
        for (int w : o.width) OptionChecks.atLeast("KAN", "width entries", w, 1);
        this.options = o.copy();
        this.width = o.width.clone();
        this.grid = o.grid;
        this.k = o.k;
        this.actFun = registerModule("act_fun", new ModuleList());
        Generator g = o.generator != null ? o.generator : Init.defaultGenerator();
        for (int l = 0; l + 1 < width.length; l++) {
            actFun.add(layers != null ? layers.get(l) : new KANLayer(KANLayer.options(width[l], width[l + 1]).num(o.grid).k(o.k)
                    .noiseScale(o.noiseScale).scaleBase(o.scaleBaseMu, o.scaleBaseSigma).baseFun(o.baseFun).gridEps(o.gridEps)
                    .gridRange(o.gridLo, o.gridHi).spTrainable(o.spTrainable).sbTrainable(o.sbTrainable).generator(g)));
        }
        this.symbolicFun = registerModule("symbolic_fun", new ModuleList());
        for (int l = 0; l + 1 < width.length; l++) {
            symbolicFun.add(symbolic != null ? symbolic.get(l) : new SymbolicKANLayer(width[l], width[l + 1]));
        }
    }

    /**
     * Options with pykan MultKAN's defaults: grid 3, k 3, noiseScale 0.3, scaleBase mu 0 sigma 1, SiLU, gridEps 0.02, gridRange [-1, 1].
     *
     * @param width the layer widths [n_0, ..., n_L]
     * @return options to refine and pass to {@link #KAN(Options)}
     */
    public static Options options(int... width) {
        return new Options(width);
    }

    /** {@return the widths [n_0, ..., n_L]} */
    public int[] width() {
        return width.clone();
    }

    /** {@return the number of layers L} */
    public int depth() {
        return width.length - 1;
    }

    /**
     * Layer l (n_l -> n_{l+1}).
     *
     * @param l the layer, 0 .. L-1
     * @return its spline branch (act_fun.l)
     */
    public KANLayer layer(int l) {
        return actFun.get(l, KANLayer.class);
    }

    /**
     * Layer l's symbolic branch (pykan's symbolic_fun[l]).
     *
     * @param l the layer, 0 .. L-1
     * @return its symbolic branch (symbolic_fun.l)
     */
    public SymbolicKANLayer symbolic(int l) {
        return symbolicFun.get(l, SymbolicKANLayer.class);
    }

    // x: (B, n_0) -> (B, n_L)
    @Override
    public Tensor forward(Tensor x) {
        for (int l = 0; l < depth(); l++) x = layerForward(l, x);
        return x;
    }

    /** Layer l's output: its spline branch plus its symbolic branch (when that has an edge). */
    private Tensor layerForward(int l, Tensor x) {
        Tensor y = layer(l).forward(x);
        SymbolicKANLayer s = symbolic(l);
        return s.active() ? y.add(s.forward(x)) : y;
    }

    /**
     * The output and every layer's per-edge activations (pykan's forward with save_act): layers holds the numeric
     * (spline) branch's, symbolic the symbolic branch's postacts (B, n_{l+1}, n_l) (a zero view where a layer has
     * no symbolic edge). {@link #reg} reads the numeric branch only, as pykan's.
     *
     * @param y the model's output (B, n_L)
     * @param layers each layer's numeric-branch activations
     * @param symbolic each layer's symbolic-branch postacts (B, n_{l+1}, n_l)
     */
    public record Activations(Tensor y, List<KANLayer.Activations> layers, List<Tensor> symbolic) {
        /**
         * Copies both lists, so the record is immutable.
         */
        public Activations {
            layers = List.copyOf(layers);
            symbolic = List.copyOf(symbolic);
        }

        /**
         * Layer l's input x_l (B, n_l) (pykan's acts[l]).
         *
         * @param l the layer
         * @return x_l, (B, n_l)
         */
        public Tensor input(int l) {
            return layers.get(l).preacts().select(1, 0);
        }

        /**
         * Layer l's edge activations, both branches (B, n_{l+1}, n_l) (pykan's spline_postacts[l]).
         *
         * @param l the layer
         * @return the summed edge activations (B, n_{l+1}, n_l)
         */
        public Tensor postacts(int l) {
            return layers.get(l).postacts().add(symbolic.get(l));
        }

        /**
         * Layer l's output (B, n_{l+1}): the next layer's input, or y for the last layer.
         *
         * @param l the layer
         * @return (B, n_{l+1})
         */
        public Tensor output(int l) {
            return l + 1 < layers.size() ? input(l + 1) : y;
        }
    }

    /**
     * The paper-faithful forward: every layer's edges formed (needed by {@link #reg}). x (B, n_0).
     *
     * @param x samples (B, n_0)
     * @return the output and every layer's activations
     */
    public Activations forwardActivations(Tensor x) {
        List<KANLayer.Activations> acts = new ArrayList<>();
        List<Tensor> sym = new ArrayList<>();
        for (int l = 0; l < depth(); l++) {
            KANLayer.Activations a = layer(l).forwardActivations(x);
            SymbolicKANLayer s = symbolic(l);
            acts.add(a);
            if (s.active()) {
                Tensor p = s.postacts(x);
                sym.add(p);
                x = a.y().add(p.sum(2));
            } else {
                sym.add(Tensor.zeros(x.dtype(), 1, 1, 1).expand(x.size(0), width[l + 1], width[l]));
                x = a.y();
            }
        }
        return new Activations(x, acts, sym);
    }

    /**
     * {@link #reg(Activations, double, double, double, double)} with mu1 = 1, mu2 = 1 (the paper's) and no coefficient terms.
     *
     * @param acts from {@link #forwardActivations}
     * @return the scalar regularizer
     */
    public Tensor reg(Activations acts) {
        return reg(acts, 1, 1, 0, 0);
    }

    /**
     * The paper's regularizer (KAN eq. 2.17-2.20; pykan's reg with 'edge_forward_spline_n'), to be added to the loss
     * times lambda. Per layer, each edge's magnitude is |phi|_{i,o} = std_b(postacts[b, o, i]) / (std_b(x[b, i]) + 0.1)
     * (sample standard deviation over the batch), V (out, in), and
     * <pre>
     *   reg = sum_l [ lambL1 * sum(V) + lambEntropy * (S_row + S_col) ]
     *       + sum_l [ lambCoef * sum_{i,m} mean_o |coef| + lambCoefDiff * sum_{i,m} mean_o |coef[.., m+1] - coef[.., m]| ]
     *   S_row = -mean_o sum_i p log2(p + 1e-4), p = V / (sum_i V + 1);  S_col the same over outputs, p = V / (sum_o V + 1)
     * </pre>
     * (pykan's +1 and 1e-4 guards). Differentiable in all parameters.
     *
     * @param acts from {@link #forwardActivations}
     * @param lambL1 weight of the L1 term (mu1)
     * @param lambEntropy weight of the entropy term (mu2)
     * @param lambCoef weight of the coefficient-magnitude term
     * @param lambCoefDiff weight of the coefficient-smoothness term
     * @return the scalar regularizer
     */
    public Tensor reg(Activations acts, double lambL1, double lambEntropy, double lambCoef, double lambCoefDiff) {
        checkActs("KAN.reg", acts);
        double ln2 = Math.log(2);
        Tensor r = null;
        for (int l = 0; l < depth(); l++) {
            KANLayer.Activations a = acts.layers().get(l);
            Tensor v = a.postacts().std(0).div(a.preacts().std(0).add(0.1));                      // (out, in)
            Tensor pRow = v.div(v.sum(1, true).add(1)), pCol = v.div(v.sum(0, true).add(1));
            Tensor sRow = pRow.mul(pRow.add(1e-4).log()).sum(1).mean().neg().div(ln2);
            Tensor sCol = pCol.mul(pCol.add(1e-4).log()).sum(0).mean().neg().div(ln2);
            Tensor t = v.sum().mul(lambL1).add(sRow.add(sCol).mul(lambEntropy));
            if (lambCoef != 0 || lambCoefDiff != 0) {
                Tensor c = layer(l).coef();
                int nb = c.size(2);
                t = t.add(c.abs().mean(1).sum().mul(lambCoef))
                        .add(c.slice(2, 1, nb).sub(c.slice(2, 0, nb - 1)).abs().mean(1).sum().mul(lambCoefDiff));
            }
            r = r == null ? t : r.add(t);
        }
        return r;
    }

    /**
     * {@link #attribute(Activations)} of the activations on the samples x (B, n_0).
     *
     * @param x samples (B, n_0)
     * @return the node and edge scores
     */
    public KanAttribution attribute(Tensor x) {
        try (var s = dev.weft.autograd.GradMode.noGrad()) {
            return attribute(forwardActivations(x));
        }
    }

    /**
     * pykan's attribute(): node and edge importance scores from one forward pass (see {@link KanAttribution}).
     *
     * @param acts from {@link #forwardActivations}
     * @return the node and edge scores
     */
    public KanAttribution attribute(Activations acts) {
        checkActs("KAN.attribute", acts);
        return KanAttribution.of(acts);
    }

    /**
     * pykan's remove_edge: masks edge i -> j of layer l (layer l's mask[i, j] = 0). Modifies this model.
     *
     * @param l the layer, 0 .. L-1
     * @param i the input node, 0 .. n_l - 1
     * @param j the output node, 0 .. n_{l+1} - 1
     */
    public void removeEdge(int l, int i, int j) {
        checkEdge("KAN.removeEdge", l, i, j);
        try (var s = dev.weft.autograd.GradMode.noGrad()) {
            layer(l).mask().select(0, i).select(0, j).fill_(0);
        }
    }

    /**
     * pykan's remove_node (mode 'all'): masks every edge into node i of node layer l (from layer l - 1) and out of it
     * (into layer l + 1), in both branches. Node layers are 0 (the inputs) .. L (the outputs). Modifies this model.
     *
     * @param l the node layer, 0 .. L
     * @param i the node
     */
    public void removeNode(int l, int i) {
        if (l < 0 || l > depth() || i < 0 || i >= width[l]) {
            throw new IllegalArgumentException("KAN.removeNode: node (" + l + ", " + i + ") outside widths " + Arrays.toString(width));
        }
        try (var s = dev.weft.autograd.GradMode.noGrad()) {
            if (l > 0) {
                layer(l - 1).mask().select(1, i).fill_(0);
                symbolic(l - 1).mask().select(0, i).fill_(0);
            }
            if (l < depth()) {
                layer(l).mask().select(0, i).fill_(0);
                symbolic(l).mask().select(1, i).fill_(0);
            }
        }
    }

    /**
     * {@link #pruneNode(Tensor, double)} at pykan's threshold 1e-2.
     *
     * @param x samples (B, n_0)
     * @return the model without the removed nodes
     */
    public KAN pruneNode(Tensor x) {
        return pruneNode(x, 1e-2);
    }

    /**
     * pykan's prune_node: the hidden nodes whose {@link #attribute attribution} score on the samples x (B, n_0) is at
     * most threshold are removed. This model's edges into and out of them are masked ({@link #removeNode}), and the
     * returned model is this one without them: narrower hidden layers (e.g. [2, 5, 1] -> [2, 1, 1]), the kept
     * edges' grids, coefficients, scales and masks (and symbolic branches) copied, so its outputs are this masked
     * model's. Inputs and outputs are kept. A threshold that removes every node of some layer is refused.
     *
     * @param x samples (B, n_0)
     * @param threshold the score at or below which a hidden node goes
     * @return the model without the removed nodes
     */
    public KAN pruneNode(Tensor x, double threshold) {
        return KanPruning.pruneNode(this, attribute(x), OptionChecks.nonNegative("KAN.pruneNode", "threshold", threshold));
    }

    /**
     * {@link #pruneEdge(Tensor, double)} at pykan's threshold 3e-2.
     *
     * @param x samples (B, n_0)
     */
    public void pruneEdge(Tensor x) {
        pruneEdge(x, 3e-2);
    }

    /**
     * pykan's prune_edge: masks every edge whose {@link #attribute attribution} score on the samples x (B, n_0) is at
     * most threshold (mask = mask * (score > threshold)). Modifies this model.
     *
     * @param x samples (B, n_0)
     * @param threshold the score at or below which an edge is masked
     */
    public void pruneEdge(Tensor x, double threshold) {
        KanPruning.pruneEdge(this, attribute(x), OptionChecks.nonNegative("KAN.pruneEdge", "threshold", threshold));
    }

    /**
     * {@link #prune(Tensor, double, double)} at pykan's thresholds: nodes 1e-2, edges 3e-2.
     *
     * @param x samples (B, n_0)
     * @return the smaller model
     */
    public KAN prune(Tensor x) {
        return prune(x, 1e-2, 3e-2);
    }

    /**
     * pykan's prune: {@link #pruneNode} at nodeThreshold (masking this model), then {@link #pruneEdge} of the
     * smaller model at edgeThreshold, its scores recomputed on x (B, n_0). Returns the smaller model.
     *
     * @param x samples (B, n_0)
     * @param nodeThreshold the hidden nodes' threshold
     * @param edgeThreshold the edges' threshold
     * @return the smaller model
     */
    public KAN prune(Tensor x, double nodeThreshold, double edgeThreshold) {
        OptionChecks.nonNegative("KAN.prune", "edgeThreshold", edgeThreshold);
        KAN small = pruneNode(x, nodeThreshold);
        small.pruneEdge(x, edgeThreshold);
        return small;
    }

    /** A model over these options' widths made of the given layers and symbolic branches (pruning). */
    static KAN fromLayers(Options o, List<KANLayer> layers, List<SymbolicKANLayer> symbolic) {
        return new KAN(o, layers, symbolic);
    }

    Options options() {
        return options;
    }

    private void checkActs(String where, Activations acts) {
        if (acts.layers().size() != depth()) {
            throw new IllegalArgumentException(where + ": activations of " + acts.layers().size() + " layers, the model has " + depth());
        }
    }

    private void checkEdge(String where, int l, int i, int j) {
        if (l < 0 || l >= depth() || i < 0 || i >= width[l] || j < 0 || j >= width[l + 1]) {
            throw new IllegalArgumentException(where + ": edge (" + l + ", " + i + ", " + j + ") outside widths " + Arrays.toString(width));
        }
    }

    /**
     * pykan's set_mode: edge i -> j of layer l runs numeric ('n': spline mask 1, symbolic mask 0), symbolic ('s': 0
     * and 1), both ("sn": 1 and 1) or neither (anything else). Modifies this model.
     *
     * @param l the layer, 0 .. L-1
     * @param i the input node, 0 .. n_l - 1
     * @param j the output node, 0 .. n_{l+1} - 1
     * @param mode "n", "s", "sn" or anything else for neither
     */
    public void setMode(int l, int i, int j, String mode) {
        checkEdge("KAN.setMode", l, i, j);
        boolean numeric = mode.equals("n") || mode.equals("sn") || mode.equals("ns");
        boolean sym = mode.equals("s") || mode.equals("sn") || mode.equals("ns");
        try (var s = dev.weft.autograd.GradMode.noGrad()) {
            layer(l).mask().select(0, i).select(0, j).fill_(numeric ? 1 : 0);
            symbolic(l).mask().select(0, j).select(0, i).fill_(sym ? 1 : 0);
        }
    }

    /**
     * pykan's fix_symbolic with fit_params_bool=False: edge i -> j of layer l becomes f(x) (a = 1, b = 0, c = 1, d = 0),
     * f the library function named name ({@link SymbolicLib}); its spline is masked out. Modifies this model.
     *
     * @param l the layer, 0 .. L-1
     * @param i the input node, 0 .. n_l - 1
     * @param j the output node, 0 .. n_{l+1} - 1
     * @param name a {@link SymbolicLib} function ("sin", "x^2", ...)
     */
    public void fixSymbolic(int l, int i, int j, String name) {
        checkEdge("KAN.fixSymbolic", l, i, j);
        symbolic(l).fixSymbolic(i, j, SymbolicLib.get(name), 1, 0, 1, 0);
        setMode(l, i, j, "s");
    }

    /**
     * {@link #fixSymbolic(int, int, int, String, Tensor, SymbolicOptions)} with pykan's ranges (-10, 10).
     *
     * @param l the layer, 0 .. L-1
     * @param i the input node, 0 .. n_l - 1
     * @param j the output node, 0 .. n_{l+1} - 1
     * @param name a {@link SymbolicLib} function
     * @param x samples (B, n_0) to fit a, b, c, d on
     * @return the fit's R^2
     */
    public double fixSymbolic(int l, int i, int j, String name, Tensor x) {
        return fixSymbolic(l, i, j, name, x, SymbolicOptions.defaults());
    }

    /**
     * pykan's fix_symbolic: edge i -> j of layer l becomes c f(a x + b) + d, fit by {@link FitParams} to the edge's
     * activations on the samples x (B, n_0) (its input node's values against its postacts), and its spline is masked
     * out; from then on the model's forward uses the formula for that edge, and a, b, c, d train with the rest.
     * Returns the fit's R^2, or pykan's -1e8 when the edge's spline was masked already. Modifies this model.
     *
     * @param l the layer, 0 .. L-1
     * @param i the input node, 0 .. n_l - 1
     * @param j the output node, 0 .. n_{l+1} - 1
     * @param name a {@link SymbolicLib} function
     * @param x samples (B, n_0) to fit a, b, c, d on
     * @param o the fit's search ranges and settings
     * @return the fit's R^2, or -1e8 if the spline was masked already
     */
    public double fixSymbolic(int l, int i, int j, String name, Tensor x, SymbolicOptions o) {
        checkEdge("KAN.fixSymbolic", l, i, j);
        SymbolicFunction f = SymbolicLib.get(name);
        double[][] xy = edgeSamples(activationsOf(x), l, i, j);
        FitParams.Fit fit = o.fit(xy[0], xy[1], f);
        boolean masked = numericMask(l, i, j) == 0;
        symbolic(l).fixSymbolic(i, j, f, fit.a(), fit.b(), fit.c(), fit.d());
        setMode(l, i, j, "s");
        return masked ? Suggestion.MASKED_R2 : fit.r2();
    }

    /**
     * pykan's unfix_symbolic: edge i -> j of layer l back to its spline (mode 'n'). Modifies this model.
     *
     * @param l the layer, 0 .. L-1
     * @param i the input node, 0 .. n_l - 1
     * @param j the output node, 0 .. n_{l+1} - 1
     */
    public void unfixSymbolic(int l, int i, int j) {
        checkEdge("KAN.unfixSymbolic", l, i, j);
        setMode(l, i, j, "n");
        symbolic(l).fixSymbolic(i, j, SymbolicLib.get("0"), 0, 0, 0, 0);
    }

    /**
     * {@link #suggestSymbolic(int, int, int, Tensor, SymbolicOptions)} with pykan's defaults.
     *
     * @param l the layer, 0 .. L-1
     * @param i the input node, 0 .. n_l - 1
     * @param j the output node, 0 .. n_{l+1} - 1
     * @param x samples (B, n_0)
     * @return the candidates, best first
     */
    public List<Suggestion> suggestSymbolic(int l, int i, int j, Tensor x) {
        return suggestSymbolic(l, i, j, x, SymbolicOptions.defaults());
    }

    /**
     * pykan's suggest_symbolic: the library fit to edge i -> j of layer l on the samples x (B, n_0), ranked best
     * first by weightSimple * complexity + (1 - weightSimple) * log2(1 + 1e-5 - R^2), the top topk. The model is
     * not changed.
     *
     * @param l the layer, 0 .. L-1
     * @param i the input node, 0 .. n_l - 1
     * @param j the output node, 0 .. n_{l+1} - 1
     * @param x samples (B, n_0)
     * @param o the library, topk, weightSimple and fit settings
     * @return the candidates, best first
     */
    public List<Suggestion> suggestSymbolic(int l, int i, int j, Tensor x, SymbolicOptions o) {
        checkEdge("KAN.suggestSymbolic", l, i, j);
        double[][] xy = edgeSamples(activationsOf(x), l, i, j);
        return Suggestion.rank(xy[0], xy[1], numericMask(l, i, j) == 0, o);
    }

    /**
     * {@link #autoSymbolic(Tensor, SymbolicOptions)} over the functions named in lib.
     *
     * @param x samples (B, n_0)
     * @param lib names of {@link SymbolicLib} functions to try
     * @return what was done with each edge
     */
    public List<SymbolicChoice> autoSymbolic(Tensor x, List<String> lib) {
        return autoSymbolic(x, SymbolicOptions.defaults().lib(lib));
    }

    /**
     * pykan's auto_symbolic: every edge, layer by layer, on one forward pass over the samples x (B, n_0): an edge
     * that is symbolic already is skipped, a masked one is fixed to "0", any other is fixed to its best
     * {@link #suggestSymbolic suggestion} when that one's R^2 is at least r2Threshold. Returns what was done with each
     * edge. Modifies this model.
     *
     * @param x samples (B, n_0)
     * @param o the library, r2Threshold and fit settings
     * @return what was done with each edge
     */
    public List<SymbolicChoice> autoSymbolic(Tensor x, SymbolicOptions o) {
        Activations acts = activationsOf(x);
        List<SymbolicChoice> done = new ArrayList<>();
        for (int l = 0; l < depth(); l++) {
            double[] sMask = symbolic(l).mask().toDoubleArray();
            for (int i = 0; i < width[l]; i++) {
                for (int j = 0; j < width[l + 1]; j++) {
                    boolean numeric = numericMask(l, i, j) != 0, sym = sMask[j * width[l] + i] != 0;
                    double[][] xy = edgeSamples(acts, l, i, j);
                    if (sym && !numeric) {
                        done.add(new SymbolicChoice(l, i, j, SymbolicChoice.Status.SKIPPED, null, Double.NaN));
                    } else if (!sym && !numeric) {
                        FitParams.Fit fit = o.fit(xy[0], xy[1], SymbolicLib.get("0"));
                        symbolic(l).fixSymbolic(i, j, SymbolicLib.get("0"), fit.a(), fit.b(), fit.c(), fit.d());
                        setMode(l, i, j, "s");
                        done.add(new SymbolicChoice(l, i, j, SymbolicChoice.Status.ZERO, "0", Suggestion.MASKED_R2));
                    } else {
                        Suggestion best = Suggestion.rank(xy[0], xy[1], false, o).get(0);
                        if (best.r2() >= o.r2Threshold()) {
                            FitParams.Fit fit = best.fit();
                            symbolic(l).fixSymbolic(i, j, best.function(), fit.a(), fit.b(), fit.c(), fit.d());
                            setMode(l, i, j, "s");
                            done.add(new SymbolicChoice(l, i, j, SymbolicChoice.Status.FIXED, best.name(), best.r2()));
                        } else {
                            done.add(new SymbolicChoice(l, i, j, SymbolicChoice.Status.OMITTED, best.name(), best.r2()));
                        }
                    }
                }
            }
        }
        return done;
    }

    /**
     * {@link #symbolicFormula(List, int)} with inputs x_1 .. x_n and 2 decimals.
     *
     * @return one formula per output
     */
    public List<String> symbolicFormula() {
        List<String> vars = new ArrayList<>();
        for (int v = 1; v <= width[0]; v++) vars.add("x_" + v);
        return symbolicFormula(vars, 2);
    }

    /**
     * pykan's symbolic_formula: each output written out through the symbolic edges ({@link SymbolicFormula}), the
     * inputs named vars, constants to digits decimals. Every edge must be symbolic or masked: an edge whose spline is
     * still on is an error naming it (fix it first, e.g. by {@link #autoSymbolic}).
     *
     * @param vars the names of the n_0 inputs
     * @param digits decimals of each constant
     * @return one formula per output
     * @throws IllegalStateException if an edge still has its spline on
     */
    public List<String> symbolicFormula(List<String> vars, int digits) {
        List<String> numeric = new ArrayList<>();
        List<SymbolicKANLayer> sym = new ArrayList<>();
        for (int l = 0; l < depth(); l++) {
            double[] mask = layer(l).mask().toDoubleArray();
            for (int e = 0; e < mask.length; e++) if (mask[e] != 0) numeric.add("(" + l + "," + e / width[l + 1] + "," + e % width[l + 1] + ")");
            sym.add(symbolic(l));
        }
        if (!numeric.isEmpty()) {
            throw new IllegalStateException("KAN.symbolicFormula: edges " + String.join(", ", numeric) + " are still splines; fix them "
                    + "(fixSymbolic or autoSymbolic) or remove them first");
        }
        return SymbolicFormula.of(sym, vars, digits);
    }

    private Activations activationsOf(Tensor x) {
        try (var s = dev.weft.autograd.GradMode.noGrad()) {
            return forwardActivations(x);
        }
    }

    /** {x, y}: the input node's values and the postacts of edge i -> j of layer l. */
    private static double[][] edgeSamples(Activations acts, int l, int i, int j) {
        return new double[][] {acts.input(l).select(1, i).contiguous().toDoubleArray(),
                acts.postacts(l).select(1, j).select(1, i).contiguous().toDoubleArray()};
    }

    private double numericMask(int l, int i, int j) {
        return layer(l).mask().select(0, i).select(0, j).item();
    }

    /**
     * pykan's update_grid_from_samples over the model: layer l's grid adapts to its inputs on the samples x (B, n_0),
     * which are recomputed after the layers before it have been updated.
     *
     * @param x samples (B, n_0)
     */
    public void updateGridFromSamples(Tensor x) {
        for (int l = 0; l < depth(); l++) {
            Tensor in = x;
            try (var s = dev.weft.autograd.GradMode.noGrad()) {
                for (int p = 0; p < l; p++) in = layerForward(p, in);
            }
            layer(l).updateGridFromSamples(in);
        }
    }

    /**
     * Grid extension (pykan's refine): a new KAN of the same widths with newGrid intervals per edge, each layer
     * {@link KANLayer#refine refined} on its inputs from the samples x (B, n_0): the same function up to fit error.
     *
     * @param newGrid the new G
     * @param x samples (B, n_0) the new splines are fit on
     * @return the new model (this one is unchanged)
     */
    public KAN refine(int newGrid, Tensor x) {
        List<KANLayer> layers = new ArrayList<>();
        List<SymbolicKANLayer> sym = new ArrayList<>();
        Tensor in = x;
        for (int l = 0; l < depth(); l++) {
            layers.add(layer(l).refine(newGrid, in));
            sym.add(symbolic(l).copy());
            try (var s = dev.weft.autograd.GradMode.noGrad()) {
                in = layerForward(l, in);
            }
        }
        return new KAN(options.copy().grid(newGrid), layers, sym);
    }

    @Override
    protected String extraRepr() {
        return "width=" + Arrays.toString(width) + ", grid=" + grid + ", k=" + k;
    }

    /** KAN's options (pykan MultKAN's keyword arguments that apply). */
    public static final class Options {
        private final int[] width;
        private int grid = 3, k = 3;
        private double noiseScale = 0.3, scaleBaseMu = 0, scaleBaseSigma = 1, gridEps = 0.02, gridLo = -1, gridHi = 1;
        private BaseFun baseFun = BaseFun.SILU;
        private boolean spTrainable = true, sbTrainable = true;
        private Generator generator;

        private Options(int[] width) {
            this.width = width.clone();
        }

        Options copy() {
            return withWidth(width);
        }

        /** These options with other widths. */
        Options withWidth(int[] width) {
            Options c = new Options(width);
            c.grid = grid;
            c.k = k;
            c.noiseScale = noiseScale;
            c.scaleBaseMu = scaleBaseMu;
            c.scaleBaseSigma = scaleBaseSigma;
            c.gridEps = gridEps;
            c.gridLo = gridLo;
            c.gridHi = gridHi;
            c.baseFun = baseFun;
            c.spTrainable = spTrainable;
            c.sbTrainable = sbTrainable;
            c.generator = generator;
            return c;
        }

        /**
         * G, the number of grid intervals of every edge.
         *
         * @param grid G, default 3
         * @return these options
         */
        public Options grid(int grid) { this.grid = grid; return this; }

        /**
         * The spline order.
         *
         * @param k default 3 (cubic)
         * @return these options
         */
        public Options k(int k) { this.k = k; return this; }

        /**
         * The scale of the initial spline noise.
         *
         * @param noiseScale default 0.3
         * @return these options
         */
        public Options noiseScale(double noiseScale) { this.noiseScale = noiseScale; return this; }

        /**
         * scale_base starts at mu / sqrt(in) + sigma * U(-1, 1) / sqrt(in).
         *
         * @param mu default 0
         * @param sigma default 1
         * @return these options
         */
        public Options scaleBase(double mu, double sigma) { this.scaleBaseMu = mu; this.scaleBaseSigma = sigma; return this; }

        /**
         * The residual function b(x).
         *
         * @param baseFun default SiLU
         * @return these options
         */
        public Options baseFun(BaseFun baseFun) { this.baseFun = baseFun; return this; }

        /**
         * Uniform share of an updated grid.
         *
         * @param gridEps in [0, 1], default 0.02 (0: grid from quantiles only)
         * @return these options
         */
        public Options gridEps(double gridEps) { this.gridEps = gridEps; return this; }

        /**
         * The initial grid's range.
         *
         * @param lo default -1
         * @param hi default 1
         * @return these options
         */
        public Options gridRange(double lo, double hi) { this.gridLo = lo; this.gridHi = hi; return this; }

        /**
         * Whether scale_sp is trained.
         *
         * @param on default true
         * @return these options
         */
        public Options spTrainable(boolean on) { this.spTrainable = on; return this; }

        /**
         * Whether scale_base is trained.
         *
         * @param on default true
         * @return these options
         */
        public Options sbTrainable(boolean on) { this.sbTrainable = on; return this; }

        /**
         * The generator of every layer's initial values.
         *
         * @param g default {@link Init#defaultGenerator()}
         * @return these options
         */
        public Options generator(Generator g) { this.generator = g; return this; }
    }
}
