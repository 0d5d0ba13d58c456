package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import java.util.Objects;

/**
 * max(0, margin + d(a, p) - d(a, n)) with p-norm distances; module form of
 * {@link Losses#tripletMarginLoss(Tensor, Tensor, Tensor, double, double, double, boolean, Reduction)}.
 */
public final class TripletMarginLoss extends Module {
    private final double margin;
    private final double p;
    private final double eps;
    private final boolean swap;
    private final Reduction reduction;

    /** margin 1, p 2, eps 1e-6, no swap, mean. */
    public TripletMarginLoss() {
        this(1.0, 2.0, 1e-6, false, Reduction.MEAN);
    }

    public TripletMarginLoss(double margin, double p, double eps, boolean swap, Reduction reduction) {
        if (!(p > 0)) throw new IllegalArgumentException("TripletMarginLoss: p must be > 0, got " + p);
        this.margin = margin;
        this.p = p;
        this.eps = eps;
        this.swap = swap;
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    public double margin() {
        return margin;
    }

    public double p() {
        return p;
    }

    public double eps() {
        return eps;
    }

    public boolean swap() {
        return swap;
    }

    public Reduction reduction() {
        return reduction;
    }

    // anchor, positive, negative: (N, E) or (E)
    public Tensor forward(Tensor anchor, Tensor positive, Tensor negative) {
        return Losses.tripletMarginLoss(anchor, positive, negative, margin, p, eps, swap, reduction);
    }

    @Override
    protected String extraRepr() {
        return "margin=" + margin + ", p=" + p + ", eps=" + eps + ", swap=" + swap + ", reduction=" + reduction;
    }
}
