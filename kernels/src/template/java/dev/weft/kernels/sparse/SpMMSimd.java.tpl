//@twins SpMMSimd${D} F32 F64 literals
package dev.weft.kernels.sparse;

import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API {@link SpMM} on ${D}: lanes run along the dense operand's columns (the feature dimension).
 * A row's columns go in panels of four vectors, then two, then one: one pass over the row's entries per
 * panel, each entry one broadcast and one fma per vector, so a panel keeps up to four independent fma
 * chains in flight (a hub row is not one latency-bound chain) and reads the entry's index and value once
 * per panel. Each element still sums the row's entries in the scalar reference's order; the columns past
 * the last whole vector take the scalar fma, so every element has the reference's bits.
 */
final class SpMMSimd${D} {
    private SpMMSimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;

    /** Rows [i0, i1) of y (arguments already checked). */
    static void rows(int i0, int i1, int n, int[] rowPtr, int[] colIdx, int ciOff, ${t}[] values, int vOff,
                     ${t}[] x, int xOff, int ldx, ${t}[] y, int yOff, int ldy) {
        int len = S.length(), bound = S.loopBound(n);
        for (int i = i0; i < i1; i++) {
            int yr = yOff + i * ldy, p0 = rowPtr[i], p1 = rowPtr[i + 1];
            int j = 0;
            for (; j + 4 * len <= bound; j += 4 * len) panel4(j, p0, p1, colIdx, ciOff, values, vOff, x, xOff, ldx, y, yr);
            if (j + 2 * len <= bound) {
                panel2(j, p0, p1, colIdx, ciOff, values, vOff, x, xOff, ldx, y, yr);
                j += 2 * len;
            }
            if (j < bound) panel1(j, p0, p1, colIdx, ciOff, values, vOff, x, xOff, ldx, y, yr);
            if (bound < n) tail(bound, n, p0, p1, colIdx, ciOff, values, vOff, x, xOff, ldx, y, yr);
        }
    }

    /** Columns [j, j + 4 len) of one row. */
    private static void panel4(int j, int p0, int p1, int[] colIdx, int ciOff, ${t}[] values, int vOff,
                               ${t}[] x, int xOff, int ldx, ${t}[] y, int yr) {
        int len = S.length();
        ${T}Vector a0 = ${T}Vector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        for (int p = p0; p < p1; p++) {
            ${T}Vector v = ${T}Vector.broadcast(S, values[vOff + p]);
            int xr = xOff + colIdx[ciOff + p] * ldx + j;
            a0 = v.fma(${T}Vector.fromArray(S, x, xr), a0);
            a1 = v.fma(${T}Vector.fromArray(S, x, xr + len), a1);
            a2 = v.fma(${T}Vector.fromArray(S, x, xr + 2 * len), a2);
            a3 = v.fma(${T}Vector.fromArray(S, x, xr + 3 * len), a3);
        }
        a0.intoArray(y, yr + j);
        a1.intoArray(y, yr + j + len);
        a2.intoArray(y, yr + j + 2 * len);
        a3.intoArray(y, yr + j + 3 * len);
    }

    /** Columns [j, j + 2 len) of one row. */
    private static void panel2(int j, int p0, int p1, int[] colIdx, int ciOff, ${t}[] values, int vOff,
                               ${t}[] x, int xOff, int ldx, ${t}[] y, int yr) {
        int len = S.length();
        ${T}Vector a0 = ${T}Vector.zero(S), a1 = a0;
        for (int p = p0; p < p1; p++) {
            ${T}Vector v = ${T}Vector.broadcast(S, values[vOff + p]);
            int xr = xOff + colIdx[ciOff + p] * ldx + j;
            a0 = v.fma(${T}Vector.fromArray(S, x, xr), a0);
            a1 = v.fma(${T}Vector.fromArray(S, x, xr + len), a1);
        }
        a0.intoArray(y, yr + j);
        a1.intoArray(y, yr + j + len);
    }

    /** Columns [j, j + len) of one row. */
    private static void panel1(int j, int p0, int p1, int[] colIdx, int ciOff, ${t}[] values, int vOff,
                               ${t}[] x, int xOff, int ldx, ${t}[] y, int yr) {
        ${T}Vector a0 = ${T}Vector.zero(S);
        for (int p = p0; p < p1; p++) {
            ${T}Vector v = ${T}Vector.broadcast(S, values[vOff + p]);
            a0 = v.fma(${T}Vector.fromArray(S, x, xOff + colIdx[ciOff + p] * ldx + j), a0);
        }
        a0.intoArray(y, yr + j);
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
