package dev.weft.kernels.elementwise;

import dev.weft.kernels.elementwise.Operands.Layout;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * BinarySimd == BinaryScalar (and the same for Compare and Where) for every function and dtype served,
 * lengths 1, 7, 17, 1023 and random, unaligned offsets, strides 1, 0, 2, -1, 3. Exact except POW and ATAN2:
 * 4 ulps, plus 4 per unit of |b ln|a|| for POW (the exp argument it inherits rounding from).
 */
class BinaryProperties {

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.oneOf(Arbitraries.of(1, 7, 17, 1023), Arbitraries.integers().between(1, 300));
    }

    @Provide
    Arbitrary<Integer> strides() {
        return Arbitraries.of(1, 1, 1, 0, 2, -1, 3);
    }

    @Provide
    Arbitrary<Integer> outStrides() {
        return Arbitraries.of(1, 1, 1, 2, -1);
    }

    static double ulps(BinaryFn fn, double a, double b) {
        return switch (fn) {
            case POW -> 4 + 4 * Math.abs(b * Math.log(Math.abs(a)));
            case ATAN2 -> 4;
            default -> 0;
        };
    }

    @Property(tries = 300, seed = "32")
    void floats(@ForAll BinaryFn fn, @ForAll("lengths") int n, @ForAll @IntRange(max = 4) int pad, @ForAll("strides") int as,
                @ForAll("strides") int bs, @ForAll("outStrides") int ys, @ForAll long seed) {
        if (!fn.onFloat()) return;
        SplittableRandom r = new SplittableRandom(seed);
        Layout la = Layout.of(n, pad, as), lb = Layout.of(n, pad + 2, bs), ly = Layout.of(n, pad + 1, ys);
        float[] a = Operands.floats(r, la.length(), 6), b = Operands.floats(r, lb.length(), 6);
        float[] want = Operands.floats(r, ly.length(), 1), got = want.clone();
        BinaryScalar.apply(fn, a, la.off(), as, b, lb.off(), bs, want, ly.off(), ys, n);
        BinarySimd.apply(fn, a, la.off(), as, b, lb.off(), bs, got, ly.off(), ys, n);
        for (int i = 0; i < n; i++) {
            int yi = ly.off() + i * ys;
            double ai = a[la.off() + i * as], bi = b[lb.off() + i * bs];
            double tol = ulps(fn, ai, bi);
            boolean ok = tol == 0 ? Operands.same(want[yi], got[yi]) : Operands.close(want[yi], got[yi], tol, true);
            if (!ok) fail("binary " + fn + " F32 n " + n + " i " + i + ": fn(" + ai + ", " + bi + ") scalar " + want[yi] + " simd " + got[yi]);
        }
        assertArrayEquals(maskWritten(want, ly, n), maskWritten(got, ly, n), "untouched elements");

        double[] ad = Operands.doubles(r, la.length(), 6), bd = Operands.doubles(r, lb.length(), 6);
        double[] wd = Operands.doubles(r, ly.length(), 1), gd = wd.clone();
        BinaryScalar.apply(fn, ad, la.off(), as, bd, lb.off(), bs, wd, ly.off(), ys, n);
        BinarySimd.apply(fn, ad, la.off(), as, bd, lb.off(), bs, gd, ly.off(), ys, n);
        for (int i = 0; i < wd.length; i++) {
            int k = ys > 0 ? (i - ly.off()) / ys : (ly.off() - i) / -ys;
            double ai = ad[Math.clamp(la.off() + (long) k * as, 0, ad.length - 1)], bi = bd[Math.clamp(lb.off() + (long) k * bs, 0, bd.length - 1)];
            double tol = ulps(fn, ai, bi);
            boolean ok = tol == 0 ? Operands.same(wd[i], gd[i]) : Operands.close(wd[i], gd[i], tol, false);
            if (!ok) fail("binary " + fn + " F64 n " + n + ": y[" + i + "] scalar " + wd[i] + " simd " + gd[i]);
        }
    }

    private static float[] maskWritten(float[] y, Layout ly, int n) {
        float[] c = y.clone();
        for (int i = 0; i < n; i++) c[ly.off() + i * ly.stride()] = 0;
        return c;
    }

    @Property(tries = 200, seed = "33")
    void integersAndBools(@ForAll BinaryFn fn, @ForAll("lengths") int n, @ForAll @IntRange(max = 4) int pad, @ForAll("strides") int as,
                          @ForAll("strides") int bs, @ForAll("outStrides") int ys, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Layout la = Layout.of(n, pad, as), lb = Layout.of(n, pad + 2, bs), ly = Layout.of(n, pad + 1, ys);
        if (fn.onInteger()) {
            int[] a = Operands.ints(r, la.length()), b = Operands.ints(r, lb.length());
            long[] al = Operands.longs(r, la.length()), bl = Operands.longs(r, lb.length());
            if (fn == BinaryFn.POW || fn == BinaryFn.REMAINDER || fn == BinaryFn.FMOD) {
                for (int i = 0; i < b.length; i++) { b[i] = 1 + Math.floorMod(b[i], 7); bl[i] = 1 + Math.floorMod(bl[i], 7); }
            }
            int[] wi = Operands.ints(r, ly.length()), gi = wi.clone();
            BinaryScalar.apply(fn, a, la.off(), as, b, lb.off(), bs, wi, ly.off(), ys, n);
            BinarySimd.apply(fn, a, la.off(), as, b, lb.off(), bs, gi, ly.off(), ys, n);
            assertArrayEquals(wi, gi, () -> "binary " + fn + " I32 n " + n);
            long[] wl = Operands.longs(r, ly.length()), gl = wl.clone();
            BinaryScalar.apply(fn, al, la.off(), as, bl, lb.off(), bs, wl, ly.off(), ys, n);
            BinarySimd.apply(fn, al, la.off(), as, bl, lb.off(), bs, gl, ly.off(), ys, n);
            assertArrayEquals(wl, gl, () -> "binary " + fn + " I64 n " + n);
        }
        if (fn.onBool()) {
            byte[] a = Operands.bools(r, la.length()), b = Operands.bools(r, lb.length());
            byte[] w = Operands.bools(r, ly.length()), g = w.clone();
            BinaryScalar.apply(fn, a, la.off(), as, b, lb.off(), bs, w, ly.off(), ys, n);
            BinarySimd.apply(fn, a, la.off(), as, b, lb.off(), bs, g, ly.off(), ys, n);
            assertArrayEquals(w, g, () -> "binary " + fn + " BOOL n " + n);
        }
    }

    @Property(tries = 100, seed = "34")
    void axpyAndScale(@ForAll("lengths") int n, @ForAll @IntRange(max = 4) int pad, @ForAll("outStrides") int xs,
                      @ForAll("outStrides") int ys, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Layout lx = Layout.of(n, pad, xs), ly = Layout.of(n, pad + 1, ys);
        float alpha = (float) r.nextDouble(-3, 3);
        float[] x = Operands.floats(r, lx.length(), 4), w = Operands.floats(r, ly.length(), 4), g = w.clone();
        BinaryScalar.axpy(n, alpha, x, lx.off(), xs, w, ly.off(), ys);
        BinarySimd.axpy(n, alpha, x, lx.off(), xs, g, ly.off(), ys);
        assertArrayEquals(w, g, "axpy F32");
        BinaryScalar.scale(n, alpha, x, lx.off(), xs, w, ly.off(), ys);
        BinarySimd.scale(n, alpha, x, lx.off(), xs, g, ly.off(), ys);
        assertArrayEquals(w, g, "scale F32");
        double[] xd = Operands.doubles(r, lx.length(), 4), wd = Operands.doubles(r, ly.length(), 4), gd = wd.clone();
        BinaryScalar.axpy(n, (double) alpha, xd, lx.off(), xs, wd, ly.off(), ys);
        BinarySimd.axpy(n, (double) alpha, xd, lx.off(), xs, gd, ly.off(), ys);
        assertArrayEquals(wd, gd, "axpy F64");
        BinaryScalar.scale(n, 0.5, xd, lx.off(), xs, wd, ly.off(), ys);
        BinarySimd.scale(n, 0.5, xd, lx.off(), xs, gd, ly.off(), ys);
        assertArrayEquals(wd, gd, "scale F64");
    }

    @Property(tries = 200, seed = "35")
    void compareAndWhere(@ForAll CompareFn fn, @ForAll("lengths") int n, @ForAll @IntRange(max = 4) int pad, @ForAll("strides") int as,
                         @ForAll("strides") int bs, @ForAll("outStrides") int ys, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Layout la = Layout.of(n, pad, as), lb = Layout.of(n, pad + 2, bs), ly = Layout.of(n, pad + 1, ys), lc = Layout.of(n, pad + 3, as == 0 ? 1 : as);
        float[] a = Operands.floats(r, la.length(), 2), b = Operands.floats(r, lb.length(), 2);
        for (int i = 0; i < Math.min(a.length, b.length); i += 3) b[i] = a[i];   // ties
        byte[] w = Operands.bools(r, ly.length()), g = w.clone();
        CompareScalar.apply(fn, a, la.off(), as, b, lb.off(), bs, w, ly.off(), ys, n);
        CompareSimd.apply(fn, a, la.off(), as, b, lb.off(), bs, g, ly.off(), ys, n);
        assertArrayEquals(w, g, () -> "compare " + fn + " F32 n " + n);
        double[] ad = Operands.doubles(r, la.length(), 2), bd = Operands.doubles(r, lb.length(), 2);
        CompareScalar.apply(fn, ad, la.off(), as, bd, lb.off(), bs, w, ly.off(), ys, n);
        CompareSimd.apply(fn, ad, la.off(), as, bd, lb.off(), bs, g, ly.off(), ys, n);
        assertArrayEquals(w, g, () -> "compare " + fn + " F64 n " + n);
        int[] ai = Operands.ints(r, la.length()), bi = Operands.ints(r, lb.length());
        CompareScalar.apply(fn, ai, la.off(), as, bi, lb.off(), bs, w, ly.off(), ys, n);
        CompareSimd.apply(fn, ai, la.off(), as, bi, lb.off(), bs, g, ly.off(), ys, n);
        assertArrayEquals(w, g, () -> "compare " + fn + " I32 n " + n);
        long[] al = Operands.longs(r, la.length()), bl = Operands.longs(r, lb.length());
        CompareScalar.apply(fn, al, la.off(), as, bl, lb.off(), bs, w, ly.off(), ys, n);
        CompareSimd.apply(fn, al, la.off(), as, bl, lb.off(), bs, g, ly.off(), ys, n);
        assertArrayEquals(w, g, () -> "compare " + fn + " I64 n " + n);
        byte[] ab = Operands.bools(r, la.length()), bb = Operands.bools(r, lb.length());
        CompareScalar.apply(fn, ab, la.off(), as, bb, lb.off(), bs, w, ly.off(), ys, n);
        CompareSimd.apply(fn, ab, la.off(), as, bb, lb.off(), bs, g, ly.off(), ys, n);
        assertArrayEquals(w, g, () -> "compare " + fn + " BOOL n " + n);

        byte[] c = Operands.bools(r, lc.length());
        int cs = lc.stride();
        float[] wf = Operands.floats(r, ly.length(), 1), gf = wf.clone();
        WhereScalar.apply(c, lc.off(), cs, a, la.off(), as, b, lb.off(), bs, wf, ly.off(), ys, n);
        WhereSimd.apply(c, lc.off(), cs, a, la.off(), as, b, lb.off(), bs, gf, ly.off(), ys, n);
        assertArrayEquals(wf, gf, "where F32");
        double[] wd = Operands.doubles(r, ly.length(), 1), gd = wd.clone();
        WhereScalar.apply(c, lc.off(), cs, ad, la.off(), as, bd, lb.off(), bs, wd, ly.off(), ys, n);
        WhereSimd.apply(c, lc.off(), cs, ad, la.off(), as, bd, lb.off(), bs, gd, ly.off(), ys, n);
        assertArrayEquals(wd, gd, "where F64");
        int[] wi = Operands.ints(r, ly.length()), gi = wi.clone();
        WhereScalar.apply(c, lc.off(), cs, ai, la.off(), as, bi, lb.off(), bs, wi, ly.off(), ys, n);
        WhereSimd.apply(c, lc.off(), cs, ai, la.off(), as, bi, lb.off(), bs, gi, ly.off(), ys, n);
        assertArrayEquals(wi, gi, "where I32");
        long[] wl = Operands.longs(r, ly.length()), gl = wl.clone();
        WhereScalar.apply(c, lc.off(), cs, al, la.off(), as, bl, lb.off(), bs, wl, ly.off(), ys, n);
        WhereSimd.apply(c, lc.off(), cs, al, la.off(), as, bl, lb.off(), bs, gl, ly.off(), ys, n);
        assertArrayEquals(wl, gl, "where I64");
        byte[] wb = Operands.bools(r, ly.length()), gb = wb.clone();
        WhereScalar.apply(c, lc.off(), cs, ab, la.off(), as, bb, lb.off(), bs, wb, ly.off(), ys, n);
        WhereSimd.apply(c, lc.off(), cs, ab, la.off(), as, bb, lb.off(), bs, gb, ly.off(), ys, n);
        assertArrayEquals(wb, gb, "where BOOL");
    }
}
