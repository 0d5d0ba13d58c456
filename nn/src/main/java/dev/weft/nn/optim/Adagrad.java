package dev.weft.nn.optim;

import dev.weft.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Adagrad (Duchi et al., 2011) with PyTorch's options: lr 1e-2, lrDecay 0, weightDecay 0,
 * initialAccumulatorValue 0, eps 1e-10, maximize false.
 * <pre>
 *   sum += g^2;   p -= lr / (1 + (t - 1) lrDecay) * g / (sqrt(sum) + eps)
 * </pre>
 * State per parameter ("step", "sum") exists from construction, as in PyTorch. Runs as tensor ops.
 */
public final class Adagrad extends Optimizer {
    static OptionSpec spec() {
        return new OptionSpec("Adagrad").add("lr", Double.class, 1e-2).add("lrDecay", Double.class, 0.0)
                .add("weightDecay", Double.class, 0.0).add("initialAccumulatorValue", Double.class, 0.0)
                .add("eps", Double.class, 1e-10).add("maximize", Boolean.class, false);
    }

    /**
     * Adagrad with every default (lr 1e-2).
     *
     * @param params the parameters to update, one group
     */
    public Adagrad(Iterable<Tensor> params) {
        this(params, Map.of());
    }

    /**
     * Options to set: {@code new Adagrad(params, Adagrad.options().lr(0.05).lrDecay(1e-4))}.
     *
     * @return empty options (unset ones take the defaults)
     */
    public static Options options() {
        return new Options();
    }

    /** Adagrad's options (defaults in the class comment). */
    public static final class Options extends OptimizerOptions<Options> {
        /** No option set: every value takes its default (the same as {@link Adagrad#options()}). */
        public Options() {}

        /**
         * The learning-rate decay: step t uses lr / (1 + (t - 1) lrDecay).
         *
         * @param lrDecay default 0
         * @return these options
         */
        public Options lrDecay(double lrDecay) {
            return put("lrDecay", lrDecay);
        }

        /**
         * L2 penalty: weightDecay p is added to the gradient.
         *
         * @param weightDecay default 0
         * @return these options
         */
        public Options weightDecay(double weightDecay) {
            return put("weightDecay", weightDecay);
        }

        /**
         * The starting value of every entry of "sum".
         *
         * @param value default 0
         * @return these options
         */
        public Options initialAccumulatorValue(double value) {
            return put("initialAccumulatorValue", value);
        }

        /**
         * Added to the denominator for numerical stability.
         *
         * @param eps default 1e-10
         * @return these options
         */
        public Options eps(double eps) {
            return put("eps", eps);
        }

        /**
         * Ascend the objective instead of descending.
         *
         * @param maximize default false
         * @return these options
         */
        public Options maximize(boolean maximize) {
            return put("maximize", maximize);
        }
    }

    /**
     * Adagrad with the options set in {@code options}, the defaults elsewhere.
     *
     * @param params the parameters to update, one group
     * @param options the options, from {@link #options()}
     */
    public Adagrad(Iterable<Tensor> params, Options options) {
        this(params, options.asMap());
    }

    /**
     * Several groups; {@code defaults} apply where a group sets nothing.
     *
     * @param groups the parameter groups, each with its own options
     * @param defaults the options of groups that do not set them
     */
    public Adagrad(List<ParamGroup> groups, Options defaults) {
        this(groups, defaults.asMap());
    }

    Adagrad(Iterable<Tensor> params, Map<String, ?> options) {
        super("Adagrad", spec(), single(params), options);
    }

    Adagrad(List<ParamGroup> groups, Map<String, ?> defaults) {
        super("Adagrad", spec(), groups, defaults);
    }

    @Override
    protected void validate(ParamGroup g) {
        super.validate(g);
        for (String k : new String[] {"lrDecay", "weightDecay", "initialAccumulatorValue", "eps"}) {
            double v = g.getDouble(k);
            if (!(v >= 0)) throw new IllegalArgumentException("Adagrad: invalid " + k + " value: " + v);
        }
    }

    @Override
    protected void onGroupAdded(ParamGroup group) {
        double init = group.getDouble("initialAccumulatorValue");
        for (Tensor p : group.params()) {
            Map<String, Object> s = stateOf(p);
            s.put("step", 0L);
            s.put("sum", Tensor.fullLike(p, init));
        }
    }

    @Override
    protected void update(ParamGroup group) {
        double lr = group.lr(), lrDecay = group.getDouble("lrDecay"), wd = group.getDouble("weightDecay");
        double eps = group.getDouble("eps");
        boolean maximize = group.getBoolean("maximize");
        for (Tensor p : group.params()) {
            Tensor g = p.grad();
            if (g == null) continue;
            Map<String, Object> s = stateOf(p);
            long step = ((Number) s.get("step")).longValue() + 1;
            s.put("step", step);
            if (maximize) g = g.neg();
            if (wd != 0) g = g.add(p, wd);
            double clr = lr / (1 + (step - 1) * lrDecay);
            Tensor sum = (Tensor) s.get("sum");
            sum.add_(g.mul(g));
            Tensor std = sum.sqrt().add(eps);
            p.add_(g.mul(-clr).div(std));
        }
    }
}
