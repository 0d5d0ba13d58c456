package dev.weft.nn.layers;

import dev.weft.nn.Module;
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
    public final int numGroups;
    public final int numChannels;
    public final double eps;
    public final boolean affine;

    public GroupNorm(int numGroups, int numChannels) {
        this(numGroups, numChannels, 1e-5, true);
    }

    public GroupNorm(int numGroups, int numChannels, double eps, boolean affine) {
        if (numGroups < 1 || numChannels % numGroups != 0) {
            throw new IllegalArgumentException("GroupNorm: numChannels " + numChannels + " must be divisible by numGroups " + numGroups);
        }
        this.numGroups = numGroups;
        this.numChannels = numChannels;
        this.eps = eps;
        this.affine = affine;
        registerParameter("weight", affine ? Tensor.empty(numChannels) : null);
        registerParameter("bias", affine ? Tensor.empty(numChannels) : null);
        resetParameters();
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

    /** The weight parameter: (num_channels,), or null without an affine. */
    public Tensor weight() { return param("weight"); }

    /** The bias parameter: (num_channels,), or null without an affine. */
    public Tensor bias() { return param("bias"); }
}
