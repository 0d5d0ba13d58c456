package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import java.util.Objects;

/**
 * max(0, -y (x1 - x2) + margin): x1 should exceed x2 by margin where y = 1, and the reverse where
 * y = -1; module form of {@link Losses#marginRankingLoss(Tensor, Tensor, Tensor, double, Reduction)}.
 */
public final class MarginRankingLoss extends Module {
    private final double margin;
    private final Reduction reduction;

    public MarginRankingLoss() {
        this(0.0, Reduction.MEAN);
    }

    public MarginRankingLoss(double margin, Reduction reduction) {
        this.margin = margin;
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    public double margin() {
        return margin;
    }

    public Reduction reduction() {
        return reduction;
    }

    // input1, input2, target: one shape
    public Tensor forward(Tensor input1, Tensor input2, Tensor target) {
        return Losses.marginRankingLoss(input1, input2, target, margin, reduction);
    }

    @Override
    protected String extraRepr() {
        return "margin=" + margin + ", reduction=" + reduction;
    }
}
