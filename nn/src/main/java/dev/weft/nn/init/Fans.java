package dev.weft.nn.init;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

/**
 * Fan-in and fan-out of a weight tensor as PyTorch counts them: dim 1 and dim 0, each times the
 * receptive field (product of dims 2..). (C_out, C_in) -> (C_in, C_out); (C_out, C_in, kH, kW) ->
 * (C_in kH kW, C_out kH kW).
 *
 * @param fanIn  dim 1 times the receptive field
 * @param fanOut dim 0 times the receptive field
 */
public record Fans(int fanIn, int fanOut) {

    /**
     * The fans of {@code t}, which must have at least 2 dims.
     *
     * @param t the weight, at least 2 dims
     * @return its fans
     * @throws IllegalArgumentException if t has fewer than 2 dims
     */
    public static Fans of(Tensor t) {
        if (t.dim() < 2) {
            throw new IllegalArgumentException("init: fan in and fan out can not be computed for tensor with fewer than 2 dimensions, got "
                    + Shape.format(t.shape()));
        }
        int receptive = 1;
        for (int d = 2; d < t.dim(); d++) receptive *= t.size(d);
        return new Fans(t.size(1) * receptive, t.size(0) * receptive);
    }
}
