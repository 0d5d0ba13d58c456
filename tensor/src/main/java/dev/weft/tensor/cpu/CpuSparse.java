package dev.weft.tensor.cpu;

import dev.weft.kernels.sparse.Sddmm;
import dev.weft.kernels.sparse.Segment;
import dev.weft.kernels.sparse.SegmentFn;
import dev.weft.kernels.sparse.SpMM;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.SparseOp;

/**
 * CPU execution of {@link SparseOp} through kernels/sparse. The kernels read 32-bit indices: I32 structure
 * is read in place, I64 is narrowed once per call (a value outside the int range is an error naming the op
 * and the position). A dense operand with unit column stride is read in place with its row stride; other
 * layouts are copied once. The kernels check the structure before writing, so a bad index leaves the
 * outputs untouched.
 */
final class CpuSparse {
    private CpuSparse() {}

    /** A 1-d index tensor as an int array plus offset. */
    private record Ints(int[] array, int offset) {}

    /** A 2-d dense operand as array, offset, row stride. */
    private record Rows(Object array, int offset, int ld) {}

    static void run(SparseOp op, Strided[] in, Strided[] out) {
        String name = op.name();
        switch (op) {
            case SparseOp.Spmm s -> {
                int[] rowPtr = rowPtr(name, in[0]);
                Ints col = ints(name, "col", in[1]);
                Contig v = Contig.of(in[2]);
                Rows x = rows(in[3]);
                Strided y = out[0];
                int m = y.size(0), n = y.size(1);
                if (y.dtype() == DType.F32) {
                    SpMM.spmm(m, s.cols(), n, rowPtr, col.array, col.offset, (float[]) v.array(), v.offset(), (float[]) x.array, x.offset,
                            x.ld, CpuStorage.f32(y), y.storageOffset(), n);
                } else {
                    SpMM.spmm(m, s.cols(), n, rowPtr, col.array, col.offset, (double[]) v.array(), v.offset(), (double[]) x.array, x.offset,
                            x.ld, CpuStorage.f64(y), y.storageOffset(), n);
                }
            }
            case SparseOp.Sddmm s -> {
                int[] rowPtr = rowPtr(name, in[0]);
                Ints col = ints(name, "col", in[1]);
                Rows a = rows(in[2]), b = rows(in[3]);
                Strided o = out[0];
                int m = in[0].size(0) - 1, n = in[2].size(1);
                if (o.dtype() == DType.F32) {
                    Sddmm.sddmm(m, s.cols(), n, rowPtr, col.array, col.offset, (float[]) a.array, a.offset, a.ld, (float[]) b.array, b.offset,
                            b.ld, CpuStorage.f32(o), o.storageOffset());
                } else {
                    Sddmm.sddmm(m, s.cols(), n, rowPtr, col.array, col.offset, (double[]) a.array, a.offset, a.ld, (double[]) b.array,
                            b.offset, b.ld, CpuStorage.f64(o), o.storageOffset());
                }
            }
            case SparseOp.Segment s -> {
                int[] rowPtr = rowPtr(name, in[0]);
                Strided x = in[1], y = out[0];
                int m = rowPtr.length - 1, total = x.size(0), n = total == 0 ? Contig.prod(y.shape(), 1, y.dim()) : x.numel() / total;
                if (rowPtr[m] != total) {
                    throw new IllegalArgumentException(name + ": rowPtr ends at " + rowPtr[m] + " but x has " + total + " rows");
                }
                Contig c = Contig.of(x);
                SegmentFn fn = SegmentFn.valueOf(s.reduce().name());
                long[] arg = fn.hasArg() ? CpuStorage.i64(out[1]) : null;
                int argOff = fn.hasArg() ? out[1].storageOffset() : 0;
                if (y.dtype() == DType.F32) {
                    Segment.reduce(fn, m, n, rowPtr, (float[]) c.array(), c.offset(), n, CpuStorage.f32(y), y.storageOffset(), n, arg, argOff);
                } else {
                    Segment.reduce(fn, m, n, rowPtr, (double[]) c.array(), c.offset(), n, CpuStorage.f64(y), y.storageOffset(), n, arg, argOff);
                }
            }
        }
    }

    /** Row pointers as an int array from offset 0 (the kernels' form). */
    private static int[] rowPtr(String name, Strided t) {
        Ints r = ints(name, "rowPtr", t);
        if (r.offset == 0 && r.array.length == t.numel()) return r.array;
        return java.util.Arrays.copyOfRange(r.array, r.offset, r.offset + t.numel());
    }

    private static Ints ints(String name, String what, Strided t) {
        int n = t.numel();
        if (t.dtype() == DType.I32 && t.isContiguous()) return new Ints(CpuStorage.i32(t), t.storageOffset());
        if (t.dtype() == DType.I32) return new Ints((int[]) CpuConvert.contiguous(t, null, DType.I32), 0);
        Contig c = Contig.of(t);
        long[] a = c.longs();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            long v = a[c.offset() + i];
            if (v != (int) v) throw new IndexOutOfBoundsException(name + ": " + what + "[" + i + "] = " + v + " does not fit in 32 bits");
            out[i] = (int) v;
        }
        return new Ints(out, 0);
    }

    /** A 2-d operand with unit column stride read in place; otherwise a contiguous copy. */
    private static Rows rows(Strided t) {
        if (t.size(1) <= 1 || t.stride(1) == 1) {
            int ld = t.size(0) <= 1 ? t.size(1) : t.stride(0);
            if (ld >= t.size(1)) return new Rows(CpuStorage.of(t).array(), t.storageOffset(), ld);
        }
        Contig c = Contig.of(t);
        return new Rows(c.array(), c.offset(), t.size(1));
    }
}
