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
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** im2col / col2im: convolution through im2col equals a direct convolution, adjointness, SIMD == scalar. */
class Im2colProperties {
    static final String SEED = "7301";

    record G(int C, int H, int W, int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW) {
        boolean valid() {
            return H + 2 * pH >= dH * (kH - 1) + 1 && W + 2 * pW >= dW * (kW - 1) + 1;
        }
        int outH() { return Im2col.outSize(H, kH, sH, pH, dH); }
        int outW() { return Im2col.outSize(W, kW, sW, pW, dW); }
        int rows() { return C * kH * kW; }
        int cols() { return outH() * outW(); }
    }

    static G geom(int C, int H, int W, int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW) {
        return new G(C, H, W, kH, kW, sH, sW, pH, pW, dH, dW);
    }

    static double[] im2col(G g, double[] x, int xOff, int colOff) {
        double[] col = new double[colOff + g.rows() * g.cols()];
        Im2col.im2col(x, xOff, g.C, g.H, g.W, g.kH, g.kW, g.sH, g.sW, g.pH, g.pW, g.dH, g.dW, col, colOff);
        return col;
    }

    /** y[f, oh, ow] = sum over c, kh, kw of w[f, c, kh, kw] * x[c, ih, iw] (zero padding): the 7-loop definition. */
    static double[] directConv(G g, double[] x, double[] w, int F) {
        int oH = g.outH(), oW = g.outW();
        double[] y = new double[F * oH * oW];
        for (int f = 0; f < F; f++)
            for (int oh = 0; oh < oH; oh++)
                for (int ow = 0; ow < oW; ow++) {
                    double s = 0;
                    for (int c = 0; c < g.C; c++)
                        for (int kh = 0; kh < g.kH; kh++)
                            for (int kw = 0; kw < g.kW; kw++) {
                                int ih = oh * g.sH - g.pH + kh * g.dH, iw = ow * g.sW - g.pW + kw * g.dW;
                                if (ih < 0 || ih >= g.H || iw < 0 || iw >= g.W) continue;
                                s += w[((f * g.C + c) * g.kH + kh) * g.kW + kw] * x[(c * g.H + ih) * g.W + iw];
                            }
                    y[(f * oH + oh) * oW + ow] = s;
                }
        return y;
    }

    @Property(tries = 120, seed = SEED)
    void convViaIm2colEqualsDirectConv(@ForAll @IntRange(min = 1, max = 3) int C, @ForAll @IntRange(min = 1, max = 9) int H,
                                       @ForAll @IntRange(min = 1, max = 11) int W, @ForAll @IntRange(min = 1, max = 3) int kH,
                                       @ForAll @IntRange(min = 1, max = 4) int kW, @ForAll @IntRange(min = 1, max = 3) int sH,
                                       @ForAll @IntRange(min = 1, max = 3) int sW, @ForAll @IntRange(min = 0, max = 2) int pH,
                                       @ForAll @IntRange(min = 0, max = 2) int pW, @ForAll @IntRange(min = 1, max = 2) int dH,
                                       @ForAll @IntRange(min = 1, max = 3) int dW, @ForAll @IntRange(min = 0, max = 5) int off,
                                       @ForAll boolean simd) {
        G g = geom(C, H, W, kH, kW, sH, sW, pH, pW, dH, dW);
        Assume.that(g.valid());
        Random rnd = new Random(C * 31L + H * 7 + W);
        int F = 2;
        double[] x = new double[off + C * H * W];
        System.arraycopy(doubles(rnd, C * H * W), 0, x, off, C * H * W);
        double[] w = doubles(rnd, F * g.rows());
        double[] col = with(simd ? KernelImpl.SIMD : KernelImpl.SCALAR, () -> im2col(g, x, off, 3));
        double[] y = new double[F * g.cols()];
        for (int f = 0; f < F; f++)
            for (int q = 0; q < g.cols(); q++) {
                double s = 0;
                for (int r = 0; r < g.rows(); r++) s += w[f * g.rows() + r] * col[3 + r * g.cols() + q];
                y[f * g.cols() + q] = s;
            }
        double[] ref = directConv(g, java.util.Arrays.copyOfRange(x, off, x.length), w, F);
        assertArrayEquals(ref, y, 1e-12, "conv via im2col vs direct, " + g);
    }

    @Property(tries = 120, seed = SEED)
    void col2imIsTheAdjointOfIm2col(@ForAll @IntRange(min = 1, max = 3) int C, @ForAll @IntRange(min = 1, max = 9) int H,
                                    @ForAll @IntRange(min = 1, max = 19) int W, @ForAll @IntRange(min = 1, max = 3) int kH,
                                    @ForAll @IntRange(min = 1, max = 4) int kW, @ForAll @IntRange(min = 1, max = 3) int sH,
                                    @ForAll @IntRange(min = 1, max = 3) int sW, @ForAll @IntRange(min = 0, max = 2) int pH,
                                    @ForAll @IntRange(min = 0, max = 2) int pW, @ForAll @IntRange(min = 1, max = 2) int dH,
                                    @ForAll @IntRange(min = 1, max = 3) int dW, @ForAll boolean simd) {
        G g = geom(C, H, W, kH, kW, sH, sW, pH, pW, dH, dW);
        Assume.that(g.valid());
        Random rnd = new Random(C * 131L + H * 17 + W * 3 + kW);
        double[] x = doubles(rnd, C * H * W), c = doubles(rnd, g.rows() * g.cols());
        with(simd ? KernelImpl.SIMD : KernelImpl.SCALAR, () -> {
            double[] col = im2col(g, x, 0, 0);
            double[] back = new double[C * H * W];
            Im2col.col2im(c, 0, C, H, W, kH, kW, sH, sW, pH, pW, dH, dW, back, 0);
            double lhs = 0, rhs = 0;
            for (int i = 0; i < col.length; i++) lhs += col[i] * c[i];
            for (int i = 0; i < x.length; i++) rhs += x[i] * back[i];
            assertEquals(lhs, rhs, 1e-11 * (1 + Math.abs(lhs)), "<im2col(x), c> vs <x, col2im(c)>, " + g);
        });
    }

    @Property(tries = 150, seed = SEED)
    void simdEqualsScalarBitwise(@ForAll @IntRange(min = 1, max = 3) int C, @ForAll @IntRange(min = 1, max = 8) int H,
                                 @ForAll @IntRange(min = 1, max = 40) int W, @ForAll @IntRange(min = 1, max = 3) int kH,
                                 @ForAll @IntRange(min = 1, max = 5) int kW, @ForAll @IntRange(min = 1, max = 2) int sH,
                                 @ForAll @IntRange(min = 1, max = 3) int sW, @ForAll @IntRange(min = 0, max = 2) int pH,
                                 @ForAll @IntRange(min = 0, max = 2) int pW, @ForAll @IntRange(min = 1, max = 2) int dW,
                                 @ForAll @IntRange(min = 0, max = 9) int off) {
        G g = geom(C, H, W, kH, kW, sH, sW, pH, pW, 1, dW);
        Assume.that(g.valid());
        Random rnd = new Random(W * 1009L + H);
        int n = C * H * W, m = g.rows() * g.cols();
        float[] xf = floats(rnd, off + n), cf = floats(rnd, off + m);
        double[] xd = doubles(rnd, off + n), cd = doubles(rnd, off + m);
        for (KernelImpl impl : KernelImpl.values()) {
            // each impl: unfold, and fold onto a non-zero image (col2im accumulates)
            float[] colF = new float[off + m], backF = xf.clone();
            double[] colD = new double[off + m], backD = xd.clone();
            java.util.Arrays.fill(colF, 7f);                        // im2col overwrites, padding included
            java.util.Arrays.fill(colD, 7);
            with(impl, () -> {
                Im2col.im2col(xf, off, C, H, W, kH, kW, sH, sW, pH, pW, 1, dW, colF, off);
                Im2col.col2im(cf, off, C, H, W, kH, kW, sH, sW, pH, pW, 1, dW, backF, off);
                Im2col.im2col(xd, off, C, H, W, kH, kW, sH, sW, pH, pW, 1, dW, colD, off);
                Im2col.col2im(cd, off, C, H, W, kH, kW, sH, sW, pH, pW, 1, dW, backD, off);
            });
            if (impl == KernelImpl.SCALAR) {
                refF = new float[][] {colF, backF};
                refD = new double[][] {colD, backD};
            } else {
                assertArrayEquals(refF[0], colF, "im2col F32 " + g);
                assertArrayEquals(refF[1], backF, "col2im F32 " + g);
                assertArrayEquals(refD[0], colD, "im2col F64 " + g);
                assertArrayEquals(refD[1], backD, "col2im F64 " + g);
            }
        }
    }

    private float[][] refF;
    private double[][] refD;

    @Test
    void goldenIm2col() {
        // x: (1, 3, 3) = 1..9, 2x2 kernel, stride 1, padding 0 -> col (4, 4)
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] col = new float[16];
        Im2col.im2col(x, 0, 1, 3, 3, 2, 2, 1, 1, 0, 0, 1, 1, col, 0);
        assertArrayEquals(new float[] {1, 2, 4, 5, 2, 3, 5, 6, 4, 5, 7, 8, 5, 6, 8, 9}, col);
        // padding 1, stride 2, 3x3 kernel on the same image -> (9, 2*2); row (kh=1, kw=1) is the centre tap
        float[] col2 = new float[36];
        Im2col.im2col(x, 0, 1, 3, 3, 3, 3, 2, 2, 1, 1, 1, 1, col2, 0);
        assertArrayEquals(new float[] {0, 0, 0, 5}, java.util.Arrays.copyOfRange(col2, 0, 4));
        assertArrayEquals(new float[] {1, 3, 7, 9}, java.util.Arrays.copyOfRange(col2, 16, 20));
    }

    @Test
    void goldenCol2imAccumulatesOverlaps() {
        // 1 x 3 x 3 image, 2x2 kernel, stride 1: the centre pixel is covered by all 4 windows
        double[] col = new double[16];
        java.util.Arrays.fill(col, 1);
        double[] x = new double[9];
        x[4] = 10;
        Im2col.col2im(col, 0, 1, 3, 3, 2, 2, 1, 1, 0, 0, 1, 1, x, 0);
        assertArrayEquals(new double[] {1, 2, 1, 2, 14, 2, 1, 2, 1}, x);
    }

    @Test
    void outSizeAndErrors() {
        assertEquals(3, Im2col.outSize(5, 3, 1, 0, 1));
        assertEquals(3, Im2col.outSize(5, 3, 2, 1, 1));
        assertEquals(1, Im2col.outSize(5, 3, 1, 0, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Im2col.outSize(3, 3, 1, 0, 2));
        assertTrue(e.getMessage().contains("in=3, k=3, s=1, p=0, d=2"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> Im2col.im2col(new float[17], 0, 2, 3, 3, 2, 2, 1, 1, 0, 0, 1, 1, new float[32], 0));
        assertTrue(e2.getMessage().startsWith("im2col: x has 17 elements") && e2.getMessage().contains("C*H*W = 2*3*3 = 18"), e2.getMessage());
        IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class,
                () -> Im2col.col2im(new double[10], 0, 1, 3, 3, 2, 2, 1, 1, 0, 0, 1, 1, new double[9], 0));
        assertTrue(e3.getMessage().startsWith("col2im: col has 10 elements") && e3.getMessage().contains("1*2*2*2*2 = 16"), e3.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Im2col.outSize(5, 0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Im2col.outSize(5, 3, 0, 0, 1));
    }
}
