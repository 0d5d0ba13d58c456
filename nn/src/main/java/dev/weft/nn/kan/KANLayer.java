package dev.weft.nn.kan;

import dev.weft.autograd.GradMode;
import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

/**
 * One KAN layer (Liu et al. 2024, "KAN: Kolmogorov-Arnold Networks"), pykan's KANLayer: a learnable
 * activation on every edge (i -> o) and a sum at each output,
 * <pre>
 *   y[b, o] = sum_i mask[i, o] phi_{i,o}(x[b, i]),
 *   phi_{i,o}(x) = scale_base[i, o] b(x) + scale_sp[i, o] spline_{i,o}(x)           (KAN eq. 2.10)
 *   spline_{i,o}(x) = sum_m coef[i, o, m] B_m(x)                                    (KAN eq. 2.11)
 * </pre>
 * with b = SiLU by default and B_m the order-k B-splines on input i's extended grid of G intervals.
 * Parameters (pykan's names): coef (in, out, G + k), scale_base (in, out), scale_sp (in, out); buffers grid
 * (in, G + 2k + 1) and mask (in, out). Initialization as pykan: the grid uniform on gridRange, extended by
 * k knots each side; coef the least-squares (minimum-norm) fit of noise U(-1/2, 1/2) * noiseScale / G at the
 * G + 1 inner knots; scale_base = mu / sqrt(in) + sigma * U(-1, 1) / sqrt(in); scale_sp = scaleSp / sqrt(in).
 *
 * <p>{@link #forward} is the fast path (efficient-kan's formulation): b(x) times (scale_base * mask) as one
 * GEMM, plus the basis expansion (B, in * (G + k)) times the folded weights scale_sp * mask * coef as another,
 * the expansion one fused autograd function ({@link Spline#basis}). {@link #forwardActivations} is the
 * paper-faithful path with every edge's activation; the two agree up to rounding. The grid adapts to data by
 * {@link #updateGridFromSamples} and is refined by {@link #refine} (see {@link KanGrid}).
 */
public class KANLayer extends Module implements EdgeLayer {
    /** The input and output widths, G (grid intervals) and the spline order k. */
    public final int inDim, outDim, num, k;
    /** The mix of a uniform grid into the adaptive one on grid updates (0: percentiles only, 1: uniform). */
    public final double gridEps;
    /** The residual function b(x). */
    public final BaseFun baseFun;
    private final Options options;

    /**
     * A layer with pykan's defaults ({@link #options(int, int)}).
     *
     * @param inDim the input width
     * @param outDim the output width
     */
    public KANLayer(int inDim, int outDim) {
        this(options(inDim, outDim));
    }

    /**
     * {@code new KANLayer(KANLayer.options(2, 5).num(10).k(3).noiseScale(0.1).generator(g))}.
     *
     * @param o the options (copied)
     * @throws IllegalArgumentException when a size is below 1, k is negative, noiseScale negative, gridEps outside
     *         [0, 1], baseFun null or the grid range not increasing
     */
    public KANLayer(Options o) {
        String me = "KANLayer";
        OptionChecks.atLeast(me, "inDim", o.inDim, 1);
        OptionChecks.atLeast(me, "outDim", o.outDim, 1);
        OptionChecks.atLeast(me, "num", o.num, 1);
        OptionChecks.atLeast(me, "k", o.k, 0);
        OptionChecks.nonNegative(me, "noiseScale", o.noiseScale);
        OptionChecks.probability(me, "gridEps", o.gridEps);
        OptionChecks.nonNull(me, "baseFun", o.baseFun);
        if (!(o.gridLo < o.gridHi)) throw new IllegalArgumentException(me + ": gridRange must be increasing, got [" + o.gridLo + ", " + o.gridHi + "]");
        this.options = o.copy();
        this.inDim = o.inDim;
        this.outDim = o.outDim;
        this.num = o.num;
        this.k = o.k;
        this.gridEps = o.gridEps;
        this.baseFun = o.baseFun;
        Generator g = o.generator != null ? o.generator : Init.defaultGenerator();
        try (var s = GradMode.noGrad()) {
            Tensor inner = Tensor.linspace(o.gridLo, o.gridHi, num + 1, DType.F64).reshape(1, num + 1).expand(inDim, num + 1);
            Tensor grid = Spline.extendGrid(inner.contiguous(), k);
            Tensor noise = Tensor.rand(g, DType.F64, num + 1, inDim, outDim).sub(0.5).mul(o.noiseScale / num);
            Tensor coef = Spline.curveToCoef(grid.slice(1, k, k + num + 1).t().contiguous(), noise, grid, k);
            double rs = 1 / Math.sqrt(inDim);
            Tensor sb = Tensor.rand(g, DType.F64, inDim, outDim).mul(2).sub(1).mul(o.scaleBaseSigma * rs).add(o.scaleBaseMu * rs);
            registerParameter("coef", coef.to(DType.F32));
            registerParameter("scale_base", sb.to(DType.F32));
            registerParameter("scale_sp", Tensor.full(o.scaleSp * rs, DType.F32, inDim, outDim));
            registerBuffer("grid", grid.to(DType.F32));
            registerBuffer("mask", Tensor.ones(DType.F32, inDim, outDim));
        }
        param("scale_base").requiresGrad(o.sbTrainable);
        param("scale_sp").requiresGrad(o.spTrainable);
    }

    /**
     * Options with pykan's KANLayer defaults: num 5, k 3, noiseScale 0.5, scaleBase mu 0 sigma 1, scaleSp 1, SiLU, gridEps 0.02, gridRange [-1, 1].
     *
     * @param inDim the input width
     * @param outDim the output width
     * @return fresh options
     */
    public static Options options(int inDim, int outDim) {
        return new Options(inDim, outDim);
    }

    /** {@return the options this layer was built with (a copy)} */
    public Options options() {
        return options.copy();
    }

    // x: (..., in) -> (..., out)
    @Override
    public Tensor forward(Tensor x) {
        Tensor x2 = flatten(x);
        int b = x2.size(0), nb = Spline.numBases(buffer("grid").size(1), k);
        Tensor mask = buffer("mask");
        Tensor ws = param("coef").mul(param("scale_sp").mul(mask).unsqueeze(2))               // (in, out, nb)
                .permute(0, 2, 1).reshape(inDim * nb, outDim);
        Tensor y = Spline.basis(x2, buffer("grid"), k).reshape(b, inDim * nb).mm(ws);
        if (baseFun != BaseFun.ZERO) y = y.add(baseFun.apply(x2).mm(param("scale_base").mul(mask)));
        int[] shape = x.shape().clone();
        shape[shape.length - 1] = outDim;
        return y.reshape(shape);
    }

    /**
     * pykan's forward outputs, all (B, out, in) but y.
     *
     * @param y the layer's output (B, out): the sum over inputs of postacts
     * @param preacts x fanned out to the edges
     * @param postacts mask * phi(x) per edge
     * @param postspline spline(x) per edge, before scale_sp and mask
     */
    public record Activations(Tensor y, Tensor preacts, Tensor postacts, Tensor postspline) {}

    /**
     * The paper-faithful forward, every edge's activation formed.
     *
     * @param x the input (B, in)
     * @return the output and the per-edge activations
     * @throws IllegalArgumentException when x is not 2-d
     */
    public Activations forwardActivations(Tensor x) {
        if (x.dim() != 2) throw new IllegalArgumentException(this + ".forwardActivations: input " + Shape.format(x.shape()) + " must be (B, in)");
        Tensor x2 = flatten(x);
        int b = x2.size(0);
        Tensor postspline = Spline.coefToCurve(x2, buffer("grid"), param("coef"), k).permute(0, 2, 1);    // (B, out, in)
        Tensor mask = buffer("mask").t(), sp = param("scale_sp").t(), sb = param("scale_base").t();      // (out, in)
        Tensor phi = postspline.mul(sp);
        if (baseFun != BaseFun.ZERO) phi = phi.add(baseFun.apply(x2).unsqueeze(1).mul(sb));
        Tensor postacts = phi.mul(mask);
        return new Activations(postacts.sum(2), x2.unsqueeze(1).expand(b, outDim, inDim), postacts, postspline);
    }

    /**
     * pykan's update_grid_from_samples: the grid of each input moves to the samples' percentiles mixed with a
     * uniform grid over their range, grid = gridEps * uniform + (1 - gridEps) * adaptive (then extended by k knots),
     * and coef is refit by least squares so each edge's spline stays what it was on the samples. In place:
     * grid and coef keep their tensors (an optimizer holding coef keeps working).
     *
     * @param x the samples (B, in)
     */
    public void updateGridFromSamples(Tensor x) {
        Tensor x2 = flatten(x);
        try (var s = GradMode.noGrad()) {
            Tensor[] gc = KanGrid.fromSamples(x2, buffer("grid"), param("coef"), num, k, gridEps);
            buffer("grid").copy_(gc[0]);
            param("coef").copy_(gc[1]);
        }
    }

    /**
     * Grid extension (pykan's initialize_grid_from_parent, mode 'sample'): a new layer with newNum intervals whose
     * grid interpolates this grid's points, whose coef is the least-squares fit of this layer's splines at the
     * samples, and with this layer's scale_base, scale_sp and mask: the same function up to fit error.
     *
     * @param newNum G of the new layer
     * @param x the samples (B, in) the splines are fit at
     * @return the refined layer (this one is unchanged)
     */
    public KANLayer refine(int newNum, Tensor x) {
        Tensor x2 = flatten(x);
        KANLayer child = new KANLayer(options.copy().num(newNum).generator(new Generator(0)));
        child.to(param("coef").dtype());
        try (var s = GradMode.noGrad()) {
            Tensor[] gc = KanGrid.refined(x2, buffer("grid"), param("coef"), num, newNum, k);
            child.buffer("grid").copy_(gc[0]);
            child.param("coef").copy_(gc[1]);
            child.param("scale_base").copy_(param("scale_base"));
            child.param("scale_sp").copy_(param("scale_sp"));
            child.buffer("mask").copy_(buffer("mask"));
        }
        return child;
    }

    /**
     * pykan's get_subset (used by pruning): a new layer over the inputs inIds and outputs outIds of this one, in
     * that order, with their rows of grid, coef, scale_base, scale_sp and mask: edge (p, q) of the subset is edge
     * (inIds[p], outIds[q]) of this layer, the same function.
     *
     * @param inIds the inputs kept, distinct and in [0, inDim)
     * @param outIds the outputs kept, distinct and in [0, outDim)
     * @return the smaller layer
     * @throws IllegalArgumentException when ids repeat or are out of range
     */
    public KANLayer subset(int[] inIds, int[] outIds) {
        checkIds("in", inIds, inDim);
        checkIds("out", outIds, outDim);
        KANLayer child = new KANLayer(options.copy(inIds.length, outIds.length).generator(new Generator(0)));
        child.to(param("coef").dtype());
        Tensor in = ids(inIds), out = ids(outIds);
        try (var s = GradMode.noGrad()) {
            child.buffer("grid").copy_(buffer("grid").indexSelect(0, in));
            child.param("coef").copy_(param("coef").indexSelect(0, in).indexSelect(1, out));
            child.param("scale_base").copy_(param("scale_base").indexSelect(0, in).indexSelect(1, out));
            child.param("scale_sp").copy_(param("scale_sp").indexSelect(0, in).indexSelect(1, out));
            child.buffer("mask").copy_(buffer("mask").indexSelect(0, in).indexSelect(1, out));
        }
        return child;
    }

    private void checkIds(String side, int[] idList, int n) {
        boolean[] seen = new boolean[n];
        for (int id : idList) {
            if (id < 0 || id >= n || seen[id]) {
                throw new IllegalArgumentException(this + ".subset: " + side + " ids " + java.util.Arrays.toString(idList)
                        + " must be distinct and in [0, " + n + ")");
            }
            seen[id] = true;
        }
        if (idList.length == 0) throw new IllegalArgumentException(this + ".subset: no " + side + " ids");
    }

    private static Tensor ids(int[] idList) {
        long[] l = new long[idList.length];
        for (int i = 0; i < l.length; i++) l[i] = idList[i];
        return Tensor.of(l);
    }

    @Override
    public int inDim() { return inDim; }

    @Override
    public int outDim() { return outDim; }

    /** {@return the grid buffer (in, G + 2k + 1)} */
    public Tensor grid() { return buffer("grid"); }

    /** {@return the mask buffer (in, out): 1 keeps an edge, 0 removes it} */
    public Tensor mask() { return buffer("mask"); }

    /** {@return the spline coefficients (in, out, G + k)} */
    public Tensor coef() { return param("coef"); }

    private Tensor flatten(Tensor x) {
        if (x.dim() < 1 || x.size(-1) != inDim) {
            throw new IllegalArgumentException(this + ": input " + Shape.format(x.shape()) + ": last dim "
                    + (x.dim() < 1 ? "(none)" : String.valueOf(x.size(-1))) + " != in " + inDim);
        }
        DType dt = param("coef").dtype();
        if (x.dtype() != dt) {
            throw new IllegalArgumentException(this + ": input " + x.dtype() + " " + Shape.format(x.shape()) + ", parameters " + dt
                    + ": convert the input (input.to(DType." + dt.name() + ")) or the layer (layer.to(DType." + x.dtype().name() + "))");
        }
        return x.reshape(-1, inDim);
    }

    @Override
    protected String extraRepr() {
        return "in=" + inDim + ", out=" + outDim + ", num=" + num + ", k=" + k + ", base_fun=" + baseFun;
    }

    /** KANLayer's options (pykan's keyword arguments). */
    public static final class Options {
        private final int inDim, outDim;
        private int num = 5, k = 3;
        private double noiseScale = 0.5, scaleBaseMu = 0, scaleBaseSigma = 1, scaleSp = 1, gridEps = 0.02, gridLo = -1, gridHi = 1;
        private BaseFun baseFun = BaseFun.SILU;
        private boolean spTrainable = true, sbTrainable = true;
        private Generator generator;

        private Options(int inDim, int outDim) {
            this.inDim = inDim;
            this.outDim = outDim;
        }

        Options copy() {
            return copy(inDim, outDim);
        }

        /** These options for a layer of other sizes. */
        Options copy(int inDim, int outDim) {
            Options c = new Options(inDim, outDim);
            c.num = num;
            c.k = k;
            c.noiseScale = noiseScale;
            c.scaleBaseMu = scaleBaseMu;
            c.scaleBaseSigma = scaleBaseSigma;
            c.scaleSp = scaleSp;
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
         * Sets G, the number of grid intervals (default 5).
         *
         * @param num G, at least 1
         * @return these options
         */
        public Options num(int num) { this.num = num; return this; }

        /**
         * Sets the spline order (degree of the pieces; default 3 = cubic).
         *
         * @param k the order, at least 0
         * @return these options
         */
        public Options k(int k) { this.k = k; return this; }

        /**
         * Sets the scale of the noise the splines are initialized to (default 0.5).
         *
         * @param noiseScale the scale, at least 0
         * @return these options
         */
        public Options noiseScale(double noiseScale) { this.noiseScale = noiseScale; return this; }

        /**
         * scale_base starts at mu / sqrt(in) + sigma * U(-1, 1) / sqrt(in) (defaults 0 and 1).
         *
         * @param mu the mean part
         * @param sigma the width of the uniform part
         * @return these options
         */
        public Options scaleBase(double mu, double sigma) { this.scaleBaseMu = mu; this.scaleBaseSigma = sigma; return this; }

        /**
         * scale_sp starts at scaleSp / sqrt(in) (default 1).
         *
         * @param scaleSp the initial value before the 1 / sqrt(in) factor
         * @return these options
         */
        public Options scaleSp(double scaleSp) { this.scaleSp = scaleSp; return this; }

        /**
         * Sets the residual function b(x) (default SiLU).
         *
         * @param baseFun the function; {@link BaseFun#ZERO} drops the residual
         * @return these options
         */
        public Options baseFun(BaseFun baseFun) { this.baseFun = baseFun; return this; }

        /**
         * Sets the grid mix on updates (default 0.02): 1 a uniform grid, 0 percentiles of the samples, in between mixes them.
         *
         * @param gridEps the mix, in [0, 1]
         * @return these options
         */
        public Options gridEps(double gridEps) { this.gridEps = gridEps; return this; }

        /**
         * Sets the initial grid's range (default [-1, 1]).
         *
         * @param lo the lower end
         * @param hi the upper end, above lo
         * @return these options
         */
        public Options gridRange(double lo, double hi) { this.gridLo = lo; this.gridHi = hi; return this; }

        /**
         * Sets whether scale_sp is trained (default true).
         *
         * @param on true to train it
         * @return these options
         */
        public Options spTrainable(boolean on) { this.spTrainable = on; return this; }

        /**
         * Sets whether scale_base is trained (default true).
         *
         * @param on true to train it
         * @return these options
         */
        public Options sbTrainable(boolean on) { this.sbTrainable = on; return this; }

        /**
         * Sets the generator of the initial noise and scale_base (default: the shared default generator).
         *
         * @param g the generator
         * @return these options
         */
        public Options generator(Generator g) { this.generator = g; return this; }
    }
}
