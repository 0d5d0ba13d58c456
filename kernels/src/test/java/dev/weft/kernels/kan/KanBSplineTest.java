package dev.weft.kernels.kan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.WithKernels;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The B-spline basis kernel's laws: partition of unity inside the grid, non-negativity, local support, agreement
 * with the division-based recursion (pykan's B_batch), the input gradient against central differences (F64),
 * SIMD equal to scalar bit for bit (F32 and F64, input counts around the lane count, offsets), the bits
 * independent of the thread count, and bad arguments refused before the output changes.
 */
class KanBSplineTest {

    /** An extended grid per input: G intervals (uniform, or jittered when !uniform) plus k knots each side. */
    static double[] grid(SplittableRandom r, int in, int g, int k, boolean uniform) {
        int m = g + 2 * k + 1;
        double[] t = new double[in * m];
        for (int j = 0; j < in; j++) {
            double lo = uniform ? -1 : -1 - r.nextDouble(), hi = uniform ? 1 : 1 + r.nextDouble();
            double h = (hi - lo) / g;
            for (int i = 0; i < m; i++) {
                double jitter = uniform || i == 0 || i == m - 1 ? 0 : r.nextDouble(-0.3, 0.3) * h;
                t[j * m + i] = lo + (i - k) * h + jitter;
            }
        }
        return t;
    }

    static double[] uniform(SplittableRandom r, int n, double lo, double hi) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = r.nextDouble(lo, hi);
        return x;
    }

    static float[] f32(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) f[i] = (float) a[i];
        return f;
    }

    static double[] basis(KernelImpl impl, double[] x, int rows, int in, double[] t, int m, int k) {
        double[] out = new double[rows * in * (m - k - 1)];
        WithKernels.run(impl, 1, () -> {
            BSpline.basis(x, 0, rows, in, t, 0, m, k, out, 0);
            return null;
        });
        return out;
    }

    /** pykan's B_batch for one x: the recursion with divisions, 0/0 terms as 0. */
    static double[] reference(double x, double[] t, int to, int m, int k) {
        double[] n = new double[m - 1];
        for (int i = 0; i < m - 1; i++) n[i] = x >= t[to + i] && x < t[to + i + 1] ? 1 : 0;
        for (int q = 1; q <= k; q++) {
            for (int i = 0; i < m - 1 - q; i++) {
                double d1 = t[to + i + q] - t[to + i], d2 = t[to + i + q + 1] - t[to + i + 1];
                double a = d1 == 0 ? 0 : (x - t[to + i]) / d1 * n[i];
                double b = d2 == 0 ? 0 : (t[to + i + q + 1] - x) / d2 * n[i + 1];
                n[i] = a + b;
            }
        }
        return java.util.Arrays.copyOf(n, m - 1 - k);
    }

    @Property(tries = 60)
    void partitionOfUnityNonNegativityLocalSupportAndTheReference(@ForAll @IntRange(min = 1, max = 12) int g,
            @ForAll @IntRange(min = 0, max = 4) int k, @ForAll @IntRange(min = 1, max = 19) int in, @ForAll boolean uniformGrid,
            @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int m = g + 2 * k + 1, nb = m - k - 1, rows = 5;
        double[] t = grid(r, in, g, k, uniformGrid);
        double[] x = new double[rows * in];
        for (int b = 0; b < rows; b++) {
            for (int j = 0; j < in; j++) x[b * in + j] = r.nextDouble(t[j * m] - 0.3, t[j * m + m - 1] + 0.3);
        }
        for (KernelImpl impl : KernelImpl.values()) {
            double[] out = basis(impl, x, rows, in, t, m, k);
            for (int b = 0; b < rows; b++) {
                for (int j = 0; j < in; j++) {
                    double xv = x[b * in + j], sum = 0;
                    int to = j * m;
                    double[] want = reference(xv, t, to, m, k);
                    for (int i = 0; i < nb; i++) {
                        double v = out[(b * in + j) * nb + i];
                        assertTrue(v >= 0, impl + ": basis " + i + " at x " + xv + " is negative: " + v);
                        if (xv < t[to + i] || xv >= t[to + i + k + 1]) assertEquals(0.0, v, impl + ": basis " + i + " outside its support at " + xv);
                        assertEquals(want[i], v, 1e-12, impl + ": basis " + i + " at x " + xv + " vs the division form");
                        sum += v;
                    }
                    if (xv >= t[to + k] && xv < t[to + m - k - 1]) assertEquals(1.0, sum, 1e-12, impl + ": sum of bases at " + xv);
                }
            }
        }
    }

    @Property(tries = 40)
    void theGradientMatchesCentralDifferences(@ForAll @IntRange(min = 1, max = 10) int g, @ForAll @IntRange(min = 0, max = 4) int k,
                                              @ForAll @IntRange(min = 1, max = 13) int in, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int m = g + 2 * k + 1, nb = m - k - 1, rows = 3;
        double[] t = grid(r, in, g, k, false);
        double[] x = uniform(r, rows * in, -1.2, 1.2), dB = uniform(r, rows * in * nb, -1, 1);
        double eps = 1e-6;
        for (KernelImpl impl : KernelImpl.values()) {
            double[] dx = new double[rows * in];
            WithKernels.run(impl, 1, () -> {
                BSpline.basisGrad(x, 0, rows, in, t, 0, m, k, dB, 0, dx, 0);
                return null;
            });
            for (int e = 0; e < rows * in; e++) {
                int j = e % in;
                boolean nearKnot = false; // a central difference across a knot of a k <= 1 spline is not a derivative
                for (int i = 0; i < m; i++) nearKnot |= Math.abs(x[e] - t[j * m + i]) < 10 * eps;
                if (nearKnot) continue;
                double[] xp = x.clone(), xm = x.clone();
                xp[e] += eps;
                xm[e] -= eps;
                double[] bp = basis(impl, xp, rows, in, t, m, k), bm = basis(impl, xm, rows, in, t, m, k);
                double num = 0;
                for (int i = 0; i < nb; i++) num += dB[e * nb + i] * (bp[e * nb + i] - bm[e * nb + i]) / (2 * eps);
                assertEquals(num, dx[e], 1e-6 + 1e-5 * Math.abs(num), impl + ": dx at element " + e + " (x " + x[e] + ", k " + k + ")");
            }
        }
    }

    @Test
    void simdEqualsScalarBitForBitAtEveryTailAndOffset() {
        SplittableRandom r = new SplittableRandom(7);
        for (int in : new int[] {1, 3, 7, 8, 9, 15, 16, 17, 33, 70}) {
            for (int k : new int[] {0, 1, 3}) {
                int g = 5, m = g + 2 * k + 1, nb = m - k - 1, rows = 4, xo = 3, go = 2, oo = 5;
                double[] t0 = grid(r, in, g, k, false), x0 = uniform(r, rows * in, -1.5, 1.5), d0 = uniform(r, rows * in * nb, -1, 1);
                double[] t = new double[go + t0.length], x = new double[xo + x0.length], d = new double[oo + d0.length];
                System.arraycopy(t0, 0, t, go, t0.length);
                System.arraycopy(x0, 0, x, xo, x0.length);
                System.arraycopy(d0, 0, d, oo, d0.length);
                float[] tf = f32(t), xf = f32(x), df = f32(d);
                double[][] outD = new double[2][], dxD = new double[2][];
                float[][] outF = new float[2][], dxF = new float[2][];
                for (KernelImpl impl : KernelImpl.values()) {
                    int s = impl.ordinal();
                    outD[s] = new double[oo + rows * in * nb];
                    outF[s] = new float[oo + rows * in * nb];
                    dxD[s] = new double[oo + rows * in];
                    dxF[s] = new float[oo + rows * in];
                    WithKernels.run(impl, 1, () -> {
                        BSpline.basis(x, xo, rows, in, t, go, m, k, outD[s], oo);
                        BSpline.basis(xf, xo, rows, in, tf, go, m, k, outF[s], oo);
                        BSpline.basisGrad(x, xo, rows, in, t, go, m, k, d, oo, dxD[s], oo);
                        BSpline.basisGrad(xf, xo, rows, in, tf, go, m, k, df, oo, dxF[s], oo);
                        return null;
                    });
                }
                String where = "in " + in + ", k " + k;
                assertBits(outD[0], outD[1], "basis F64, " + where);
                assertBits(dxD[0], dxD[1], "grad F64, " + where);
                for (int i = 0; i < outF[0].length; i++) {
                    assertEquals(Float.floatToRawIntBits(outF[0][i]), Float.floatToRawIntBits(outF[1][i]), "basis F32, " + where + " at " + i);
                    assertEquals(outD[0][i], outF[0][i], 1e-5, "basis F32 vs F64, " + where + " at " + i);
                }
                for (int i = 0; i < dxF[0].length; i++) {
                    assertEquals(Float.floatToRawIntBits(dxF[0][i]), Float.floatToRawIntBits(dxF[1][i]), "grad F32, " + where + " at " + i);
                }
            }
        }
    }

    static void assertBits(double[] a, double[] b, String what) {
        for (int i = 0; i < a.length; i++) {
            assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]), what + " at " + i + ": " + a[i] + " vs " + b[i]);
        }
    }

    @Test
    void theBitsDoNotDependOnTheThreadCount() {
        SplittableRandom r = new SplittableRandom(8);
        int rows = 300, in = 37, g = 7, k = 3, m = g + 2 * k + 1, nb = m - k - 1;
        double[] t = grid(r, in, g, k, false), x = uniform(r, rows * in, -1.2, 1.2), d = uniform(r, rows * in * nb, -1, 1);
        double[][] out = new double[2][], dx = new double[2][];
        int[] threads = {1, 3};
        for (int s = 0; s < 2; s++) {
            int c = s;
            out[c] = new double[rows * in * nb];
            dx[c] = new double[rows * in];
            WithKernels.run(KernelImpl.SIMD, threads[c], () -> {
                BSpline.basis(x, 0, rows, in, t, 0, m, k, out[c], 0);
                BSpline.basisGrad(x, 0, rows, in, t, 0, m, k, d, 0, dx[c], 0);
                return null;
            });
        }
        assertBits(out[0], out[1], "basis, 1 vs 3 threads");
        assertBits(dx[0], dx[1], "grad, 1 vs 3 threads");
    }

    @Test
    void badArgumentsAreRefusedBeforeTheOutputChanges() {
        double[] x = new double[6], t = new double[2 * 12], out = new double[6 * 8];
        out[0] = 42;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BSpline.basis(x, 0, 3, 2, t, 0, 4, 3, out, 0));
        assertTrue(e.getMessage().startsWith("bsplineBasis: rows 3, in 2, m 4 knots, order 3"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> BSpline.basis(x, 1, 3, 2, t, 0, 12, 3, out, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> BSpline.basis(x, 0, 3, 2, t, 0, 12, 3, new double[47], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> BSpline.basisGrad(x, 0, 3, 2, t, 0, 12, 3, new double[47], 0, new double[6], 0));
        assertEquals(42, out[0]);
    }
}
