//@twins SddmmSimd${D} F32 F64 literals
package dev.weft.kernels.sparse;

import dev.weft.kernels.LaneSums;
import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API {@link Sddmm} on ${D}: each nonzero's dot product as lane-wise fma over whole vectors of the
 * row, the lanes summed in lane order ({@link LaneSums}), then the tail columns by scalar fma onto that sum.
 * The order depends on the vector width only, so the bits are the same on every run, tier and thread count;
 * they differ from the scalar reference's by rounding.
 */
final class SddmmSimd${D} {
    private SddmmSimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;

    static void rows(int i0, int i1, int n, int[] rowPtr, int[] colIdx, int ciOff, ${t}[] a, int aOff, int lda, ${t}[] b, int bOff,
                     int ldb, ${t}[] out, int outOff) {
        int bound = S.loopBound(n), len = S.length();
        for (int i = i0; i < i1; i++) {
            int ar = aOff + i * lda;
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                int br = bOff + colIdx[ciOff + p] * ldb;
                ${T}Vector acc = ${T}Vector.zero(S);
                for (int j = 0; j < bound; j += len) {
                    acc = ${T}Vector.fromArray(S, a, ar + j).fma(${T}Vector.fromArray(S, b, br + j), acc);
                }
                ${t} s = LaneSums.sum(acc);
                for (int j = bound; j < n; j++) s = Math.fma(a[ar + j], b[br + j], s);
                out[outOff + p] = s;
            }
        }
    }
}
