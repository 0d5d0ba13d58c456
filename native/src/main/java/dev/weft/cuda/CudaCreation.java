package dev.weft.cuda;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.cpu.CpuBackend;
import dev.weft.tensor.op.CreationOp;

/**
 * Creation on the device: full() as a memset or an 8-byte fill kernel. arange, linspace, eye and the random
 * ops are computed by the CPU backend and uploaded, so their values are bit-identical to the CPU's (the
 * Philox streams and rounding rules are defined there); they read no device data.
 */
final class CudaCreation {
    private CudaCreation() {}

    static void run(DeviceOps ops, CudaBackend backend, CreationOp op, Strided out) {
        int n = out.numel();
        if (n == 0) return;
        CudaContext ctx = ops.ctx;
        long p = DeviceOps.ptr(out);
        switch (op) {
            case CreationOp.Full f -> {
                double v = f.value();
                ctx.makeCurrent();
                switch (out.dtype()) {
                    case F32 -> ctx.cu.memsetD32(p, Float.floatToRawIntBits((float) v), n);
                    case I32 -> ctx.cu.memsetD32(p, (int) v, n);
                    case BOOL -> ctx.cu.memsetD8(p, (byte) (v != 0 ? 1 : 0), n);
                    case F64, I64 -> {
                        long bits = out.dtype() == DType.F64 ? Double.doubleToRawLongBits(v) : (long) v;
                        ctx.launch1d("fill_b8", n, a -> a.i32(n).i64(bits).ptr(p));
                    }
                }
            }
            case CreationOp.Arange a -> viaCpu(backend, op, out);
            case CreationOp.Linspace l -> viaCpu(backend, op, out);
            case CreationOp.Eye e -> viaCpu(backend, op, out);
            case CreationOp.Random r -> viaCpu(backend, op, out);
        }
    }

    private static void viaCpu(CudaBackend backend, CreationOp op, Strided out) {
        Strided cpu = Strided.contiguous(CpuBackend.INSTANCE.allocate(out.dtype(), out.numel()), out.shape());
        CpuBackend.INSTANCE.execute(op, new Strided[0], new Strided[] {cpu});
        backend.upload(CpuBackend.INSTANCE.toHost(cpu), out);
    }
}
