package dev.weft.tensor.cpu;

import dev.weft.kernels.index.Gather;
import dev.weft.kernels.index.IndexSelect;
import dev.weft.kernels.index.Mask;
import dev.weft.kernels.index.Scatter;
import dev.weft.kernels.index.ScatterReduceFn;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.IndexOp;
import java.util.Arrays;

/**
 * CPU execution of {@link IndexOp} on the kernels' (outer, d, inner) index routines. Every index is
 * checked here first, on the caller's thread, so a bad one is reported with the op, the dim, its
 * coordinates in the index tensor and the shapes, deterministically. Writing ops copy self into the
 * output first; when the index covers less than self in the other dims, the covered corner is
 * worked on in a temporary and copied back. Integer scatter_reduce/index_add run here in I64
 * arithmetic (the kernels serve floating reductions only).
 */
final class CpuIndex {
    private CpuIndex() {}

    static void run(IndexOp op, Strided[] in, Strided out) {
        switch (op) {
            case IndexOp.IndexSelect s -> indexSelect(s.dim(), in[0], in[1], out);
            case IndexOp.Gather g -> gather(g.dim(), in[0], in[1], out);
            case IndexOp.Scatter s -> scatter(s.name(), s.dim(), null, false, in, out);
            case IndexOp.ScatterAdd s -> scatter(s.name(), s.dim(), IndexOp.Reduction.SUM, true, in, out);
            case IndexOp.ScatterReduce s -> scatter(s.name(), s.dim(), s.reduce(), s.includeSelf(), in, out);
            case IndexOp.IndexAdd a -> indexAdd(a.dim(), a.alpha(), in, out);
            case IndexOp.Nonzero n -> nonzero(n.count(), in[0], out);
        }
    }

    // x: (outer, dX, inner), idx: (n,) -> out: (outer, n, inner)
    private static void indexSelect(int dim, Strided x, Strided idx, Strided out) {
        int[] s = x.shape();
        int outer = Contig.prod(s, 0, dim), dX = s[dim], inner = Contig.prod(s, dim + 1, s.length);
        Contig ic = Contig.of(idx);
        checkIndices("index_select", dim, ic, idx.shape(), dX, shapes("input", x, "index", idx));
        if (out.numel() == 0) return;
        Contig xc = Contig.of(x);
        Object y = CpuStorage.of(out).array();
        long[] ix = ic.longs();
        int io = ic.offset(), xo = xc.offset(), n = idx.numel();
        switch (xc.array()) {
            case float[] a -> IndexSelect.indexSelect(a, xo, outer, dX, inner, ix, io, n, (float[]) y, 0);
            case double[] a -> IndexSelect.indexSelect(a, xo, outer, dX, inner, ix, io, n, (double[]) y, 0);
            case int[] a -> IndexSelect.indexSelect(a, xo, outer, dX, inner, ix, io, n, (int[]) y, 0);
            case long[] a -> IndexSelect.indexSelect(a, xo, outer, dX, inner, ix, io, n, (long[]) y, 0);
            case byte[] a -> IndexSelect.indexSelect(a, xo, outer, dX, inner, ix, io, n, (byte[]) y, 0);
            default -> throw new IllegalStateException("cpu index_select: array " + xc.array().getClass());
        }
    }

    // x: (.., dX, ..), idx: (.., dY, ..) -> out: idx's shape; out[i] = x[i with i_dim = idx[i]]
    private static void gather(int dim, Strided x, Strided idx, Strided out) {
        int[] is = idx.shape(), corner = is.clone();
        int dX = x.size(dim);
        corner[dim] = dX;
        Contig ic = Contig.of(idx);
        checkIndices("gather", dim, ic, is, dX, "index " + Shape.format(is) + " vs input " + Shape.format(x.shape()));
        if (out.numel() == 0) return;
        Contig xc = Contig.corner(x, corner, x.dtype());
        int outer = Contig.prod(is, 0, dim), inner = Contig.prod(is, dim + 1, is.length), dY = is[dim];
        Object y = CpuStorage.of(out).array();
        long[] ix = ic.longs();
        int io = ic.offset(), xo = xc.offset();
        switch (xc.array()) {
            case float[] a -> Gather.gather(a, xo, outer, dX, inner, ix, io, dY, (float[]) y, 0);
            case double[] a -> Gather.gather(a, xo, outer, dX, inner, ix, io, dY, (double[]) y, 0);
            case int[] a -> Gather.gather(a, xo, outer, dX, inner, ix, io, dY, (int[]) y, 0);
            case long[] a -> Gather.gather(a, xo, outer, dX, inner, ix, io, dY, (long[]) y, 0);
            case byte[] a -> Gather.gather(a, xo, outer, dX, inner, ix, io, dY, (byte[]) y, 0);
            default -> throw new IllegalStateException("cpu gather: array " + xc.array().getClass());
        }
    }

    /** scatter (reduce == null) or scatter_reduce of in = (self, idx, src) into out. */
    private static void scatter(String op, int dim, IndexOp.Reduction reduce, boolean includeSelf, Strided[] in, Strided out) {
        Strided self = in[0], idx = in[1], src = in[2];
        CpuConvert.copy(self, out);
        int[] is = idx.shape(), ss = self.shape();
        Contig ic = Contig.of(idx);
        checkIndices(op, dim, ic, is, ss[dim], shapes("self", self, "index", idx, "src", src));
        if (idx.numel() == 0) return;
        int[] region = is.clone();
        region[dim] = ss[dim];
        boolean integer = reduce != null && !self.dtype().isFloatingPoint();
        DType work = integer ? DType.I64 : self.dtype();
        Contig sc = Contig.corner(src, is, work);
        Object y = CpuStorage.of(out).array();
        boolean direct = Arrays.equals(region, ss) && !(integer && self.dtype() != DType.I64);
        Object w = direct ? y : CpuStorage.allocate(work, Shape.numel(region)).array();
        int[] ys = out.stride(), rs = Shape.contiguousStrides(region);
        if (!direct) CpuConvert.copy(y, 0, ys, w, 0, rs, region);
        int outer = Contig.prod(is, 0, dim), dS = is[dim], inner = Contig.prod(is, dim + 1, is.length), dY = ss[dim];
        long[] ix = ic.longs();
        int io = ic.offset(), so = sc.offset();
        if (reduce == null) {
            switch (sc.array()) {
                case float[] a -> Scatter.scatter(a, so, ix, io, outer, dS, inner, (float[]) w, 0, dY);
                case double[] a -> Scatter.scatter(a, so, ix, io, outer, dS, inner, (double[]) w, 0, dY);
                case int[] a -> Scatter.scatter(a, so, ix, io, outer, dS, inner, (int[]) w, 0, dY);
                case long[] a -> Scatter.scatter(a, so, ix, io, outer, dS, inner, (long[]) w, 0, dY);
                case byte[] a -> Scatter.scatter(a, so, ix, io, outer, dS, inner, (byte[]) w, 0, dY);
                default -> throw new IllegalStateException("cpu scatter: array " + sc.array().getClass());
            }
        } else {
            ScatterReduceFn fn = switch (reduce) {
                case SUM -> ScatterReduceFn.SUM;
                case PROD -> ScatterReduceFn.PROD;
                case MEAN -> ScatterReduceFn.MEAN;
                case AMAX -> ScatterReduceFn.AMAX;
                case AMIN -> ScatterReduceFn.AMIN;
            };
            switch (sc.array()) {
                case float[] a -> Scatter.scatterReduce(fn, includeSelf, a, so, ix, io, outer, dS, inner, (float[]) w, 0, dY);
                case double[] a -> Scatter.scatterReduce(fn, includeSelf, a, so, ix, io, outer, dS, inner, (double[]) w, 0, dY);
                case long[] a -> IntegerScatter.reduce(reduce, includeSelf, a, so, ix, io, outer, dS, inner, (long[]) w, dY);
                default -> throw new IllegalStateException("cpu scatter_reduce: array " + sc.array().getClass());
            }
        }
        if (!direct) CpuConvert.copy(w, 0, rs, y, 0, ys, region);
    }

    // self: (outer, dY, inner), idx: (n,), src: (outer, n, inner) -> out = self; out[:, idx[j], :] += alpha * src[:, j, :]
    private static void indexAdd(int dim, double alpha, Strided[] in, Strided out) {
        Strided self = in[0], idx = in[1], src = in[2];
        CpuConvert.copy(self, out);
        int[] ss = self.shape();
        int outer = Contig.prod(ss, 0, dim), dY = ss[dim], inner = Contig.prod(ss, dim + 1, ss.length), n = idx.numel();
        Contig ic = Contig.of(idx);
        checkIndices("index_add", dim, ic, idx.shape(), dY, shapes("self", self, "index", idx, "source", src));
        if (src.numel() == 0) return;
        long[] ix = ic.longs();
        int io = ic.offset();
        Object y = CpuStorage.of(out).array();
        switch (y) {
            case float[] a -> {
                Contig sc = Contig.of(src);
                IndexSelect.indexAdd((float[]) sc.array(), sc.offset(), outer, n, inner, ix, io, (float) alpha, a, 0, dY);
            }
            case double[] a -> {
                Contig sc = Contig.of(src);
                IndexSelect.indexAdd((double[]) sc.array(), sc.offset(), outer, n, inner, ix, io, alpha, a, 0, dY);
            }
            default -> {
                Contig sc = Contig.of(src, DType.I64);
                long[] w = y instanceof long[] l ? l : (long[]) CpuConvert.contiguous(out, null, DType.I64);
                IntegerScatter.indexAdd((long[]) sc.array(), sc.offset(), outer, n, inner, ix, io, (long) alpha, w, dY);
                if (w != y) CpuConvert.copy(w, 0, out.stride(), y, 0, out.stride(), ss);
            }
        }
    }

    // x: any shape -> out: (count, x.dim()) coordinates of x != 0
    private static void nonzero(int count, Strided x, Strided out) {
        Contig xc = Contig.of(x);
        int n = x.numel(), xo = xc.offset();
        int found = switch (xc.array()) {
            case float[] a -> Mask.countNonzero(a, xo, n);
            case double[] a -> Mask.countNonzero(a, xo, n);
            case int[] a -> Mask.countNonzero(a, xo, n);
            case long[] a -> Mask.countNonzero(a, xo, n);
            case byte[] a -> Mask.countNonzero(a, xo, n);
            default -> throw new IllegalStateException("cpu nonzero: array " + xc.array().getClass());
        };
        if (found != count) {
            throw new IllegalStateException("nonzero: input " + Shape.format(x.shape()) + " has " + found
                    + " non-zero elements, the op was dispatched for " + count + " (was it modified in between?)");
        }
        long[] o = CpuStorage.i64(out);
        int[] s = x.shape();
        switch (xc.array()) {
            case float[] a -> Mask.nonzero(a, xo, s, o, 0);
            case double[] a -> Mask.nonzero(a, xo, s, o, 0);
            case int[] a -> Mask.nonzero(a, xo, s, o, 0);
            case long[] a -> Mask.nonzero(a, xo, s, o, 0);
            case byte[] a -> Mask.nonzero(a, xo, s, o, 0);
            default -> throw new IllegalStateException("cpu nonzero: array " + xc.array().getClass());
        }
    }

    /** Every index in [0, size), else an IndexOutOfBoundsException naming op, context, dim and coordinates. */
    static void checkIndices(String op, int dim, Contig ic, int[] ishape, int size, String context) {
        long[] ix = ic.longs();
        int off = ic.offset(), n = Shape.numel(ishape);
        for (int p = 0; p < n; p++) {
            long v = ix[off + p];
            if (v < 0 || v >= size) {
                throw new IndexOutOfBoundsException(op + ": " + context + ": index " + v + " at " + coords(p, ishape)
                        + " is out of range for dim " + dim + " of size " + size);
            }
        }
    }

    private static String coords(int p, int[] shape) {
        int[] c = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            c[d] = p % shape[d];
            p /= shape[d];
        }
        return Shape.format(c);
    }

    private static String shapes(Object... nameTensor) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < nameTensor.length; i += 2) {
            sb.append(i == 0 ? "" : ", ").append(nameTensor[i]).append(' ').append(Shape.format(((Strided) nameTensor[i + 1]).shape()));
        }
        return sb.toString();
    }
}
