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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * UnarySimd == UnaryScalar for every function and dtype, over lengths 1, 7, 17, 1023 and random ones,
 * unaligned offsets and strides 1, 0, 2, -1, 3 on input and output. Exact functions must match bit for bit;
 * the others within {@link #ulps} (the documented tolerance of UnarySimd).
 */
class UnaryProperties {

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
        return Arbitraries.of(1, 1, 1, 2, -1, 3);
    }

    static boolean exact(UnaryFn fn, double p0) {
        return switch (fn) {
            case NEG, ABS, SQRT, SQUARE, RELU, LEAKY_RELU, SIGN, FLOOR, CEIL, ROUND, CLAMP, RECIPROCAL, NOT -> true;
            case POW_SCALAR -> p0 == 1 || p0 == 2;
            default -> false;
        };
    }

    /**
     * Tolerance in ulps of the reference: 4 for the transcendental functions; the GELU variants add
     * 4 per unit of their exp argument A (x^2/2 for erf, 1.6|x|(1 + 0.045x^2) for tanh), whose rounding
     * the result inherits in the far negative tail; POW_SCALAR adds 4 per unit of |p0 ln|x||.
     */
    static double ulps(UnaryFn fn, double x, double p0) {
        return switch (fn) {
            case GELU_ERF -> 4 + 2 * x * x;
            case GELU_TANH -> 4 + 6.4 * Math.abs(x) * (1 + 0.045 * x * x);
            case POW_SCALAR -> 4 + 4 * Math.abs(p0 * Math.log(Math.abs(x)));
            default -> 4;
        };
    }

    static double p0(UnaryFn fn, SplittableRandom r) {
        return switch (fn) {
            case LEAKY_RELU -> 0.01;
            case ELU -> 1.3;
            case SOFTPLUS -> r.nextBoolean() ? 1.0 : 2.0;
            case CLAMP -> r.nextInt(4) == 0 ? Double.NaN : -1.5;
            case POW_SCALAR -> new double[] {2, 1, 0.5, 3, 1.7, -1}[r.nextInt(6)];
            default -> 0;
        };
    }

    static double p1(UnaryFn fn, SplittableRandom r) {
        return switch (fn) {
            case SOFTPLUS -> 20;
            case CLAMP -> r.nextInt(4) == 0 ? Double.NaN : 2.25;
            default -> 0;
        };
    }

    @Property(tries = 300, seed = "2")
    void f32(@ForAll UnaryFn fn, @ForAll("lengths") int n, @ForAll @IntRange(max = 5) int pad,
             @ForAll("strides") int xs, @ForAll("outStrides") int ys, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double p0 = p0(fn, r), p1 = p1(fn, r);
        Layout lx = Layout.of(n, pad, xs), ly = Layout.of(n, pad + 1, ys);
        float[] x = Operands.floats(r, lx.length(), 12);
        float[] want = Operands.floats(r, ly.length(), 1), got = want.clone();
        UnaryScalar.apply(fn, p0, p1, x, lx.off(), xs, want, ly.off(), ys, n);
        UnarySimd.apply(fn, p0, p1, x, lx.off(), xs, got, ly.off(), ys, n);
        for (int i = 0; i < want.length; i++) {
            int k = ys > 0 ? (i - ly.off()) / ys : ys < 0 ? (ly.off() - i) / -ys : 0;
            double xi = x[Math.clamp(lx.off() + (long) k * xs, 0, x.length - 1)];
            boolean ok = exact(fn, p0) ? Operands.same(want[i], got[i]) : Operands.close(want[i], got[i], ulps(fn, xi, p0), true);
            if (!ok) fail("unary " + fn + " F32 (p0 " + p0 + ", p1 " + p1 + ") n " + n + ": y[" + i + "] scalar " + want[i] + " simd " + got[i] + " (x ~ " + xi + ")");
        }
    }

    @Property(tries = 300, seed = "3")
    void f64(@ForAll UnaryFn fn, @ForAll("lengths") int n, @ForAll @IntRange(max = 5) int pad,
             @ForAll("strides") int xs, @ForAll("outStrides") int ys, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double p0 = p0(fn, r), p1 = p1(fn, r);
        Layout lx = Layout.of(n, pad, xs), ly = Layout.of(n, pad + 1, ys);
        double[] x = Operands.doubles(r, lx.length(), 12);
        double[] want = Operands.doubles(r, ly.length(), 1), got = want.clone();
        UnaryScalar.apply(fn, p0, p1, x, lx.off(), xs, want, ly.off(), ys, n);
        UnarySimd.apply(fn, p0, p1, x, lx.off(), xs, got, ly.off(), ys, n);
        for (int i = 0; i < want.length; i++) {
            int k = ys > 0 ? (i - ly.off()) / ys : ys < 0 ? (ly.off() - i) / -ys : 0;
            double xi = x[Math.clamp(lx.off() + (long) k * xs, 0, x.length - 1)];
            boolean ok = exact(fn, p0) ? Operands.same(want[i], got[i]) : Operands.close(want[i], got[i], ulps(fn, xi, p0), false);
            if (!ok) fail("unary " + fn + " F64 (p0 " + p0 + ", p1 " + p1 + ") n " + n + ": y[" + i + "] scalar " + want[i] + " simd " + got[i] + " (x ~ " + xi + ")");
        }
    }

    @Provide
    Arbitrary<UnaryFn> integerFns() {
        return Arbitraries.of(UnaryFn.class).filter(UnaryFn::integerSafe);
    }

    @Property(tries = 150, seed = "4")
    void integers(@ForAll("integerFns") UnaryFn fn, @ForAll("lengths") int n, @ForAll @IntRange(max = 5) int pad,
                  @ForAll("strides") int xs, @ForAll("outStrides") int ys, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double p0 = fn == UnaryFn.CLAMP ? new double[] {-3.5, Double.NaN, -1e12, 5}[r.nextInt(4)] : 0;
        double p1 = fn == UnaryFn.CLAMP ? new double[] {700.25, Double.NaN, 1e12, 2}[r.nextInt(4)] : 0;
        Layout lx = Layout.of(n, pad, xs), ly = Layout.of(n, pad + 1, ys);
        int[] xi = Operands.ints(r, lx.length());
        int[] wi = Operands.ints(r, ly.length()), gi = wi.clone();
        UnaryScalar.apply(fn, p0, p1, xi, lx.off(), xs, wi, ly.off(), ys, n);
        UnarySimd.apply(fn, p0, p1, xi, lx.off(), xs, gi, ly.off(), ys, n);
        assertArrayEquals(wi, gi, () -> "unary " + fn + " I32 n " + n);
        long[] xl = Operands.longs(r, lx.length());
        long[] wl = Operands.longs(r, ly.length()), gl = wl.clone();
        UnaryScalar.apply(fn, p0, p1, xl, lx.off(), xs, wl, ly.off(), ys, n);
        UnarySimd.apply(fn, p0, p1, xl, lx.off(), xs, gl, ly.off(), ys, n);
        assertArrayEquals(wl, gl, () -> "unary " + fn + " I64 n " + n);
        if (fn == UnaryFn.NOT) {
            byte[] xb = Operands.bools(r, lx.length());
            byte[] wb = Operands.bools(r, ly.length()), gb = wb.clone();
            UnaryScalar.apply(fn, 0, 0, xb, lx.off(), xs, wb, ly.off(), ys, n);
            UnarySimd.apply(fn, 0, 0, xb, lx.off(), xs, gb, ly.off(), ys, n);
            assertArrayEquals(wb, gb, () -> "unary NOT BOOL n " + n);
        }
    }

    /** The integer kernels agree with the double reference wherever the value is exactly representable. */
    @Property(tries = 100, seed = "5")
    void integerMatchesDoubleReference(@ForAll("integerFns") UnaryFn fn, @ForAll @IntRange(min = -100000, max = 100000) int x) {
        double p0 = fn == UnaryFn.CLAMP ? -7 : 0, p1 = fn == UnaryFn.CLAMP ? 900 : 0;
        assertTrue(fn.applyLong(x, p0, p1) == (long) fn.apply(x, p0, p1), () -> fn + " at " + x);
    }

    /** The facade, split over the pool, gives the same bits as one SIMD call (lane math is position-independent). */
    @Property(tries = 5, seed = "6")
    void facadeSplitsDeterministically(@ForAll("someFns") UnaryFn fn, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 3 * Unary.GRAIN + 13;
        float[] x = Operands.floats(r, n + 1, 5);
        float[] a = new float[n + 1], b = new float[n + 1];
        Unary.apply(fn, 0.1, 20, x, 1, 1, a, 0, 1, n);
        UnarySimd.apply(fn, 0.1, 20, x, 1, 1, b, 0, 1, n);
        assertArrayEquals(b, a);
    }

    /** As above for every function and both float dtypes, with each function's parameters. */
    @Property(tries = 60, seed = "7")
    void facadeSplitsDeterministicallyEveryFn(@ForAll UnaryFn fn, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double p0 = p0(fn, r), p1 = p1(fn, r);
        int n = 2 * Unary.GRAIN + 13;
        float[] x = Operands.floats(r, n + 1, 12);
        float[] a = new float[n + 1], b = new float[n + 1];
        Unary.apply(fn, p0, p1, x, 1, 1, a, 0, 1, n);
        UnarySimd.apply(fn, p0, p1, x, 1, 1, b, 0, 1, n);
        assertArrayEquals(b, a, () -> "unary " + fn + " F32 p0 " + p0);
        double[] xd = Operands.doubles(r, n + 1, 12);
        double[] ad = new double[n + 1], bd = new double[n + 1];
        Unary.apply(fn, p0, p1, xd, 1, 1, ad, 0, 1, n);
        UnarySimd.apply(fn, p0, p1, xd, 1, 1, bd, 0, 1, n);
        assertArrayEquals(bd, ad, () -> "unary " + fn + " F64 p0 " + p0);
    }

    /**
     * Pins the position dependence of the JDK's vector transcendentals: element i gets the same bits whether it
     * falls in a full vector or in the masked tail, at any offset. One run over the whole array is the reference;
     * runs over x[off, off + n) for every off in [0, 2 lanes] and lengths that cross the tail must match it.
     */
    @Property(tries = 120, seed = "8")
    void sameBitsAtAnyPosition(@ForAll UnaryFn fn, @ForAll @IntRange(min = 1, max = 40) int n, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double p0 = p0(fn, r), p1 = p1(fn, r);
        int lanesF = FloatMath.S.length(), lanesD = DoubleMath.S.length();
        float[] x = Operands.floats(r, n + 2 * lanesF + 1, 12), full = new float[x.length];
        UnarySimd.apply(fn, p0, p1, x, 0, 1, full, 0, 1, x.length);
        for (int off = 0; off <= 2 * lanesF; off++) {
            float[] y = new float[n];
            UnarySimd.apply(fn, p0, p1, x, off, 1, y, 0, 1, n);
            for (int i = 0; i < n; i++) {
                if (!Operands.same(full[off + i], y[i])) {
                    fail("unary " + fn + " F32 (p0 " + p0 + ") x = " + x[off + i] + ": one run " + full[off + i]
                            + ", run at offset " + off + " length " + n + " element " + i + ": " + y[i]);
                }
            }
        }
        double[] xd = Operands.doubles(r, n + 2 * lanesD + 1, 12), fullD = new double[xd.length];
        UnarySimd.apply(fn, p0, p1, xd, 0, 1, fullD, 0, 1, xd.length);
        for (int off = 0; off <= 2 * lanesD; off++) {
            double[] y = new double[n];
            UnarySimd.apply(fn, p0, p1, xd, off, 1, y, 0, 1, n);
            for (int i = 0; i < n; i++) {
                if (!Operands.same(fullD[off + i], y[i])) {
                    fail("unary " + fn + " F64 (p0 " + p0 + ") x = " + xd[off + i] + ": one run " + fullD[off + i]
                            + ", run at offset " + off + " length " + n + " element " + i + ": " + y[i]);
                }
            }
        }
    }

    @Provide
    Arbitrary<UnaryFn> someFns() {
        return Arbitraries.of(UnaryFn.EXP, UnaryFn.GELU_ERF, UnaryFn.RELU, UnaryFn.TANH);
    }
}
