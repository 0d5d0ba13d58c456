package dev.weft.autograd;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.MatmulOp;

/**
 * Backward rule of bmm, the Matmul family's one primitive: (B, M, K) @ (B, K, N) gives dA = dY B^T and
 * dB = A^T dY (the transposes stay views). An input laid out transposed (a Linear's W^T) gets its
 * gradient computed as (B dY^T)^T / (dY^T A)^T, so the gradient has the input's layout and the
 * leaf's grad arrives contiguous, uncopied.
 */
final class MatmulGrads {
    private MatmulGrads() {}

    static Tensor[] backward(MatmulOp op, Ctx c) {
        return switch (op) {
            case MatmulOp.Bmm b -> new Tensor[] {
                    !c.needs(0) ? null : transposedLayout(c.in(0)) ? c.in(1).bmm(c.g().mT()).mT() : c.g().bmm(c.in(1).mT()),
                    !c.needs(1) ? null : transposedLayout(c.in(1)) ? c.g().mT().bmm(c.in(0)).mT() : c.in(0).mT().bmm(c.g())};
        };
    }

    /** True if the last two dims of t are stored column-major (the transpose of a contiguous matrix). */
    static boolean transposedLayout(Tensor t) {
        int r = t.dim();
        return r >= 2 && t.size(r - 1) > 1 && t.size(r - 2) > 1 && t.stride(r - 2) == 1 && t.stride(r - 1) == t.size(r - 2);
    }
}
