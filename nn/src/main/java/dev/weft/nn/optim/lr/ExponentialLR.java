package dev.weft.nn.optim.lr;

import dev.weft.nn.optim.Optimizer;

/** Multiplies the lr by gamma every epoch: lr = base gamma^epoch. */
public final class ExponentialLR extends LRScheduler {
    private final double gamma;

    /**
     * Decays the lr by gamma each epoch.
     *
     * @param optimizer the optimizer to schedule
     * @param gamma the factor per epoch
     */
    public ExponentialLR(Optimizer optimizer, double gamma) {
        super(optimizer);
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] lr = currentLrs();
        if (lastEpoch == 0) return lr;
        for (int i = 0; i < lr.length; i++) lr[i] *= gamma;
        return lr;
    }

    @Override
    protected double[] closedFormLr() {
        double[] lr = baseLrs.clone();
        for (int i = 0; i < lr.length; i++) lr[i] = baseLrs[i] * Math.pow(gamma, lastEpoch);
        return lr;
    }
}
