package dev.weft.nn.optim;

import dev.weft.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * RMSprop (Hinton's lecture 6e) with PyTorch's options: lr 1e-2, alpha 0.99, eps 1e-8, weightDecay 0,
 * momentum 0, centered false, maximize false.
 * <pre>
 *   s = alpha s + (1 - alpha) g^2;   a = sqrt(s - gAvg^2) (centered, gAvg = alpha gAvg + (1 - alpha) g) or sqrt(s);
 *   b = momentum b + g / (a + eps), p -= lr b   (momentum > 0)   else   p -= lr g / (a + eps)
 * </pre>
 * State per parameter: "step", "squareAvg", "momentumBuffer" (momentum > 0), "gradAvg" (centered).
 * Runs as tensor ops.
 */
public final class RMSprop extends Optimizer {
    static OptionSpec spec() {
        return new OptionSpec("RMSprop").add("lr", Double.class, 1e-2).add("alpha", Double.class, 0.99)
                .add("eps", Double.class, 1e-8).add("weightDecay", Double.class, 0.0).add("momentum", Double.class, 0.0)
                .add("centered", Boolean.class, false).add("maximize", Boolean.class, false);
    }

    /**
     * RMSprop with every default (lr 1e-2).
     *
     * @param params the parameters to update, one group
     */
    public RMSprop(Iterable<Tensor> params) {
        this(params, Map.of());
    }

    /**
     * Options to set: {@code new RMSprop(params, RMSprop.options().lr(1e-3).alpha(0.9).centered(true))}.
     *
     * @return empty options (unset ones take the defaults)
     */
    public static Options options() {
        return new Options();
    }

    /** RMSprop's options (defaults in the class comment). */
    public static final class Options extends OptimizerOptions<Options> {
        /** No option set: every value takes its default (the same as {@link RMSprop#options()}). */
        public Options() {}

        /**
         * The smoothing constant of the squared-gradient average s.
         *
         * @param alpha default 0.99
         * @return these options
         */
        public Options alpha(double alpha) {
            return put("alpha", alpha);
        }

        /**
         * Added to the denominator for numerical stability.
         *
         * @param eps default 1e-8
         * @return these options
         */
        public Options eps(double eps) {
            return put("eps", eps);
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
         * The momentum factor of the buffer b.
         *
         * @param momentum default 0 (no buffer)
         * @return these options
         */
        public Options momentum(double momentum) {
            return put("momentum", momentum);
        }

        /**
         * Normalize by the gradient's estimated variance, s - gAvg^2, instead of s.
         *
         * @param centered default false
         * @return these options
         */
        public Options centered(boolean centered) {
            return put("centered", centered);
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
     * RMSprop with the options set in {@code options}, the defaults elsewhere.
     *
     * @param params the parameters to update, one group
     * @param options the options, from {@link #options()}
     */
    public RMSprop(Iterable<Tensor> params, Options options) {
        this(params, options.asMap());
    }

    /**
     * Several groups; {@code defaults} apply where a group sets nothing.
     *
     * @param groups the parameter groups, each with its own options
     * @param defaults the options of groups that do not set them
     */
    public RMSprop(List<ParamGroup> groups, Options defaults) {
        this(groups, defaults.asMap());
    }

    RMSprop(Iterable<Tensor> params, Map<String, ?> options) {
        super("RMSprop", spec(), single(params), options);
    }

    RMSprop(List<ParamGroup> groups, Map<String, ?> defaults) {
        super("RMSprop", spec(), groups, defaults);
    }

    @Override
    protected void validate(ParamGroup g) {
        super.validate(g);
        for (String k : new String[] {"eps", "momentum", "weightDecay", "alpha"}) {
            double v = g.getDouble(k);
            if (!(v >= 0)) throw new IllegalArgumentException("RMSprop: invalid " + k + " value: " + v);
        }
    }

    @Override
    protected void update(ParamGroup group) {
        double lr = group.lr(), alpha = group.getDouble("alpha"), eps = group.getDouble("eps");
        double wd = group.getDouble("weightDecay"), momentum = group.getDouble("momentum");
        boolean centered = group.getBoolean("centered"), maximize = group.getBoolean("maximize");
        for (Tensor p : group.params()) {
            Tensor g = p.grad();
            if (g == null) continue;
            Map<String, Object> s = stateOf(p);
            if (!s.containsKey("step")) {
                s.put("step", 0L);
                s.put("squareAvg", Tensor.zerosLike(p));
                if (momentum > 0) s.put("momentumBuffer", Tensor.zerosLike(p));
                if (centered) s.put("gradAvg", Tensor.zerosLike(p));
            }
            s.put("step", ((Number) s.get("step")).longValue() + 1);
            if (maximize) g = g.neg();
            if (wd != 0) g = g.add(p, wd);
            Tensor sq = (Tensor) s.get("squareAvg");
            sq.mul_(alpha).add_(g.mul(1 - alpha).mul(g));
            Tensor avg;
            if (centered) {
                Tensor ga = (Tensor) s.computeIfAbsent("gradAvg", k -> Tensor.zerosLike(p));
                ga.mul_(alpha).add_(g, 1 - alpha);
                avg = sq.add(ga.neg().mul(ga)).sqrt();
            } else {
                avg = sq.sqrt();
            }
            avg = avg.add(eps);
            if (momentum > 0) {
                Tensor buf = (Tensor) s.computeIfAbsent("momentumBuffer", k -> Tensor.zerosLike(p));
                buf.mul_(momentum).add_(g.div(avg));
                p.add_(buf, -lr);
            } else {
                p.add_(g.mul(-lr).div(avg));
            }
        }
    }
}
