package dev.weft.nn.optim;

import dev.weft.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter, 2019): Adam with decoupled weight decay, p *= 1 - lr weightDecay
 * before the Adam step. Options as {@link Adam} but weightDecay defaults to 1e-2.
 */
public final class AdamW extends AdamFamily {
    public AdamW(Iterable<Tensor> params) {
        this(params, Map.of());
    }

    public AdamW(Iterable<Tensor> params, double lr, double weightDecay) {
        this(params, Map.of("lr", lr, "weightDecay", weightDecay));
    }

    /** Options to set: {@code new AdamW(params, AdamW.options().lr(1e-3).weightDecay(0.05))}. */
    public static AdamOptions options() {
        return new AdamOptions();
    }

    public AdamW(Iterable<Tensor> params, AdamOptions options) {
        this(params, options.asMap());
    }

    public AdamW(List<ParamGroup> groups, AdamOptions defaults) {
        this(groups, defaults.asMap());
    }

    AdamW(Iterable<Tensor> params, Map<String, ?> options) {
        super("AdamW", spec("AdamW", 1e-2), single(params), options, true);
    }

    AdamW(List<ParamGroup> groups, Map<String, ?> defaults) {
        super("AdamW", spec("AdamW", 1e-2), groups, defaults, true);
    }
}
