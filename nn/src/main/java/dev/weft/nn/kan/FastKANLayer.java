package dev.weft.nn.kan;

import dev.weft.autograd.GradMode;
import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.LayerNorm;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * FastKAN's layer (Li 2024, "Kolmogorov-Arnold Networks are Radial Basis Function Networks"; ZiyaoLi/fast-kan's
 * FastKANLayer): the B-splines replaced by Gaussian radial basis functions on a fixed grid, after a layer norm,
 * <pre>
 *   u = LayerNorm(x)                                                    (when useLayernorm)
 *   rbf_m(u_i) = exp(-((u_i - g_m) / h)^2),   g = linspace(gridMin, gridMax, numGrids),  h = (gridMax - gridMin) / (numGrids - 1)
 *   y = spline_linear(rbf(u) flattened to (B, in * numGrids)) + base_linear(b(x))          (the base term when useBaseUpdate)
 * </pre>
 * spline_linear has no bias and weights (out, in * numGrids) ~ N(0, splineWeightInitScale^2) truncated to [-2, 2]
 * (torch's trunc_normal_ bounds; never binding at the default 0.1); base_linear is a PyTorch Linear(in, out).
 * State dict (fast-kan's names): layernorm.weight, layernorm.bias, rbf.grid (a buffer here: fast-kan's grid is a
 * parameter that never trains), spline_linear.weight, base_linear.weight, base_linear.bias.
 * Defaults are fast-kan's: grid [-2, 2], 8 grids, base update and layer norm on, SiLU, init scale 0.1.
 */
public class FastKANLayer extends Module implements EdgeLayer {
    /** The input and output widths and the number of RBF centres. */
    public final int inDim, outDim, numGrids;
    /** The centres' range and the RBF width h. */
    public final double gridMin, gridMax, denominator;
    /** Whether the base term is added and whether the input is layer-normalized first. */
    public final boolean useBaseUpdate, useLayernorm;
    /** b(x) of the base term. */
    public final BaseFun baseActivation;
    private final LayerNorm layernorm;
    private final RadialBasisFunction rbf;
    private final Linear splineLinear, baseLinear;

    /**
     * A layer with fast-kan's defaults ({@link #options(int, int)}).
     *
     * @param inDim the input width, at least 2 (the layer norm is on)
     * @param outDim the output width
     */
    public FastKANLayer(int inDim, int outDim) {
        this(options(inDim, outDim));
    }

    /**
     * {@code new FastKANLayer(FastKANLayer.options(4, 3).numGrids(10).useLayernorm(false).generator(g))}.
     *
     * @param o the options
     * @throws IllegalArgumentException when a width is below 1, numGrids below 2, the init scale negative, the grid
     *         range not increasing, or the layer norm is on with one input
     */
    public FastKANLayer(Options o) {
        String me = "FastKANLayer";
        OptionChecks.atLeast(me, "inDim", o.inDim, 1);
        OptionChecks.atLeast(me, "outDim", o.outDim, 1);
        OptionChecks.atLeast(me, "numGrids", o.numGrids, 2);
        OptionChecks.nonNegative(me, "splineWeightInitScale", o.initScale);
        OptionChecks.nonNull(me, "baseActivation", o.baseActivation);
        if (!(o.gridMin < o.gridMax)) throw new IllegalArgumentException(me + ": grid range must be increasing, got [" + o.gridMin + ", " + o.gridMax + "]");
        if (o.useLayernorm && o.inDim < 2) {
            throw new IllegalArgumentException(me + ": a layer norm over 1 input is constant; build it with useLayernorm(false) (inDim " + o.inDim + ")");
        }
        this.inDim = o.inDim;
        this.outDim = o.outDim;
        this.numGrids = o.numGrids;
        this.gridMin = o.gridMin;
        this.gridMax = o.gridMax;
        this.denominator = o.denominator > 0 ? o.denominator : (o.gridMax - o.gridMin) / (o.numGrids - 1);
        this.useBaseUpdate = o.useBaseUpdate;
        this.useLayernorm = o.useLayernorm;
        this.baseActivation = o.baseActivation;
        Generator g = o.generator != null ? o.generator : Init.defaultGenerator();
        this.layernorm = useLayernorm ? registerModule("layernorm", new LayerNorm(inDim)) : null;
        this.rbf = registerModule("rbf", new RadialBasisFunction(gridMin, gridMax, numGrids, denominator));
        this.splineLinear = registerModule("spline_linear", new Linear(inDim * numGrids, outDim, false, g));
        try (var s = GradMode.noGrad()) {
            Init.normal(splineLinear.weight(), 0, o.initScale, g);
            splineLinear.weight().clamp_(-2, 2);
        }
        this.baseLinear = useBaseUpdate ? registerModule("base_linear", new Linear(inDim, outDim, true, g)) : null;
    }

    /**
     * Options with fast-kan's defaults: grid [-2, 2], numGrids 8, base update on, layer norm on, SiLU, init scale 0.1.
     *
     * @param inDim the input width
     * @param outDim the output width
     * @return fresh options
     */
    public static Options options(int inDim, int outDim) {
        return new Options(inDim, outDim);
    }

    @Override
    public int inDim() { return inDim; }

    @Override
    public int outDim() { return outDim; }

    /** {@return the RBF centres g (numGrids,)} */
    public Tensor grid() {
        return rbf.grid();
    }

    /**
     * The Gaussian bases exp(-((u - g_m) / h)^2) of u. Differentiable in u.
     *
     * @param u the (normalized) input (..., in)
     * @return the bases (..., in, numGrids)
     */
    public Tensor rbf(Tensor u) {
        return rbf.forward(u);
    }

    // x: (..., in) -> (..., out)
    @Override
    public Tensor forward(Tensor x) {
        Tensor x2 = EdgeInputs.rows(this, x, inDim, splineLinear.weight().dtype());
        Tensor u = useLayernorm ? layernorm.forward(x2) : x2;
        Tensor y = splineLinear.forward(rbf.forward(u).reshape(x2.size(0), inDim * numGrids));
        if (useBaseUpdate) y = y.add(baseLinear.forward(baseActivation.apply(x2)));
        return y.reshape(EdgeInputs.outShape(x, outDim));
    }

    @Override
    protected String extraRepr() {
        return "in=" + inDim + ", out=" + outDim + ", grid=[" + gridMin + ", " + gridMax + "], num_grids=" + numGrids
                + ", use_base_update=" + useBaseUpdate + ", use_layernorm=" + useLayernorm;
    }

    /** FastKANLayer's options (fast-kan's keyword arguments). */
    public static final class Options {
        private final int inDim, outDim;
        private int numGrids = 8;
        private double gridMin = -2, gridMax = 2, denominator = 0, initScale = 0.1;
        private boolean useBaseUpdate = true, useLayernorm = true;
        private BaseFun baseActivation = BaseFun.SILU;
        private Generator generator;

        private Options(int inDim, int outDim) {
            this.inDim = inDim;
            this.outDim = outDim;
        }

        /**
         * The RBF centres' range (default [-2, 2]).
         *
         * @param gridMin the first centre
         * @param gridMax the last centre, above gridMin
         * @return these options
         */
        public Options gridRange(double gridMin, double gridMax) { this.gridMin = gridMin; this.gridMax = gridMax; return this; }

        /**
         * The number of RBF centres (default 8).
         *
         * @param numGrids the count, at least 2
         * @return these options
         */
        public Options numGrids(int numGrids) { this.numGrids = numGrids; return this; }

        /**
         * The RBF width h (default: the grid spacing); larger is smoother.
         *
         * @param h the width; 0 or less means the grid spacing
         * @return these options
         */
        public Options denominator(double h) { this.denominator = h; return this; }

        /**
         * Whether the base term base_linear(b(x)) is added (default true).
         *
         * @param on true to add it
         * @return these options
         */
        public Options useBaseUpdate(boolean on) { this.useBaseUpdate = on; return this; }

        /**
         * Whether the input is layer-normalized before the RBFs (default true; needs inDim of at least 2).
         *
         * @param on true for the layer norm
         * @return these options
         */
        public Options useLayernorm(boolean on) { this.useLayernorm = on; return this; }

        /**
         * b(x) of the base term (default SiLU).
         *
         * @param b the function
         * @return these options
         */
        public Options baseActivation(BaseFun b) { this.baseActivation = b; return this; }

        /**
         * The standard deviation of spline_linear's initial weights (default 0.1).
         *
         * @param s the standard deviation, at least 0
         * @return these options
         */
        public Options splineWeightInitScale(double s) { this.initScale = s; return this; }

        /**
         * The generator of the initial weights (default: the shared default generator).
         *
         * @param g the generator
         * @return these options
         */
        public Options generator(Generator g) { this.generator = g; return this; }
    }
}
