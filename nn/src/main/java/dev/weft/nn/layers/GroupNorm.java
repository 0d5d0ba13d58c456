package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

/**
 * Group norm (Wu and He 2018): x (B, C, *) split into numGroups groups of C/numGroups channels, each
 * normalized over its channels and positions (biased variance), then per-channel weight (ones) and
 * bias (zeros) when affine.
 */
public class GroupNorm extends Module {
    /** The number of channel groups. */
    public final int numGroups;
    /** C, the channels of the input. */
    public final int numChannels;
    /** Added to the variance. */
    public final double eps;
    /** Whether there are a learnable per-channel weight and bias. */
    public final boolean affine;

    /**
     * eps 1e-5, affine.
     *
     * @param numGroups   the number of groups; must divide numChannels
     * @param numChannels C
     */
    public GroupNorm(int numGroups, int numChannels) {
        this(options(numGroups, numChannels));
    }

    /**
     * {@code new GroupNorm(GroupNorm.options(8, 64).eps(1e-6).affine(false))}.
     *
     * @param options numGroups, numChannels, eps and affine
     * @throws IllegalArgumentException if numGroups is below 1, does not divide numChannels, or eps is negative
     */
    public GroupNorm(Options options) {
        int numGroups = OptionChecks.atLeast("GroupNorm", "numGroups", options.numGroups, 1);
        int numChannels = options.numChannels;
        if (numChannels % numGroups != 0) {
            throw new IllegalArgumentException("GroupNorm: numChannels " + numChannels + " must be divisible by numGroups " + numGroups);
        }
        this.numGroups = numGroups;
        this.numChannels = numChannels;
        this.eps = OptionChecks.nonNegative("GroupNorm", "eps", options.eps);
        this.affine = options.affine;
        registerParameter("weight", affine ? Tensor.empty(numChannels) : null);
        registerParameter("bias", affine ? Tensor.empty(numChannels) : null);
        resetParameters();
    }

    /**
     * Options with PyTorch's defaults: eps 1e-5, affine true.
     *
     * @param numGroups   the number of groups; must divide numChannels
     * @param numChannels C
     * @return new options
     */
    public static Options options(int numGroups, int numChannels) {
        return new Options(numGroups, numChannels);
    }

    /** GroupNorm's options. */
    public static final class Options {
        private final int numGroups, numChannels;
        private double eps = 1e-5;
        private boolean affine = true;

        private Options(int numGroups, int numChannels) {
            this.numGroups = numGroups;
            this.numChannels = numChannels;
        }

        /**
         * Added to the variance for numerical stability.
         *
         * @param eps the offset (default 1e-5)
         * @return these options
         */
        public Options eps(double eps) {
            this.eps = eps;
            return this;
        }

        /**
         * Learnable per-channel weight (ones) and bias (zeros).
         *
         * @param affine whether to have them (default true)
         * @return these options
         */
        public Options affine(boolean affine) {
            this.affine = affine;
            return this;
        }
    }

    /** weight = 1, bias = 0. */
    public void resetParameters() {
        if (affine) {
            Init.ones(param("weight"));
            Init.zeros(param("bias"));
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() < 2 || input.size(1) != numChannels) {
            throw new IllegalArgumentException(this + ": input " + Shape.format(input.shape()) + " must be (B, " + numChannels + ", *)");
        }
        return F.groupNorm(input, numGroups, param("weight"), param("bias"), eps);
    }

    @Override
    protected String extraRepr() {
        return numGroups + ", " + numChannels + ", eps=" + Repr.num(eps) + ", affine=" + affine;
    }

    /** {@return the weight parameter: (num_channels,), or null without an affine} */
    public Tensor weight() { return param("weight"); }

    /** {@return the bias parameter: (num_channels,), or null without an affine} */
    public Tensor bias() { return param("bias"); }
}
