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

    /** Margin 0, reduction MEAN. */
    public MarginRankingLoss() {
        this(0.0, Reduction.MEAN);
    }

    /**
     * A loss with the given margin and reduction.
     *
     * @param margin    how far the preferred input must lead
     * @param reduction how the per-element losses are combined, not null
     * @throws NullPointerException if reduction is null
     */
    public MarginRankingLoss(double margin, Reduction reduction) {
        this.margin = margin;
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    /** {@return how far the preferred input must lead} */
    public double margin() {
        return margin;
    }

    /** {@return how the per-element losses are combined} */
    public Reduction reduction() {
        return reduction;
    }

    // input1, input2, target: one shape
    /**
     * The ranking loss of each element, reduced.
     *
     * @param input1 the first scores
     * @param input2 the second scores, input1's shape
     * @param target 1 where input1 should rank higher, -1 where input2 should; input1's shape
     * @return the loss: a scalar, or input1's shape with reduction NONE
     */
    public Tensor forward(Tensor input1, Tensor input2, Tensor target) {
        return Losses.marginRankingLoss(input1, input2, target, margin, reduction);
    }

    @Override
    protected String extraRepr() {
        return "margin=" + margin + ", reduction=" + reduction;
    }
}
