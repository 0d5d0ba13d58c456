package dev.weft.kernels.conv;

import static dev.weft.kernels.conv.ConvTestSupport.doubles;
import static dev.weft.kernels.conv.ConvTestSupport.floats;
import static dev.weft.kernels.conv.ConvTestSupport.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.kernels.KernelImpl;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The batch-summed convolution weight gradient against a naive double sum, scalar and SIMD, on LeNet's
 * shapes and on edges (odd rows, columns not a multiple of 4, L of 1, 7, 17, 1023, groups, offsets), and
 * the same bits on 1 and 3 threads.
 */
class WeightGradTest {
    /** B, G, co, K, L, offset. */
    static int[][] shapes() {
        return new int[][] {{4, 1, 6, 25, 784, 0}, {3, 1, 16, 150, 100, 3}, {2, 1, 1, 1, 1, 1}, {3, 1, 3, 5, 7, 2},
                {2, 2, 3, 7, 17, 5}, {1, 3, 2, 6, 1023, 0}, {5, 1, 5, 9, 33, 1}, {0, 1, 2, 3, 4, 0},
                {2, 2, 4, 9, 21, 1}, {3, 1, 8, 5, 40, 0}};
    }

    /** gw and, per element, the sum of |terms| (the scale of its rounding error). */
    static double[][] naive(double[] gy, int gyOff, double[] cols, int cOff, int[] s) {
        int B = s[0], G = s[1], co = s[2], K = s[3], L = s[4];
        double[] gw = new double[G * co * K], mag = new double[gw.length];
        for (int g = 0; g < G; g++)
            for (int o = 0; o < co; o++)
                for (int k = 0; k < K; k++)
                    for (int b = 0; b < B; b++)
                        for (int l = 0; l < L; l++) {
                            double t = gy[gyOff + ((b * G + g) * co + o) * L + l] * cols[cOff + ((b * G + g) * K + k) * L + l];
                            gw[(g * co + o) * K + k] += t;
                            mag[(g * co + o) * K + k] += Math.abs(t);
                        }
        return new double[][] {gw, mag};
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void matchesTheNaiveSum(int[] s) {
        int B = s[0], G = s[1], co = s[2], K = s[3], L = s[4], off = s[5];
        Random rnd = new Random(K * 31L + L);
        int ny = B * G * co * L, nc = B * G * K * L;
        float[] gyf = floats(rnd, off + ny), cf = floats(rnd, off + nc);
        double[] gyd = doubles(rnd, off + ny), cd = doubles(rnd, off + nc);
        double[] gyfd = new double[gyf.length], cfd = new double[cf.length];
        for (int i = 0; i < gyf.length; i++) gyfd[i] = gyf[i];
        for (int i = 0; i < cf.length; i++) cfd[i] = cf[i];
        double[][] rf = naive(gyfd, off, cfd, off, s), rd = naive(gyd, off, cd, off, s);
        for (KernelImpl impl : KernelImpl.values()) {
            float[] wf = new float[off + G * co * K + 2];
            double[] wd = new double[off + G * co * K + 2];
            java.util.Arrays.fill(wf, 7f);
            java.util.Arrays.fill(wd, 7);
            with(impl, () -> {
                WeightGrad.weightGrad(gyf, off, cf, off, B, G, co, K, L, wf, off);
                WeightGrad.weightGrad(gyd, off, cd, off, B, G, co, K, L, wd, off);
            });
            for (int i = 0; i < G * co * K; i++) {
                String at = impl + " " + java.util.Arrays.toString(s) + " gw[" + i + "]";
                assertEquals(rf[0][i], wf[off + i], 1e-6 * rf[1][i] + 1e-30, "F32 " + at);
                assertEquals(rd[0][i], wd[off + i], 1e-13 * rd[1][i] + 1e-300, "F64 " + at);
            }
            // the same sum in rows of a divisor of L (ConvFused's chains at stride 1)
            int rw = L;
            for (int d = 3; d < L; d++) if (L % d == 0) { rw = d; break; }
            int rowWidth = rw;
            float[] rf2 = new float[off + G * co * K];
            double[] rd2 = new double[off + G * co * K];
            with(impl, () -> {
                WeightGrad.weightGrad(gyf, off, cf, off, B, G, co, K, L, rowWidth, rf2, off);
                WeightGrad.weightGrad(gyd, off, cd, off, B, G, co, K, L, rowWidth, rd2, off);
            });
            for (int i = 0; i < G * co * K; i++) {
                String at = impl + " rows of " + rowWidth + " " + java.util.Arrays.toString(s) + " gw[" + i + "]";
                assertEquals(rf[0][i], rf2[off + i], 1e-6 * rf[1][i] + 1e-30, "F32 " + at);
                assertEquals(rd[0][i], rd2[off + i], 1e-13 * rd[1][i] + 1e-300, "F64 " + at);
            }
            for (int i = 0; i < off; i++) assertTrue(wf[i] == 7f && wd[i] == 7, impl + ": wrote before gwOff");
            assertTrue(wf[off + G * co * K] == 7f && wd[off + G * co * K] == 7, impl + ": wrote past gw");
        }
    }

    /**
     * Rows of a row-wise step read whole vectors past a row's end; those lanes must count as zero terms, not as
     * 0 * (the next row's values): an infinity at the start of a row (under another row's last vector) gives the
     * +Inf of the one-pass product, not NaN, and the finite elements agree.
     */
    @Test
    void rowTailsIgnoreTheNextRowsValues() {
        int B = 2, G = 1, co = 3, K = 5, outH = 4, outW = 20, L = outH * outW;
        Random rnd = new Random(9);
        float[] gy = new float[B * co * L], cols = floats(rnd, B * K * L);
        double[] gyd = new double[gy.length], colsd = new double[cols.length];
        for (int i = 0; i < gy.length; i++) gy[i] = 0.5f + rnd.nextFloat();
        for (int b = 0; b < B; b++) cols[(b * K + 0) * L + 2 * outW] = Float.POSITIVE_INFINITY;   // tap 0, row 2, column 0
        for (int i = 0; i < gy.length; i++) gyd[i] = gy[i];
        for (int i = 0; i < cols.length; i++) colsd[i] = cols[i];
        for (KernelImpl impl : KernelImpl.values()) {
            float[] one = new float[co * K], rows = new float[co * K];
            double[] oned = new double[co * K], rowsd = new double[co * K];
            with(impl, () -> {
                WeightGrad.weightGrad(gy, 0, cols, 0, B, G, co, K, L, one, 0);
                WeightGrad.weightGrad(gy, 0, cols, 0, B, G, co, K, L, outW, rows, 0);
                WeightGrad.weightGrad(gyd, 0, colsd, 0, B, G, co, K, L, oned, 0);
                WeightGrad.weightGrad(gyd, 0, colsd, 0, B, G, co, K, L, outW, rowsd, 0);
            });
            for (int i = 0; i < co * K; i++) {
                String at = impl + " gw[" + i + "]";
                if (i % K == 0) {
                    assertTrue(one[i] == Float.POSITIVE_INFINITY && rows[i] == Float.POSITIVE_INFINITY, at + ": " + one[i] + " vs " + rows[i]);
                    assertTrue(oned[i] == Double.POSITIVE_INFINITY && rowsd[i] == Double.POSITIVE_INFINITY, at + " F64: " + oned[i] + " vs " + rowsd[i]);
                } else {
                    assertEquals(one[i], rows[i], 1e-5 * Math.abs(one[i]) + 1e-5, at);
                    assertEquals(oned[i], rowsd[i], 1e-12 * Math.abs(oned[i]) + 1e-12, at + " F64");
                }
            }
        }
    }

    @Test
    void sameBitsOnOneAndThreeThreads() {
        int B = 6, G = 2, co = 8, K = 23, L = 301;
        Random rnd = new Random(5);
        float[] gy = floats(rnd, B * G * co * L), cols = floats(rnd, B * G * K * L);
        double[] gyd = doubles(rnd, gy.length), colsd = doubles(rnd, cols.length);
        for (KernelImpl impl : KernelImpl.values()) {
            java.util.function.IntFunction<Object[]> run = t -> ThreadCountTest.onThreads(t, () -> with(impl, () -> {
                float[] w = new float[G * co * K];
                double[] wd = new double[G * co * K];
                WeightGrad.weightGrad(gy, 0, cols, 0, B, G, co, K, L, w, 0);
                WeightGrad.weightGrad(gyd, 0, colsd, 0, B, G, co, K, L, wd, 0);
                return new Object[] {w, wd};
            }));
            Object[] one = run.apply(1), three = run.apply(3);
            assertArrayEquals((float[]) one[0], (float[]) three[0], impl + " F32");
            assertArrayEquals((double[]) one[1], (double[]) three[1], impl + " F64");
        }
    }

    @Test
    void rowWidthMustDivideL() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeightGrad.weightGrad(new float[8], 0, new float[24], 0, 1, 1, 2, 3, 4, 3, new float[6], 0));
        assertEquals("weightGrad: rowWidth must be >= 1 and divide L; got rowWidth=3, L=4", e.getMessage());
    }

    @Test
    void errorsNameTheKernelAndSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeightGrad.weightGrad(new float[7], 0, new float[24], 0, 1, 1, 2, 3, 4, new float[6], 0));
        assertEquals("weightGrad: gy has 7 elements, offset 0 needs B*G*co*L = 1*1*2*4 = 8 more", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> WeightGrad.weightGrad(new float[8], 0, new float[24], 0, 1, 1, 2, 3, 4, new float[5], 0));
        assertEquals("weightGrad: gw has 5 elements, offset 0 needs G*co*K = 1*2*3 = 6 more", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> WeightGrad.weightGrad(new float[8], 0, new float[24], 0, 1, 0, 2, 3, 4, new float[6], 0));
        assertTrue(e.getMessage().startsWith("weightGrad: needs B >= 0, G, co, K, L >= 1; got B=1, G=0"), e.getMessage());
    }
}
