package dev.weft.tensor.cpu;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;

/**
 * A tensor's elements (or a leading corner of them) as one row-major array plus offset, the form the
 * structural kernels read: the tensor's own storage when it already is contiguous and of the wanted
 * dtype (then it must only be read), else a fresh converted copy.
 */
record Contig(Object array, int offset) {

    /** All of t, as dtype {@code as}. */
    static Contig of(Strided t, DType as) {
        if (t.isContiguous() && t.dtype() == as) return new Contig(CpuStorage.of(t).array(), t.storageOffset());
        return new Contig(CpuConvert.contiguous(t, null, as), 0);
    }

    /** All of t in its own dtype. */
    static Contig of(Strided t) {
        return of(t, t.dtype());
    }

    /** The corner t[0:shape[0], 0:shape[1], ...] (each size <= t's), as dtype {@code as}. */
    static Contig corner(Strided t, int[] shape, DType as) {
        if (java.util.Arrays.equals(shape, t.shape())) return of(t, as);
        Object out = CpuStorage.allocate(as, Shape.numel(shape)).array();
        CpuConvert.copy(CpuStorage.of(t).array(), t.storageOffset(), t.stride(), out, 0, Shape.contiguousStrides(shape), shape);
        return new Contig(out, 0);
    }

    /** The I64 index array of idx (converted when needed). */
    long[] longs() {
        return (long[]) array;
    }

    /** Product of shape[from, to). */
    static int prod(int[] shape, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) p *= shape[i];
        return p;
    }
}
