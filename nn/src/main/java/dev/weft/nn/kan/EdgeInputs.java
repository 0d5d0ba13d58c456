package dev.weft.nn.kan;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

/** The input check the KAN-family layers share: last dim = in, dtype = the parameters'; messages name the layer. */
final class EdgeInputs {
    private EdgeInputs() {}

    /** Refuses x unless its last dim is in and its dtype is dt; returns x as (rows, in). */
    static Tensor rows(Object layer, Tensor x, int in, DType dt) {
        if (x.dim() < 1 || x.size(-1) != in) {
            throw new IllegalArgumentException(layer + ": input " + Shape.format(x.shape()) + ": last dim "
                    + (x.dim() < 1 ? "(none)" : String.valueOf(x.size(-1))) + " != in " + in);
        }
        if (x.dtype() != dt) {
            throw new IllegalArgumentException(layer + ": input " + x.dtype() + " " + Shape.format(x.shape()) + ", parameters " + dt
                    + ": convert the input (input.to(DType." + dt.name() + ")) or the layer (layer.to(DType." + x.dtype().name() + "))");
        }
        return x.reshape(-1, in);
    }

    /** The shape of x with its last dim replaced by out. */
    static int[] outShape(Tensor x, int out) {
        int[] s = x.shape().clone();
        s[s.length - 1] = out;
        return s;
    }
}
