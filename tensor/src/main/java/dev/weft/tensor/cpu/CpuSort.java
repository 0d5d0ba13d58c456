package dev.weft.tensor.cpu;

import dev.weft.kernels.sort.Sort;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.SortOp;

/**
 * CPU execution of {@link SortOp}: the input is read as a contiguous (outer, r, inner) block (in place
 * when it already is one) and the kernels' stable line sort or top-k selection writes the contiguous
 * values and I64 indices. Lines are split over the shared pool by the kernel.
 */
final class CpuSort {
    private CpuSort() {}

    static void run(SortOp op, Strided x, Strided[] out) {
        if (out[0].numel() == 0) return;
        int dim = switch (op) {
            case SortOp.Sort s -> s.dim();
            case SortOp.Topk t -> t.dim();
        };
        int[] s = x.shape();
        int outer = Contig.prod(s, 0, dim), r = s[dim], inner = Contig.prod(s, dim + 1, s.length);
        Contig xc = Contig.of(x);
        Object y = CpuStorage.of(out[0]).array();
        long[] idx = CpuStorage.i64(out[1]);
        int xo = xc.offset();
        switch (op) {
            case SortOp.Sort so -> {
                boolean d = so.descending(), st = so.stable();
                switch (xc.array()) {
                    case float[] a -> Sort.sort(a, xo, outer, r, inner, d, st, (float[]) y, 0, idx, 0);
                    case double[] a -> Sort.sort(a, xo, outer, r, inner, d, st, (double[]) y, 0, idx, 0);
                    case int[] a -> Sort.sort(a, xo, outer, r, inner, d, st, (int[]) y, 0, idx, 0);
                    case long[] a -> Sort.sort(a, xo, outer, r, inner, d, st, (long[]) y, 0, idx, 0);
                    default -> throw new IllegalStateException("cpu sort: array " + xc.array().getClass());
                }
            }
            case SortOp.Topk t -> {
                int k = t.k();
                boolean l = t.largest(), so = t.sorted();
                switch (xc.array()) {
                    case float[] a -> Sort.topk(a, xo, outer, r, inner, k, l, so, (float[]) y, 0, idx, 0);
                    case double[] a -> Sort.topk(a, xo, outer, r, inner, k, l, so, (double[]) y, 0, idx, 0);
                    case int[] a -> Sort.topk(a, xo, outer, r, inner, k, l, so, (int[]) y, 0, idx, 0);
                    case long[] a -> Sort.topk(a, xo, outer, r, inner, k, l, so, (long[]) y, 0, idx, 0);
                    default -> throw new IllegalStateException("cpu topk: array " + xc.array().getClass());
                }
            }
        }
    }
}
