package dev.weft.kernels.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.kernels.KernelImpl;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Segment reductions over CSR row pointers: sum and mean against a double sum (F64 1e-12), max and min
 * exactly against a plain loop (first extreme on ties, a NaN wins, empty segments give 0 and arg = the row
 * count), with ties, NaN and infinities planted; SIMD bits equal the scalar reference's for every function,
 * dtype and column count (tails included); 1 and 3 threads agree bit for bit; bad row pointers and a
 * missing or unexpected arg array are refused before y changes.
 */
class SegmentProperties {
    static int[] rowPtr(SplittableRandom r, int m, int kind) {
        int[] ptr = new int[m + 1];
        for (int i = 0; i < m; i++) {
            int deg = switch (kind) {
                case 0 -> r.nextInt(3) == 0 ? 0 : r.nextInt(1, 6);
                case 1 -> i == m / 2 ? 2 * m + 3 : 0;
                default -> (int) Math.min(3 * m, Math.floor(1 / Math.pow(1 - r.nextDouble() * 0.999, 1.5)));
            };
            ptr[i + 1] = ptr[i] + deg;
        }
        return ptr;
    }

    /** Values in [-2, 2) rounded to quarters (ties), with a few NaN and infinities. */
    static double[] values(SplittableRandom r, int count) {
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            int u = r.nextInt(100);
            x[i] = u == 0 ? Double.NaN : u == 1 ? Double.POSITIVE_INFINITY : u == 2 ? Double.NEGATIVE_INFINITY
                    : Math.floor(8 * r.nextDouble() - 4) / 4 + (r.nextInt(4) == 0 ? r.nextDouble() * 1e-3 : 0);
        }
        return x;
    }

    /** {y, arg as double} of the plain-loop definition. */
    static double[][] reference(SegmentFn fn, int m, int n, int[] ptr, double[] x) {
        double[] y = new double[m * n], arg = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int p0 = ptr[i], p1 = ptr[i + 1];
                if (p0 == p1) {
                    arg[i * n + j] = ptr[m];
                    continue;
                }
                if (!fn.hasArg()) {
                    double s = 0;
                    for (int p = p0; p < p1; p++) s += x[p * n + j];
                    y[i * n + j] = fn == SegmentFn.SUM ? s : s / (p1 - p0);
                    continue;
                }
                int at = p0;
                for (int p = p0 + 1; p < p1; p++) {
                    double v = x[p * n + j], b = x[at * n + j];
                    if (Double.isNaN(b)) break;
                    if (Double.isNaN(v) || (fn == SegmentFn.MAX ? v > b : v < b)) at = p;
                }
                y[i * n + j] = x[at * n + j];
                arg[i * n + j] = at;
            }
        }
        return new double[][] {y, arg};
    }

    static double[][] runF64(KernelImpl impl, int threads, SegmentFn fn, int m, int n, int[] ptr, double[] x) {
        double[] y = new double[m * n];
        Arrays.fill(y, -7);
        long[] arg = fn.hasArg() ? new long[m * n] : null;
        SpMMProperties.with(impl, threads, () -> {
            Segment.reduce(fn, m, n, ptr, x, 0, n, y, 0, n, arg, 0);
            return null;
        });
        double[] a = new double[m * n];
        if (arg != null) for (int i = 0; i < a.length; i++) a[i] = arg[i];
        return new double[][] {y, a};
    }

    static float[][] runF32(KernelImpl impl, int threads, SegmentFn fn, int m, int n, int[] ptr, float[] x) {
        float[] y = new float[m * n];
        long[] arg = fn.hasArg() ? new long[m * n] : null;
        SpMMProperties.with(impl, threads, () -> {
            Segment.reduce(fn, m, n, ptr, x, 0, n, y, 0, n, arg, 0);
            return null;
        });
        float[] a = new float[m * n];
        if (arg != null) for (int i = 0; i < a.length; i++) a[i] = arg[i];
        return new float[][] {y, a};
    }

    @Property(tries = 40)
    void matchesTheDefinitionAndTheScalarBits(@ForAll @IntRange(min = 1, max = 60) int m, @ForAll @IntRange(min = 1, max = 37) int n,
                                              @ForAll @IntRange(min = 0, max = 2) int kind, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] ptr = rowPtr(r, m, kind);
        double[] x = values(r, ptr[m] * n);
        float[] xf = SpMMProperties.f32(x);
        for (SegmentFn fn : SegmentFn.values()) {
            double[][] want = reference(fn, m, n, ptr, x);
            double[][] simd = runF64(KernelImpl.SIMD, 1, fn, m, n, ptr, x), scalar = runF64(KernelImpl.SCALAR, 1, fn, m, n, ptr, x);
            if (fn.hasArg()) {
                assertArrayEquals(want[0], simd[0], 0, fn + " F64 values");
                assertArrayEquals(want[1], simd[1], 0, fn + " F64 arg");
            } else {
                for (int i = 0; i < want[0].length; i++) {
                    double w = want[0][i], g = simd[0][i];
                    if (Double.isNaN(w) || Double.isInfinite(w)) assertEquals(w, g, fn + " F64 element " + i);
                    else assertEquals(w, g, 1e-12, fn + " F64 element " + i);
                }
            }
            assertArrayEquals(scalar[0], simd[0], 0, fn + " F64 SIMD vs scalar");
            assertArrayEquals(scalar[1], simd[1], 0, fn + " F64 SIMD vs scalar arg");
            float[][] fs = runF32(KernelImpl.SIMD, 1, fn, m, n, ptr, xf), fr = runF32(KernelImpl.SCALAR, 1, fn, m, n, ptr, xf);
            assertArrayEquals(fr[0], fs[0], 0, fn + " F32 SIMD vs scalar");
            assertArrayEquals(fr[1], fs[1], 0, fn + " F32 SIMD vs scalar arg");
        }
    }

    @Test
    void theBitsDoNotDependOnTheThreadCount() {
        SplittableRandom r = new SplittableRandom(3);
        for (int kind = 0; kind < 3; kind++) {
            int m = 2000, n = 35;
            int[] ptr = rowPtr(r, m, kind);
            float[] x = SpMMProperties.f32(values(r, ptr[m] * n));
            for (SegmentFn fn : SegmentFn.values()) {
                float[][] one = runF32(KernelImpl.SIMD, 1, fn, m, n, ptr, x), three = runF32(KernelImpl.SIMD, 3, fn, m, n, ptr, x);
                assertArrayEquals(one[0], three[0], fn + " kind " + kind);
                assertArrayEquals(one[1], three[1], fn + " arg kind " + kind);
            }
        }
    }

    @Test
    void badInputIsRefusedBeforeYChanges() {
        float[] x = new float[8], y = {5, 5, 5, 5};
        var e = assertThrows(IllegalArgumentException.class,
                () -> Segment.reduce(SegmentFn.SUM, 2, 2, new int[] {0, 3, 2}, x, 0, 2, y, 0, 2, null, 0));
        assertEquals("segment_sum: rowPtr decreases at segment 1: 3 then 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Segment.reduce(SegmentFn.MAX, 2, 2, new int[] {0, 1, 2}, x, 0, 2, y, 0, 2, null, 0));
        assertEquals("segment_max: max and min need an arg array", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Segment.reduce(SegmentFn.MEAN, 2, 2, new int[] {0, 1, 2}, x, 0, 2, y, 0, 2, new long[4], 0));
        assertEquals("segment_mean: sum and mean take no arg array", e.getMessage());
        var o = assertThrows(IndexOutOfBoundsException.class,
                () -> Segment.reduce(SegmentFn.SUM, 2, 2, new int[] {0, 1, 5}, x, 0, 2, y, 0, 2, null, 0));
        assertEquals("segment_sum: operand x (length 8) as (5, 2) from offset 0 with row stride 2 addresses up to index 9", o.getMessage());
        assertArrayEquals(new float[] {5, 5, 5, 5}, y);
    }
}
