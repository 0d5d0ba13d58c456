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

    /**
     * {@code new TripletMarginLoss(TripletMarginLoss.options().margin(0.5).swap(true))}.
     *
     * @param options margin, p, eps, swap and reduction
     * @throws IllegalArgumentException if p is not positive
     */
    public TripletMarginLoss(Options options) {
        if (!(options.p > 0)) throw new IllegalArgumentException("TripletMarginLoss: p must be > 0, got " + options.p);
        this.margin = options.margin;
        this.p = options.p;
        this.eps = options.eps;
        this.swap = options.swap;
        this.reduction = options.reduction;
    }

    /**
     * Options with PyTorch's defaults: margin 1, p 2, eps 1e-6, swap false, reduction MEAN.
     *
     * @return new options
     */
    public static Options options() {
        return new Options();
    }

    /** TripletMarginLoss's options. */
    public static final class Options {
        private double margin = 1.0, p = 2.0, eps = 1e-6;
        private boolean swap;
        private Reduction reduction = Reduction.MEAN;

        private Options() {}

        /**
         * How much farther the negative must be than the positive before the loss is zero.
         *
         * @param margin the margin (default 1)
         * @return these options
         */
        public Options margin(double margin) {
            this.margin = margin;
            return this;
        }

        /**
         * The norm degree of the distances (positive).
         *
         * @param p the degree (default 2)
         * @return these options
         */
        public Options p(double p) {
            this.p = p;
            return this;
        }

        /**
         * Added to u - v before the norm.
         *
         * @param eps the offset (default 1e-6)
         * @return these options
         */
        public Options eps(double eps) {
            this.eps = eps;
            return this;
        }

        /**
         * Use min(d(a, n), d(p, n)) as the negative distance (the distance swap of Balntas et al.).
         *
         * @param swap true to swap (default false)
         * @return these options
         */
        public Options swap(boolean swap) {
            this.swap = swap;
            return this;
        }

        /**
         * How the per-triplet losses are combined.
         *
         * @param reduction the reduction (default MEAN), not null
         * @return these options
         */
        public Options reduction(Reduction reduction) {
            this.reduction = OptionChecks.nonNull("TripletMarginLoss", "reduction", reduction);
            return this;
        }
    }

    /** {@return the margin} */
    public double margin() {
        return margin;
    }

    /** {@return the norm degree of the distances} */
    public double p() {
        return p;
    }

    /** {@return the offset added to u - v before the norm} */
    public double eps() {
        return eps;
    }

    /** {@return whether the distance swap is used} */
    public boolean swap() {
        return swap;
    }

    /** {@return how the per-triplet losses are combined} */
    public Reduction reduction() {
        return reduction;
    }

    // anchor, positive, negative: (N, E) or (E)
    /**
     * The triplet loss of each (anchor, positive, negative), reduced.
     *
     * @param anchor   the anchors (N, E) or (E)
     * @param positive the positives, anchor's shape
     * @param negative the negatives, anchor's shape
     * @return the loss: a scalar, or (N) with reduction NONE and batched inputs
     */
    public Tensor forward(Tensor anchor, Tensor positive, Tensor negative) {
        return Losses.tripletMarginLoss(anchor, positive, negative, margin, p, eps, swap, reduction);
    }

    @Override
    protected String extraRepr() {
        return "margin=" + margin + ", p=" + p + ", eps=" + eps + ", swap=" + swap + ", reduction=" + reduction;
    }
}
