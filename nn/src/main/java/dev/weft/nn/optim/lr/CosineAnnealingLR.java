package dev.weft.nn.optim.lr;

import dev.weft.nn.optim.Optimizer;

/**
 * Cosine annealing (SGDR without restarts, Loshchilov and Hutter 2017):
 * lr = etaMin + (base - etaMin) (1 + cos(pi epoch / tMax)) / 2, computed recursively from the
 * current lr as PyTorch does (so it composes with other schedulers); past tMax it rises again.
 */
public final class CosineAnnealingLR extends LRScheduler {
    private final int tMax;
    private final double etaMin;

    /**
     * Anneals down to 0 (etaMin 0).
     *
     * @param optimizer the optimizer to schedule
     * @param tMax the half period, in epochs; at least 1
     * @throws IllegalArgumentException if tMax is less than 1
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0.0);
    }

    /**
     * Anneals from each group's base lr to etaMin over tMax epochs.
     *
     * @param optimizer the optimizer to schedule
     * @param tMax the half period, in epochs; at least 1
     * @param etaMin the lowest lr
     * @throws IllegalArgumentException if tMax is less than 1
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer);
        if (tMax < 1) throw new IllegalArgumentException("CosineAnnealingLR: tMax must be >= 1, got " + tMax);
        this.tMax = tMax;
        this.etaMin = etaMin;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] lr = currentLrs();
        if (lastEpoch == 0) return lr;
        if (stepCount == 1 && lastEpoch > 0) {                  // first step of a resumed schedule
            for (int i = 0; i < lr.length; i++) {
                lr[i] = etaMin + (baseLrs[i] - etaMin) * (1 + Math.cos(lastEpoch * Math.PI / tMax)) / 2;
            }
            return lr;
        }
        if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
            for (int i = 0; i < lr.length; i++) lr[i] = lr[i] + (baseLrs[i] - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
            return lr;
        }
        for (int i = 0; i < lr.length; i++) {
            lr[i] = (1 + Math.cos(Math.PI * lastEpoch / tMax)) / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax))
                    * (lr[i] - etaMin) + etaMin;
        }
        return lr;
    }

    @Override
    protected double[] closedFormLr() {
        double[] lr = baseLrs.clone();
        for (int i = 0; i < lr.length; i++) {
            lr[i] = etaMin + (baseLrs[i] - etaMin) * (1 + Math.cos(Math.PI * lastEpoch / tMax)) / 2;
        }
        return lr;
    }
}
