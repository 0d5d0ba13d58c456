package dev.weft.nn.kan;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.attention.Activation;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.function.UnaryOperator;

/**
 * The FAN layer (Dong et al. 2024, "FAN: Fourier Analysis Networks", eq. 9; YihongDong/FAN's FANLayer):
 * <pre>
 *   phi(x) = [cos(W_p x + B_p) || sin(W_p x + B_p) || act(W_g x + B_g)]
 *   d_p = floor(out * pRatio),   d_g = out - 2 d_p
 * </pre>
 * W_p (d_p, in) shared by the cosine and sine halves, W_g (d_g, in), both PyTorch Linear layers
 * (input_linear_p, with bias B_p when useBias as FAN's use_p_bias, and input_linear_g, FAN's names). Defaults are
 * FAN's: pRatio 0.25 (0 &lt; pRatio &lt; 0.5), GELU (exact), useBias true. The output order is cos, sin, g.
 */
public class FANLayer extends Module implements EdgeLayer {
    /** The input and output widths, d_p (the width of each of the cosine and sine parts) and d_g. */
    public final int inDim, outDim, pDim, gDim;
    /** The share of outputs in each of the cosine and sine parts. */
    public final double pRatio;
    private final UnaryOperator<Tensor> activation;
    private final String activationName;
    private final Linear inputLinearP, inputLinearG;

    /**
     * A layer with FAN's defaults ({@link #options(int, int)}).
     *
     * @param inDim the input width
     * @param outDim the output width
     */
    public FANLayer(int inDim, int outDim) {
        this(options(inDim, outDim));
    }

    /**
     * {@code new FANLayer(FANLayer.options(1, 256).pRatio(0.25).activation(Activation.RELU).generator(g))}.
     *
     * @param o the options
     * @throws IllegalArgumentException when a width is below 1, pRatio is outside (0, 0.5) or the activation is null
     */
    public FANLayer(Options o) {
        String me = "FANLayer";
        OptionChecks.atLeast(me, "inDim", o.inDim, 1);
        OptionChecks.atLeast(me, "outDim", o.outDim, 1);
        if (!(o.pRatio > 0 && o.pRatio < 0.5)) throw new IllegalArgumentException(me + ": pRatio must be in (0, 0.5), got " + o.pRatio);
        OptionChecks.nonNull(me, "activation", o.activation);
        this.inDim = o.inDim;
        this.outDim = o.outDim;
        this.pRatio = o.pRatio;
        this.pDim = (int) (o.outDim * o.pRatio);
        this.gDim = o.outDim - 2 * pDim;
        this.activation = o.activation;
        this.activationName = o.activationName;
        Generator g = o.generator != null ? o.generator : Init.defaultGenerator();
        this.inputLinearP = registerModule("input_linear_p", new Linear(inDim, pDim, o.useBias, g));
        this.inputLinearG = registerModule("input_linear_g", new Linear(inDim, gDim, true, g));
    }

    /**
     * Options with FAN's defaults: pRatio 0.25, GELU, useBias true.
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

    // x: (..., in) -> (..., out) = (..., d_p cos | d_p sin | d_g act)
    @Override
    public Tensor forward(Tensor x) {
        EdgeInputs.rows(this, x, inDim, inputLinearG.weight().dtype());
        Tensor p = inputLinearP.forward(x), g = activation.apply(inputLinearG.forward(x));
        return Tensor.cat(new Tensor[] {p.cos(), p.sin(), g}, x.dim() - 1);
    }

    @Override
    protected String extraRepr() {
        return "in=" + inDim + ", out=" + outDim + ", p_ratio=" + pRatio + ", p=" + pDim + ", g=" + gDim + ", activation=" + activationName;
    }

    /** FANLayer's options (FAN's keyword arguments). */
    public static final class Options {
        private final int inDim, outDim;
        private double pRatio = 0.25;
        private UnaryOperator<Tensor> activation = Tensor::gelu;
        private String activationName = "gelu";
        private boolean useBias = true;
        private Generator generator;

        private Options(int inDim, int outDim) {
            this.inDim = inDim;
            this.outDim = outDim;
        }

        /**
         * The share of outputs in each of the cosine and sine parts (default 0.25).
         *
         * @param pRatio the share, in (0, 0.5)
         * @return these options
         */
        public Options pRatio(double pRatio) { this.pRatio = pRatio; return this; }

        /**
         * The activation of the g part: relu or gelu (default GELU).
         *
         * @param a the activation, not null
         * @return these options
         */
        public Options activation(Activation a) {
            OptionChecks.nonNull("FANLayer", "activation", a);
            this.activation = a::apply;
            this.activationName = a.toString();
            return this;
        }

        /**
         * Any elementwise activation of the g part (FAN's callable).
         *
         * @param f the activation
         * @param name the name toString shows
         * @return these options
         */
        public Options activation(UnaryOperator<Tensor> f, String name) {
            this.activation = f;
            this.activationName = name;
            return this;
        }

        /**
         * Whether input_linear_p has a bias (FAN's use_p_bias; default true).
         *
         * @param on true for the bias
         * @return these options
         */
        public Options useBias(boolean on) { this.useBias = on; return this; }

        /**
         * The generator of the initial weights (default: the shared default generator).
         *
         * @param g the generator
         * @return these options
         */
        public Options generator(Generator g) { this.generator = g; return this; }
    }
}
