package dev.weft.kernels.conv;

import static dev.weft.kernels.conv.ConvTestSupport.doubles;
import static dev.weft.kernels.conv.ConvTestSupport.floats;
import static dev.weft.kernels.conv.ConvTestSupport.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.kernels.KernelImpl;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Pooling against naive window loops written from torch's definitions; backward by adjointness and finite differences. */
class PoolProperties {
    static final String SEED = "9127";

    record P(int C, int H, int W, int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW, boolean ceil) {
        boolean valid() {
            try {
                outH();
                outW();
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        int outH() { return Pool.outSize(H, kH, sH, pH, dH, ceil); }
        int outW() { return Pool.outSize(W, kW, sW, pW, dW, ceil); }
    }

    /** torch's CPU max-pool loop: first in-window element, then "val > max || isnan(val)". */
    static void naiveMax(P p, double[] x, double[] y, long[] idx) {
        int oH = p.outH(), oW = p.outW();
        for (int c = 0; c < p.C; c++)
            for (int oh = 0; oh < oH; oh++)
                for (int ow = 0; ow < oW; ow++) {
                    double max = Double.NEGATIVE_INFINITY;
                    long best = -1;
                    for (int kh = 0; kh < p.kH; kh++)
                        for (int kw = 0; kw < p.kW; kw++) {
                            int ih = oh * p.sH - p.pH + kh * p.dH, iw = ow * p.sW - p.pW + kw * p.dW;
                            if (ih < 0 || ih >= p.H || iw < 0 || iw >= p.W) continue;
                            double v = x[(c * p.H + ih) * p.W + iw];
                            if (best < 0) best = (long) ih * p.W + iw;
                            if (v > max || Double.isNaN(v)) {
                                max = v;
                                best = (long) ih * p.W + iw;
                            }
                        }
                    y[(c * oH + oh) * oW + ow] = max;
                    idx[(c * oH + oh) * oW + ow] = best;
                }
    }

    /** torch's avg_pool2d: window clipped to the padded image for the divisor, to the image for the sum. */
    static void naiveAvg(P p, boolean countPad, double[] x, double[] y) {
        int oH = p.outH(), oW = p.outW();
        for (int c = 0; c < p.C; c++)
            for (int oh = 0; oh < oH; oh++)
                for (int ow = 0; ow < oW; ow++) {
                    int hs = oh * p.sH - p.pH, ws = ow * p.sW - p.pW;
                    int he = Math.min(hs + p.kH, p.H + p.pH), we = Math.min(ws + p.kW, p.W + p.pW);
                    int size = (he - hs) * (we - ws);
                    hs = Math.max(hs, 0);
                    ws = Math.max(ws, 0);
                    he = Math.min(he, p.H);
                    we = Math.min(we, p.W);
                    double s = 0;
                    for (int ih = hs; ih < he; ih++)
                        for (int iw = ws; iw < we; iw++) s += x[(c * p.H + ih) * p.W + iw];
                    int div = countPad ? size : (he - hs) * (we - ws);
                    y[(c * oH + oh) * oW + ow] = hs >= he || ws >= we ? 0 : s / div;
                }
    }

    static double[] maxPool(P p, double[] x, long[] idx) {
        double[] y = new double[p.C * p.outH() * p.outW()];
        Pool.maxPool2d(x, 0, p.C, p.H, p.W, p.kH, p.kW, p.sH, p.sW, p.pH, p.pW, p.dH, p.dW, p.ceil, y, 0, idx, 0);
        return y;
    }

    static double[] avgPool(P p, boolean countPad, double[] x) {
        double[] y = new double[p.C * p.outH() * p.outW()];
        Pool.avgPool2d(x, 0, p.C, p.H, p.W, p.kH, p.kW, p.sH, p.sW, p.pH, p.pW, p.ceil, countPad, y, 0);
        return y;
    }

    @Property(tries = 200, seed = SEED)
    void maxAndAvgMatchNaive(@ForAll @IntRange(min = 1, max = 3) int C, @ForAll @IntRange(min = 1, max = 9) int H,
                             @ForAll @IntRange(min = 1, max = 21) int W, @ForAll @IntRange(min = 1, max = 4) int kH,
                             @ForAll @IntRange(min = 1, max = 4) int kW, @ForAll @IntRange(min = 1, max = 3) int sH,
                             @ForAll @IntRange(min = 1, max = 3) int sW, @ForAll @IntRange(min = 0, max = 2) int pH,
                             @ForAll @IntRange(min = 0, max = 2) int pW, @ForAll @IntRange(min = 1, max = 2) int dH,
                             @ForAll @IntRange(min = 1, max = 2) int dW, @ForAll boolean ceil, @ForAll boolean countPad,
                             @ForAll boolean withNaN, @ForAll boolean simd) {
        P p = new P(C, H, W, kH, kW, sH, sW, pH, pW, dH, dW, ceil);
        Assume.that(p.valid());
        Random rnd = new Random(H * 1000L + W * 10 + kW);
        double[] x = doubles(rnd, C * H * W);
        for (int i = 0; i < x.length; i += 3) x[i] = Math.rint(x[i] * 2); // ties
        if (withNaN) x[rnd.nextInt(x.length)] = Double.NaN;
        int m = C * p.outH() * p.outW();
        double[] ry = new double[m];
        long[] ridx = new long[m];
        naiveMax(p, x, ry, ridx);
        long[] idx = new long[m];
        double[] y = with(simd ? KernelImpl.SIMD : KernelImpl.SCALAR, () -> maxPool(p, x, idx));
        assertArrayEquals(ry, y, "maxPool2d values " + p);
        assertArrayEquals(ridx, idx, "maxPool2d indices " + p);
        P a = new P(C, H, W, kH, kW, sH, sW, pH, pW, 1, 1, ceil);
        Assume.that(a.valid());
        double[] ra = new double[C * a.outH() * a.outW()];
        naiveAvg(a, countPad, x, ra);
        double[] ya = with(simd ? KernelImpl.SIMD : KernelImpl.SCALAR, () -> avgPool(a, countPad, x));
        assertArrayEquals(ra, ya, "avgPool2d " + a + " countIncludePad=" + countPad);
    }

    @Property(tries = 150, seed = SEED)
    void avgBackwardIsTheAdjoint(@ForAll @IntRange(min = 1, max = 2) int C, @ForAll @IntRange(min = 1, max = 8) int H,
                                 @ForAll @IntRange(min = 1, max = 19) int W, @ForAll @IntRange(min = 1, max = 4) int kH,
                                 @ForAll @IntRange(min = 1, max = 4) int kW, @ForAll @IntRange(min = 1, max = 3) int sH,
                                 @ForAll @IntRange(min = 1, max = 3) int sW, @ForAll @IntRange(min = 0, max = 2) int pH,
                                 @ForAll @IntRange(min = 0, max = 2) int pW, @ForAll boolean ceil, @ForAll boolean countPad,
                                 @ForAll boolean simd) {
        P p = new P(C, H, W, kH, kW, sH, sW, pH, pW, 1, 1, ceil);
        Assume.that(p.valid());
        Random rnd = new Random(H * 77L + W + kH);
        double[] x = doubles(rnd, C * H * W), g = doubles(rnd, C * p.outH() * p.outW());
        with(simd ? KernelImpl.SIMD : KernelImpl.SCALAR, () -> {
            double[] y = avgPool(p, countPad, x);
            double[] gx = new double[x.length];
            Pool.avgPool2dBackward(g, 0, C, H, W, kH, kW, sH, sW, pH, pW, ceil, countPad, gx, 0);
            double lhs = 0, rhs = 0;
            for (int i = 0; i < y.length; i++) lhs += y[i] * g[i];
            for (int i = 0; i < x.length; i++) rhs += x[i] * gx[i];
            assertEquals(lhs, rhs, 1e-12 * (1 + Math.abs(lhs)), "<avgPool(x), g> vs <x, avgPoolBackward(g)> " + p);
        });
    }

    @Property(tries = 60, seed = SEED)
    void maxBackwardMatchesFiniteDifferences(@ForAll @IntRange(min = 1, max = 2) int C, @ForAll @IntRange(min = 1, max = 6) int H,
                                             @ForAll @IntRange(min = 1, max = 9) int W, @ForAll @IntRange(min = 1, max = 3) int k,
                                             @ForAll @IntRange(min = 1, max = 2) int s, @ForAll @IntRange(min = 0, max = 1) int pad,
                                             @ForAll @IntRange(min = 1, max = 2) int d, @ForAll boolean ceil) {
        P p = new P(C, H, W, k, k, s, s, pad, pad, d, d, ceil);
        Assume.that(p.valid());
        Random rnd = new Random(H * 13L + W * 5 + k);
        double[] x = doubles(rnd, C * H * W), g = doubles(rnd, C * p.outH() * p.outW());
        long[] idx = new long[g.length];
        maxPool(p, x, idx);
        double[] gx = new double[x.length];
        Arrays.fill(gx, 0.25); // accumulates
        Pool.maxPool2dBackward(g, 0, idx, 0, C, H, W, p.outH(), p.outW(), gx, 0);
        double eps = 1e-7;
        for (int i = 0; i < x.length; i++) {
            double[] xp = x.clone(), xm = x.clone();
            xp[i] += eps;
            xm[i] -= eps;
            double fp = dot(maxPool(p, xp, new long[g.length]), g), fm = dot(maxPool(p, xm, new long[g.length]), g);
            assertEquals((fp - fm) / (2 * eps), gx[i] - 0.25, 1e-6, "d<maxPool(x), g>/dx[" + i + "] " + p);
        }
    }

    /** <a, b> over the finite entries of a (a window with no input element pools to -inf and has no gradient). */
    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) if (Double.isFinite(a[i])) s += a[i] * b[i];
        return s;
    }

    @Property(tries = 150, seed = SEED)
    void simdEqualsScalarBitwise(@ForAll @IntRange(min = 1, max = 3) int C, @ForAll @IntRange(min = 1, max = 7) int H,
                                 @ForAll @IntRange(min = 1, max = 70) int W, @ForAll @IntRange(min = 1, max = 4) int kH,
                                 @ForAll @IntRange(min = 1, max = 4) int kW, @ForAll @IntRange(min = 1, max = 2) int sH,
                                 @ForAll @IntRange(min = 1, max = 3) int sW, @ForAll @IntRange(min = 0, max = 2) int pH,
                                 @ForAll @IntRange(min = 0, max = 2) int pW, @ForAll @IntRange(min = 1, max = 2) int dW,
                                 @ForAll boolean ceil, @ForAll boolean countPad, @ForAll @IntRange(min = 0, max = 5) int off) {
        P p = new P(C, H, W, kH, kW, sH, sW, pH, pW, 1, dW, ceil);
        P a = new P(C, H, W, kH, kW, sH, sW, pH, pW, 1, 1, ceil);
        Assume.that(p.valid() && a.valid());
        Random rnd = new Random(W * 31L + H * 7 + kW);
        int n = C * H * W, m = C * p.outH() * p.outW(), ma = C * a.outH() * a.outW();
        float[] xf = floats(rnd, off + n), gf = floats(rnd, off + ma);
        double[] xd = doubles(rnd, off + n), gd = doubles(rnd, off + ma);
        xf[off + rnd.nextInt(n)] = Float.NaN;
        Object[][] out = new Object[2][];
        for (KernelImpl impl : KernelImpl.values()) {
            float[] yf = new float[off + m], af = new float[off + ma], bf = floats(new Random(3), off + n);
            double[] yd = new double[off + m], ad = new double[off + ma], bd = doubles(new Random(3), off + n);
            long[] i1 = new long[off + m], i2 = new long[off + m];
            with(impl, () -> {
                Pool.maxPool2d(xf, off, C, H, W, kH, kW, sH, sW, pH, pW, 1, dW, ceil, yf, off, i1, off);
                Pool.maxPool2d(xd, off, C, H, W, kH, kW, sH, sW, pH, pW, 1, dW, ceil, yd, off, i2, off);
                Pool.avgPool2d(xf, off, C, H, W, kH, kW, sH, sW, pH, pW, ceil, countPad, af, off);
                Pool.avgPool2d(xd, off, C, H, W, kH, kW, sH, sW, pH, pW, ceil, countPad, ad, off);
                Pool.avgPool2dBackward(gf, off, C, H, W, kH, kW, sH, sW, pH, pW, ceil, countPad, bf, off);
                Pool.avgPool2dBackward(gd, off, C, H, W, kH, kW, sH, sW, pH, pW, ceil, countPad, bd, off);
            });
            out[impl.ordinal()] = new Object[] {yf, yd, i1, i2, af, ad, bf, bd};
        }
        String[] names = {"max F32", "max F64", "argmax F32", "argmax F64", "avg F32", "avg F64", "avg backward F32", "avg backward F64"};
        for (int i = 0; i < names.length; i++) {
            Object s = out[0][i], v = out[1][i];
            String msg = names[i] + " " + p + " countIncludePad=" + countPad;
            switch (s) {
                case float[] f -> assertArrayEquals(f, (float[]) v, msg);
                case double[] d -> assertArrayEquals(d, (double[]) v, msg);
                case long[] l -> assertArrayEquals(l, (long[]) v, msg);
                default -> throw new AssertionError(s);
            }
        }
    }

    /**
     * Strided windows wholly inside the image (LeNet's 2x2/s2 on 28- and 10-wide rows, 2x2/s2 on planes it tiles with
     * rows of at most half a vector, where lanes run across rows and planes, 3x3/s2, dilated 2x2/s3, ceil mode
     * that stays inside) on ties and NaNs, F32 and F64: the SIMD facade's one-window kernel gives the scalar
     * row kernel's values and indices.
     */
    @Test
    void insideWindowsMatchTheRowKernelOnTiesAndNaNs() {
        int[][] shapes = {{6, 28, 28, 2, 2, 1, 0}, {16, 10, 10, 2, 2, 1, 0}, {3, 9, 11, 3, 2, 1, 0}, {2, 9, 10, 2, 3, 2, 0},
                {2, 7, 7, 3, 2, 1, 1}, {5, 8, 8, 2, 2, 1, 0}, {7, 4, 16, 2, 2, 1, 0}, {3, 6, 12, 2, 2, 1, 0}, {9, 2, 2, 2, 2, 1, 0},
                {4, 10, 6, 2, 2, 1, 0}};                                         // C, H, W, k, stride, dilation, ceil
        Random rnd = new Random(11);
        for (int[] s : shapes) {
            int C = s[0], H = s[1], W = s[2], k = s[3], st = s[4], d = s[5], n = C * H * W;
            boolean ceil = s[6] == 1;
            float[] x = new float[n];
            for (int i = 0; i < n; i++) x[i] = rnd.nextInt(3) - 1;           // many ties
            for (int i = 0; i < n / 17; i++) x[rnd.nextInt(n)] = Float.NaN;
            int oh = Pool.outSize(H, k, st, 0, d, ceil), ow = Pool.outSize(W, k, st, 0, d, ceil);
            float[][] y = new float[2][C * oh * ow];
            long[][] idx = new long[2][C * oh * ow];
            for (KernelImpl impl : KernelImpl.values()) {
                int i = impl.ordinal();
                with(impl, () -> Pool.maxPool2d(x, 0, C, H, W, k, k, st, st, 0, 0, d, d, ceil, y[i], 0, idx[i], 0));
            }
            String msg = java.util.Arrays.toString(s);
            assertArrayEquals(y[0], y[1], "values " + msg);
            assertArrayEquals(idx[0], idx[1], "indices " + msg);
            double[] xd = new double[n];                                      // the same ties and NaNs in F64 (8-lane vectors at 512 bits)
            for (int i = 0; i < n; i++) xd[i] = x[i];
            double[][] yd = new double[2][C * oh * ow];
            long[][] idxd = new long[2][C * oh * ow];
            for (KernelImpl impl : KernelImpl.values()) {
                int i = impl.ordinal();
                with(impl, () -> Pool.maxPool2d(xd, 0, C, H, W, k, k, st, st, 0, 0, d, d, ceil, yd[i], 0, idxd[i], 0));
            }
            assertArrayEquals(yd[0], yd[1], "F64 values " + msg);
            assertArrayEquals(idxd[0], idxd[1], "F64 indices " + msg);
        }
    }

    @Test
    void goldenMaxAndAvg() {
        // x: (1, 4, 4) = 0..15, 2x2 stride 2
        float[] x = new float[16];
        for (int i = 0; i < 16; i++) x[i] = i;
        float[] y = new float[4];
        long[] idx = new long[4];
        Pool.maxPool2d(x, 0, 1, 4, 4, 2, 2, 2, 2, 0, 0, 1, 1, false, y, 0, idx, 0);
        assertArrayEquals(new float[] {5, 7, 13, 15}, y);
        assertArrayEquals(new long[] {5, 7, 13, 15}, idx);
        Pool.avgPool2d(x, 0, 1, 4, 4, 2, 2, 2, 2, 0, 0, false, true, y, 0);
        assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, y);
        // 3x3, stride 2, padding 1 on 1..9 (3x3): the corner window holds 1,2,4,5
        float[] z = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] a = new float[4];
        Pool.avgPool2d(z, 0, 1, 3, 3, 3, 3, 2, 2, 1, 1, false, true, a, 0);
        assertArrayEquals(new float[] {12f / 9, 16f / 9, 24f / 9, 28f / 9}, a, 1e-6f);
        Pool.avgPool2d(z, 0, 1, 3, 3, 3, 3, 2, 2, 1, 1, false, false, a, 0);
        assertArrayEquals(new float[] {3, 4, 6, 7}, a);
        // NaN wins max pooling, with its index
        float[] n = {1, Float.NaN, 3, 4};
        float[] m = new float[1];
        long[] mi = new long[1];
        Pool.maxPool2d(n, 0, 1, 2, 2, 2, 2, 2, 2, 0, 0, 1, 1, false, m, 0, mi, 0);
        assertTrue(Float.isNaN(m[0]));
        assertEquals(1, mi[0]);
    }

    @Test
    void outSizeFollowsTorchCeilRule() {
        assertEquals(2, Pool.outSize(5, 2, 2, 0, 1, false));
        assertEquals(3, Pool.outSize(5, 2, 2, 0, 1, true));
        assertEquals(3, Pool.outSize(6, 3, 2, 1, 1, false));
        assertEquals(4, Pool.outSize(6, 3, 2, 1, 1, true));
        // ceil mode would start a last window in the right padding: dropped
        assertEquals(3, Pool.outSize(5, 2, 2, 1, 1, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pool.outSize(5, 2, 1, 2, 1, false));
        assertTrue(e.getMessage().contains("padding 2 must be at most half the kernel size 2"), e.getMessage());
    }

    @Test
    void errorsNameKernelAndSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pool.maxPool2d(new float[16], 0, 1, 4, 4, 2, 2, 2, 2, 0, 0, 1, 1, false, new float[3], 0, new long[4], 0));
        assertTrue(e.getMessage().startsWith("maxPool2d: y has 3 elements") && e.getMessage().contains("C*outH*outW = 1*2*2 = 4"), e.getMessage());
        IndexOutOfBoundsException ie = assertThrows(IndexOutOfBoundsException.class,
                () -> Pool.maxPool2dBackward(new float[4], 0, new long[] {0, 1, 16, 2}, 0, 1, 4, 4, 2, 2, new float[16], 0));
        assertEquals("maxPool2dBackward: index 16 at position 2 is out of range for dim of size 16 (H*W = 4*4)", ie.getMessage());
    }
}
