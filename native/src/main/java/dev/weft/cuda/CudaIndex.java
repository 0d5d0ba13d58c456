package dev.weft.cuda;

import static dev.weft.cuda.kernel.ElementwiseCodes.suffix;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.IndexOp;

/**
 * Indexing on the device (index.cu). scatter, scatter_add, scatter_reduce(sum, include_self) and index_add
 * run one thread per column walking its index entries in order (O(entries) each, no atomics, the CPU's
 * order of repeated targets); the other scatter_reduce forms gather per output element. Every kernel reports the first out-of-range index position in an error
 * word; it is read back after the kernel (a 4-byte status read, not a data round trip) and becomes the
 * same IllegalArgumentException the CPU backend gives, naming the op, the dim, the position and the shapes.
 */
final class CudaIndex {
    private CudaIndex() {}

    static void run(DeviceOps ops, IndexOp op, Strided[] in, Strided out) {
        CudaContext ctx = ops.ctx;
        int n = out.numel();
        switch (op) {
            case IndexOp.IndexSelect s -> {
                Strided x = in[0], idx = in[1];
                int dim = s.dim();
                int[] oshape = out.shape();
                int[] xs = x.stride();
                int xd = xs[dim];
                xs[dim] = 0;
                int nidx = idx.numel(), inner = Views.prod(java.util.Arrays.copyOfRange(oshape, dim + 1, oshape.length));
                long err = ops.errorWord();
                ctx.launch1d("index_select_" + suffix(x.dtype()), n, a -> a.i32(n).strided(oshape, xs, x.storageOffset()).i32(xd)
                        .i32(x.size(dim)).i32(nidx).i32(inner).ptr(CudaStorage.of(idx).pointer()).i32(idx.dim() == 0 ? 0 : idx.stride(0))
                        .i32(idx.storageOffset()).ptr(CudaStorage.of(x).pointer()).ptr(DeviceOps.ptr(out)).ptr(err));
                check(ops, op, err, idx, dim, x.size(dim), x, idx);
            }
            case IndexOp.Gather g -> {
                Strided x = in[0], idx = in[1];
                int dim = g.dim();
                int[] ishape = idx.shape();
                int[] xs = x.stride();
                int xd = xs[dim];
                xs[dim] = 0;
                long err = ops.errorWord();
                ctx.launch1d("gather_" + suffix(x.dtype()), n, a -> a.i32(n).strided(ishape, idx.stride(), idx.storageOffset())
                        .strided(ishape, xs, x.storageOffset()).i32(xd).i32(x.size(dim)).ptr(CudaStorage.of(idx).pointer())
                        .ptr(CudaStorage.of(x).pointer()).ptr(DeviceOps.ptr(out)).ptr(err));
                check(ops, op, err, idx, dim, x.size(dim), x, idx);
            }
            case IndexOp.Scatter s -> scatter(ops, op, in, out, s.dim(), 0, true);
            case IndexOp.ScatterAdd s -> scatter(ops, op, in, out, s.dim(), 1, true);
            case IndexOp.ScatterReduce s -> scatter(ops, op, in, out, s.dim(), switch (s.reduce()) {
                case SUM -> 1;
                case PROD -> 2;
                case MEAN -> 3;
                case AMAX -> 4;
                case AMIN -> 5;
            }, s.includeSelf());
            case IndexOp.IndexAdd s -> {
                Strided self = in[0], idx = in[1], src = in[2];
                numeric(op, self.dtype());
                int dim = s.dim();
                ops.copy(self, out);
                int[] cshape = src.shape();
                int len = cshape[dim];
                cshape[dim] = 1;
                int ncols = Views.prod(cshape);
                long err = ops.errorWord();
                ctx.launch1d("index_add_cols_" + suffix(self.dtype()), ncols, a -> a.i32(ncols).i32(dim)
                        .strided(cshape, Views.contiguous(cshape), 0).i32(len).strided(out.shape(), out.stride(), 0)
                        .strided(src.shape(), src.stride(), src.storageOffset()).ptr(CudaStorage.of(idx).pointer())
                        .i32(idx.dim() == 0 ? 0 : idx.stride(0)).i32(idx.storageOffset()).ptr(CudaStorage.of(src).pointer())
                        .ptr(DeviceOps.ptr(out)).f64(s.alpha()).ptr(err));
                check(ops, op, err, idx, dim, self.size(dim), self, idx, src);
            }
            case IndexOp.Nonzero nz -> {
                Strided x = in[0];
                Strided found = ops.temp(DType.I32, new int[] {1});
                int total = x.numel();
                ctx.launch("nonzero_" + suffix(x.dtype()), 1, 1, 1, 1, 1, 1, a -> a.i32(total)
                        .strided(x.shape(), x.stride(), x.storageOffset()).ptr(CudaStorage.of(x).pointer()).ptr(DeviceOps.ptr(out))
                        .i32(nz.count()).ptr(DeviceOps.ptr(found)));
                long k = ops.readIndex(found, 0);
                if (k != nz.count()) {
                    throw new IllegalStateException("nonzero: cuda found " + k + " non-zero elements of " + Shape.format(x.shape())
                            + ", the dispatcher counted " + nz.count());
                }
            }
        }
    }

    private static void scatter(DeviceOps ops, IndexOp op, Strided[] in, Strided out, int dim, int mode, boolean include) {
        Strided self = in[0], idx = in[1], src = in[2];
        if (mode != 0) numeric(op, self.dtype());   // scatter itself moves BOOL values too
        if (mode <= 1 && include) {
            scatterColumns(ops, op, self, idx, src, out, dim, mode);
            return;
        }
        int n = out.numel();
        int[] ishape = idx.shape();
        int floorDiv = self.dtype().isFloatingPoint() ? 0 : 1;
        long err = ops.errorWord();
        ops.ctx.launch1d("scatter_" + suffix(self.dtype()), n, a -> a.i32(n).i32(dim)
                .strided(self.shape(), self.stride(), self.storageOffset()).strided(ishape, idx.stride(), idx.storageOffset())
                .strided(ishape, src.stride(), src.storageOffset()).ptr(CudaStorage.of(self).pointer())
                .ptr(CudaStorage.of(idx).pointer()).ptr(CudaStorage.of(src).pointer()).ptr(DeviceOps.ptr(out)).i32(mode)
                .i32(include ? 1 : 0).i32(floorDiv).ptr(err));
        check(ops, op, err, idx, dim, self.size(dim), self, idx, src);
    }

    /** scatter (mode 0) and scatter_add (mode 1): a copy of self, then one thread per column of idx walking it in order. */
    private static void scatterColumns(DeviceOps ops, IndexOp op, Strided self, Strided idx, Strided src, Strided out, int dim, int mode) {
        ops.copy(self, out);
        int[] ishape = idx.shape(), cshape = idx.shape();
        int len = cshape[dim];
        cshape[dim] = 1;
        int ncols = Views.prod(cshape);
        long err = ops.errorWord();
        ops.ctx.launch1d("scatter_cols_" + suffix(self.dtype()), ncols, a -> a.i32(ncols).i32(dim)
                .strided(cshape, Views.contiguous(cshape), 0).i32(len).strided(out.shape(), out.stride(), 0)
                .strided(ishape, idx.stride(), idx.storageOffset()).strided(ishape, src.stride(), src.storageOffset())
                .ptr(CudaStorage.of(idx).pointer()).ptr(CudaStorage.of(src).pointer()).ptr(DeviceOps.ptr(out)).i32(mode).ptr(err));
        check(ops, op, err, idx, dim, self.size(dim), self, idx, src);
    }

    private static void numeric(IndexOp op, DType t) {
        if (t == DType.BOOL) throw CudaBackend.unsupported(op, "bool");
    }

    private static void check(DeviceOps ops, IndexOp op, long err, Strided idx, int dim, int size, Strided... shapes) {
        long pos = ops.readError(err);
        if (pos == -1) return;
        long value = ops.readIndex(idx, (int) pos);
        StringBuilder sb = new StringBuilder();
        for (Strided s : shapes) sb.append(sb.length() == 0 ? "" : ", ").append(Shape.format(s.shape()));
        throw new IllegalArgumentException(op.name() + ": index " + value + " at position " + pos + " is out of range for dim " + dim
                + " of size " + size + " (shapes " + sb + ")");
    }
}
