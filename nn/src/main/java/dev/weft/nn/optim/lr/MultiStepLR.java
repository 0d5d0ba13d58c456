package dev.weft.nn.optim.lr;

import dev.weft.nn.optim.Optimizer;
import java.util.Arrays;

/** Multiplies the lr by gamma at each milestone epoch (a milestone listed twice counts twice). */
public final class MultiStepLR extends LRScheduler {
    private final int[] milestones;
    private final double gamma;

    /**
     * Divides the lr by 10 at each milestone (gamma 0.1).
     *
     * @param optimizer the optimizer to schedule
     * @param milestones the epochs at which to decay (copied, any order)
     */
    public MultiStepLR(Optimizer optimizer, int[] milestones) {
        this(optimizer, milestones, 0.1);
    }

    /**
     * Multiplies the lr by gamma at each milestone.
     *
     * @param optimizer the optimizer to schedule
     * @param milestones the epochs at which to decay (copied, any order)
     * @param gamma the factor per milestone
     */
    public MultiStepLR(Optimizer optimizer, int[] milestones, double gamma) {
        super(optimizer);
        this.milestones = milestones.clone();
        Arrays.sort(this.milestones);
        this.gamma = gamma;
        initialStep();
    }

    private int count(int epoch) {
        int c = 0;
        for (int m : milestones) if (m == epoch) c++;
        return c;
    }

    @Override
    protected double[] computeLr() {
        double[] lr = currentLrs();
        int c = count(lastEpoch);
        if (c == 0) return lr;
        for (int i = 0; i < lr.length; i++) lr[i] *= Math.pow(gamma, c);
        return lr;
    }

    @Override
    protected double[] closedFormLr() {
        int passed = 0;
        for (int m : milestones) if (m <= lastEpoch) passed++;
        double[] lr = baseLrs.clone();
        for (int i = 0; i < lr.length; i++) lr[i] = baseLrs[i] * Math.pow(gamma, passed);
        return lr;
    }
}
