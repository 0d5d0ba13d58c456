package dev.weft.nn.optim.lr;

import dev.weft.nn.optim.Optimizer;

/**
 * Scales the lr by a factor moving linearly from startFactor to endFactor over totalIters steps, then
 * holding: lr = base (start + (end - start) min(epoch, totalIters) / totalIters). The usual linear
 * warmup is {@code new LinearLR(opt, 0.01, 1.0, warmupSteps)}.
 */
public final class LinearLR extends LRScheduler {
    private final double startFactor;
    private final double endFactor;
    private final int totalIters;

    /**
     * startFactor 1/3, endFactor 1, totalIters 5 (PyTorch's defaults).
     *
     * @param optimizer the optimizer to schedule
     */
    public LinearLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 1.0, 5);
    }

    /**
     * Moves the factor from startFactor to endFactor over totalIters steps.
     *
     * @param optimizer the optimizer to schedule
     * @param startFactor the first factor, in (0, 1]
     * @param endFactor the last factor, in [0, 1]
     * @param totalIters the steps the factor takes to reach endFactor; at least 1
     * @throws IllegalArgumentException if a factor or totalIters is out of range
     */
    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
        super(optimizer);
        if (!(startFactor > 0 && startFactor <= 1)) {
            throw new IllegalArgumentException("LinearLR: starting multiplicative factor expected to be greater than 0 and less or equal to 1, got " + startFactor);
        }
        if (!(endFactor >= 0 && endFactor <= 1)) {
            throw new IllegalArgumentException("LinearLR: ending multiplicative factor expected to be between 0 and 1, got " + endFactor);
        }
        if (totalIters < 1) throw new IllegalArgumentException("LinearLR: totalIters must be >= 1, got " + totalIters);
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] lr = currentLrs();
        if (lastEpoch == 0) {
            for (int i = 0; i < lr.length; i++) lr[i] *= startFactor;
            return lr;
        }
        if (lastEpoch > totalIters) return lr;
        double f = 1. + (endFactor - startFactor) / (totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor));
        for (int i = 0; i < lr.length; i++) lr[i] *= f;
        return lr;
    }

    @Override
    protected double[] closedFormLr() {
        double[] lr = baseLrs.clone();
        for (int i = 0; i < lr.length; i++) {
            lr[i] = baseLrs[i] * (startFactor + (endFactor - startFactor) * Math.min(totalIters, lastEpoch) / totalIters);
        }
        return lr;
    }
}
