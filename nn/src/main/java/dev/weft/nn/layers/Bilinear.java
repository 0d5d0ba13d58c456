package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * y[k] = x1^T W[k] x2 + b[k]: x1 (..., in1), x2 (..., in2) -> (..., out). weight (out, in1, in2) and
 * bias (out,) ~ U(-1/sqrt(in1), 1/sqrt(in1)) as PyTorch. Takes two inputs: use {@link #forward(Tensor, Tensor)}.
 */
public class Bilinear extends Module {
    /** The sizes of x1's and x2's last dim and of the output's. */
    public final int in1Features, in2Features, outFeatures;

    /**
     * A bilinear layer with bias and weights from {@link Init#defaultGenerator()}.
     *
     * @param in1Features in1, x1's last dim
     * @param in2Features in2, x2's last dim
     * @param outFeatures out, the output's last dim
     */
    public Bilinear(int in1Features, int in2Features, int outFeatures) {
        this(options(in1Features, in2Features, outFeatures));
    }

    /**
     * {@code new Bilinear(Bilinear.options(2, 3, 4).bias(false).generator(g))}.
     *
     * @param options the sizes, bias and generator
     * @throws IllegalArgumentException if a size is below 1
     */
    public Bilinear(Options options) {
        int in1 = options.in1Features, in2 = options.in2Features, out = options.outFeatures;
        if (in1 < 1 || in2 < 1 || out < 1) {
            throw new IllegalArgumentException("Bilinear: sizes must be >= 1, got in1=" + in1 + ", in2=" + in2 + ", out=" + out);
        }
        this.in1Features = in1;
        this.in2Features = in2;
        this.outFeatures = out;
        registerParameter("weight", Tensor.empty(out, in1, in2));
        registerParameter("bias", options.bias ? Tensor.empty(out) : null);
        resetParameters(options.generator != null ? options.generator : Init.defaultGenerator());
    }

    /**
     * Options with PyTorch's defaults: bias true, weights from {@link Init#defaultGenerator()}.
     *
     * @param in1Features in1, x1's last dim
     * @param in2Features in2, x2's last dim
     * @param outFeatures out, the output's last dim
     * @return new options
     */
    public static Options options(int in1Features, int in2Features, int outFeatures) {
        return new Options(in1Features, in2Features, outFeatures);
    }

    /** Bilinear's options. */
    public static final class Options {
        private final int in1Features, in2Features, outFeatures;
        private boolean bias = true;
        private Generator generator;

        private Options(int in1Features, int in2Features, int outFeatures) {
            this.in1Features = in1Features;
            this.in2Features = in2Features;
            this.outFeatures = outFeatures;
        }

        /**
         * A learnable bias (out,).
         *
         * @param bias whether to have one (default true)
         * @return these options
         */
        public Options bias(boolean bias) {
            this.bias = bias;
            return this;
        }

        /**
         * Draws the initial weight and bias.
         *
         * @param generator the generator, not null
         * @return these options
         */
        public Options generator(Generator generator) {
            this.generator = OptionChecks.nonNull("Bilinear", "generator", generator);
            return this;
        }
    }

    /**
     * Redraws weight and bias from U(-1/sqrt(in1), 1/sqrt(in1)).
     *
     * @param g draws the values
     */
    public void resetParameters(Generator g) {
        double bound = 1 / Math.sqrt(in1Features);
        Init.uniform(param("weight"), -bound, bound, g);
        if (param("bias") != null) Init.uniform(param("bias"), -bound, bound, g);
    }

    /**
     * y[k] = x1^T W[k] x2 + b[k].
     *
     * @param x1 the first input (..., in1)
     * @param x2 the second input (..., in2), the same leading dims
     * @return (..., out)
     */
    public Tensor forward(Tensor x1, Tensor x2) {
        return F.bilinear(x1, x2, param("weight"), param("bias"));
    }

    @Override
    protected String extraRepr() {
        return "in1=" + in1Features + ", in2=" + in2Features + ", out=" + outFeatures + ", bias=" + (param("bias") != null);
    }

    /** {@return the weight parameter: (out_features, in1_features, in2_features)} */
    public Tensor weight() { return param("weight"); }

    /** {@return the bias parameter: (out_features,), or null when built without bias} */
    public Tensor bias() { return param("bias"); }
}
