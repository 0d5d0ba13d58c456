//@twins SpMMScalar${D} F32 F64 literals
package dev.weft.kernels.sparse;

/**
 * The scalar reference of {@link SpMM} on ${D}: row i of y is sum over the row's entries p, in storage
 * order, of values[p] * x[colIdx[p], :], each term one fma into the running sum (starting from 0).
 */
final class SpMMScalar${D} {
    private SpMMScalar${D}() {}

    /** Rows [i0, i1) of y (arguments already checked). */
    static void rows(int i0, int i1, int n, int[] rowPtr, int[] colIdx, int ciOff, ${t}[] values, int vOff,
                     ${t}[] x, int xOff, int ldx, ${t}[] y, int yOff, int ldy) {
        for (int i = i0; i < i1; i++) {
            int yr = yOff + i * ldy;
            for (int j = 0; j < n; j++) y[yr + j] = 0;
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                ${t} v = values[vOff + p];
                int xr = xOff + colIdx[ciOff + p] * ldx;
                for (int j = 0; j < n; j++) y[yr + j] = Math.fma(v, x[xr + j], y[yr + j]);
            }
        }
    }
}
