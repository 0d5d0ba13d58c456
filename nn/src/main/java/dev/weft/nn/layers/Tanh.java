package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;

/** tanh(x). Elementwise, any shape. */
public class Tanh extends Module {
    /** A Tanh module; it has no parameters. */
    public Tanh() {}

    @Override
    public Tensor forward(Tensor input) {
        return F.tanh(input);
    }
}
