package dev.weft.kernels.fft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The FFT kernels against a direct DFT in double (radix-2 and Bluestein lengths up to 4097), SIMD
 * against scalar bit for bit, round trips, thread-count independence and argument errors.
 */
class FftProperties {
    /** Odd, even, powers of two, primes and the Bluestein lengths on either side of 4096. */
    static final int[] LENGTHS = {1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 16, 17, 31, 32, 33, 64, 97, 100, 128, 243, 256, 1000,
            1024, 4095, 4096, 4097};

    static double[] random(SplittableRandom r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = r.nextDouble() * 2 - 1;
        return a;
    }

    static float[] floats(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) f[i] = (float) a[i];
        return f;
    }

    static <T> T with(KernelImpl impl, Supplier<T> body) {
        KernelImpl old = KernelImpl.current();
        KernelImpl.set(impl);
        try {
            return body.get();
        } finally {
            KernelImpl.set(old);
        }
    }

    /** The direct DFT of one complex line (interleaved), sign -1 or +1, angles reduced exactly mod n. */
    static double[] dft(double[] z, int n, int sign) {
        double[] y = new double[2 * n], cos = new double[n], sin = new double[n];
        for (int j = 0; j < n; j++) {
            cos[j] = Math.cos(2 * Math.PI * j / n);
            sin[j] = sign * Math.sin(2 * Math.PI * j / n);
        }
        for (int k = 0; k < n; k++) {
            double sr = 0, si = 0;
            for (int t = 0, j = 0; t < n; t++, j = j + k < n ? j + k : j + k - n) {      // j = k t mod n
                double c = cos[j], s = sin[j];
                sr += z[2 * t] * c - z[2 * t + 1] * s;
                si += z[2 * t] * s + z[2 * t + 1] * c;
            }
            y[2 * k] = sr;
            y[2 * k + 1] = si;
        }
        return y;
    }

    /** max |got - want| / max |want|. */
    static double relErr(double[] want, double[] got) {
        assertEquals(want.length, got.length);
        double e = 0, m = 0;
        for (int i = 0; i < want.length; i++) {
            e = Math.max(e, Math.abs(got[i] - want[i]));
            m = Math.max(m, Math.abs(want[i]));
        }
        return e / Math.max(m, Double.MIN_NORMAL);
    }

    static double[] widen(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    @Test
    void matchesTheDirectDft() {
        SplittableRandom r = new SplittableRandom(11);
        for (int n : LENGTHS) {
            double[] z = random(r, 2 * n);
            double[] fwd = new double[2 * n], inv = new double[2 * n];
            Fft.c2c(z, 0, 1, n, 1, false, 1, fwd, 0);
            Fft.c2c(z, 0, 1, n, 1, true, 1, inv, 0);
            double ef = relErr(dft(z, n, -1), fwd), ei = relErr(dft(z, n, 1), inv);
            assertTrue(ef < 1e-13 && ei < 1e-13, "c2c n=" + n + ": relative error forward " + ef + ", inverse " + ei);
            float[] f = new float[2 * n];
            Fft.c2c(floats(z), 0, 1, n, 1, false, 1f, f, 0);
            double e32 = relErr(dft(widen(floats(z)), n, -1), widen(f));
            assertTrue(e32 < 1e-5, "c2c F32 n=" + n + ": relative error " + e32);

            double[] x = random(r, n), xz = new double[2 * n];
            for (int t = 0; t < n; t++) xz[2 * t] = x[t];
            int m = n / 2 + 1;
            double[] half = new double[2 * m];
            Fft.r2c(x, 0, 1, n, 1, 1, half, 0);
            double er = relErr(Arrays.copyOf(dft(xz, n, -1), 2 * m), half);
            assertTrue(er < 1e-13, "r2c n=" + n + ": relative error " + er);

            // c2r of the half spectrum of a real signal's DFT gives n * the signal back
            double[] spec = Arrays.copyOf(dft(xz, n, -1), 2 * m), back = new double[n];
            Fft.c2r(spec, 0, 1, n, 1, 1.0 / n, back, 0);
            double ec = relErr(x, back);
            assertTrue(ec < 1e-13, "c2r n=" + n + ": relative error " + ec);
        }
    }

    @Test
    void c2rIgnoresTheImaginaryPartsOfDcAndNyquist() {
        for (int n : new int[] {1, 6, 7, 16}) {
            int m = n / 2 + 1;
            double[] a = random(new SplittableRandom(n), 2 * m), b = a.clone();
            b[1] += 5;
            if (n % 2 == 0) b[2 * (m - 1) + 1] -= 3;
            double[] ya = new double[n], yb = new double[n];
            Fft.c2r(a, 0, 1, n, 1, 1, ya, 0);
            Fft.c2r(b, 0, 1, n, 1, 1, yb, 0);
            assertTrue(Arrays.equals(ya, yb), "n=" + n);
        }
    }

    /** All three kernels, both dtypes, on strided lines at offsets, under one implementation. */
    static long[] bits(KernelImpl impl, int outer, int n, int inner, int off, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int m = n / 2 + 1, lines = outer * inner;
        double[] z = random(r, off + 2 * lines * n), x = random(r, off + lines * n), h = random(r, off + 2 * lines * m);
        float[] zf = floats(z), xf = floats(x), hf = floats(h);
        return with(impl, () -> {
            double[] c = new double[off + 2 * lines * n], ci = c.clone(), rc = new double[off + 2 * lines * m];
            double[] cr = new double[off + lines * n];
            float[] cf = new float[c.length], cif = new float[c.length], rcf = new float[rc.length], crf = new float[cr.length];
            Fft.c2c(z, off, outer, n, inner, false, 1, c, off);
            Fft.c2c(z, off, outer, n, inner, true, 0.5, ci, off);
            Fft.r2c(x, off, outer, n, inner, 1, rc, off);
            Fft.c2r(h, off, outer, n, inner, 1.0 / n, cr, off);
            Fft.c2c(zf, off, outer, n, inner, false, 1f, cf, off);
            Fft.c2c(zf, off, outer, n, inner, true, 0.5f, cif, off);
            Fft.r2c(xf, off, outer, n, inner, 1f, rcf, off);
            Fft.c2r(hf, off, outer, n, inner, 1f / n, crf, off);
            long[] d = new long[8];
            double[][] ds = {c, ci, rc, cr};
            float[][] fs = {cf, cif, rcf, crf};
            for (int i = 0; i < 4; i++) {
                d[i] = Arrays.hashCode(Arrays.stream(ds[i]).mapToLong(Double::doubleToRawLongBits).toArray());
                long hsh = 1;
                for (float v : fs[i]) hsh = 31 * hsh + Float.floatToRawIntBits(v);
                d[4 + i] = hsh;
            }
            return d;
        });
    }

    @Property(tries = 60, seed = "2027")
    void simdMatchesScalarBitForBit(@ForAll @IntRange(min = 0, max = 25) int which, @ForAll @IntRange(min = 1, max = 3) int outer,
                                   @ForAll @IntRange(min = 1, max = 3) int inner, @ForAll @IntRange(min = 0, max = 3) int off) {
        int n = LENGTHS[which] > 1100 ? LENGTHS[which] / 16 + 1 : LENGTHS[which];
        long seed = which * 131L + outer * 7L + inner;
        long[] s = bits(KernelImpl.SCALAR, outer, n, inner, off, seed), v = bits(KernelImpl.SIMD, outer, n, inner, off, seed);
        String[] names = {"c2c F64", "c2c inverse F64", "r2c F64", "c2r F64", "c2c F32", "c2c inverse F32", "r2c F32", "c2r F32"};
        for (int i = 0; i < s.length; i++) assertEquals(s[i], v[i], names[i] + " n=" + n + " outer=" + outer + " inner=" + inner);
    }

    @Test
    void simdMatchesScalarOnLongLines() {
        for (int n : new int[] {1024, 4095, 4096}) {
            assertTrue(Arrays.equals(bits(KernelImpl.SCALAR, 1, n, 2, 1, n), bits(KernelImpl.SIMD, 1, n, 2, 1, n)), "n=" + n);
        }
    }

    @Property(tries = 40, seed = "808")
    void roundTrips(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll @IntRange(min = 1, max = 4) int inner,
                    @ForAll boolean simd) {
        SplittableRandom r = new SplittableRandom(n * 17L + inner);
        int m = n / 2 + 1;
        double[] z = random(r, 2 * n * inner), f = new double[z.length], back = new double[z.length];
        double[] x = random(r, n * inner), h = new double[2 * m * inner], xb = new double[x.length];
        with(simd ? KernelImpl.SIMD : KernelImpl.SCALAR, () -> {
            Fft.c2c(z, 0, 1, n, inner, false, 1, f, 0);
            Fft.c2c(f, 0, 1, n, inner, true, 1.0 / n, back, 0);
            Fft.r2c(x, 0, 1, n, inner, 1, h, 0);
            Fft.c2r(h, 0, 1, n, inner, 1.0 / n, xb, 0);
            return null;
        });
        assertTrue(relErr(z, back) < 1e-14, "ifft(fft(z)) n=" + n + " inner=" + inner + ": " + relErr(z, back));
        assertTrue(relErr(x, xb) < 1e-14, "irfft(rfft(x)) n=" + n + " inner=" + inner + ": " + relErr(x, xb));
        double ex = 0, ef = 0;                                          // Parseval: sum |z|^2 = sum |F z|^2 / n
        for (double v : z) ex += v * v;
        for (double v : f) ef += v * v;
        assertEquals(ex, ef / n, 1e-12 * ex, "Parseval n=" + n);
    }

    static <T> T onThreads(int n, Supplier<T> body) {
        int old = Parallel.threads();
        Parallel.setThreads(n);
        try {
            return body.get();
        } finally {
            Parallel.setThreads(old);
        }
    }

    @Test
    void sameBitsOnOneAndFourThreads() {
        for (int n : new int[] {64, 100}) {
            for (KernelImpl impl : KernelImpl.values()) {
                long[] one = onThreads(1, () -> bits(impl, 40, n, 7, 0, n)), four = onThreads(4, () -> bits(impl, 40, n, 7, 0, n));
                assertTrue(Arrays.equals(one, four), impl + " n=" + n);
            }
        }
    }

    @Test
    void plansAreCachedPerLengthAndDtype() {
        assertSame(FftPlan.ofF64(100), FftPlan.ofF64(100));
        assertSame(FftPlan.ofF32(100), FftPlan.ofF32(100));
        assertTrue(FftPlan.ofF32(100).crF64 == null && FftPlan.ofF64(100).crF32 == null);
        assertSame(FftPlan.ofF64(256).twrF64, FftPlan.ofF64(100).twrF64, "Bluestein shares its power-of-two tables");
    }

    @Test
    void badArgumentsNameTheKernelAndSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fft.c2c(new double[8], 0, 1, 0, 1, false, 1, new double[8], 0));
        assertTrue(e.getMessage().contains("fft c2c") && e.getMessage().contains("(1, 0, 1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Fft.r2c(new float[8], 1, 1, 8, 1, 1f, new float[10], 0));
        assertTrue(e.getMessage().contains("fft r2c: x has 8 elements, offset 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Fft.c2r(new double[10], 0, 1, 8, 1, 1, new double[7], 0));
        assertTrue(e.getMessage().contains("fft c2r: y has 7 elements"), e.getMessage());
        Fft.c2c(new double[0], 0, 0, 5, 3, false, 1, new double[0], 0);           // empty: nothing to do
    }
}
