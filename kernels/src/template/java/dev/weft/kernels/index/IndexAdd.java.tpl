//@twins IndexAdd${D} F32 F64 literals
package dev.weft.kernels.index;

import dev.weft.kernels.Parallel;

/**
 * Scalar index_add on ${D} (indices already checked): y[o, idx[j], :] += alpha * src[o, j, :].
 * Split over o when outer > 1, else over column ranges of the rows; either way every y element gets
 * its updates in increasing j on one thread, so results do not depend on the thread count.
 */
final class IndexAdd${D} {
    private IndexAdd${D}() {}

    static final int COLUMN_GRAIN = 1024;

    static void indexAdd(${t}[] src, int sOff, int outer, int nIdx, int inner, long[] idx, int idxOff, ${t} alpha,
                         ${t}[] y, int yOff, int dY) {
        if (outer == 0 || nIdx == 0 || inner == 0) return;
        if (outer > 1) {
            Parallel.forRange(outer, 1, (o0, o1) -> {
                for (int o = o0; o < o1; o++) rows(src, sOff, o, nIdx, inner, idx, idxOff, alpha, y, yOff, dY, 0, inner);
            });
        } else {
            Parallel.forRange(inner, COLUMN_GRAIN, (i0, i1) -> rows(src, sOff, 0, nIdx, inner, idx, idxOff, alpha, y, yOff, dY, i0, i1));
        }
    }

    /** Columns [i0, i1) of every row j of slab o. */
    static void rows(${t}[] src, int sOff, int o, int nIdx, int inner, long[] idx, int idxOff, ${t} alpha,
                     ${t}[] y, int yOff, int dY, int i0, int i1) {
        for (int j = 0; j < nIdx; j++) {
            int s = sOff + (o * nIdx + j) * inner, d = yOff + (o * dY + (int) idx[idxOff + j]) * inner;
            for (int i = i0; i < i1; i++) y[d + i] += alpha * src[s + i];
        }
    }
}
