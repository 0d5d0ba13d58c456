package dev.weft.nn.optim;

import dev.weft.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba, 2015) with PyTorch's options: lr 1e-3, betas (0.9, 0.999), eps 1e-8,
 * weightDecay 0 (L2: added to the gradient), amsgrad false, maximize false, and fused true (one pass
 * over the arrays where the tensors allow; false forces the tensor-op form). See {@link AdamFamily}
 * for the update and the state.
 */
public final class Adam extends AdamFamily {
    public Adam(Iterable<Tensor> params) {
        this(params, Map.of());
    }

    public Adam(Iterable<Tensor> params, double lr) {
        this(params, Map.of("lr", lr));
    }

    /** Options to set: {@code new Adam(params, Adam.options().lr(3e-4).betas(0.9, 0.99))}. */
    public static AdamOptions options() {
        return new AdamOptions();
    }

    public Adam(Iterable<Tensor> params, AdamOptions options) {
        this(params, options.asMap());
    }

    /** Several groups; {@code defaults} apply where a group sets nothing. */
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
