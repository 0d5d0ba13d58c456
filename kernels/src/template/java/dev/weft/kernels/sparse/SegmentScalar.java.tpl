//@twins SegmentScalar${D} F32 F64 literals
package dev.weft.kernels.sparse;

/**
 * The scalar reference of {@link Segment} on ${D}: segment i is rows rowPtr[i] .. rowPtr[i+1]-1 of x,
 * reduced per column in row order. sum: 0 + x_p0 + x_p1 + ...; mean: that sum / count; max/min: the
 * first extreme in row order, a NaN counting as more extreme than any number (the first NaN wins), its
 * row in arg. An empty segment gives 0 (and arg = the total row count, one past the last row).
 */
final class SegmentScalar${D} {
    private SegmentScalar${D}() {}

    /** Segments [i0, i1) (arguments already checked); arg is null for sum and mean. */
    static void rows(SegmentFn fn, int i0, int i1, int n, int[] rowPtr, ${t}[] x, int xOff, int ldx, ${t}[] y, int yOff, int ldy,
                     long[] arg, int argOff, int total) {
        for (int i = i0; i < i1; i++) segment(fn, i, 0, n, n, rowPtr, x, xOff, ldx, y, yOff, ldy, arg, argOff, total);
    }

    /** Columns [j0, j1) of segment i (y and arg rows of n columns). */
    static void segment(SegmentFn fn, int i, int j0, int j1, int n, int[] rowPtr, ${t}[] x, int xOff, int ldx, ${t}[] y, int yOff,
                        int ldy, long[] arg, int argOff, int total) {
        int p0 = rowPtr[i], p1 = rowPtr[i + 1], yr = yOff + i * ldy, ar = argOff + i * n;
        for (int j = j0; j < j1; j++) {
            if (p0 == p1) {
                y[yr + j] = 0;
                if (arg != null) arg[ar + j] = total;
                continue;
            }
            switch (fn) {
                case SUM, MEAN -> {
                    ${t} s = 0;
                    for (int p = p0; p < p1; p++) s += x[xOff + p * ldx + j];
                    y[yr + j] = fn == SegmentFn.SUM ? s : s / (${t}) (p1 - p0);
                }
                case MAX, MIN -> {
                    ${t} best = x[xOff + p0 * ldx + j];
                    int at = p0;
                    for (int p = p0 + 1; p < p1; p++) {
                        ${t} v = x[xOff + p * ldx + j];
                        boolean beyond = fn == SegmentFn.MAX ? v > best : v < best;
                        if (beyond || (v != v && best == best)) {
                            best = v;
                            at = p;
                        }
                    }
                    y[yr + j] = best;
                    arg[ar + j] = at;
                }
            }
        }
    }
}
