//@twins SddmmScalar${D} F32 F64 literals
package dev.weft.kernels.sparse;

/** The scalar reference of {@link Sddmm} on ${D}: out[p] = sum over j of a[i, j] * b[colIdx[p], j], j ascending, one fma each. */
final class SddmmScalar${D} {
    private SddmmScalar${D}() {}

    /** Rows [i0, i1) of the pattern (arguments already checked). */
    static void rows(int i0, int i1, int n, int[] rowPtr, int[] colIdx, int ciOff, ${t}[] a, int aOff, int lda, ${t}[] b, int bOff,
                     int ldb, ${t}[] out, int outOff) {
        for (int i = i0; i < i1; i++) {
            int ar = aOff + i * lda;
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                int br = bOff + colIdx[ciOff + p] * ldb;
                ${t} s = 0;
                for (int j = 0; j < n; j++) s = Math.fma(a[ar + j], b[br + j], s);
                out[outOff + p] = s;
            }
        }
    }
}
