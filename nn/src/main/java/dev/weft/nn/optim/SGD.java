package dev.weft.nn.optim;

import dev.weft.nn.optim.kernel.OptimKernels;
import dev.weft.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum (PyTorch's form: the buffer starts as the first
 * gradient), dampening, Nesterov momentum, L2 weight decay and maximization:
 * <pre>
 *   d = g + weightDecay p;   b = momentum b + (1 - dampening) d;   d = nesterov ? d + momentum b : b;   p -= lr d
 * </pre>
 * Options: lr (required), momentum 0, dampening 0, weightDecay 0, nesterov false, maximize false,
 * fused true (one pass over the arrays where the tensors allow; false forces the tensor-op form).
 * State per parameter: "momentumBuffer" (with momentum). A missing lr, nesterov without momentum or with
 * dampening, or a negative lr, momentum or weightDecay is an IllegalArgumentException.
 *
 * <pre>{@code
 * SGD opt = new SGD(model.parameters(), SGD.options().lr(0.1).momentum(0.9).nesterov(true));
 * opt.zeroGrad();
 * Autograd.backward(loss);
 * opt.step();
 * }</pre>
 */
public final class SGD extends Optimizer {
    static OptionSpec spec() {
        return new OptionSpec("SGD").add("lr", Double.class, OptionSpec.REQUIRED).add("momentum", Double.class, 0.0)
                .add("dampening", Double.class, 0.0).add("weightDecay", Double.class, 0.0)
                .add("nesterov", Boolean.class, false).add("maximize", Boolean.class, false)
                .add("fused", Boolean.class, true);
    }

    /**
     * Plain SGD: {@code p -= lr g}.
     *
     * @param params the parameters to update, one group
     * @param lr the learning rate, at least 0
     */
    public SGD(Iterable<Tensor> params, double lr) {
        this(params, Map.of("lr", lr));
    }

    /**
     * Options to set: {@code new SGD(params, SGD.options().lr(0.1).momentum(0.9).nesterov(true))}; lr is required.
     *
     * @return empty options (unset ones take the defaults)
     */
    public static Options options() {
        return new Options();
    }

    /** SGD's options (defaults in the class comment). */
    public static final class Options extends OptimizerOptions<Options> {
        /** No option set: every value takes its default (the same as {@link SGD#options()}). */
        public Options() {}

        /**
         * The momentum factor: the buffer b = momentum b + (1 - dampening) d.
         *
         * @param momentum at least 0, default 0 (no buffer)
         * @return these options
         */
        public Options momentum(double momentum) {
            return put("momentum", momentum);
        }

        /**
         * Dampening of the gradient's share in the momentum buffer.
         *
         * @param dampening default 0
         * @return these options
         */
        public Options dampening(double dampening) {
            return put("dampening", dampening);
        }

        /**
         * L2 penalty: weightDecay p is added to the gradient.
         *
         * @param weightDecay at least 0, default 0
         * @return these options
         */
        public Options weightDecay(double weightDecay) {
            return put("weightDecay", weightDecay);
        }

        /**
         * Nesterov momentum: step along d + momentum b instead of b.
         *
         * @param nesterov default false; true needs momentum &gt; 0 and dampening 0
         * @return these options
         */
        public Options nesterov(boolean nesterov) {
            return put("nesterov", nesterov);
        }

        /**
         * Ascend the objective instead of descending (the gradient's sign is flipped).
         *
         * @param maximize default false
         * @return these options
         */
        public Options maximize(boolean maximize) {
            return put("maximize", maximize);
        }

        /**
         * One pass over the arrays where the tensors allow; false forces the tensor-op form (same result).
         *
         * @param fused default true
         * @return these options
         */
        public Options fused(boolean fused) {
            return put("fused", fused);
        }
    }

    /**
     * SGD with the options set in {@code options} (lr required), the defaults elsewhere.
     *
     * @param params the parameters to update, one group
     * @param options the options, from {@link #options()}
     */
    public SGD(Iterable<Tensor> params, Options options) {
        this(params, options.asMap());
    }

    /**
     * Several groups; {@code defaults} apply where a group sets nothing.
     *
     * @param groups the parameter groups, each with its own options
     * @param defaults the options of groups that do not set them
     */
    public SGD(List<ParamGroup> groups, Options defaults) {
        this(groups, defaults.asMap());
    }

    SGD(Iterable<Tensor> params, Map<String, ?> options) {
        super("SGD", spec(), single(params), options);
    }

    SGD(List<ParamGroup> groups, Map<String, ?> defaults) {
        super("SGD", spec(), groups, defaults);
    }

    @Override
    protected void validate(ParamGroup g) {
        super.validate(g);
        double momentum = g.getDouble("momentum"), wd = g.getDouble("weightDecay");
        if (!(momentum >= 0)) throw new IllegalArgumentException("SGD: invalid momentum value: " + momentum);
        if (!(wd >= 0)) throw new IllegalArgumentException("SGD: invalid weightDecay value: " + wd);
        if (g.getBoolean("nesterov") && (momentum <= 0 || g.getDouble("dampening") != 0)) {
            throw new IllegalArgumentException("SGD: Nesterov momentum requires a momentum and zero dampening (momentum "
                    + momentum + ", dampening " + g.getDouble("dampening") + ")");
        }
    }

    @Override
    protected void update(ParamGroup group) {
        double lr = group.lr(), momentum = group.getDouble("momentum"), dampening = group.getDouble("dampening");
        double wd = group.getDouble("weightDecay");
        boolean nesterov = group.getBoolean("nesterov"), maximize = group.getBoolean("maximize");
        for (Tensor p : group.params()) {
            Tensor g = p.grad();
            if (g == null) continue;
            Map<String, Object> s = stateOf(p);
            Tensor buf = (Tensor) s.get("momentumBuffer");
            boolean first = buf == null;
            if (group.getBoolean("fused")) {
                Tensor b = buf;
                if (momentum != 0 && b == null) b = Tensor.zerosLike(p);
                if (OptimKernels.sgd(p, g.contiguous(), momentum != 0 ? b : null, lr, wd, momentum, dampening, nesterov,
                        maximize, first)) {
                    if (momentum != 0) s.put("momentumBuffer", b);
                    continue;
                }
            }
            Tensor d = maximize ? g.neg() : g;
            if (wd != 0) d = d.add(p, wd);
            if (momentum != 0) {
                if (first) {
                    buf = d.clone();
                    s.put("momentumBuffer", buf);
                } else {
                    buf.mul_(momentum).add_(d, 1 - dampening);
                }
                d = nesterov ? d.add(buf, momentum) : buf;
            }
            p.add_(d, -lr);
        }
    }
}
