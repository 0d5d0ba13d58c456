package dev.weft.cuda;

import static dev.weft.cuda.kernel.ElementwiseCodes.suffix;

import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.SortOp;

/** sort and topk along one dim on the device (sort.cu, by ranks: stable, NaN largest, deterministic). */
final class CudaSort {
    private CudaSort() {}

    static void run(DeviceOps ops, SortOp op, Strided x, Strided[] out) {
        Strided vals = out[0], idx = out[1];
        int dim = switch (op) {
            case SortOp.Sort s -> s.dim();
            case SortOp.Topk t -> t.dim();
        };
        int len = x.size(dim);
        if (x.numel() == 0 || vals.numel() == 0) return;
        int rows = x.numel() / len;
        int[] outer = Views.without(x.shape(), dim);
        int[] xo = Views.without(x.stride(), dim);
        int[] ys = Views.contiguous(vals.shape());
        int[] yo = Views.without(ys, dim);
        long xp = CudaStorage.of(x).pointer(), vp = DeviceOps.ptr(vals), ip = DeviceOps.ptr(idx);
        int n = rows * len;
        switch (op) {
            case SortOp.Sort s -> ops.ctx.launch1d("sort_" + suffix(x.dtype()), n, a -> a.i32(rows).i32(len)
                    .strided(outer, xo, x.storageOffset()).i32(x.stride(dim)).strided(outer, yo, 0).i32(ys[dim])
                    .ptr(xp).ptr(vp).ptr(ip).i32(s.descending() ? 1 : 0));
            case SortOp.Topk t -> ops.ctx.launch1d("topk_" + suffix(x.dtype()), n, a -> a.i32(rows).i32(len).i32(t.k())
                    .strided(outer, xo, x.storageOffset()).i32(x.stride(dim)).strided(outer, yo, 0).i32(ys[dim])
                    .ptr(xp).ptr(vp).ptr(ip).i32(t.largest() ? 1 : 0).i32(t.sorted() ? 1 : 0));
        }
    }
}
