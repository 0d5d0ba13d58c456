package dev.weft.spark;

import dev.weft.nn.optim.Optimizer;
import dev.weft.tensor.Tensor;
import java.io.Serializable;
import java.util.List;

/**
 * Makes an optimizer over a model's parameters, e.g. {@code ps -> new Adam(ps, 1e-3)}: on the driver for
 * synchronous SGD, and on the executors for parameter averaging (a fresh one each round).
 */
@FunctionalInterface
public interface OptimizerFactory extends Serializable {
    /**
     * {@return an optimizer updating {@code params}}
     *
     * @param params the parameters
     */
    Optimizer create(List<Tensor> params);
}
