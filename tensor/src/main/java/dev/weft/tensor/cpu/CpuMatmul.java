package dev.weft.tensor.cpu;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.MatmulOp;

/** CPU execution of matrix products (wired to GEMM next). */
final class CpuMatmul {
    private CpuMatmul() {}

    static void run(MatmulOp op, Tensor[] in, Tensor out) {
        throw new UnsupportedOperationException("cpu: " + op.name() + " is not wired to a kernel yet");
    }
}
