package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;

/** x - logsumexp(x) along dim (stabler than log(softmax)). Same shape as the input. */
public class LogSoftmax extends Module {
    /** The dim normalized over. */
    public final int dim;

    /**
     * A LogSoftmax along dim.
     *
     * @param dim the dim to normalize over (negative: from the end)
     */
    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.logSoftmax(input, dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
