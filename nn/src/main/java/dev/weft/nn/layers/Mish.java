package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;

/** Mish: x tanh(softplus(x)). Elementwise, any shape. */
public class Mish extends Module {
    /** A Mish module; it has no parameters. */
    public Mish() {}

    @Override
    public Tensor forward(Tensor input) {
        return F.mish(input);
    }
}
