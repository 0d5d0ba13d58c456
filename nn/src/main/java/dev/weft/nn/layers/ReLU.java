package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;

/** ReLU: max(x, 0). Elementwise, any shape. */
public class ReLU extends Module {
    /** A ReLU module; it has no parameters. */
    public ReLU() {}

    @Override
    public Tensor forward(Tensor input) {
        return F.relu(input);
    }
}
