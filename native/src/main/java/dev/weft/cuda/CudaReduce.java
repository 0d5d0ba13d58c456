package dev.weft.cuda;

import static dev.weft.cuda.kernel.ElementwiseCodes.suffix;

import dev.weft.cuda.kernel.ReduceCodes;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.ReduceFn;
import dev.weft.tensor.op.ReduceOp;

/**
 * Reductions on the device (reduce.cu, softmax.cu): multi-dim reductions split the input into kept dims
 * (outer, the output's row-major order) and reduced dims (inner), one block per output; softmax, log-softmax,
 * argmax/argmin and the running sum/product work along one dim.
 */
final class CudaReduce {
    private CudaReduce() {}

    /** Outputs from which one block per output already fills the device. */
    static final int SPLIT_OUTPUTS = 256;
    /** Elements per block in a split reduction, and the most partials per output. */
    static final int SPLIT_CHUNK = 1 << 14, MAX_PARTS = 1024;

    static void run(DeviceOps ops, ReduceOp op, Strided x, Strided[] out) {
        switch (op) {
            case ReduceOp.Reduce r -> reduce(ops, op, x, out[0], r.dims(), code(r.fn()), 0, r.fn());
            case ReduceOp.Var v -> reduce(ops, op, x, out[0], v.dims(), ReduceCodes.VAR, v.correction(), null);
            case ReduceOp.Std s -> reduce(ops, op, x, out[0], s.dims(), ReduceCodes.STD, s.correction(), null);
            case ReduceOp.Norm n -> reduce(ops, op, x, out[0], n.dims(), ReduceCodes.NORM, n.p(), null);
            case ReduceOp.LogSumExp l -> reduce(ops, op, x, out[0], l.dims(), ReduceCodes.LOGSUMEXP, 0, null);
            case ReduceOp.Softmax s -> softmax(ops, x, out[0], s.dim(), false);
            case ReduceOp.LogSoftmax s -> softmax(ops, x, out[0], s.dim(), true);
            case ReduceOp.ArgReduce a -> argReduce(ops, op, x, out[0], out[1], a.dim(), a.max());
            case ReduceOp.Cumsum c -> scan(ops, op, x, out[0], c.dim(), false);
            case ReduceOp.Cumprod c -> scan(ops, op, x, out[0], c.dim(), true);
        }
    }

    private static int code(ReduceFn fn) {
        return switch (fn) {
            case SUM -> ReduceCodes.SUM;
            case PROD -> ReduceCodes.PROD;
            case MAX -> ReduceCodes.MAX;
            case MIN -> ReduceCodes.MIN;
            case ALL -> ReduceCodes.ALL;
            case ANY -> ReduceCodes.ANY;
        };
    }

    private static void reduce(DeviceOps ops, ReduceOp op, Strided x, Strided y, int[] dims, int mode, double p, ReduceFn fn) {
        int outN = y.numel();
        if (outN == 0) return;
        int[] shape = x.shape(), stride = x.stride();
        int[] outerShape = Views.pick(shape, dims, false), outerStride = Views.pick(stride, dims, false);
        int[] innerShape = Views.pick(shape, dims, true), innerStride = Views.pick(stride, dims, true);
        int inner = Views.prod(innerShape);
        long xp = CudaStorage.of(x).pointer(), yp = DeviceOps.ptr(y);
        DType t = x.dtype();
        String entry;
        boolean floating = t.isFloatingPoint() && fn != ReduceFn.ALL && fn != ReduceFn.ANY;
        if (floating) {
            entry = "reduce_" + suffix(t);
        } else if (fn == null) {
            throw CudaBackend.unsupported(op, t.toString());
        } else {
            entry = "reduce_" + suffix(t) + "_" + suffix(y.dtype());
        }
        if (floating && mode <= ReduceCodes.MIN) {
            // few outputs over many elements: fixed chunks of SPLIT_CHUNK per block, then one pass over the partials
            int parts = outN >= SPLIT_OUTPUTS ? 1 : Math.min(Math.ceilDiv(inner, SPLIT_CHUNK), MAX_PARTS);
            if (parts > 1) {
                Strided partial = ops.temp(t, new int[] {outN, parts});
                long pp = DeviceOps.ptr(partial);
                int pa = parts;
                ops.ctx.launchPerBlock(entry, outN * parts, a -> a.i32(outN).i32(inner).strided(outerShape, outerStride, x.storageOffset())
                        .strided(innerShape, innerStride, 0).ptr(xp).ptr(pp).i32(mode).f64(p).i32(pa));
                ops.ctx.launchPerBlock(entry, outN, a -> a.i32(outN).i32(pa).strided(new int[] {outN}, new int[] {pa}, 0)
                        .strided(new int[] {pa}, new int[] {1}, 0).ptr(pp).ptr(yp).i32(mode).f64(p).i32(1));
                return;
            }
        }
        ops.ctx.launchPerBlock(entry, outN, a -> {
            a.i32(outN).i32(inner).strided(outerShape, outerStride, x.storageOffset()).strided(innerShape, innerStride, 0)
                    .ptr(xp).ptr(yp).i32(mode);
            if (floating) a.f64(p).i32(1);
        });
    }

    private static void softmax(DeviceOps ops, Strided x, Strided y, int dim, boolean log) {
        int n = x.numel();
        if (n == 0) return;
        int len = x.size(dim), rows = n / len;
        int[] ys = Views.contiguous(y.shape());
        int[] outer = Views.without(x.shape(), dim);
        long xp = CudaStorage.of(x).pointer(), yp = DeviceOps.ptr(y);
        ops.ctx.launchPerBlock("softmax_" + suffix(x.dtype()), rows, a -> a.i32(rows).i32(len)
                .strided(outer, Views.without(x.stride(), dim), x.storageOffset()).i32(x.stride(dim))
                .strided(outer, Views.without(ys, dim), 0).i32(ys[dim]).ptr(xp).ptr(yp).i32(log ? 1 : 0));
    }

    private static void argReduce(DeviceOps ops, ReduceOp op, Strided x, Strided vals, Strided idx, int dim, boolean max) {
        int rows = vals.numel();
        if (rows == 0) return;
        if (x.dtype() == DType.BOOL) {
            throw CudaBackend.unsupported(op, "bool");
        }
        int len = x.size(dim);
        int[] outer = Views.without(x.shape(), dim);
        long xp = CudaStorage.of(x).pointer();
        ops.ctx.launch1d("argreduce_" + suffix(x.dtype()), rows, a -> a.i32(rows).i32(len)
                .strided(outer, Views.without(x.stride(), dim), x.storageOffset()).i32(x.stride(dim)).ptr(xp)
                .ptr(DeviceOps.ptr(vals)).ptr(DeviceOps.ptr(idx)).i32(max ? 1 : 0));
    }

    private static void scan(DeviceOps ops, ReduceOp op, Strided x, Strided y, int dim, boolean prod) {
        int n = x.numel();
        if (n == 0) return;
        int len = x.size(dim), rows = n / len;
        String entry = x.dtype().isFloatingPoint() ? "scan_" + suffix(x.dtype()) : "scan_" + suffix(x.dtype()) + "_i64";
        int[] ys = Views.contiguous(y.shape());
        int[] outer = Views.without(x.shape(), dim);
        long xp = CudaStorage.of(x).pointer(), yp = DeviceOps.ptr(y);
        ops.ctx.launch1d(entry, rows, a -> a.i32(rows).i32(len)
                .strided(outer, Views.without(x.stride(), dim), x.storageOffset()).i32(x.stride(dim))
                .strided(outer, Views.without(ys, dim), 0).i32(ys[dim]).ptr(xp).ptr(yp).i32(prod ? 1 : 0));
    }
}
