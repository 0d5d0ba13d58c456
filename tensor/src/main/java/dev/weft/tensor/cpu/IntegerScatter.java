package dev.weft.tensor.cpu;

import dev.weft.tensor.op.IndexOp;

/**
 * scatter_reduce and index_add on integer tensors, in exact I64 arithmetic over contiguous
 * (outer, d, inner) arrays (the kernels' floating routines would round I64 values above 2^53).
 * Serial, in increasing source order, so results never depend on threads. Indices are checked by the caller.
 */
final class IntegerScatter {
    private IntegerScatter() {}

    /**
     * y[o, idx[o,j,i], i] = fn(y[..], src[o,j,i]) as torch.scatter_reduce; MEAN uses floor division by the
     * count of values reduced. y: (outer, dY, inner) at 0 is modified; src, idx: (outer, dS, inner).
     */
    static void reduce(IndexOp.Reduction fn, boolean includeSelf, long[] src, int sOff, long[] idx, int iOff,
                       int outer, int dS, int inner, long[] y, int dY) {
        int[] count = new int[outer * dY * inner];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < dS; j++) {
                for (int i = 0; i < inner; i++) {
                    int p = (o * dS + j) * inner + i;
                    int t = (o * dY + (int) idx[iOff + p]) * inner + i;
                    long v = src[sOff + p];
                    if (!includeSelf && count[t] == 0) {
                        y[t] = v;
                    } else {
                        y[t] = switch (fn) {
                            case SUM, MEAN -> y[t] + v;
                            case PROD -> y[t] * v;
                            case AMAX -> Math.max(y[t], v);
                            case AMIN -> Math.min(y[t], v);
                        };
                    }
                    count[t]++;
                }
            }
        }
        if (fn == IndexOp.Reduction.MEAN) {
            for (int t = 0; t < count.length; t++) {
                if (count[t] > 0) y[t] = Math.floorDiv(y[t], count[t] + (includeSelf ? 1 : 0));
            }
        }
    }

    /** y[o, idx[j], i] += alpha * src[o, j, i] in increasing j; y: (outer, dY, inner) is modified. */
    static void indexAdd(long[] src, int sOff, int outer, int n, int inner, long[] idx, int iOff, long alpha, long[] y, int dY) {
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < n; j++) {
                int yb = (o * dY + (int) idx[iOff + j]) * inner, sb = sOff + (o * n + j) * inner;
                for (int i = 0; i < inner; i++) y[yb + i] += alpha * src[sb + i];
            }
        }
    }
}
