package dev.weft.nn.optim;

import dev.weft.nn.optim.kernel.OptimKernels;
import dev.weft.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * The Adam update shared by {@link Adam} (L2 weight decay added to the gradient) and {@link AdamW}
 * (decoupled decay p *= 1 - lr wd). With t the parameter's step count:
 * <pre>
 *   m = beta1 m + (1 - beta1) g;   v = beta2 v + (1 - beta2) g^2;   vMax = max(vMax, v)  (amsgrad)
 *   p -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * State per parameter: "step" (Long), "expAvg", "expAvgSq", "maxExpAvgSq" (amsgrad).
 */
abstract class AdamFamily extends Optimizer {
    private final boolean decoupled;

    static OptionSpec spec(String name, double weightDecay) {
        return new OptionSpec(name).add("lr", Double.class, 1e-3).add("betas", double[].class, new double[] {0.9, 0.999})
                .add("eps", Double.class, 1e-8).add("weightDecay", Double.class, weightDecay)
                .add("amsgrad", Boolean.class, false).add("maximize", Boolean.class, false)
                .add("fused", Boolean.class, true);
    }

    AdamFamily(String name, OptionSpec spec, List<ParamGroup> groups, Map<String, ?> options, boolean decoupled) {
        super(name, spec, groups, options);
        this.decoupled = decoupled;
    }

    @Override
    protected void validate(ParamGroup g) {
        super.validate(g);
        double eps = g.getDouble("eps"), wd = g.getDouble("weightDecay");
        double[] betas = g.getDoubles("betas");
        if (!(eps >= 0)) throw new IllegalArgumentException(name() + ": invalid epsilon value: " + eps);
        if (betas.length != 2) throw new IllegalArgumentException(name() + ": betas must hold 2 values, got " + betas.length);
        for (int i = 0; i < 2; i++) {
            if (!(betas[i] >= 0 && betas[i] < 1)) {
                throw new IllegalArgumentException(name() + ": invalid beta parameter at index " + i + ": " + betas[i]);
            }
        }
        if (!(wd >= 0)) throw new IllegalArgumentException(name() + ": invalid weightDecay value: " + wd);
    }

    @Override
    protected void update(ParamGroup group) {
        double lr = group.lr(), eps = group.getDouble("eps"), wd = group.getDouble("weightDecay");
        double[] betas = group.getDoubles("betas");
        double beta1 = betas[0], beta2 = betas[1];
        boolean amsgrad = group.getBoolean("amsgrad"), maximize = group.getBoolean("maximize");
        double l2 = decoupled ? 0 : wd, decay = decoupled ? 1 - lr * wd : 1;
        for (Tensor p : group.params()) {
            Tensor g = p.grad();
            if (g == null) continue;
            Map<String, Object> s = stateOf(p);
            if (!s.containsKey("step")) {
                s.put("step", 0L);
                s.put("expAvg", Tensor.zerosLike(p));
                s.put("expAvgSq", Tensor.zerosLike(p));
                if (amsgrad) s.put("maxExpAvgSq", Tensor.zerosLike(p));
            }
            long step = ((Number) s.get("step")).longValue() + 1;
            s.put("step", step);
            Tensor m = (Tensor) s.get("expAvg"), v = (Tensor) s.get("expAvgSq");
            Tensor vMax = amsgrad ? (Tensor) s.computeIfAbsent("maxExpAvgSq", k -> Tensor.zerosLike(p)) : null;
            double negStepSize = -lr / (1 - Math.pow(beta1, step));
            double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
            if (group.getBoolean("fused")
                    && OptimKernels.adam(p, g.contiguous(), m, v, vMax, beta1, beta2, negStepSize, bc2Sqrt, eps, l2, decay, maximize)) {
                continue;
            }
            // the same operations in the same order as the fused kernel, as tensor ops
            Tensor gi = maximize ? g.neg() : g;
            if (l2 != 0) gi = gi.add(p, l2);
            if (decoupled) p.mul_(decay);
            m.mul_(beta1).add_(gi, 1 - beta1);
            v.mul_(beta2).add_(gi.mul(1 - beta2).mul(gi));
            Tensor vv = v;
            if (amsgrad) vv = vMax.copy_(vMax.maximum(v));
            Tensor denom = vv.sqrt().div(bc2Sqrt).add(eps);
            p.add_(m.mul(negStepSize).div(denom));
        }
    }
}
