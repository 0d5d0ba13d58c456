package dev.weft.nn.optim;

import dev.weft.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter, 2019): Adam with decoupled weight decay, p *= 1 - lr weightDecay
 * before the Adam step. Options as {@link Adam} but weightDecay defaults to 1e-2.
 */
public final class AdamW extends AdamFamily {
    /**
     * AdamW with every default (lr 1e-3, weightDecay 1e-2).
     *
     * @param params the parameters to update, one group
     */
    public AdamW(Iterable<Tensor> params) {
        this(params, Map.of());
    }

    /**
     * AdamW with the given learning rate and decay, other options at their defaults.
     *
     * @param params the parameters to update, one group
     * @param lr the learning rate, at least 0
     * @param weightDecay the decoupled decay factor, at least 0
     */
    public AdamW(Iterable<Tensor> params, double lr, double weightDecay) {
        this(params, Map.of("lr", lr, "weightDecay", weightDecay));
    }

    /**
     * Options to set: {@code new AdamW(params, AdamW.options().lr(1e-3).weightDecay(0.05))}.
     *
     * @return empty options (unset ones take the defaults)
     */
    public static AdamOptions options() {
        return new AdamOptions();
    }

    /**
     * AdamW with the options set in {@code options}, the defaults elsewhere.
     *
     * @param params the parameters to update, one group
     * @param options the options, from {@link #options()}
     */
    public AdamW(Iterable<Tensor> params, AdamOptions options) {
        this(params, options.asMap());
    }

    /**
     * Several groups; {@code defaults} apply where a group sets nothing.
     *
     * @param groups the parameter groups, each with its own options
     * @param defaults the options of groups that do not set them
     */
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
