package dev.weft.tensor.cpu;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.ElementwiseOp;

/** CPU execution of elementwise ops (Cast here; the kernel-backed functions arrive with the kernels). */
final class CpuElementwise {
    private CpuElementwise() {}

    static void run(ElementwiseOp op, Tensor[] in, Tensor out) {
        switch (op) {
            case ElementwiseOp.Cast c -> CpuConvert.copy(in[0], out);
            default -> throw new UnsupportedOperationException("cpu: " + op.name() + " is not wired to a kernel yet");
        }
    }
}
