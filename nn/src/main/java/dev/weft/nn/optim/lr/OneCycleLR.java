package dev.weft.nn.optim.lr;

import dev.weft.nn.optim.Optimizer;
import dev.weft.nn.optim.ParamGroup;
import java.util.Map;

/**
 * The 1cycle policy (Smith and Topin, 2018), stepped once per batch: the lr rises from
 * maxLr / divFactor to maxLr over the first pctStart of totalSteps, then anneals to
 * initialLr / finalDivFactor (cosine or linear); momentum (SGD's "momentum" or Adam's beta1) moves
 * the opposite way between maxMomentum and baseMomentum when cycleMomentum. With threePhase the lr
 * comes back to initialLr symmetrically before the final anneal. Stepping past totalSteps is an error.
 * Writes "initialLr", "maxLr", "minLr" (and "maxMomentum", "baseMomentum") into each group.
 */
public final class OneCycleLR extends LRScheduler {
    /**
     * Options with PyTorch's defaults; build with {@link #options(double, int)} and the withers.
     *
     * @param maxLr the peak lr, one value for all groups or one per param group
     * @param totalSteps the number of {@code step()} calls in the whole cycle
     * @param pctStart fraction of the steps spent raising the lr
     * @param annealStrategy "cos" or "linear"
     * @param cycleMomentum whether momentum (or beta1) cycles opposite to the lr
     * @param baseMomentum the momentum at the lr peak
     * @param maxMomentum the momentum at the start and end
     * @param divFactor initialLr = maxLr / divFactor
     * @param finalDivFactor minLr = initialLr / finalDivFactor
     * @param threePhase whether the lr comes back to initialLr before the final anneal
     */
    public record Options(double[] maxLr, int totalSteps, double pctStart, String annealStrategy, boolean cycleMomentum,
                          double baseMomentum, double maxMomentum, double divFactor, double finalDivFactor,
                          boolean threePhase) {
        /**
         * Fraction of the steps spent raising the lr (default 0.3).
         *
         * @param v the fraction, in [0, 1]
         * @return a copy with this pctStart
         */
        public Options pctStart(double v) {
            return new Options(maxLr, totalSteps, v, annealStrategy, cycleMomentum, baseMomentum, maxMomentum,
                    divFactor, finalDivFactor, threePhase);
        }

        /**
         * "cos" (default) or "linear".
         *
         * @param v the anneal strategy name
         * @return a copy with this strategy
         */
        public Options annealStrategy(String v) {
            return new Options(maxLr, totalSteps, pctStart, v, cycleMomentum, baseMomentum, maxMomentum,
                    divFactor, finalDivFactor, threePhase);
        }

        /**
         * Whether momentum cycles inversely to the lr (default true).
         *
         * @param v true to cycle momentum (SGD's "momentum" or Adam's beta1)
         * @return a copy with this setting
         */
        public Options cycleMomentum(boolean v) {
            return new Options(maxLr, totalSteps, pctStart, annealStrategy, v, baseMomentum, maxMomentum,
                    divFactor, finalDivFactor, threePhase);
        }

        /**
         * The momentum's range (default 0.85 to 0.95).
         *
         * @param base the momentum at the lr peak
         * @param max the momentum at the start and end of the cycle
         * @return a copy with this range
         */
        public Options momentum(double base, double max) {
            return new Options(maxLr, totalSteps, pctStart, annealStrategy, cycleMomentum, base, max,
                    divFactor, finalDivFactor, threePhase);
        }

        /**
         * initialLr = maxLr / divFactor (default 25).
         *
         * @param v the divisor
         * @return a copy with this divFactor
         */
        public Options divFactor(double v) {
            return new Options(maxLr, totalSteps, pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum,
                    v, finalDivFactor, threePhase);
        }

        /**
         * minLr = initialLr / finalDivFactor (default 1e4).
         *
         * @param v the divisor
         * @return a copy with this finalDivFactor
         */
        public Options finalDivFactor(double v) {
            return new Options(maxLr, totalSteps, pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum,
                    divFactor, v, threePhase);
        }

        /**
         * Whether to use three phases (up, back down to initialLr, final anneal) instead of two (default false).
         *
         * @param v true for three phases
         * @return a copy with this setting
         */
        public Options threePhase(boolean v) {
            return new Options(maxLr, totalSteps, pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum,
                    divFactor, finalDivFactor, v);
        }
    }

    /**
     * pctStart 0.3, "cos", cycleMomentum true, momentum 0.85..0.95, divFactor 25, finalDivFactor 1e4, two phases.
     *
     * @param maxLr the peak lr for every param group
     * @param totalSteps the number of steps in the cycle
     * @return the default options
     */
    public static Options options(double maxLr, int totalSteps) {
        return options(new double[] {maxLr}, totalSteps);
    }

    /**
     * As {@link #options(double, int)} with one maxLr per param group (a single value applies to all).
     *
     * @param maxLr the peak lrs (copied)
     * @param totalSteps the number of steps in the cycle
     * @return the default options
     */
    public static Options options(double[] maxLr, int totalSteps) {
        return new Options(maxLr.clone(), totalSteps, 0.3, "cos", true, 0.85, 0.95, 25, 1e4, false);
    }

    private record Phase(double endStep, String startLr, String endLr, String startMomentum, String endMomentum) {}

    private final Options o;
    private final Phase[] phases;
    private final boolean useBeta1;

    /**
     * A 1cycle schedule with the default options.
     *
     * @param optimizer the optimizer whose lr (and momentum) it drives
     * @param maxLr the peak lr
     * @param totalSteps the number of steps in the cycle
     * @throws IllegalArgumentException as {@link #OneCycleLR(Optimizer, Options)}
     */
    public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps) {
        this(optimizer, options(maxLr, totalSteps));
    }

    /**
     * A 1cycle schedule; sets each group's lr to initialLr (and momentum to maxMomentum) at once.
     *
     * @param optimizer the optimizer whose lr (and momentum) it drives
     * @param options the schedule's options
     * @throws IllegalArgumentException when totalSteps is not positive, pctStart is outside [0, 1], the anneal
     *     strategy is unknown, maxLr has neither 1 nor one value per group, or cycleMomentum is on and the
     *     optimizer has neither a "momentum" nor a "betas" option
     */
    public OneCycleLR(Optimizer optimizer, Options options) {
        super(optimizer);
        this.o = options;
        if (o.totalSteps() <= 0) throw new IllegalArgumentException("OneCycleLR: expected positive integer totalSteps, but got " + o.totalSteps());
        if (!(o.pctStart() >= 0 && o.pctStart() <= 1)) {
            throw new IllegalArgumentException("OneCycleLR: expected float between 0 and 1 pctStart, but got " + o.pctStart());
        }
        if (!o.annealStrategy().equals("cos") && !o.annealStrategy().equals("linear")) {
            throw new IllegalArgumentException("OneCycleLR: annealStrategy must be one of 'cos' or 'linear', instead got '" + o.annealStrategy() + "'");
        }
        double n = o.totalSteps();
        phases = o.threePhase()
                ? new Phase[] {
                    new Phase(o.pctStart() * n - 1, "initialLr", "maxLr", "maxMomentum", "baseMomentum"),
                    new Phase(2 * o.pctStart() * n - 2, "maxLr", "initialLr", "baseMomentum", "maxMomentum"),
                    new Phase(n - 1, "initialLr", "minLr", "maxMomentum", "maxMomentum")}
                : new Phase[] {
                    new Phase(o.pctStart() * n - 1, "initialLr", "maxLr", "maxMomentum", "baseMomentum"),
                    new Phase(n - 1, "maxLr", "minLr", "baseMomentum", "maxMomentum")};
        var groups = optimizer.paramGroups();
        if (o.maxLr().length != 1 && o.maxLr().length != groups.size()) {
            throw new IllegalArgumentException("OneCycleLR: expected " + groups.size() + " values for maxLr, got " + o.maxLr().length);
        }
        for (int i = 0; i < groups.size(); i++) {
            ParamGroup g = groups.get(i);
            double maxLr = o.maxLr()[o.maxLr().length == 1 ? 0 : i];
            g.set("initialLr", maxLr / o.divFactor());
            g.set("maxLr", maxLr);
            g.set("minLr", g.getDouble("initialLr") / o.finalDivFactor());
        }
        Map<String, Object> defaults = optimizer.defaults();
        useBeta1 = defaults.containsKey("betas");
        if (o.cycleMomentum()) {
            if (!defaults.containsKey("momentum") && !useBeta1) {
                throw new IllegalArgumentException("OneCycleLR: optimizer " + optimizer.name()
                        + " must support momentum (a 'momentum' or 'betas' option) with cycleMomentum enabled");
            }
            for (ParamGroup g : optimizer.paramGroups()) {
                setMomentum(g, o.maxMomentum());
                g.set("maxMomentum", o.maxMomentum());
                g.set("baseMomentum", o.baseMomentum());
            }
        }
        baseLrs = initialLrs();
        initialStep();
    }

    private void setMomentum(ParamGroup g, double m) {
        if (useBeta1) {
            double[] b = g.getDoubles("betas");
            b[0] = m;
            g.set("betas", b);
        } else {
            g.set("momentum", m);
        }
    }

    private double anneal(double start, double end, double pct) {
        if (o.annealStrategy().equals("cos")) {
            double cosOut = Math.cos(Math.PI * pct) + 1;
            return end + (start - end) / 2.0 * cosOut;
        }
        return (end - start) * pct + start;
    }

    @Override
    protected double[] computeLr() {
        int step = lastEpoch;
        if (step > o.totalSteps()) {
            throw new IllegalStateException("OneCycleLR: tried to step " + (step + 1) + " times; the specified number of total steps is "
                    + o.totalSteps());
        }
        var groups = optimizer.paramGroups();
        double[] lrs = new double[groups.size()];
        for (int gi = 0; gi < groups.size(); gi++) {
            ParamGroup g = groups.get(gi);
            double startStep = 0, lr = 0, momentum = 0;
            for (int i = 0; i < phases.length; i++) {
                Phase ph = phases[i];
                if (step <= ph.endStep() || i == phases.length - 1) {
                    double pct = (step - startStep) / (ph.endStep() - startStep);
                    lr = anneal(g.getDouble(ph.startLr()), g.getDouble(ph.endLr()), pct);
                    if (o.cycleMomentum()) momentum = anneal(g.getDouble(ph.startMomentum()), g.getDouble(ph.endMomentum()), pct);
                    break;
                }
                startStep = ph.endStep();
            }
            lrs[gi] = lr;
            if (o.cycleMomentum()) setMomentum(g, momentum);
        }
        return lrs;
    }
}
