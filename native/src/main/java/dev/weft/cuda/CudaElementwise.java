package dev.weft.cuda;

import static dev.weft.cuda.kernel.ElementwiseCodes.suffix;

import dev.weft.cuda.kernel.ElementwiseCodes;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.ElementwiseOp;
import dev.weft.tensor.op.UnaryFn;

/**
 * Elementwise ops on the device (elementwise.cu, copy.cu's casts): every input is read through its own
 * strides broadcast to the output's shape; the output is the caller's fresh contiguous view.
 */
final class CudaElementwise {
    private CudaElementwise() {}

    static void run(DeviceOps ops, ElementwiseOp op, Strided[] in, Strided out) {
        int n = out.numel();
        if (n == 0) return;
        long y = DeviceOps.ptr(out);
        // every input's strides over the output's shape, then dims merged where all of them (and the
        // contiguous output) allow it; coalesced[0] is the shape, coalesced[1 + i] input i's strides
        int[] outShape = out.shape();
        int[][] in0 = new int[in.length + 1][];
        for (int i = 0; i < in.length; i++) in0[i] = Views.broadcastStrides(in[i], outShape);
        in0[in.length] = Views.contiguous(outShape);
        int[][] coalesced = Views.coalesce(outShape, in0);
        int[] shape = coalesced[0];
        CudaContext ctx = ops.ctx;
        switch (op) {
            case ElementwiseOp.Unary u -> {
                Strided x = in[0];
                int[] xs = coalesced[1];
                long xp = CudaStorage.of(x).pointer();
                if (u.fn() == UnaryFn.LOGICAL_NOT) {
                    ctx.launch1d("logical_not_u8", n, a -> a.i32(n).strided(shape, xs, x.storageOffset()).ptr(xp).ptr(y));
                    return;
                }
                String entry = "unary_" + numeric(op, x.dtype());
                int code = ElementwiseCodes.unary(u.fn());
                ctx.launch1d(entry, n, a -> a.i32(n).strided(shape, xs, x.storageOffset()).ptr(xp).ptr(y).i32(code)
                        .f64(u.p0()).f64(u.p1()));
            }
            case ElementwiseOp.Binary b -> {
                Strided p = in[0], q = in[1];
                int code = ElementwiseCodes.binary(b.fn());
                String entry = b.fn().logical() ? "logical_u8" : "binary_" + numeric(op, p.dtype());
                ctx.launch1d(entry, n, a -> a.i32(n).strided(shape, coalesced[1], p.storageOffset())
                        .strided(shape, coalesced[2], q.storageOffset())
                        .ptr(CudaStorage.of(p).pointer()).ptr(CudaStorage.of(q).pointer()).ptr(y).i32(code));
            }
            case ElementwiseOp.Compare c -> {
                Strided p = in[0], q = in[1];
                int code = ElementwiseCodes.compare(c.fn());
                ctx.launch1d("compare_" + suffix(p.dtype()), n, a -> a.i32(n)
                        .strided(shape, coalesced[1], p.storageOffset()).strided(shape, coalesced[2], q.storageOffset())
                        .ptr(CudaStorage.of(p).pointer()).ptr(CudaStorage.of(q).pointer()).ptr(y).i32(code));
            }
            case ElementwiseOp.Where w -> {
                Strided c = in[0], p = in[1], q = in[2];
                ctx.launch1d("where_" + suffix(p.dtype()), n, a -> a.i32(n)
                        .strided(shape, coalesced[1], c.storageOffset()).strided(shape, coalesced[2], p.storageOffset())
                        .strided(shape, coalesced[3], q.storageOffset())
                        .ptr(CudaStorage.of(c).pointer()).ptr(CudaStorage.of(p).pointer()).ptr(CudaStorage.of(q).pointer())
                        .ptr(y));
            }
            case ElementwiseOp.Cast c -> ops.copy(in[0], out);
        }
    }

    private static String numeric(ElementwiseOp op, DType t) {
        if (t == DType.BOOL) {
            throw CudaBackend.unsupported(op, "bool");
        }
        return suffix(t);
    }
}
