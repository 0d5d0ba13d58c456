package dev.weft.kernels.gemm;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.weft.kernels.TestArrays.uniformF;

/** Golden products, BLAS alpha/beta rules, batching, thread-count determinism and argument errors. */
class GemmTest {


    @Test
    void goldenSmallProductEveryImplAndTranspose() {
        // A = [[1,2,3],[4,5,6]] (2x3), B = [[7,8],[9,10],[11,12]] (3x2): A@B = [[58,64],[139,154]]
        float[] a = {1, 2, 3, 4, 5, 6}, at = {1, 4, 2, 5, 3, 6};
        float[] b = {7, 8, 9, 10, 11, 12}, bt = {7, 9, 11, 8, 10, 12};
        float[] want = {58, 64, 139, 154};
        for (KernelImpl impl : KernelImpl.values()) {
            KernelImpl old = KernelImpl.current();
            KernelImpl.set(impl);
            try {
                for (int t = 0; t < 4; t++) {
                    boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                    float[] c = new float[4];
                    Gemm.sgemm(ta, tb, 2, 2, 3, 1f, ta ? at : a, 0, ta ? 2 : 3, tb ? bt : b, 0, tb ? 3 : 2, 0f, c, 0, 2);
                    assertArrayEquals(want, c, impl + " transA=" + ta + " transB=" + tb);
                    double[] cd = {1, 1, 1, 1};
                    Gemm.dgemm(ta, tb, 2, 2, 3, 2.0, toD(ta ? at : a), 0, ta ? 2 : 3, toD(tb ? bt : b), 0, tb ? 3 : 2, -1.0, cd, 0, 2);
                    assertArrayEquals(new double[]{115, 127, 277, 307}, cd, impl + " dgemm transA=" + ta + " transB=" + tb);
                }
            } finally {
                KernelImpl.set(old);
            }
        }
    }

    private static double[] toD(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) d[i] = x[i];
        return d;
    }

    @Test
    void alphaZeroReadsNeitherOperandAndBetaZeroIgnoresC() {
        float[] a = new float[12], b = new float[12];
        Arrays.fill(a, Float.NaN);
        Arrays.fill(b, Float.POSITIVE_INFINITY);
        float[] c = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        GemmSimd.sgemm(false, false, 3, 3, 4, 0f, a, 0, 4, b, 0, 3, 2f, c, 0, 3);
        assertArrayEquals(new float[]{2, 4, 6, 8, 10, 12, 14, 16, 18}, c);
        float[] nan = new float[9];
        Arrays.fill(nan, Float.NaN);
        GemmSimd.sgemm(false, false, 3, 3, 4, 0f, a, 0, 4, b, 0, 3, 0f, nan, 0, 3);
        assertArrayEquals(new float[9], nan);
        double[] cd = {Double.NaN, 1};
        GemmSimd.dgemm(false, false, 1, 2, 0, 1.0, new double[0], 0, 1, new double[0], 0, 2, 0.0, cd, 0, 2);
        assertArrayEquals(new double[]{0, 0}, cd);
    }

    @Test
    void threadCountGivesIdenticalBits() {
        int old = Parallel.threads();
        try {
            // wide (split over columns), tall (split over rows), and every transpose
            int[][] shapes = {{70, 333, 150}, {401, 20, 200}, {129, 257, 300}};
            for (int[] s : shapes) {
                for (int t = 0; t < 4; t++) {
                    boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                    int m = s[0], n = s[1], k = s[2];
                    float[] a = uniformF(m * k, 1), b = uniformF(k * n, 2), c0 = uniformF(m * n, 3);
                    float[][] out = new float[3][];
                    for (int th = 1; th <= 3; th++) {
                        Parallel.setThreads(th);
                        out[th - 1] = c0.clone();
                        GemmSimd.sgemm(ta, tb, m, n, k, 0.75f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0.5f, out[th - 1], 0, n);
                    }
                    assertArrayEquals(out[0], out[1], "1 vs 2 threads " + Arrays.toString(s) + " t=" + t);
                    assertArrayEquals(out[0], out[2], "1 vs 3 threads " + Arrays.toString(s) + " t=" + t);
                    double[] ad = toD(a), bd = toD(b);
                    double[] d1 = toD(c0), d2 = toD(c0);
                    Parallel.setThreads(1);
                    GemmSimd.dgemm(ta, tb, m, n, k, 0.75, ad, 0, ta ? m : k, bd, 0, tb ? k : n, 0.5, d1, 0, n);
                    Parallel.setThreads(2);
                    GemmSimd.dgemm(ta, tb, m, n, k, 0.75, ad, 0, ta ? m : k, bd, 0, tb ? k : n, 0.5, d2, 0, n);
                    assertArrayEquals(d1, d2, "dgemm 1 vs 2 threads " + Arrays.toString(s) + " t=" + t);
                }
            }
            // batched: small products spread over threads, one product per thread
            int m = 20, n = 30, k = 40, batch = 7;
            float[] a = uniformF(batch * m * k, 9), b = uniformF(k * n, 10);
            float[][] out = new float[2][];
            for (int th = 1; th <= 2; th++) {
                Parallel.setThreads(th);
                out[th - 1] = uniformF(batch * m * n, 11);
                GemmSimd.sgemmBatched(false, true, m, n, k, 1f, a, 0, k, (long) m * k, b, 0, k, 0, 1f,
                        out[th - 1], 0, n, (long) m * n, batch);
            }
            assertArrayEquals(out[0], out[1], "batched 1 vs 2 threads");
        } finally {
            Parallel.setThreads(old);
        }
    }

    @Test
    void bothLoopOrdersGiveIdenticalBits() {
        // whole, the rows x kc block exceeds FEW_ROWS_A (the MC-block order); each half of the rows fits it
        // (the panel-at-a-time order): computed whole and as two half products, C must be the same bits
        int old = Parallel.threads();
        try {
            Parallel.setThreads(1);
            int n = 45, k = 300;
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                float beta = t == 2 ? 0f : 0.25f;
                int m = 300, half = 150, lda = ta ? m : k, ldb = tb ? k : n;
                assertTrue((long) m * SgemmBlocked.kSlice(k) > SgemmBlocked.FEW_ROWS_A);
                assertTrue((long) half * SgemmBlocked.kSlice(k) <= SgemmBlocked.FEW_ROWS_A);
                float[] a = uniformF(m * k, 21 + t), b = uniformF(k * n, 31 + t), c0 = uniformF(m * n, 41 + t);
                float[] whole = c0.clone(), halves = c0.clone();
                GemmSimd.sgemm(ta, tb, m, n, k, 1.5f, a, 0, lda, b, 0, ldb, beta, whole, 0, n);
                for (int h = 0; h < 2; h++) {
                    GemmSimd.sgemm(ta, tb, half, n, k, 1.5f, a, ta ? h * half : h * half * lda, lda, b, 0, ldb,
                            beta, halves, h * half * n, n);
                }
                assertArrayEquals(whole, halves, "transA=" + ta + " transB=" + tb);

                m = 200;
                half = 100;
                lda = ta ? m : k;
                assertTrue((long) m * DgemmBlocked.kSlice(k) > DgemmBlocked.FEW_ROWS_A);
                assertTrue((long) half * DgemmBlocked.kSlice(k) <= DgemmBlocked.FEW_ROWS_A);
                double[] ad = toD(uniformF(m * k, 51 + t)), bd = toD(b), dc0 = toD(uniformF(m * n, 61 + t));
                double[] dw = dc0.clone(), dh = dc0.clone();
                GemmSimd.dgemm(ta, tb, m, n, k, 1.5, ad, 0, lda, bd, 0, ldb, beta, dw, 0, n);
                for (int h = 0; h < 2; h++) {
                    GemmSimd.dgemm(ta, tb, half, n, k, 1.5, ad, ta ? h * half : h * half * lda, lda, bd, 0, ldb,
                            beta, dh, h * half * n, n);
                }
                assertArrayEquals(dw, dh, "dgemm transA=" + ta + " transB=" + tb);
            }
        } finally {
            Parallel.setThreads(old);
        }
    }

    @Test
    void batchedMatchesOneByOneWithSharedOperands() {
        int m = 9, n = 13, k = 11, batch = 5;
        float[] a = uniformF(2 + batch * m * k, 4), w = uniformF(1 + k * n, 5);
        float[] cb = uniformF(3 + batch * m * n + 4, 6), c1 = cb.clone();
        // A_i varies, B shared (stride 0): C_i = A_i @ W
        GemmSimd.sgemmBatched(false, false, m, n, k, 1f, a, 2, k, (long) m * k, w, 1, n, 0, 0.5f, cb, 3, n, (long) m * n, batch);
        for (int i = 0; i < batch; i++)
            GemmSimd.sgemm(false, false, m, n, k, 1f, a, 2 + i * m * k, k, w, 1, n, 0.5f, c1, 3 + i * m * n, n);
        assertArrayEquals(c1, cb);
        // A shared, B_i varies and transposed, against the scalar batched reference
        double[] ad = toD(uniformF(m * k, 7)), bd = toD(uniformF(batch * n * k, 8));
        double[] cs = new double[batch * m * n], cr = new double[batch * m * n];
        GemmSimd.dgemmBatched(false, true, m, n, k, 2.0, ad, 0, k, 0, bd, 0, k, (long) n * k, 0.0, cs, 0, n, (long) m * n, batch);
        GemmScalar.dgemmBatched(false, true, m, n, k, 2.0, ad, 0, k, 0, bd, 0, k, (long) n * k, 0.0, cr, 0, n, (long) m * n, batch);
        for (int i = 0; i < cs.length; i++) assertEquals(cr[i], cs[i], 1e-12 * k, "element " + i);
        float[] sc = new float[batch * m * n];
        GemmScalar.sgemmBatched(false, false, m, n, k, 1f, a, 2, k, (long) m * k, w, 1, n, 0, 0f, sc, 0, n, (long) m * n, batch);
        float[] ss = new float[batch * m * n];
        GemmSimd.sgemmBatched(false, false, m, n, k, 1f, a, 2, k, (long) m * k, w, 1, n, 0, 0f, ss, 0, n, (long) m * n, batch);
        for (int i = 0; i < ss.length; i++) assertEquals(sc[i], ss[i], 1e-5f * k, "element " + i);
    }

    @Test
    void errorsNameTheRoutineAndSizes() {
        float[] a = new float[6], b = new float[6], c = new float[4];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2));
        assertMessage(e, "sgemm", "m=2", "n=2", "k=3", "lda 2 < 3");
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, a, 1, 3, b, 0, 2, 0f, c, 0, 2));
        assertMessage(e, "sgemm", "A needs 7 elements", "array has 6");
        e = assertThrows(IllegalArgumentException.class,
                () -> GemmScalar.sgemm(false, true, 2, 2, 3, 1f, a, 0, 3, b, 0, 3, 0f, c, 0, 1));
        assertMessage(e, "sgemm", "transB=true", "ldc 1 < 2");
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.dgemm(false, false, -1, 2, 3, 1, new double[6], 0, 3, new double[6], 0, 2, 0, new double[4], 0, 2));
        assertMessage(e, "dgemm", "m=-1", "sizes must be >= 0");
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemmBatched(false, false, 2, 2, 3, 1f, a, 0, 3, 6, b, 0, 2, 0, 0f, new float[8], 0, 2, 4, 2));
        assertMessage(e, "sgemmBatched", "batch=2", "A needs 12 elements", "last of 2");
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemmBatched(false, false, 2, 2, 3, 1f, a, 0, 3, 0, b, 0, 2, 0, 0f, c, 0, 2, 0, 2));
        assertMessage(e, "sgemmBatched", "strideC 0");
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.dgemmBatched(true, false, 2, 2, 3, 1, new double[6], 0, 2, -1, new double[6], 0, 2, 0, 0, new double[4], 0, 2, 4, 1));
        assertMessage(e, "dgemmBatched", "strides must be >= 0");
    }

    private static void assertMessage(IllegalArgumentException e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' lacks '" + p + "'");
    }
}
