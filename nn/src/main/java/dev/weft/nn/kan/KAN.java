package dev.weft.nn.kan;

import dev.weft.nn.Module;
import dev.weft.nn.ModuleList;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Kolmogorov-Arnold Network (Liu et al. 2024) from widths [n_0, n_1, ..., n_L]: KAN(x) = (Phi_{L-1} o ... o Phi_0)(x),
 * each Phi_l a {@link KANLayer} (n_l -> n_{l+1}), pykan's MultKAN without multiplication nodes, node affines
 * or symbolic branches. Submodules act_fun.0, act_fun.1, ... as pykan names them, so a state dict (grid and
 * mask buffers included) reads like pykan's. Defaults are MultKAN's: grid 3, k 3, noiseScale 0.3. The grid
 * adapts to data by {@link #updateGridFromSamples}, is extended by {@link #refine}; {@link #reg} is the
 * paper's sparsity regularizer over the activations of {@link #forwardActivations}.
 */
public class KAN extends Module {
    private final int[] width;
    public final int grid, k;
    private final Options options;
    private final ModuleList actFun;

    /** {@code new KAN(2, 5, 1)}: widths with the default options. */
    public KAN(int... width) {
        this(options(width));
    }

    /** {@code new KAN(KAN.options(2, 5, 1).grid(5).k(3).generator(g))}. */
    public KAN(Options o) {
        this(o, null);
    }

    private KAN(Options o, List<KANLayer> layers) {
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
    }

    /** Options with pykan MultKAN's defaults: grid 3, k 3, noiseScale 0.3, scaleBase mu 0 sigma 1, SiLU, gridEps 0.02, gridRange [-1, 1]. */
    public static Options options(int... width) {
        return new Options(width);
    }

    /** The widths [n_0, ..., n_L]. */
    public int[] width() {
        return width.clone();
    }

    /** The number of layers L. */
    public int depth() {
        return width.length - 1;
    }

    /** Layer l (n_l -> n_{l+1}). */
    public KANLayer layer(int l) {
        return actFun.get(l, KANLayer.class);
    }

    // x: (B, n_0) -> (B, n_L)
    @Override
    public Tensor forward(Tensor x) {
        for (int l = 0; l < depth(); l++) x = layer(l).forward(x);
        return x;
    }

    /** The output and every layer's per-edge activations (pykan's forward with save_act). */
    public record Activations(Tensor y, List<KANLayer.Activations> layers) {
        /** Layer l's input x_l (B, n_l) (pykan's acts[l]). */
        public Tensor input(int l) {
            return layers.get(l).preacts().select(1, 0);
        }

        /** Layer l's edge activations (B, n_{l+1}, n_l) (pykan's spline_postacts[l]). */
        public Tensor postacts(int l) {
            return layers.get(l).postacts();
        }

        /** Layer l's output (B, n_{l+1}): the next layer's input, or y for the last layer. */
        public Tensor output(int l) {
            return l + 1 < layers.size() ? input(l + 1) : y;
        }
    }

    /** The paper-faithful forward: every layer's edges formed (needed by {@link #reg}). x (B, n_0). */
    public Activations forwardActivations(Tensor x) {
        List<KANLayer.Activations> acts = new ArrayList<>();
        for (int l = 0; l < depth(); l++) {
            KANLayer.Activations a = layer(l).forwardActivations(x);
            acts.add(a);
            x = a.y();
        }
        return new Activations(x, List.copyOf(acts));
    }

    /** {@link #reg(Activations, double, double, double, double)} with mu1 = 1, mu2 = 1 (the paper's) and no coefficient terms. */
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

    /** {@link #attribute(Activations)} of the activations on the samples x (B, n_0). */
    public KanAttribution attribute(Tensor x) {
        try (var s = dev.weft.autograd.GradMode.noGrad()) {
            return attribute(forwardActivations(x));
        }
    }

    /** pykan's attribute(): node and edge importance scores from one forward pass (see {@link KanAttribution}). */
    public KanAttribution attribute(Activations acts) {
        checkActs("KAN.attribute", acts);
        return KanAttribution.of(acts);
    }

    /** pykan's remove_edge: masks edge i -> j of layer l (layer l's mask[i, j] = 0). Modifies this model. */
    public void removeEdge(int l, int i, int j) {
        checkEdge("KAN.removeEdge", l, i, j);
        try (var s = dev.weft.autograd.GradMode.noGrad()) {
            layer(l).mask().select(0, i).select(0, j).fill_(0);
        }
    }

    /**
     * pykan's remove_node (mode 'all'): masks every edge into node i of node layer l (from layer l - 1) and out of it
     * (into layer l + 1). Node layers are 0 (the inputs) .. L (the outputs). Modifies this model.
     */
    public void removeNode(int l, int i) {
        if (l < 0 || l > depth() || i < 0 || i >= width[l]) {
            throw new IllegalArgumentException("KAN.removeNode: node (" + l + ", " + i + ") outside widths " + Arrays.toString(width));
        }
        try (var s = dev.weft.autograd.GradMode.noGrad()) {
            if (l > 0) layer(l - 1).mask().select(1, i).fill_(0);
            if (l < depth()) layer(l).mask().select(0, i).fill_(0);
        }
    }

    /** {@link #pruneNode(Tensor, double)} at pykan's threshold 1e-2. */
    public KAN pruneNode(Tensor x) {
        return pruneNode(x, 1e-2);
    }

    /**
     * pykan's prune_node: the hidden nodes whose {@link #attribute attribution} score on the samples x (B, n_0) is at
     * most threshold are removed. This model's edges into and out of them are masked ({@link #removeNode}), and the
     * returned model is this one without them: narrower hidden layers (e.g. [2, 5, 1] -> [2, 1, 1]), the kept
     * edges' grids, coefficients, scales and masks (and symbolic branches) copied, so its outputs are this masked
     * model's. Inputs and outputs are kept. A threshold that removes every node of some layer is refused.
     */
    public KAN pruneNode(Tensor x, double threshold) {
        return KanPruning.pruneNode(this, attribute(x), OptionChecks.nonNegative("KAN.pruneNode", "threshold", threshold));
    }

    /** {@link #pruneEdge(Tensor, double)} at pykan's threshold 3e-2. */
    public void pruneEdge(Tensor x) {
        pruneEdge(x, 3e-2);
    }

    /**
     * pykan's prune_edge: masks every edge whose {@link #attribute attribution} score on the samples x (B, n_0) is at
     * most threshold (mask = mask * (score > threshold)). Modifies this model.
     */
    public void pruneEdge(Tensor x, double threshold) {
        KanPruning.pruneEdge(this, attribute(x), OptionChecks.nonNegative("KAN.pruneEdge", "threshold", threshold));
    }

    /** {@link #prune(Tensor, double, double)} at pykan's thresholds: nodes 1e-2, edges 3e-2. */
    public KAN prune(Tensor x) {
        return prune(x, 1e-2, 3e-2);
    }

    /**
     * pykan's prune: {@link #pruneNode} at nodeThreshold (masking this model), then {@link #pruneEdge} of the
     * smaller model at edgeThreshold, its scores recomputed on x (B, n_0). Returns the smaller model.
     */
    public KAN prune(Tensor x, double nodeThreshold, double edgeThreshold) {
        OptionChecks.nonNegative("KAN.prune", "edgeThreshold", edgeThreshold);
        KAN small = pruneNode(x, nodeThreshold);
        small.pruneEdge(x, edgeThreshold);
        return small;
    }

    /** A model over these options' widths made of the given layers (pruning). */
    static KAN fromLayers(Options o, List<KANLayer> layers) {
        return new KAN(o, layers);
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
     * pykan's update_grid_from_samples over the model: layer l's grid adapts to its inputs on the samples x (B, n_0),
     * which are recomputed after the layers before it have been updated.
     */
    public void updateGridFromSamples(Tensor x) {
        for (int l = 0; l < depth(); l++) {
            Tensor in = x;
            try (var s = dev.weft.autograd.GradMode.noGrad()) {
                for (int p = 0; p < l; p++) in = layer(p).forward(in);
            }
            layer(l).updateGridFromSamples(in);
        }
    }

    /**
     * Grid extension (pykan's refine): a new KAN of the same widths with newGrid intervals per edge, each layer
     * {@link KANLayer#refine refined} on its inputs from the samples x (B, n_0): the same function up to fit error.
     */
    public KAN refine(int newGrid, Tensor x) {
        List<KANLayer> layers = new ArrayList<>();
        Tensor in = x;
        for (int l = 0; l < depth(); l++) {
            layers.add(layer(l).refine(newGrid, in));
            try (var s = dev.weft.autograd.GradMode.noGrad()) {
                in = layer(l).forward(in);
            }
        }
        return new KAN(options.copy().grid(newGrid), layers);
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

        /** G, the number of grid intervals of every edge. */
        public Options grid(int grid) { this.grid = grid; return this; }

        /** The spline order. */
        public Options k(int k) { this.k = k; return this; }

        /** The scale of the initial spline noise. */
        public Options noiseScale(double noiseScale) { this.noiseScale = noiseScale; return this; }

        /** scale_base starts at mu / sqrt(in) + sigma * U(-1, 1) / sqrt(in). */
        public Options scaleBase(double mu, double sigma) { this.scaleBaseMu = mu; this.scaleBaseSigma = sigma; return this; }

        /** The residual function b(x). */
        public Options baseFun(BaseFun baseFun) { this.baseFun = baseFun; return this; }

        /** Uniform share of an updated grid. */
        public Options gridEps(double gridEps) { this.gridEps = gridEps; return this; }

        /** The initial grid's range. */
        public Options gridRange(double lo, double hi) { this.gridLo = lo; this.gridHi = hi; return this; }

        /** Whether scale_sp is trained. */
        public Options spTrainable(boolean on) { this.spTrainable = on; return this; }

        /** Whether scale_base is trained. */
        public Options sbTrainable(boolean on) { this.sbTrainable = on; return this; }

        /** The generator of every layer's initial values. */
        public Options generator(Generator g) { this.generator = g; return this; }
    }
}
