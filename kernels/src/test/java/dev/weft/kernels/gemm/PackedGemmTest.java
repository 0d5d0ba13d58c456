package dev.weft.kernels.gemm;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;
import dev.weft.kernels.WithKernels;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.weft.kernels.TestArrays.uniformF;
import static dev.weft.kernels.TestArrays.uniformD;

/**
 * Products with a packed B give exactly the bits of the unpacked product with the same B, under each
 * kernel, for every transpose, alpha/beta case, edge size and thread count; and a golden small case.
 */
class PackedGemmTest {



    /** (m, n, k): tile edges, one k slice and several (k > 512), few rows and many rows (> the few-rows bound). */
    private static final int[][] SHAPES = {{1, 1, 1}, {5, 7, 3}, {6, 32, 16}, {64, 512, 128}, {64, 128, 512}, {13, 45, 700},
            {3200, 40, 32}, {2100, 33, 1100}};

    @Test
    void packedEqualsUnpackedBitForBitF32() {
        for (KernelImpl impl : KernelImpl.values()) {
            for (int threads : new int[] {1, 2}) {
                WithKernels.run(impl, threads, () -> {
                    for (int[] s : SHAPES) {
                        int m = s[0], n = s[1], k = s[2];
                        for (int t = 0; t < 4; t++) {
                            boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                            int lda = (ta ? m : k) + 1, ldb = (tb ? k : n) + 2, ldc = n + 3;
                            float[] a = uniformF(2 + (ta ? k : m) * lda, 11L * m + k), b = uniformF(3 + (tb ? n : k) * ldb, 7L * n + k);
                            float[] c0 = uniformF(1 + m * ldc, 5L * m + n);
                            for (float beta : new float[] {0f, 1f, 0.5f}) {
                                float[] want = c0.clone(), got = c0.clone();
                                Gemm.sgemm(ta, tb, m, n, k, 1.25f, a, 2, lda, b, 3, ldb, beta, want, 1, ldc);
                                PackedB p = Gemm.packB(tb, k, n, b, 3, ldb);
                                Gemm.sgemm(ta, m, 1.25f, a, 2, lda, p, beta, got, 1, ldc);
                                assertArrayEquals(want, got, impl + " threads=" + threads + " (m, n, k) = (" + m + ", " + n + ", " + k
                                        + ") transA=" + ta + " transB=" + tb + " beta=" + beta);
                            }
                        }
                    }
                    return null;
                });
            }
        }
    }

    @Test
    void packedEqualsUnpackedBitForBitF64() {
        for (KernelImpl impl : KernelImpl.values()) {
            WithKernels.run(impl, Parallel.threads(), () -> {
                for (int[] s : SHAPES) {
                    int m = Math.min(s[0], 300), n = s[1], k = s[2];
                    for (int t = 0; t < 4; t++) {
                        boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                        int lda = ta ? m : k, ldb = tb ? k : n;
                        double[] a = uniformD((ta ? k : m) * lda, 3L * m + k), b = uniformD((tb ? n : k) * ldb, 13L * n + k);
                        double[] want = uniformD(m * n, 17), got = want.clone();
                        Gemm.dgemm(ta, tb, m, n, k, -0.75, a, 0, lda, b, 0, ldb, 0.5, want, 0, n);
                        Gemm.dgemm(ta, m, -0.75, a, 0, lda, Gemm.packB(tb, k, n, b, 0, ldb), 0.5, got, 0, n);
                        assertArrayEquals(want, got, impl + " (m, n, k) = (" + m + ", " + n + ", " + k + ") transA=" + ta + " transB=" + tb);
                    }
                }
                return null;
            });
        }
    }

    @Test
    void goldenSmallProductAndBlasRules() {
        // A = [[1,2,3],[4,5,6]], B = [[7,8],[9,10],[11,12]]: A@B = [[58,64],[139,154]]
        float[] a = {1, 2, 3, 4, 5, 6}, b = {7, 8, 9, 10, 11, 12};
        PackedB p = Gemm.packB(false, 3, 2, b, 0, 2);
        assertEquals(3, p.k());
        assertEquals(2, p.n());
        float[] c = {1, 1, 1, 1};
        Gemm.sgemm(false, 2, 1f, a, 0, 3, p, 0f, c, 0, 2);
        assertArrayEquals(new float[] {58, 64, 139, 154}, c);
        b[0] = 1000;                                                    // the packed copy does not see later writes
        float[] c2 = {Float.NaN, 1, 2, 3};
        Gemm.sgemm(false, 2, 0f, a, 0, 3, p, 0f, c2, 0, 2);             // alpha 0, beta 0: zeros, NaN ignored (BLAS)
        assertArrayEquals(new float[] {0, 0, 0, 0}, c2);
        Gemm.sgemm(false, 2, 1f, a, 0, 3, p, 1f, c, 0, 2);
        assertArrayEquals(new float[] {116, 128, 278, 308}, c);
    }

    @Test
    void errorsNameTheRoutineAndSizes() {
        float[] b = new float[6];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gemm.packB(false, 3, 3, b, 0, 3));
        assertTrue(e.getMessage().startsWith("packB"), e.getMessage());
        PackedB p = Gemm.packB(false, 3, 2, b, 0, 2);
        e = assertThrows(IllegalArgumentException.class, () -> Gemm.dgemm(false, 2, 1, new double[6], 0, 3, p, 0, new double[4], 0, 2));
        assertTrue(e.getMessage().contains("packed from F32"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Gemm.sgemm(false, 2, 1f, new float[5], 0, 3, p, 0f, new float[4], 0, 2));
        assertTrue(e.getMessage().startsWith("sgemm") && e.getMessage().contains("A"), e.getMessage());
    }
}
