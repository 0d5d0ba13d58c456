//@class Segment
package dev.weft.kernels.sparse;

import dev.weft.kernels.KernelImpl;

/**
 * Segment reductions over sorted rows (torch_scatter's segment_csr, the aggregation step of message
 * passing): segment i is rows rowPtr[i] .. rowPtr[i+1]-1 of x (total x rows = rowPtr[m]), each of n columns;
 * y (m x n) gets each segment's sum, mean, max or min per column, in row order, and for max/min arg (m x n,
 * contiguous) the row the value came from (the first one on ties; a NaN wins and propagates, the first NaN's
 * row). An empty segment gives 0, and arg = rowPtr[m] (one past the last row), as torch_scatter does.
 * Segments split over the shared pool by rows held ({@link RowSplit}), each segment on one task in the
 * same order, so the bits never depend on the thread count; SIMD ({@code SegmentSimdF32/F64}, lanes along
 * the columns) and scalar references give the same bits. rowPtr is checked before y changes.
 */
public final class Segment {
    private Segment() {}

    private static int check(String kn, int m, int n, int[] rowPtr, int xLength, int xOff, int ldx, int yLength, int yOff, int ldy,
                             long[] arg, int argOff, boolean wantsArg) {
        int total = CsrChecks.rowPtr(kn, "segment", m, -1, n, rowPtr);
        CsrChecks.dense(kn, "x", xLength, xOff, ldx, total, n);
        CsrChecks.dense(kn, "y", yLength, yOff, ldy, m, n);
        if (wantsArg != (arg != null)) {
            throw new IllegalArgumentException(kn + ": " + (wantsArg ? "max and min need an arg array" : "sum and mean take no arg array"));
        }
        if (arg != null) CsrChecks.dense(kn, "arg", arg.length, argOff, n, m, n);
        return total;
    }

    //@each F32 F64
    /**
     * ${D} segment reduction (see the class comment); arg is null for SUM and MEAN. Modifies y and arg only.
     *
     * @param fn the function to apply
     * @param m rows of the sparse matrix (number of segments for a segment reduction)
     * @param n number of dense columns
     * @param rowPtr CSR row pointers: row i holds entries rowPtr[i] .. rowPtr[i+1]
     * @param x the dense input, row-major
     * @param xOff index of x's first element
     * @param ldx row stride of x (distance between its rows)
     * @param y the output, row-major (overwritten)
     * @param yOff index of y's first element
     * @param ldy row stride of y (distance between its rows)
     * @param arg for MAX and MIN the row each value came from (m x n, contiguous, written); null for SUM and MEAN
     * @param argOff index of arg's first element
     */
    public static void reduce(SegmentFn fn, int m, int n, int[] rowPtr, ${t}[] x, int xOff, int ldx, ${t}[] y, int yOff, int ldy,
                              long[] arg, int argOff) {
        int total = check("segment_" + fn.name().toLowerCase(java.util.Locale.ROOT), m, n, rowPtr, x.length, xOff, ldx, y.length, yOff,
                ldy, arg, argOff, fn.hasArg());
        if (m == 0 || n == 0) return;
        boolean simd = KernelImpl.current() == KernelImpl.SIMD && (!fn.hasArg() || total < SegmentSimd${D}.EXACT);
        RowSplit.run(m, rowPtr, (long) (total + m) * n, (i0, i1) -> {
            if (simd) SegmentSimd${D}.rows(fn, i0, i1, n, rowPtr, x, xOff, ldx, y, yOff, ldy, arg, argOff, total);
            else SegmentScalar${D}.rows(fn, i0, i1, n, rowPtr, x, xOff, ldx, y, yOff, ldy, arg, argOff, total);
        });
    }
    //@end
}
