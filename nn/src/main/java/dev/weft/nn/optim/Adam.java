package dev.weft.nn.optim;

import dev.weft.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba, 2015) with PyTorch's options: lr 1e-3, betas (0.9, 0.999), eps 1e-8,
 * weightDecay 0 (L2: added to the gradient), amsgrad false, maximize false, and fused true (one pass
 * over the arrays where the tensors allow; false forces the tensor-op form). See {@link AdamFamily}
 * for the update and the state. An empty parameter list, a non-floating-point or non-leaf parameter, or an
 * option out of range is an IllegalArgumentException.
 *
 * <pre>{@code
 * Linear model = new Linear(10, 1);
 * Adam opt = new Adam(model.parameters(), Adam.options().lr(3e-4).betas(0.9, 0.99));
 * Tensor loss = Losses.mseLoss(model.forward(x), y);
 * opt.zeroGrad();
 * Autograd.backward(loss);
 * opt.step();                       // updates weight and bias in place
 * }</pre>
 */
public final class Adam extends AdamFamily {
    /**
     * Adam with every default (lr 1e-3).
     *
     * @param params the parameters to update, one group
     */
    public Adam(Iterable<Tensor> params) {
        this(params, Map.of());
    }

    /**
     * Adam with learning rate {@code lr}, other options at their defaults.
     *
     * @param params the parameters to update, one group
     * @param lr the learning rate, at least 0
     */
    public Adam(Iterable<Tensor> params, double lr) {
        this(params, Map.of("lr", lr));
    }

    /**
     * Options to set: {@code new Adam(params, Adam.options().lr(3e-4).betas(0.9, 0.99))}.
     *
     * @return empty options (unset ones take the defaults)
     */
    public static AdamOptions options() {
        return new AdamOptions();
    }

    /**
     * Adam with the options set in {@code options}, the defaults elsewhere.
     *
     * @param params the parameters to update, one group
     * @param options the options, from {@link #options()}
     */
    public Adam(Iterable<Tensor> params, AdamOptions options) {
        this(params, options.asMap());
    }

    /**
     * Several groups; {@code defaults} apply where a group sets nothing.
     *
     * @param groups the parameter groups, each with its own options
     * @param defaults the options of groups that do not set them
     */
    public Adam(List<ParamGroup> groups, AdamOptions defaults) {
        this(groups, defaults.asMap());
    }

    // the param-group dictionary form, as state dicts hold options (package-private: options() is the public way)
    Adam(Iterable<Tensor> params, Map<String, ?> options) {
        super("Adam", spec("Adam", 0.0), single(params), options, false);
    }

    Adam(List<ParamGroup> groups, Map<String, ?> defaults) {
        super("Adam", spec("Adam", 0.0), groups, defaults, false);
    }
}
