package dev.weft.kernels.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The fused cell kernels: the Vector API twins agree with the scalar references (F32 within 2e-6, F64
 * within 1e-14: only sigmoid and tanh differ, by a few ulp) on hidden sizes with and without tails, unaligned
 * offsets and row strides, with and without bias; an element's SIMD bits do not depend on whether it sits in
 * a whole vector or the masked tail; and the result is the same on 1 and 3 threads.
 */
class CellsProperties {
    private static final int[] SIZES = {1, 2, 7, 8, 17, 31, 64, 1023};

    /** One problem: sizes, input offset, extra row stride, bias; the inputs of all four kernels as F64. */
    record Problem(int B, int H, int off, int pad, boolean bias, double[][] in) {
        int ld(int width) {
            return width + pad;
        }
    }

    /** A (B, width) block at off with row stride width + pad (the gaps hold garbage), values in [lo, hi). */
    private static double[] block(SplittableRandom r, Problem p, int width, double lo, double hi) {
        double[] a = new double[p.off + (p.B - 1) * p.ld(width) + width + 3];
        for (int i = 0; i < a.length; i++) a[i] = lo + (hi - lo) * r.nextDouble();
        return a;
    }

    static Problem problem(long seed, int B, int H, int off, int pad, boolean bias) {
        SplittableRandom r = new SplittableRandom(seed);
        Problem p = new Problem(B, H, off, pad, bias, null);
        double[][] in = {
            block(r, p, 4 * H, -4, 4), block(r, p, 4 * H, -4, 4), bias(r, p, 4 * H),
            block(r, p, H, -3, 3),                                                        // lstm: gx, gh, bias, c
            block(r, p, H, -1, 1), block(r, p, H, -1, 1), block(r, p, 4 * H, 0, 1), block(r, p, H, -3, 3), block(r, p, H, -3, 3),
            block(r, p, 3 * H, -4, 4), block(r, p, 3 * H, -4, 4), bias(r, p, 3 * H), block(r, p, H, -1, 1),   // gru: gx, gh, bias, h
            block(r, p, H, -1, 1), block(r, p, 4 * H, 0, 1), block(r, p, H, -1, 1)};              // gru backward: dh, saved, h
        return new Problem(B, H, off, pad, bias, in);
    }

    private static double[] bias(SplittableRandom r, Problem p, int width) {
        double[] a = new double[p.off + width];
        for (int i = 0; i < a.length; i++) a[i] = 2 * r.nextDouble() - 1;
        return a;
    }

    /** The outputs of the four kernels in F64: lstm h, c, gates; lstm backward dp, dc; gru h, saved; gru backward dgx, dgh, dh. */
    static double[][] runF64(Problem p, boolean simd) {
        int B = p.B, H = p.H, o = p.off;
        double[][] x = p.in, y = new double[10][];
        int[] sizes = {B * H, B * H, B * 4 * H, B * 4 * H, B * H, B * H, B * 4 * H, B * 3 * H, B * 3 * H, B * H};
        for (int i = 0; i < y.length; i++) y[i] = new double[sizes[i] + 1];
        double[] b4 = p.bias ? x[2] : null, b3 = p.bias ? x[11] : null;
        int l4 = p.ld(4 * H), l3 = p.ld(3 * H), l1 = p.ld(H);
        if (simd) {
            CellsSimdF64.lstm(0, B, H, x[0], o, l4, x[1], o, l4, b4, o, x[3], o, l1, y[0], 1, y[1], 1, y[2], 1);
            CellsSimdF64.lstmBackward(0, B, H, x[4], o, l1, x[5], o, l1, x[6], o, l4, x[7], o, l1, x[8], o, l1, y[3], 1, y[4], 1);
            CellsSimdF64.gru(0, B, H, x[9], o, l3, x[10], o, l3, b3, o, x[12], o, l1, y[5], 1, y[6], 1);
            CellsSimdF64.gruBackward(0, B, H, x[13], o, l1, x[14], o, l4, x[15], o, l1, y[7], 1, y[8], 1, y[9], 1);
        } else {
            CellsScalarF64.lstm(0, B, H, x[0], o, l4, x[1], o, l4, b4, o, x[3], o, l1, y[0], 1, y[1], 1, y[2], 1);
            CellsScalarF64.lstmBackward(0, B, H, x[4], o, l1, x[5], o, l1, x[6], o, l4, x[7], o, l1, x[8], o, l1, y[3], 1, y[4], 1);
            CellsScalarF64.gru(0, B, H, x[9], o, l3, x[10], o, l3, b3, o, x[12], o, l1, y[5], 1, y[6], 1);
            CellsScalarF64.gruBackward(0, B, H, x[13], o, l1, x[14], o, l4, x[15], o, l1, y[7], 1, y[8], 1, y[9], 1);
        }
        return y;
    }

    static float[][] runF32(Problem p, boolean simd) {
        int B = p.B, H = p.H, o = p.off;
        float[][] x = new float[p.in.length][], y = new float[10][];
        for (int i = 0; i < x.length; i++) x[i] = f(p.in[i]);
        int[] sizes = {B * H, B * H, B * 4 * H, B * 4 * H, B * H, B * H, B * 4 * H, B * 3 * H, B * 3 * H, B * H};
        for (int i = 0; i < y.length; i++) y[i] = new float[sizes[i] + 1];
        float[] b4 = p.bias ? x[2] : null, b3 = p.bias ? x[11] : null;
        int l4 = p.ld(4 * H), l3 = p.ld(3 * H), l1 = p.ld(H);
        if (simd) {
            CellsSimdF32.lstm(0, B, H, x[0], o, l4, x[1], o, l4, b4, o, x[3], o, l1, y[0], 1, y[1], 1, y[2], 1);
            CellsSimdF32.lstmBackward(0, B, H, x[4], o, l1, x[5], o, l1, x[6], o, l4, x[7], o, l1, x[8], o, l1, y[3], 1, y[4], 1);
            CellsSimdF32.gru(0, B, H, x[9], o, l3, x[10], o, l3, b3, o, x[12], o, l1, y[5], 1, y[6], 1);
            CellsSimdF32.gruBackward(0, B, H, x[13], o, l1, x[14], o, l4, x[15], o, l1, y[7], 1, y[8], 1, y[9], 1);
        } else {
            CellsScalarF32.lstm(0, B, H, x[0], o, l4, x[1], o, l4, b4, o, x[3], o, l1, y[0], 1, y[1], 1, y[2], 1);
            CellsScalarF32.lstmBackward(0, B, H, x[4], o, l1, x[5], o, l1, x[6], o, l4, x[7], o, l1, x[8], o, l1, y[3], 1, y[4], 1);
            CellsScalarF32.gru(0, B, H, x[9], o, l3, x[10], o, l3, b3, o, x[12], o, l1, y[5], 1, y[6], 1);
            CellsScalarF32.gruBackward(0, B, H, x[13], o, l1, x[14], o, l4, x[15], o, l1, y[7], 1, y[8], 1, y[9], 1);
        }
        return y;
    }

    private static float[] f(double[] a) {
        if (a == null) return null;
        float[] o = new float[a.length];
        for (int i = 0; i < a.length; i++) o[i] = (float) a[i];
        return o;
    }

    private static void close(String what, double[] want, double[] got, double tol) {
        for (int i = 0; i < want.length; i++) {
            double d = Math.abs(want[i] - got[i]);
            assertTrue(d <= tol * (1 + Math.abs(want[i])), what + " element " + i + ": " + got[i] + " vs scalar " + want[i]);
        }
    }

    @Property(tries = 40, seed = "20261201")
    void simdAgreesWithScalar(@ForAll @IntRange(min = 0, max = 300) int sizeOrIndex, @ForAll @IntRange(min = 1, max = 3) int B,
                              @ForAll @IntRange(min = 0, max = 5) int off, @ForAll @IntRange(min = 0, max = 3) int pad,
                              @ForAll boolean bias, @ForAll long seed) {
        int H = sizeOrIndex < SIZES.length ? SIZES[sizeOrIndex] : sizeOrIndex;
        Problem p = problem(seed, B, H, off, pad, bias);
        double[][] sd = runF64(p, false), vd = runF64(p, true);
        float[][] sf = runF32(p, false), vf = runF32(p, true);
        for (int k = 0; k < sd.length; k++) {
            close("F64 output " + k, sd[k], vd[k], 1e-14);
            double[] a = new double[sf[k].length], b = new double[vf[k].length];
            for (int i = 0; i < a.length; i++) {
                a[i] = sf[k][i];
                b[i] = vf[k][i];
            }
            close("F32 output " + k, a, b, 2e-6);
        }
    }

    /** Element j of a size-H problem, alone as a size-1 problem (so it runs in the masked tail). */
    private static Problem single(Problem p, int b, int j) {
        int H = p.H;
        double[][] in = new double[p.in.length][];
        int[] widths = {4, 4, 4, 1, 1, 1, 4, 1, 1, 3, 3, 3, 1, 1, 4, 1};
        for (int k = 0; k < in.length; k++) {
            if (p.in[k] == null) continue;
            boolean vec = k == 2 || k == 11;
            int row = vec ? p.off : p.off + b * p.ld(widths[k] * H);
            in[k] = new double[widths[k]];
            for (int g = 0; g < widths[k]; g++) in[k][g] = p.in[k][row + g * H + j];
        }
        return new Problem(1, 1, 0, 0, p.bias, in);
    }

    @Test
    void anElementsSimdBitsDoNotDependOnItsPositionInTheRow() {
        Problem p = problem(5, 2, 19, 1, 2, true);
        double[][] all = runF64(p, true);
        float[][] allF = runF32(p, true);
        int[] widths = {1, 1, 4, 4, 1, 1, 4, 3, 3, 1};
        for (int b = 0; b < p.B; b++) {
            for (int j = 0; j < p.H; j++) {
                Problem q = single(p, b, j);
                double[][] one = runF64(q, true);
                float[][] oneF = runF32(q, true);
                for (int k = 0; k < all.length; k++) {
                    for (int g = 0; g < widths[k]; g++) {
                        int at = 1 + b * widths[k] * p.H + g * p.H + j;
                        String what = "output " + k + " row " + b + " gate " + g + " element " + j;
                        assertTrue(Double.compare(all[k][at], one[k][1 + g]) == 0, "F64 " + what);
                        assertTrue(Float.compare(allF[k][at], oneF[k][1 + g]) == 0, "F32 " + what);
                    }
                }
            }
        }
    }

    @Test
    void sameBitsOnOneAndThreeThreadsThroughTheFacade() {
        Problem p = problem(9, 300, 37, 0, 0, true);
        int B = p.B, H = p.H;
        double[][] x = p.in;
        for (KernelImpl impl : KernelImpl.values()) {
            double[][] r1 = facade(x, B, H, impl, 1), r3 = facade(x, B, H, impl, 3);
            for (int k = 0; k < r1.length; k++) assertArrayEquals(r1[k], r3[k], impl + " output " + k);
        }
    }

    private static double[][] facade(double[][] x, int B, int H, KernelImpl impl, int threads) {
        KernelImpl oldImpl = KernelImpl.current();
        int oldThreads = Parallel.threads();
        KernelImpl.set(impl);
        Parallel.setThreads(threads);
        try {
            double[] h = new double[B * H], c = new double[B * H], g = new double[4 * B * H], dp = new double[4 * B * H], dc = new double[B * H];
            Cells.lstm(B, H, x[0], 0, 4 * H, x[1], 0, 4 * H, x[2], 0, x[3], 0, H, h, 0, c, 0, g, 0);
            Cells.lstmBackward(B, H, x[4], 0, H, x[5], 0, H, g, 0, 4 * H, x[3], 0, H, c, 0, H, dp, 0, dc, 0);
            double[] hg = new double[B * H], s = new double[4 * B * H], dgx = new double[3 * B * H], dgh = new double[3 * B * H], dh = new double[B * H];
            Cells.gru(B, H, x[9], 0, 3 * H, x[10], 0, 3 * H, x[11], 0, x[12], 0, H, hg, 0, s, 0);
            Cells.gruBackward(B, H, x[13], 0, H, s, 0, 4 * H, x[12], 0, H, dgx, 0, dgh, 0, dh, 0);
            return new double[][] {h, c, g, dp, dc, hg, s, dgx, dgh, dh};
        } finally {
            Parallel.setThreads(oldThreads);
            KernelImpl.set(oldImpl);
        }
    }
}
