package dev.weft.kernels.index;

import dev.weft.kernels.Parallel;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API index_add on F64: each row update is a vector axpy, split like the scalar kernel.
 * Uses a separate multiply and add (not fma) so that it gives the scalar kernel's bits.
 * @twin-source: DtypeTwins generates the F32 twin of this file.
 */
final class IndexAddSimdF64 {
    private IndexAddSimdF64() {}

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    static void indexAdd(double[] src, int sOff, int outer, int nIdx, int inner, long[] idx, int idxOff, double alpha,
                         double[] y, int yOff, int dY) {
        if (outer == 0 || nIdx == 0 || inner == 0) return;
        if (outer > 1) {
            Parallel.forRange(outer, 1, (o0, o1) -> {
                for (int o = o0; o < o1; o++) rows(src, sOff, o, nIdx, inner, idx, idxOff, alpha, y, yOff, dY, 0, inner);
            });
        } else {
            Parallel.forRange(inner, IndexAddF64.COLUMN_GRAIN, (i0, i1) -> rows(src, sOff, 0, nIdx, inner, idx, idxOff, alpha, y, yOff, dY, i0, i1));
        }
    }

    private static void rows(double[] src, int sOff, int o, int nIdx, int inner, long[] idx, int idxOff, double alpha,
                             double[] y, int yOff, int dY, int i0, int i1) {
        int n = i1 - i0, bound = SPECIES.loopBound(n);
        DoubleVector a = DoubleVector.broadcast(SPECIES, alpha);
        for (int j = 0; j < nIdx; j++) {
            int s = sOff + (o * nIdx + j) * inner + i0, d = yOff + (o * dY + (int) idx[idxOff + j]) * inner + i0;
            int i = 0;
            for (; i < bound; i += SPECIES.length()) {
                DoubleVector.fromArray(SPECIES, y, d + i)
                        .add(a.mul(DoubleVector.fromArray(SPECIES, src, s + i)))
                        .intoArray(y, d + i);
            }
            for (; i < n; i++) y[d + i] += alpha * src[s + i];
        }
    }
}
