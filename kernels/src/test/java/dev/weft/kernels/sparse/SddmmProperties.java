package dev.weft.kernels.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.kernels.KernelImpl;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The sampled dense-dense product: every nonzero's dot product against a double sum (F64 within 1e-12, F32
 * within 1e-5 per unit of n), scalar and SIMD, on the pattern kinds of {@link SpMMProperties} with row
 * strides and feature counts with and without a vector tail; 1 and 3 threads agree bit for bit; a bad
 * pattern is refused before out changes.
 */
class SddmmProperties {
    @Property(tries = 50)
    void matchesTheDotProducts(@ForAll @IntRange(min = 1, max = 60) int m, @ForAll @IntRange(min = 1, max = 30) int k,
                               @ForAll @IntRange(min = 1, max = 70) int n, @ForAll @IntRange(min = 0, max = 2) int kind, @ForAll long seed) {
        SpMMProperties.Csr s = SpMMProperties.random(seed, m, k, kind);
        SplittableRandom r = new SplittableRandom(seed + 1);
        int lda = n + 1, ldb = n + 2;
        double[] a = SpMMProperties.dense(r, m, n, lda, 0), b = SpMMProperties.dense(r, k, n, ldb, 0);
        int nnz = s.rowPtr()[m];
        double[] want = new double[nnz];
        for (int i = 0; i < m; i++) {
            for (int p = s.rowPtr()[i]; p < s.rowPtr()[i + 1]; p++) {
                for (int j = 0; j < n; j++) want[p] += a[i * lda + j] * b[s.colIdx()[p] * ldb + j];
            }
        }
        float[] af = SpMMProperties.f32(a), bf = SpMMProperties.f32(b);
        for (KernelImpl impl : KernelImpl.values()) {
            double[] got = new double[nnz];
            float[] gotF = new float[nnz];
            SpMMProperties.with(impl, 1, () -> {
                Sddmm.sddmm(m, k, n, s.rowPtr(), s.colIdx(), 0, a, 0, lda, b, 0, ldb, got, 0);
                Sddmm.sddmm(m, k, n, s.rowPtr(), s.colIdx(), 0, af, 0, lda, bf, 0, ldb, gotF, 0);
                return null;
            });
            assertArrayEquals(want, got, 1e-12, impl + " F64");
            for (int p = 0; p < nnz; p++) assertEquals(want[p], gotF[p], 1e-5 * n, impl + " F32 nonzero " + p);
        }
    }

    @Test
    void theBitsDoNotDependOnTheThreadCount() {
        for (int kind = 0; kind < 3; kind++) {
            SpMMProperties.Csr s = SpMMProperties.random(11 + kind, 3000, 400, kind);
            SplittableRandom r = new SplittableRandom(kind);
            float[] a = SpMMProperties.f32(SpMMProperties.dense(r, 3000, 45, 45, 0)), b = SpMMProperties.f32(SpMMProperties.dense(r, 400, 45, 45, 0));
            int nnz = s.rowPtr()[3000];
            float[] one = new float[nnz], three = new float[nnz];
            SpMMProperties.with(KernelImpl.SIMD, 1, () -> {
                Sddmm.sddmm(3000, 400, 45, s.rowPtr(), s.colIdx(), 0, a, 0, 45, b, 0, 45, one, 0);
                return null;
            });
            SpMMProperties.with(KernelImpl.SIMD, 3, () -> {
                Sddmm.sddmm(3000, 400, 45, s.rowPtr(), s.colIdx(), 0, a, 0, 45, b, 0, 45, three, 0);
                return null;
            });
            assertArrayEquals(one, three, "kind " + kind);
        }
    }

    @Test
    void aBadPatternIsRefusedBeforeOutChanges() {
        float[] a = new float[4], b = new float[6], out = {3, 3};
        var o = assertThrows(IndexOutOfBoundsException.class,
                () -> Sddmm.sddmm(2, 3, 2, new int[] {0, 1, 2}, new int[] {0, 5}, 0, a, 0, 2, b, 0, 2, out, 0));
        assertEquals("sddmm: column index 5 at nonzero 1 is outside [0, 3)", o.getMessage());
        var e = assertThrows(IllegalArgumentException.class,
                () -> Sddmm.sddmm(2, 3, 2, new int[] {0, 2, 1}, new int[] {0, 1}, 0, a, 0, 2, b, 0, 2, out, 0));
        assertEquals("sddmm: rowPtr decreases at row 1: 2 then 1", e.getMessage());
        o = assertThrows(IndexOutOfBoundsException.class,
                () -> Sddmm.sddmm(2, 3, 2, new int[] {0, 1, 2}, new int[] {0, 1}, 0, a, 0, 2, new float[5], 0, 2, out, 0));
        assertEquals("sddmm: operand b (length 5) as (3, 2) from offset 0 with row stride 2 addresses up to index 5", o.getMessage());
        assertArrayEquals(new float[] {3, 3}, out);
    }
}
