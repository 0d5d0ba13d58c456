package dev.weft.kernels.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The Vector API kernels give the same bits as their scalar references, for F32 and F64, lengths with
 * and without tails (1, 7, 17, 1023 and random), unaligned offsets, every flag (maximize, amsgrad,
 * momentum, Nesterov, first step).
 */
class OptimKernelProperties {
    private static final int[] SIZES = {1, 2, 7, 8, 17, 31, 64, 1023};

    private static double[] rnd(SplittableRandom r, int n, double scale, boolean positive) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = positive ? r.nextDouble() * scale : (r.nextDouble() * 2 - 1) * scale;
        return a;
    }

    private static float[] f(double[] a) {
        float[] o = new float[a.length];
        for (int i = 0; i < a.length; i++) o[i] = (float) a[i];
        return o;
    }

    @Property(tries = 80, seed = "20250101")
    void adamSimdEqualsScalar(@ForAll @IntRange(min = 0, max = 1030) int sizeOrIndex, @ForAll @IntRange(min = 0, max = 5) int off,
                              @ForAll boolean amsgrad, @ForAll boolean maximize, @ForAll boolean decoupled, @ForAll long seed) {
        int n = sizeOrIndex < SIZES.length ? SIZES[sizeOrIndex] : sizeOrIndex;
        SplittableRandom r = new SplittableRandom(seed);
        int len = n + off;
        double[] p = rnd(r, len, 2, false), g = rnd(r, len, 1, false), m = rnd(r, len, 0.5, false), v = rnd(r, len, 0.5, true);
        double[] x = amsgrad ? rnd(r, len, 0.5, true) : null;
        double l2 = decoupled ? 0 : 0.01, decay = decoupled ? 0.999 : 1;
        double[][] a = {p.clone(), m.clone(), v.clone(), x == null ? null : x.clone()};
        double[][] b = {p.clone(), m.clone(), v.clone(), x == null ? null : x.clone()};
        AdamKernelF64.step(a[0], off, g, off, a[1], off, a[2], off, a[3], off, 0, n, 0.9, 0.1, 0.999, 0.001, -0.01, 0.3, 1e-8, l2, decay, maximize);
        AdamKernelSimdF64.step(b[0], off, g, off, b[1], off, b[2], off, b[3], off, 0, n, 0.9, 0.1, 0.999, 0.001, -0.01, 0.3, 1e-8, l2, decay, maximize);
        for (int k = 0; k < 4; k++) assertArrayEquals(a[k], b[k]);
        float[][] fa = {f(p), f(m), f(v), x == null ? null : f(x)};
        float[][] fb = {f(p), f(m), f(v), x == null ? null : f(x)};
        float[] fg = f(g);
        AdamKernelF32.step(fa[0], off, fg, off, fa[1], off, fa[2], off, fa[3], off, 0, n, 0.9f, 0.1f, 0.999f, 0.001f, -0.01f, 0.3f, 1e-8f,
                (float) l2, (float) decay, maximize);
        AdamKernelSimdF32.step(fb[0], off, fg, off, fb[1], off, fb[2], off, fb[3], off, 0, n, 0.9f, 0.1f, 0.999f, 0.001f, -0.01f, 0.3f, 1e-8f,
                (float) l2, (float) decay, maximize);
        for (int k = 0; k < 4; k++) assertArrayEquals(fa[k], fb[k]);
    }

    @Property(tries = 80, seed = "20250102")
    void sgdSimdEqualsScalar(@ForAll @IntRange(min = 0, max = 1030) int sizeOrIndex, @ForAll @IntRange(min = 0, max = 5) int off,
                             @ForAll boolean momentum, @ForAll boolean nesterov, @ForAll boolean maximize, @ForAll boolean first,
                             @ForAll long seed) {
        int n = sizeOrIndex < SIZES.length ? SIZES[sizeOrIndex] : sizeOrIndex;
        SplittableRandom r = new SplittableRandom(seed);
        int len = n + off;
        double[] p = rnd(r, len, 2, false), g = rnd(r, len, 1, false), buf = momentum ? rnd(r, len, 1, false) : null;
        double[] pa = p.clone(), pb = p.clone(), ba = buf == null ? null : buf.clone(), bb = buf == null ? null : buf.clone();
        SgdKernelF64.step(pa, off, g, off, ba, off, 0, n, -0.1, 0.01, 0.9, 0.8, nesterov, maximize, first);
        SgdKernelSimdF64.step(pb, off, g, off, bb, off, 0, n, -0.1, 0.01, 0.9, 0.8, nesterov, maximize, first);
        assertArrayEquals(pa, pb);
        assertArrayEquals(ba, bb);
        float[] fpa = f(p), fpb = f(p), fba = buf == null ? null : f(buf), fbb = buf == null ? null : f(buf), fg = f(g);
        SgdKernelF32.step(fpa, off, fg, off, fba, off, 0, n, -0.1f, 0.01f, 0.9f, 0.8f, nesterov, maximize, first);
        SgdKernelSimdF32.step(fpb, off, fg, off, fbb, off, 0, n, -0.1f, 0.01f, 0.9f, 0.8f, nesterov, maximize, first);
        assertArrayEquals(fpa, fpb);
        assertArrayEquals(fba, fbb);
    }
}
