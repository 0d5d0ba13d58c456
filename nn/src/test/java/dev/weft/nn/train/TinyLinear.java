package dev.weft.nn.train;

import dev.weft.nn.Module;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/** A test-only affine map x W^T + b (the layers package provides the real Linear). */
final class TinyLinear extends Module {
    TinyLinear(int in, int out, Generator g) {
        double bound = 1 / Math.sqrt(in);
        registerParameter("weight", Tensor.uniform(g, -bound, bound, out, in));
        registerParameter("bias", Tensor.uniform(g, -bound, bound, out));
    }

    // x: (B, in) -> (B, out)
    @Override
    public Tensor forward(Tensor x) {
        return x.matmul(param("weight").t()).add(param("bias"));
    }

    TinyLinear to64() {
        to(DType.F64);
        return this;
    }
}
