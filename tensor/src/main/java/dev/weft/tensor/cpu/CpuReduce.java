package dev.weft.tensor.cpu;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.ReduceOp;

/** CPU execution of reductions (wired to the kernels next). */
final class CpuReduce {
    private CpuReduce() {}

    static void run(ReduceOp op, Tensor in, Tensor[] out) {
        throw new UnsupportedOperationException("cpu: " + op.name() + " is not wired to a kernel yet");
    }
}
