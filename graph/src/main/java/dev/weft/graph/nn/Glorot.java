package dev.weft.graph.nn;

import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/** PyG's glorot initializer: U(-a, a) with a = sqrt(6 / (size(-2) + size(-1))) (a 1-d tensor: size(-2) = 1). */
final class Glorot {
    private Glorot() {}

    static Tensor init(Tensor t, Generator g) {
        int a = t.dim() >= 2 ? t.size(-2) : 1, b = t.size(-1);
        double bound = Math.sqrt(6.0 / (a + b));
        return Init.uniform(t, -bound, bound, g);
    }
}
