package dev.weft.cuda;

import dev.weft.cuda.kernel.ElementwiseCodes;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Strided;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The device-side building blocks every executor shares: strided copies and conversions, contiguous
 * copies of operands for kernels that need them, temporaries released when the op ends (the stream orders
 * the reuse), and the error word index kernels report a bad position in.
 */
final class DeviceOps implements AutoCloseable {
    final CudaContext ctx;
    private final List<CudaStorage> temps = new ArrayList<>();

    DeviceOps(CudaContext ctx) {
        this.ctx = ctx;
    }

    /** A temporary contiguous storage, released at close. */
    Strided temp(DType dtype, int[] shape) {
        CudaStorage s = ctx.allocate(dtype, Views.prod(shape));
        temps.add(s);
        return Strided.contiguous(s, shape);
    }

    /** dst = src (broadcast to dst's shape), converting the dtype when they differ; any strides on both. */
    void copy(Strided src, Strided dst) {
        int n = dst.numel();
        if (n == 0) return;
        int[][] c = Views.coalesce(dst.shape(), Views.broadcastStrides(src, dst.shape()), dst.stride());
        int[] shape = c[0], ss = c[1], ds = c[2];
        long sp = CudaStorage.of(src).pointer(), dp = CudaStorage.of(dst).pointer();
        String entry = src.dtype() == dst.dtype() ? "copy_b" + src.dtype().byteSize()
                : "cast_" + ElementwiseCodes.suffix(src.dtype()) + "_" + ElementwiseCodes.suffix(dst.dtype());
        ctx.launch1d(entry, n, a -> a.i32(n).strided(shape, ss, src.storageOffset()).strided(shape, ds, dst.storageOffset())
                .ptr(sp).ptr(dp));
    }

    /** The view itself when contiguous, else a contiguous temporary copy. */
    Strided contiguous(Strided v) {
        if (v.isContiguous()) return v;
        Strided t = temp(v.dtype(), v.shape());
        copy(v, t);
        return t;
    }

    /** The device address of a contiguous view's first element. */
    static long ptr(Strided v) {
        return CudaStorage.of(v).pointer(v.storageOffset());
    }

    /** An error word initialized to "no error" (all ones), for kernels that atomicMin a bad position into it. */
    long errorWord() {
        Strided w = temp(DType.I64, new int[] {1});
        long p = ptr(w);
        ctx.cu.memsetD8(p, (byte) 0xFF, 8);
        return p;
    }

    /** The position an index kernel reported, or -1 when none (waits for the kernel). */
    long readError(long word) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ValueLayout.JAVA_LONG);
            ctx.makeCurrent();
            ctx.cu.memcpyDtoH(out, word, 8);
            return out.get(ValueLayout.JAVA_LONG, 0);
        }
    }

    /** One element of a device view as a long (for naming a bad index value in an error). */
    long readIndex(Strided idx, int linear) {
        int[] shape = idx.shape(), stride = idx.stride();
        int off = idx.storageOffset();
        for (int d = shape.length - 1; d >= 0; d--) {
            off += (linear % shape[d]) * stride[d];
            linear /= shape[d];
        }
        try (Arena a = Arena.ofConfined()) {
            int size = idx.dtype().byteSize();
            MemorySegment out = a.allocate(8);
            ctx.makeCurrent();
            ctx.cu.memcpyDtoH(out, CudaStorage.of(idx).pointer(off), size);
            return size == 8 ? out.get(ValueLayout.JAVA_LONG, 0) : out.get(ValueLayout.JAVA_INT, 0);
        }
    }

    @Override
    public void close() {
        for (CudaStorage s : temps) s.release();
        temps.clear();
    }
}
