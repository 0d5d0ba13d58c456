package dev.weft.nn;

import dev.weft.tensor.Tensor;

/** Returns its input unchanged: a placeholder where a layer is optional. */
public class Identity extends Module {
    /** An identity module. */
    public Identity() {}

    @Override
    public Tensor forward(Tensor input) {
        return input;
    }
}
