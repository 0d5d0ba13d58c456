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

    /** @param options lr, betas (double[2] or List), eps, weightDecay, amsgrad, maximize, fused */
    public Adam(Iterable<Tensor> params, Map<String, ?> options) {
        super("Adam", spec("Adam", 0.0), single(params), options, false);
    }

    /** Several groups; {@code defaults} apply where a group sets nothing. */
    public Adam(List<ParamGroup> groups, Map<String, ?> defaults) {
        super("Adam", spec("Adam", 0.0), groups, defaults, false);
    }
}
