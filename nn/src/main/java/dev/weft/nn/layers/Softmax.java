package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;

/** exp(x) / sum(exp(x)) along dim. Same shape as the input. */
public class Softmax extends Module {
    /** The dim normalized over. */
    public final int dim;

    /**
     * A Softmax along dim.
     *
     * @param dim the dim to normalize over (negative: from the end)
     */
    public Softmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.softmax(input, dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
