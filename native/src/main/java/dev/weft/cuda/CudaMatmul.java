package dev.weft.cuda;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.MatmulOp;

/** bmm on the device: a (B, M, K) @ b (B, K, N) -> (B, M, N) through {@link Gemm}, operands read in place. */
final class CudaMatmul {
    private CudaMatmul() {}

    static void run(DeviceOps ops, MatmulOp op, Strided[] in, Strided out) {
        switch (op) {
            case MatmulOp.Bmm bmm -> {
                Strided a = in[0], b = in[1];
                int batch = a.size(0), m = a.size(1), k = a.size(2), n = b.size(2);
                int e = a.dtype().byteSize();
                Gemm.run(ops.ctx, a.dtype() == DType.F64, batch, m, n, k, 1.0,
                        new Gemm.Operand(CudaStorage.of(a).pointer() + (long) a.storageOffset() * e, a.stride(0), a.stride(1), a.stride(2)),
                        new Gemm.Operand(CudaStorage.of(b).pointer() + (long) b.storageOffset() * e, b.stride(0), b.stride(1), b.stride(2)),
                        0.0, new Gemm.Operand(DeviceOps.ptr(out), m * n, n, 1));
            }
        }
    }
}
