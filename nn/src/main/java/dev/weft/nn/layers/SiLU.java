package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;

/** SiLU (swish): x sigmoid(x). Elementwise, any shape. */
public class SiLU extends Module {
    /** A SiLU module; it has no parameters. */
    public SiLU() {}

    @Override
    public Tensor forward(Tensor input) {
        return F.silu(input);
    }
}
