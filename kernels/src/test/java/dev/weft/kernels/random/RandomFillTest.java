package dev.weft.kernels.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.WithKernels;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The bulk random fills: each element equals its definition from one {@link Philox#block} (element i reads
 * block counter + i / perBlock), the SIMD kernel gives the scalar reference's bits at 1 and 3 threads, for
 * lengths around the vector width and counters that carry across 2^32; Bernoulli's threshold matches
 * u &lt; p at the boundaries; the frequencies are right; bad arguments are refused.
 */
class RandomFillTest {
    private static final int[] LENGTHS = {0, 1, 3, 4, 5, 31, 32, 33, 63, 65, 127, 1000, 70_001};

    /** The definition, element by element, straight from the block function. */
    private static double definition(String kind, long key, long counter, double a, double b, int i) {
        int[] w = new int[4];
        switch (kind) {
            case "bernoulli" -> {
                Philox.block(key, counter + i / 4, w);
                return (w[i % 4] & 0xFFFFFFFFL) * 0x1.0p-32 < a ? 1 : 0;
            }
            case "uniform32" -> {
                Philox.block(key, counter + i / 4, w);
                float x = (float) (a + (b - a) * Philox.uniformFloat(w[i % 4]));
                return x >= b && b > a ? Math.nextDown((float) b) : x;
            }
            default -> {
                Philox.block(key, counter + i / 2, w);
                double x = a + (b - a) * Philox.uniformDouble(w[2 * (i % 2)], w[2 * (i % 2) + 1]);
                return x >= b && b > a ? Math.nextDown(b) : x;
            }
        }
    }

    private static float[] f32(String kind, KernelImpl impl, int threads, long key, long counter, double a, double b, int n) {
        return WithKernels.run(impl, threads, () -> {
            float[] out = new float[n + 2];
            out[0] = -7f;
            out[n + 1] = -7f;
            if (kind.equals("bernoulli")) RandomFill.bernoulli(key, counter, a, out, 1, n);
            else RandomFill.uniform(key, counter, a, b, out, 1, n);
            return out;
        });
    }

    private static double[] f64(String kind, KernelImpl impl, int threads, long key, long counter, double a, double b, int n) {
        return WithKernels.run(impl, threads, () -> {
            double[] out = new double[n + 2];
            out[0] = -7;
            out[n + 1] = -7;
            if (kind.equals("bernoulli")) RandomFill.bernoulli(key, counter, a, out, 1, n);
            else RandomFill.uniform(key, counter, a, b, out, 1, n);
            return out;
        });
    }

    @Test
    void everyElementMatchesItsDefinitionOnBothPathsAndThreadCounts() {
        long key = 0x1234_5678_9ABC_DEF0L, counter = 0xFFFF_FFF0L;     // the counter carries into its high word
        for (int n : LENGTHS) {
            for (KernelImpl impl : KernelImpl.values()) {
                for (int threads : new int[] {1, 3}) {
                    float[] b = f32("bernoulli", impl, threads, key, counter, 0.3, 0, n);
                    float[] u = f32("uniform32", impl, threads, key, counter, -2, 5, n);
                    double[] bd = f64("bernoulli", impl, threads, key, counter, 0.3, 0, n);
                    double[] ud = f64("uniform64", impl, threads, key, counter, -2, 5, n);
                    for (float[] f : new float[][] {b, u}) assertEquals(-7f, f[0]);
                    assertEquals(-7f, b[n + 1], "bernoulli wrote past its n = " + n);
                    assertEquals(-7f, u[n + 1], "uniform wrote past its n = " + n);
                    assertEquals(-7, ud[n + 1]);
                    for (int i = 0; i < n; i++) {
                        String at = impl + ", " + threads + " threads, n " + n + ", element " + i;
                        assertEquals(definition("bernoulli", key, counter, 0.3, 0, i), b[i + 1], at);
                        assertEquals(definition("uniform32", key, counter, -2, 5, i), u[i + 1], at);
                        assertEquals(definition("bernoulli", key, counter, 0.3, 0, i), bd[i + 1], at);
                        assertEquals(definition("uniform64", key, counter, -2, 5, i), ud[i + 1], at);
                    }
                }
            }
        }
    }

    @Property(tries = 60)
    void simdGivesTheScalarBits(@ForAll @IntRange(min = 0, max = 3000) int n, @ForAll long key,
                                @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long counter,
                                @ForAll @IntRange(min = 0, max = 1000) int pMille) {
        double p = pMille / 1000.0;
        for (String kind : new String[] {"bernoulli", "uniform32"}) {
            assertArrayEquals(f32(kind, KernelImpl.SCALAR, 1, key, counter, p, 1.5, n), f32(kind, KernelImpl.SIMD, 2, key, counter, p, 1.5, n));
        }
        for (String kind : new String[] {"bernoulli", "uniform64"}) {
            assertArrayEquals(f64(kind, KernelImpl.SCALAR, 1, key, counter, p, 1.5, n), f64(kind, KernelImpl.SIMD, 2, key, counter, p, 1.5, n));
        }
    }

    @Test
    void bernoulliThresholdIsUBelowPExactly() {
        assertEquals(0, Philox.bernoulliThreshold(0));
        assertEquals(1L << 32, Philox.bernoulliThreshold(1));
        assertEquals(1L << 31, Philox.bernoulliThreshold(0.5));          // u = 2^31 * 2^-32 = 0.5 is not < 0.5
        double p = 0.3;
        long t = Philox.bernoulliThreshold(p);
        assertTrue((t - 1) * 0x1.0p-32 < p && !(t * 0x1.0p-32 < p), "threshold " + t + " for p " + p);
    }

    @Test
    void frequenciesAndRangesAreRight() {
        int n = 200_000;
        float[] b = f32("bernoulli", KernelImpl.SIMD, 2, 42, 0, 0.25, 0, n);
        double ones = 0;
        for (int i = 1; i <= n; i++) ones += b[i];
        assertEquals(0.25, ones / n, 4 * Math.sqrt(0.25 * 0.75 / n), "bernoulli(0.25) frequency");
        float[] u = f32("uniform32", KernelImpl.SIMD, 2, 42, 0, -1, 1, n);
        double mean = 0;
        for (int i = 1; i <= n; i++) {
            assertTrue(u[i] >= -1 && u[i] < 1, "uniform out of [-1, 1): " + u[i]);
            mean += u[i];
        }
        assertEquals(0, mean / n, 4 * Math.sqrt(1 / 3.0 / n), "uniform(-1, 1) mean");
        float[] zero = f32("bernoulli", KernelImpl.SIMD, 1, 42, 0, 0, 0, 100);
        float[] all = f32("bernoulli", KernelImpl.SIMD, 1, 42, 0, 1, 0, 100);
        for (int i = 1; i <= 100; i++) {
            assertEquals(0f, zero[i]);
            assertEquals(1f, all[i]);
        }
    }

    @Test
    void badArgumentsAreRefusedBeforeAnyWrite() {
        float[] out = new float[8];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RandomFill.bernoulli(1, 0, 1.5, out, 0, 8));
        assertTrue(e.getMessage().contains("bernoulli") && e.getMessage().contains("1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RandomFill.bernoulli(1, 0, Double.NaN, out, 0, 8));
        IndexOutOfBoundsException o = assertThrows(IndexOutOfBoundsException.class, () -> RandomFill.uniform(1, 0, 0, 1, out, 4, 5));
        assertTrue(o.getMessage().contains("offset 4"), o.getMessage());
        assertArrayEquals(new float[8], out);
    }
}
