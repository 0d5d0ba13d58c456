//@twins IndexAddSimd${D} F32 F64 literals
package dev.weft.kernels.index;

import dev.weft.kernels.Parallel;
import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API index_add on ${D}: each row update is a vector axpy, split like the scalar kernel.
 * Uses a separate multiply and add (not fma) so that it gives the scalar kernel's bits.
 */
final class IndexAddSimd${D} {
    private IndexAddSimd${D}() {}

    private static final VectorSpecies<${T}> SPECIES = ${T}Vector.SPECIES_PREFERRED;

    static void indexAdd(${t}[] src, int sOff, int outer, int nIdx, int inner, long[] idx, int idxOff, ${t} alpha,
                         ${t}[] y, int yOff, int dY) {
        if (outer == 0 || nIdx == 0 || inner == 0) return;
        if (outer > 1) {
            Parallel.forRange(outer, 1, (o0, o1) -> {
                for (int o = o0; o < o1; o++) rows(src, sOff, o, nIdx, inner, idx, idxOff, alpha, y, yOff, dY, 0, inner);
            });
        } else {
            Parallel.forRange(inner, IndexAdd${D}.COLUMN_GRAIN, (i0, i1) -> rows(src, sOff, 0, nIdx, inner, idx, idxOff, alpha, y, yOff, dY, i0, i1));
        }
    }

    private static void rows(${t}[] src, int sOff, int o, int nIdx, int inner, long[] idx, int idxOff, ${t} alpha,
                             ${t}[] y, int yOff, int dY, int i0, int i1) {
        int n = i1 - i0, bound = SPECIES.loopBound(n);
        ${T}Vector a = ${T}Vector.broadcast(SPECIES, alpha);
        for (int j = 0; j < nIdx; j++) {
            int s = sOff + (o * nIdx + j) * inner + i0, d = yOff + (o * dY + (int) idx[idxOff + j]) * inner + i0;
            int i = 0;
            for (; i < bound; i += SPECIES.length()) {
                ${T}Vector.fromArray(SPECIES, y, d + i)
                        .add(a.mul(${T}Vector.fromArray(SPECIES, src, s + i)))
                        .intoArray(y, d + i);
            }
            for (; i < n; i++) y[d + i] += alpha * src[s + i];
        }
    }
}
