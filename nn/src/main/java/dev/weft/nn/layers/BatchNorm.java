package dev.weft.nn.layers;

import dev.weft.autograd.GradMode;
import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

import java.util.OptionalDouble;

/**
 * Batch norm (Ioffe and Szegedy 2015) over the channel dim 1, shared by BatchNorm1d and BatchNorm2d:
 * y = (x - mean) / sqrt(var + eps) * weight + bias. Training: batch statistics (biased variance), and
 * the running stats updated as r = (1 - momentum) r + momentum * stat with the unbiased variance
 * (cumulative moving average, PyTorch's momentum=None: 1 / numBatchesTracked). Eval: the running stats. Buffers keep
 * PyTorch's names running_mean, running_var, num_batches_tracked (I64) so state dicts interchange.
 */
public abstract class BatchNorm extends Module {
    /**
     * C, the number of channels.
     */
    public final int numFeatures;
    /**
     * Added to the variance for numerical stability.
     */
    public final double eps;
    /** NaN means a cumulative moving average (PyTorch's momentum=None). */
    private final double momentum;
    /**
     * Whether the layer has a learnable per-channel weight and bias.
     */
    public final boolean affine;
    /**
     * Whether running statistics are kept and used in eval mode.
     */
    public final boolean trackRunningStats;

    /**
     * Options of BatchNorm1d and BatchNorm2d with PyTorch's defaults: eps 1e-5, momentum 0.1, affine true,
     * trackRunningStats true.
     */
    public static final class Options {
        private final int numFeatures;
        private double eps = 1e-5, momentum = 0.1;
        private boolean cumulative, affine = true, trackRunningStats = true;

        Options(int numFeatures) {
            this.numFeatures = numFeatures;
        }

        /**
         * Added to the variance for numerical stability.
         *
         * @param eps default 1e-5
         * @return these options
         */
        public Options eps(double eps) {
            this.eps = eps;
            return this;
        }

        /**
         * Weight of the new batch statistic in the running statistics: r = (1 - momentum) r + momentum stat.
         *
         * @param momentum default 0.1
         * @return these options
         */
        public Options momentum(double momentum) {
            this.momentum = momentum;
            this.cumulative = false;
            return this;
        }

        /**
         * Running statistics as the plain average of every batch so far (PyTorch's momentum=None).
         *
         * @return these options
         */
        public Options cumulativeMovingAverage() {
            this.cumulative = true;
            return this;
        }

        /**
         * Learnable per-channel weight (ones) and bias (zeros).
         *
         * @param affine default true
         * @return these options
         */
        public Options affine(boolean affine) {
            this.affine = affine;
            return this;
        }

        /**
         * Keep running statistics (used in eval mode); false normalizes with batch statistics in both modes.
         *
         * @param trackRunningStats default true
         * @return these options
         */
        public Options trackRunningStats(boolean trackRunningStats) {
            this.trackRunningStats = trackRunningStats;
            return this;
        }
    }

    BatchNorm(Options o) {
        String name = getClass().getSimpleName();
        int numFeatures = OptionChecks.atLeast(name, "numFeatures", o.numFeatures, 1);
        this.numFeatures = numFeatures;
        this.eps = OptionChecks.nonNegative(name, "eps", o.eps);
        this.momentum = o.cumulative ? Double.NaN : OptionChecks.probability(name, "momentum", o.momentum);
        this.affine = o.affine;
        this.trackRunningStats = o.trackRunningStats;
        registerParameter("weight", affine ? Tensor.ones(numFeatures) : null);
        registerParameter("bias", affine ? Tensor.zeros(numFeatures) : null);
        registerBuffer("running_mean", trackRunningStats ? Tensor.zeros(numFeatures) : null);
        registerBuffer("running_var", trackRunningStats ? Tensor.ones(numFeatures) : null);
        registerBuffer("num_batches_tracked", trackRunningStats ? Tensor.zeros(DType.I64) : null);
    }

    /** {@return the momentum of the running statistics, or empty for a cumulative moving average} */
    public OptionalDouble momentum() {
        return Double.isNaN(momentum) ? OptionalDouble.empty() : OptionalDouble.of(momentum);
    }

    /** Running mean = 0, running var = 1, batches tracked = 0 (in place). */
    public void resetRunningStats() {
        if (!trackRunningStats) return;
        Init.zeros(buffer("running_mean"));
        Init.ones(buffer("running_var"));
        try (var s = GradMode.noGrad()) {
            buffer("num_batches_tracked").zero_();
        }
    }

    /** Resets the running stats, weight = 1, bias = 0. */
    public void resetParameters() {
        resetRunningStats();
        if (affine) {
            Init.ones(param("weight"));
            Init.zeros(param("bias"));
        }
    }

    /** The ranks this variant accepts, for the error message: e.g. "2D or 3D". */
    abstract boolean acceptsRank(int rank);

    abstract String expectedRanks();

    @Override
    public Tensor forward(Tensor input) {
        if (!acceptsRank(input.dim())) {
            throw new IllegalArgumentException(this + ": expected " + expectedRanks() + " input (got " + input.dim() + "D input "
                    + Shape.format(input.shape()) + ")");
        }
        if (input.size(1) != numFeatures) {
            throw new IllegalArgumentException(this + ": input " + Shape.format(input.shape()) + ": channels " + input.size(1)
                    + " != numFeatures " + numFeatures);
        }
        double m = Double.isNaN(momentum) ? 0.0 : momentum;
        if (isTraining() && trackRunningStats) {
            Tensor nbt = buffer("num_batches_tracked");
            try (var s = GradMode.noGrad()) {
                nbt.copy_(nbt.add(1L));
            }
            if (Double.isNaN(momentum)) m = 1.0 / nbt.item();
        }
        boolean useBatchStats = isTraining() || !trackRunningStats;
        Tensor rm = !isTraining() || trackRunningStats ? buffer("running_mean") : null;
        Tensor rv = !isTraining() || trackRunningStats ? buffer("running_var") : null;
        return F.batchNorm(input, rm, rv, param("weight"), param("bias"), useBatchStats, m, eps);
    }

    @Override
    protected String extraRepr() {
        return numFeatures + ", eps=" + Repr.num(eps) + ", momentum=" + (Double.isNaN(momentum) ? "null" : Repr.num(momentum))
                + ", affine=" + affine + ", trackRunningStats=" + trackRunningStats;
    }

    /** {@return the weight parameter: (num_features,), or null when built with affine = false} */
    public Tensor weight() { return param("weight"); }

    /** {@return the bias parameter: (num_features,), or null when built with affine = false} */
    public Tensor bias() { return param("bias"); }
}
