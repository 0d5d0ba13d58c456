package dev.weft.kernels.conv;

import static dev.weft.kernels.conv.ConvTestSupport.doubles;
import static dev.weft.kernels.conv.ConvTestSupport.floats;
import static dev.weft.kernels.conv.ConvTestSupport.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.gemm.GemmSimd;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The in-place convolution product: the SIMD kernel gives the blocked GEMM's bits (one chain over k per
 * element) and both kernels match a naive double sum, on LeNet's shapes (forward and the input gradient's
 * transposed weight) and on edges (rows not a multiple of 6, L below one tile, tails that overlap, groups,
 * offsets); same bits on 1 and 3 threads.
 */
class ConvMatmulTest {
    /** B, G, co, K, L, transposed weight (0/1), offset. */
    static int[][] shapes() {
        return new int[][] {{3, 1, 6, 25, 784, 0, 0}, {2, 1, 16, 150, 100, 0, 3}, {2, 1, 150, 16, 100, 1, 1}, {2, 1, 1, 1, 1, 0, 0},
                {3, 1, 7, 5, 7, 1, 2}, {2, 2, 3, 7, 33, 0, 5}, {1, 3, 13, 6, 47, 0, 0}, {2, 1, 5, 9, 64, 1, 1}, {0, 1, 2, 3, 40, 0, 0}};
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void matchesTheGemmBitsAndTheNaiveSum(int[] s) {
        int B = s[0], G = s[1], co = s[2], K = s[3], L = s[4], off = s[6], cOut = G * co;
        boolean trans = s[5] == 1;
        int rs = trans ? 1 : K, cs = trans ? cOut : 1;
        Random rnd = new Random(K * 31L + L);
        float[] wf = floats(rnd, off + cOut * K), cf = floats(rnd, off + B * G * K * L);
        double[] wd = doubles(rnd, wf.length), cd = doubles(rnd, cf.length);
        // the reference: one GEMM per (sample, group), naive double sums
        float[] gf = new float[B * cOut * L];
        double[] nf = new double[gf.length], nd = new double[gf.length], mag = new double[gf.length];
        for (int b = 0; b < B; b++) {
            for (int g = 0; g < G; g++) {
                int yo = (b * G + g) * co * L, co0 = (b * G + g) * K * L;
                if (trans) GemmSimd.sgemm(true, false, co, L, K, 1f, wf, off + g * co, cOut, cf, off + co0, L, 0f, gf, yo, L);
                else GemmSimd.sgemm(false, false, co, L, K, 1f, wf, off + g * co * K, K, cf, off + co0, L, 0f, gf, yo, L);
                for (int o = 0; o < co; o++)
                    for (int l = 0; l < L; l++)
                        for (int k = 0; k < K; k++) {
                            int wi = off + (g * co + o) * rs + k * cs, ci = off + co0 + k * L + l;
                            nf[yo + o * L + l] += (double) wf[wi] * cf[ci];
                            nd[yo + o * L + l] += wd[wi] * cd[ci];
                            mag[yo + o * L + l] += Math.abs(wd[wi] * cd[ci]) + Math.abs((double) wf[wi] * cf[ci]);
                        }
            }
        }
        for (KernelImpl impl : KernelImpl.values()) {
            float[] yf = new float[off + gf.length + 1];
            double[] yd = new double[off + gf.length + 1];
            java.util.Arrays.fill(yf, 7f);
            java.util.Arrays.fill(yd, 7);
            with(impl, () -> {
                ConvMatmul.matmul(wf, off, rs, cs, cf, off, B, G, co, K, L, yf, off);
                ConvMatmul.matmul(wd, off, rs, cs, cd, off, B, G, co, K, L, yd, off);
            });
            String at = impl + " " + java.util.Arrays.toString(s);
            if (impl == KernelImpl.SIMD) assertArrayEquals(gf, java.util.Arrays.copyOfRange(yf, off, off + gf.length), "GEMM bits " + at);
            for (int i = 0; i < gf.length; i++) {
                assertEquals(nf[i], yf[off + i], 1e-6 * mag[i] + 1e-30, "F32 " + at + " y[" + i + "]");
                assertEquals(nd[i], yd[off + i], 1e-13 * mag[i] + 1e-300, "F64 " + at + " y[" + i + "]");
            }
            for (int i = 0; i < off; i++) assertTrue(yf[i] == 7f && yd[i] == 7, at + ": wrote before yOff");
            assertTrue(yf[off + gf.length] == 7f && yd[off + gf.length] == 7, at + ": wrote past y");
        }
    }

    @Test
    void sameBitsOnOneAndThreeThreads() {
        int B = 5, G = 2, co = 8, K = 21, L = 77;
        Random rnd = new Random(9);
        float[] w = floats(rnd, G * co * K), cols = floats(rnd, B * G * K * L);
        for (KernelImpl impl : KernelImpl.values()) {
            java.util.function.IntFunction<float[]> run = t -> ThreadCountTest.onThreads(t, () -> with(impl, () -> {
                float[] y = new float[B * G * co * L];
                ConvMatmul.matmul(w, 0, K, 1, cols, 0, B, G, co, K, L, y, 0);
                return y;
            }));
            assertArrayEquals(run.apply(1), run.apply(3), impl.toString());
        }
    }

    @Test
    void errorsNameTheKernelAndSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConvMatmul.matmul(new float[5], 0, 3, 1, new float[12], 0, 1, 1, 2, 3, 4, new float[8], 0));
        assertEquals("convMatmul: w has 5 elements, offset 0 with strides (3, 1) reaches element 5 for (G*co, K) = (2, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConvMatmul.matmul(new float[6], 0, 3, 1, new float[12], 0, 1, 1, 2, 3, 4, new float[7], 0));
        assertEquals("convMatmul: y has 7 elements, offset 0 needs B*G*co*L = 1*1*2*4 = 8 more", e.getMessage());
    }
}
