package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;

/** sigmoid(x) = 1 / (1 + exp(-x)). Elementwise, any shape. */
public class Sigmoid extends Module {
    /** A Sigmoid module; it has no parameters. */
    public Sigmoid() {}

    @Override
    public Tensor forward(Tensor input) {
        return F.sigmoid(input);
    }
}
