package dev.weft.nn.optim.lr;

import dev.weft.nn.optim.Optimizer;

/** Multiplies the lr by gamma every stepSize epochs: lr = base gamma^floor(epoch / stepSize). */
public final class StepLR extends LRScheduler {
    private final int stepSize;
    private final double gamma;

    /**
     * Divides the lr by 10 every stepSize epochs (gamma 0.1).
     *
     * @param optimizer the optimizer to schedule
     * @param stepSize the epochs between decays; at least 1
     * @throws IllegalArgumentException if stepSize is less than 1
     */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    /**
     * Multiplies the lr by gamma every stepSize epochs.
     *
     * @param optimizer the optimizer to schedule
     * @param stepSize the epochs between decays; at least 1
     * @param gamma the factor per decay
     * @throws IllegalArgumentException if stepSize is less than 1
     */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        if (stepSize < 1) throw new IllegalArgumentException("StepLR: stepSize must be >= 1, got " + stepSize);
        this.stepSize = stepSize;
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] lr = currentLrs();
        if (lastEpoch == 0 || lastEpoch % stepSize != 0) return lr;
        for (int i = 0; i < lr.length; i++) lr[i] *= gamma;
        return lr;
    }

    @Override
    protected double[] closedFormLr() {
        double[] lr = baseLrs.clone();
        for (int i = 0; i < lr.length; i++) lr[i] = baseLrs[i] * Math.pow(gamma, Math.floorDiv(lastEpoch, stepSize));
        return lr;
    }
}
