//@twins SpMMSimd${D} F32 F64 literals
package dev.weft.kernels.sparse;

import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API {@link SpMM} on ${D}: lanes run along the dense operand's columns (the feature dimension),
 * each entry of a row one vector fma per block of columns, in the scalar reference's entry order; the
 * columns past the last whole vector take the scalar fma, so every element has the reference's bits.
 */
final class SpMMSimd${D} {
    private SpMMSimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;

    /** Rows [i0, i1) of y (arguments already checked). */
    static void rows(int i0, int i1, int n, int[] rowPtr, int[] colIdx, int ciOff, ${t}[] values, int vOff,
                     ${t}[] x, int xOff, int ldx, ${t}[] y, int yOff, int ldy) {
        int bound = S.loopBound(n), len = S.length();
        for (int i = i0; i < i1; i++) {
            int yr = yOff + i * ldy, p0 = rowPtr[i], p1 = rowPtr[i + 1];
            for (int j = 0; j < bound; j += len) {                 // one block of columns, all the row's entries
                ${T}Vector acc = ${T}Vector.zero(S);
                for (int p = p0; p < p1; p++) {
                    ${T}Vector v = ${T}Vector.broadcast(S, values[vOff + p]);
                    acc = v.fma(${T}Vector.fromArray(S, x, xOff + colIdx[ciOff + p] * ldx + j), acc);
                }
                acc.intoArray(y, yr + j);
            }
            if (bound < n) tail(bound, n, p0, p1, colIdx, ciOff, values, vOff, x, xOff, ldx, y, yr);
        }
    }

    /** Columns [j0, n) of one row, scalar (the same fma chain per element). */
    private static void tail(int j0, int n, int p0, int p1, int[] colIdx, int ciOff, ${t}[] values, int vOff,
                             ${t}[] x, int xOff, int ldx, ${t}[] y, int yr) {
        for (int j = j0; j < n; j++) y[yr + j] = 0;
        for (int p = p0; p < p1; p++) {
            ${t} v = values[vOff + p];
            int xr = xOff + colIdx[ciOff + p] * ldx;
            for (int j = j0; j < n; j++) y[yr + j] = Math.fma(v, x[xr + j], y[yr + j]);
        }
    }
}
