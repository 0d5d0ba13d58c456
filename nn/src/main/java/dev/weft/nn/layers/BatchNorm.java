package dev.weft.nn.layers;

import dev.weft.autograd.GradMode;
import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

/**
 * Batch norm (Ioffe and Szegedy 2015) over the channel dim 1, shared by BatchNorm1d and BatchNorm2d:
 * y = (x - mean) / sqrt(var + eps) * weight + bias. Training: batch statistics (biased variance), and
 * the running stats updated as r = (1 - momentum) r + momentum * stat with the unbiased variance
 * (momentum null: cumulative average 1 / numBatchesTracked). Eval: the running stats. Buffers keep
 * PyTorch's names running_mean, running_var, num_batches_tracked (I64) so state dicts interchange.
 */
public abstract class BatchNorm extends Module {
    public final int numFeatures;
    public final double eps;
    /** Null means a cumulative moving average. */
    public final Double momentum;
    public final boolean affine;
    public final boolean trackRunningStats;

    BatchNorm(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        if (numFeatures < 1) throw new IllegalArgumentException(getClass().getSimpleName() + ": numFeatures " + numFeatures + " must be >= 1");
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        registerParameter("weight", affine ? Tensor.ones(numFeatures) : null);
        registerParameter("bias", affine ? Tensor.zeros(numFeatures) : null);
        registerBuffer("running_mean", trackRunningStats ? Tensor.zeros(numFeatures) : null);
        registerBuffer("running_var", trackRunningStats ? Tensor.ones(numFeatures) : null);
        registerBuffer("num_batches_tracked", trackRunningStats ? Tensor.zeros(DType.I64) : null);
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
        double m = momentum == null ? 0.0 : momentum;
        if (isTraining() && trackRunningStats) {
            Tensor nbt = buffer("num_batches_tracked");
            try (var s = GradMode.noGrad()) {
                nbt.copy_(nbt.add(1L));
            }
            if (momentum == null) m = 1.0 / nbt.item();
        }
        boolean useBatchStats = isTraining() || !trackRunningStats;
        Tensor rm = !isTraining() || trackRunningStats ? buffer("running_mean") : null;
        Tensor rv = !isTraining() || trackRunningStats ? buffer("running_var") : null;
        return F.batchNorm(input, rm, rv, param("weight"), param("bias"), useBatchStats, m, eps);
    }

    @Override
    protected String extraRepr() {
        return numFeatures + ", eps=" + Repr.num(eps) + ", momentum=" + (momentum == null ? "null" : Repr.num(momentum))
                + ", affine=" + affine + ", trackRunningStats=" + trackRunningStats;
    }

    /** The weight parameter: (num_features,), or null when built with affine = false. */
    public Tensor weight() { return param("weight"); }

    /** The bias parameter: (num_features,), or null when built with affine = false. */
    public Tensor bias() { return param("bias"); }
}
