package dev.weft.nn.functional;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.Create;

/** Inverted dropout: kept entries scaled by 1/(1-p) in training, identity in evaluation. */
final class Dropouts {
    private Dropouts() {}

    // x: any shape -> same shape;  y = x * m / (1 - p), m ~ Bernoulli(1 - p) per element
    static Tensor dropout(Tensor x, double p, boolean training, Generator g) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout: probability has to be between 0 and 1, but got " + p);
        }
        if (!training || p == 0) return x;
        if (p == 1) return x.mul(0.0);
        if (g == null) throw new IllegalArgumentException("dropout: training with p = " + p + " needs a generator");
        Tensor noise = Create.bernoulli(g, 1 - p, x.shape(), x.dtype(), x.device()).div(1 - p);
        return x.mul(noise);
    }
}
