package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.tensor.Tensor;

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
        this(options());
    }

    /** {@code new TripletMarginLoss(TripletMarginLoss.options().margin(0.5).swap(true))}. */
    public TripletMarginLoss(Options options) {
        if (!(options.p > 0)) throw new IllegalArgumentException("TripletMarginLoss: p must be > 0, got " + options.p);
        this.margin = options.margin;
        this.p = options.p;
        this.eps = options.eps;
        this.swap = options.swap;
        this.reduction = options.reduction;
    }

    /** Options with PyTorch's defaults: margin 1, p 2, eps 1e-6, swap false, reduction MEAN. */
    public static Options options() {
        return new Options();
    }

    /** TripletMarginLoss's options. */
    public static final class Options {
        private double margin = 1.0, p = 2.0, eps = 1e-6;
        private boolean swap;
        private Reduction reduction = Reduction.MEAN;

        private Options() {}

        public Options margin(double margin) {
            this.margin = margin;
            return this;
        }

        /** The norm degree of the distances (> 0). */
        public Options p(double p) {
            this.p = p;
            return this;
        }

        /** Added to u - v before the norm. */
        public Options eps(double eps) {
            this.eps = eps;
            return this;
        }

        /** Use min(d(a, n), d(p, n)) as the negative distance (the distance swap of Balntas et al.). */
        public Options swap(boolean swap) {
            this.swap = swap;
            return this;
        }

        public Options reduction(Reduction reduction) {
            this.reduction = OptionChecks.nonNull("TripletMarginLoss", "reduction", reduction);
            return this;
        }
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
