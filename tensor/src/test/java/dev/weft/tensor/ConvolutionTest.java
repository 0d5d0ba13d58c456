package dev.weft.tensor;

import dev.weft.kernels.KernelImpl;
import dev.weft.tensor.core.DType;

import static dev.weft.tensor.JoiningTest.error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Convolution and unfold/fold against direct loops written from the definitions (cross-correlation
 * with zero padding, stride, dilation, groups), plus the laws conv1d == conv2d with H = 1,
 * fold(unfold(x)) == x * overlap count and <unfold(x), c> == <x, fold(c)>, and error messages.
 */
class ConvolutionTest {

    /** y[b, co, oh, ow] = bias[co] + sum over the group's channels and taps of x * w. */
    static double[] directConv(Tensor x, Tensor w, Tensor bias, int[] s, int[] p, int[] d, int g, int oH, int oW) {
        int B = x.size(0), C = x.size(1), H = x.size(2), W = x.size(3), Co = w.size(0), kH = w.size(2), kW = w.size(3);
        double[] xv = x.toDoubleArray(), wv = w.toDoubleArray(), bv = bias == null ? null : bias.toDoubleArray();
        int cg = C / g, og = Co / g;
        double[] y = new double[B * Co * oH * oW];
        for (int b = 0; b < B; b++)
            for (int co = 0; co < Co; co++)
                for (int oh = 0; oh < oH; oh++)
                    for (int ow = 0; ow < oW; ow++) {
                        double sum = bv == null ? 0 : bv[co];
                        int grp = co / og;
                        for (int ci = 0; ci < cg; ci++)
                            for (int kh = 0; kh < kH; kh++)
                                for (int kw = 0; kw < kW; kw++) {
                                    int ih = oh * s[0] - p[0] + kh * d[0], iw = ow * s[1] - p[1] + kw * d[1];
                                    if (ih < 0 || ih >= H || iw < 0 || iw >= W) continue;
                                    int c = grp * cg + ci;
                                    sum += xv[((b * C + c) * H + ih) * W + iw] * wv[((co * cg + ci) * kH + kh) * kW + kw];
                                }
                        y[((b * Co + co) * oH + oh) * oW + ow] = sum;
                    }
        return y;
    }

    static void close(double[] want, double[] got, double tol, String what) {
        assertEquals(want.length, got.length, what + ": length");
        for (int i = 0; i < want.length; i++) {
            assertTrue(Math.abs(want[i] - got[i]) <= tol * (1 + Math.abs(want[i])),
                    what + ": element " + i + " expected " + want[i] + " got " + got[i]);
        }
    }

    @Property(tries = 60, seed = "2")
    void conv2dEqualsDirectConvolution(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random r = new Random(seed);
        Generator gen = new Generator(seed);
        int g = 1 + r.nextInt(3), B = 1 + r.nextInt(3), C = g * (1 + r.nextInt(2)), Co = g * (1 + r.nextInt(3));
        int kH = 1 + r.nextInt(3), kW = 1 + r.nextInt(3);
        int[] s = {1 + r.nextInt(2), 1 + r.nextInt(3)}, p = {r.nextInt(3), r.nextInt(2)}, d = {1 + r.nextInt(2), 1 + r.nextInt(2)};
        int H = Math.max(1, d[0] * (kH - 1) + 1 - 2 * p[0]) + r.nextInt(5), W = Math.max(1, d[1] * (kW - 1) + 1 - 2 * p[1]) + r.nextInt(5);
        DType dt = r.nextInt(3) == 0 ? DType.F32 : DType.F64;
        Tensor x = Tensor.randn(gen, dt, B, C, H, W), w = Tensor.randn(gen, dt, Co, C / g, kH, kW);
        Tensor bias = r.nextBoolean() ? Tensor.randn(gen, dt, Co) : null;
        if (r.nextBoolean()) x = x.transpose(2, 3).contiguous().transpose(2, 3); // a strided input
        Tensor y = Convolution.conv2d(x, w, bias, s, p, d, g);
        int oH = (H + 2 * p[0] - d[0] * (kH - 1) - 1) / s[0] + 1, oW = (W + 2 * p[1] - d[1] * (kW - 1) - 1) / s[1] + 1;
        assertArrayEquals(new int[] {B, Co, oH, oW}, y.shape());
        assertEquals(dt, y.dtype());
        close(directConv(x, w, bias, s, p, d, g, oH, oW), y.toDoubleArray(), dt == DType.F32 ? 1e-5 : 1e-12, "conv2d seed " + seed);
        // conv1d is conv2d with H = 1
        Tensor x1 = x.select(2, 0), w1 = w.select(2, 0);
        Tensor y1 = Convolution.conv1d(x1, w1, bias, s[1], p[1], d[1], g);
        Tensor y2 = Convolution.conv2d(x1.unsqueeze(2), w1.unsqueeze(2), bias, new int[] {1, s[1]}, new int[] {0, p[1]},
                new int[] {1, d[1]}, g).squeeze(2);
        assertArrayEquals(y2.toDoubleArray(), y1.toDoubleArray(), "conv1d seed " + seed);
    }

    @Test
    void samePaddingKeepsTheSizeAndPadsTheExtraAtTheEnd() {
        Generator gen = new Generator(7);
        Tensor x = Tensor.randn(gen, DType.F64, 2, 3, 5, 6), w = Tensor.randn(gen, DType.F64, 4, 3, 2, 3);
        Tensor y = Convolution.conv2d(x, w, null, new int[] {1}, "same", new int[] {1, 2}, 1);
        assertArrayEquals(new int[] {2, 4, 5, 6}, y.shape());
        // kernel height 2: total padding 1, all of it at the bottom; width 3 dilation 2: 2 on each side
        Tensor xp = Joining.pad(x, 2, 2, 0, 1);
        close(directConv(xp, w, null, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 2}, 1, 5, 6), y.toDoubleArray(), 1e-12, "same");
        Tensor v = Convolution.conv2d(x, w, null, new int[] {1}, "valid", new int[] {1}, 1);
        assertArrayEquals(new int[] {2, 4, 4, 4}, v.shape());
        Tensor y1 = Convolution.conv1d(x.select(2, 0), w.select(2, 0), null, 1, "same", 1, 1);
        assertArrayEquals(new int[] {2, 4, 6}, y1.shape());
        // unbatched input
        assertArrayEquals(new int[] {4, 4, 4}, Convolution.conv2d(x.select(0, 1), w, null).shape());
        close(v.select(0, 1).toDoubleArray(), Convolution.conv2d(x.select(0, 1), w, null).toDoubleArray(), 1e-12, "unbatched");
    }

    @Test
    void unfoldGolden() {
        // x (1, 1, 3, 3) = 0..8, kernel 2x2: columns are the 4 windows, rows the taps
        Tensor x = JoiningTest.range(DType.F32, 1, 1, 3, 3);
        Tensor u = Convolution.unfold(x, 2);
        assertArrayEquals(new int[] {1, 4, 4}, u.shape());
        assertArrayEquals(new float[] {0, 1, 3, 4, 1, 2, 4, 5, 3, 4, 6, 7, 4, 5, 7, 8}, u.toFloatArray());
        Tensor f = Convolution.fold(u, new int[] {3, 3}, new int[] {2});
        assertArrayEquals(new float[] {0, 2, 2, 6, 16, 10, 6, 14, 8}, f.reshape(-1).toFloatArray());
    }

    @Property(tries = 40, seed = "3")
    void foldOfUnfoldIsOverlapCountTimesInputAndTheyAreAdjoint(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random r = new Random(seed);
        Generator gen = new Generator(seed);
        int kH = 1 + r.nextInt(3), kW = 1 + r.nextInt(3);
        int[] s = {1 + r.nextInt(3), 1 + r.nextInt(2)}, p = {r.nextInt(2), r.nextInt(3)}, d = {1 + r.nextInt(2), 1 + r.nextInt(2)};
        int H = d[0] * (kH - 1) + 1 + r.nextInt(5), W = d[1] * (kW - 1) + 1 + r.nextInt(5), B = 1 + r.nextInt(2), C = 1 + r.nextInt(3);
        Tensor x = Tensor.randn(gen, DType.F64, B, C, H, W);
        int[] k = {kH, kW};
        Tensor u = Convolution.unfold(x, k, d, p, s);
        Tensor back = Convolution.fold(u, new int[] {H, W}, k, d, p, s);
        int oH = (H + 2 * p[0] - d[0] * (kH - 1) - 1) / s[0] + 1, oW = (W + 2 * p[1] - d[1] * (kW - 1) - 1) / s[1] + 1;
        double[] count = new double[H * W];
        for (int oh = 0; oh < oH; oh++)
            for (int ow = 0; ow < oW; ow++)
                for (int kh = 0; kh < kH; kh++)
                    for (int kw = 0; kw < kW; kw++) {
                        int ih = oh * s[0] - p[0] + kh * d[0], iw = ow * s[1] - p[1] + kw * d[1];
                        if (ih >= 0 && ih < H && iw >= 0 && iw < W) count[ih * W + iw]++;
                    }
        double[] xv = x.toDoubleArray(), want = new double[xv.length];
        for (int i = 0; i < xv.length; i++) want[i] = xv[i] * count[i % (H * W)];
        close(want, back.toDoubleArray(), 1e-12, "fold(unfold(x))");
        Tensor c = Tensor.randn(gen, DType.F64, u.shape());
        double lhs = u.mul(c).sum().item(), rhs = x.mul(Convolution.fold(c, new int[] {H, W}, k, d, p, s)).sum().item();
        assertEquals(lhs, rhs, 1e-10 * (1 + Math.abs(lhs)), "adjoint");
    }

    @Test
    void errors() {
        Tensor x = Tensor.zeros(1, 4, 5, 5);
        error("conv2d: input (1, 4, 5, 5), weight (6, 3, 3, 3): input has 4 channels, the weight expects C_in/groups * groups = 3 * 1 = 3",
                () -> Convolution.conv2d(x, Tensor.zeros(6, 3, 3, 3), null));
        error("in_channels 4 and out_channels 6 must be divisible by groups 3",
                () -> Convolution.conv2d(x, Tensor.zeros(6, 1, 3, 3), null, new int[] {1}, new int[] {0}, new int[] {1}, 3));
        error("conv2d: input (1, 4, 5, 5), weight (2, 4, 3, 3): input dtype f32 and weight dtype f64 differ",
                () -> Convolution.conv2d(x, Tensor.zeros(DType.F64, 2, 4, 3, 3), null));
        error("conv2d: input (1, 4, 5, 5), weight (2, 4, 6, 6): the dilated kernel (6, 6) is larger than the padded input (5, 5)",
                () -> Convolution.conv2d(x, Tensor.zeros(2, 4, 6, 6), null));
        error("conv2d: input (1, 4, 5, 5), weight (2, 4, 3, 3), bias (3,): bias must be a 1-d f32 tensor of C_out = 2 entries",
                () -> Convolution.conv2d(x, Tensor.zeros(2, 4, 3, 3), Tensor.zeros(3)));
        error("conv2d: input (4, 5), weight (2, 4, 3, 3): input must be (B, C_in, H, W) or (C_in, H, W)",
                () -> Convolution.conv2d(Tensor.zeros(4, 5), Tensor.zeros(2, 4, 3, 3), null));
        error("conv2d: padding='same' is not supported for strided convolutions (stride (2, 2))",
                () -> Convolution.conv2d(x, Tensor.zeros(2, 4, 3, 3), null, new int[] {2}, "same", new int[] {1}, 1));
        error("conv2d: stride must have 1 or 2 entries, got [1, 1, 1]",
                () -> Convolution.conv2d(x, Tensor.zeros(2, 4, 3, 3), null, new int[] {1, 1, 1}, new int[] {0}, new int[] {1}, 1));
        error("conv1d: input (4, 5, 6, 7) must be (B, C_in, L) or (C_in, L)",
                () -> Convolution.conv1d(Tensor.zeros(4, 5, 6, 7), Tensor.zeros(2, 5, 3), null));
        error("unfold: input (5, 5): expected a 4-d input (B, C, H, W)", () -> Convolution.unfold(Tensor.zeros(5, 5), 2));
        error("unfold: input (1, 1, 5, 5), kernel=(2, 2), stride=(0, 0), padding=(0, 0), dilation=(1, 1): kernel, stride and dilation must be >= 1",
                () -> Convolution.unfold(Tensor.zeros(1, 1, 5, 5), new int[] {2}, new int[] {1}, new int[] {0}, new int[] {0}));
        error("fold: input (1, 4, 5), output size (3, 3), kernel=(2, 2), stride=(1, 1), padding=(0, 0), dilation=(1, 1): dim 2 (5) must equal the number of windows 2*2 = 4",
                () -> Convolution.fold(Tensor.zeros(1, 4, 5), new int[] {3, 3}, new int[] {2}));
        error("fold: input (1, 5, 4), output size (3, 3), kernel=(2, 2), stride=(1, 1), padding=(0, 0), dilation=(1, 1): dim 1 (5) must be divisible by kH*kW = 4",
                () -> Convolution.fold(Tensor.zeros(1, 5, 4), new int[] {3, 3}, new int[] {2}));
        error("unfold: input (1, 1, 5, 5): expected a floating dtype (f32 or f64), got i64",
                () -> Convolution.unfold(Tensor.zeros(DType.I64, 1, 1, 5, 5), 2));
        // the convolution's product and weight gradient primitives
        error("conv_matmul: weight (3, 4), cols (1, 8, 5), groups 2: groups must divide C_out and cols must have groups*K = 2*4 rows",
                () -> Dispatch.apply1(new dev.weft.tensor.op.ConvOp.ConvMatmul(2), Tensor.zeros(3, 4), Tensor.zeros(1, 8, 5)));
        error("conv_matmul: weight (4, 4), cols (1, 8, 5), groups 2: weight dtype f32 and cols dtype f64 differ",
                () -> Dispatch.apply1(new dev.weft.tensor.op.ConvOp.ConvMatmul(2), Tensor.zeros(4, 4), Tensor.zeros(DType.F64, 1, 8, 5)));
        error("conv_weight_grad: grad (2, 4, 5), cols (1, 8, 5), groups 2: grad and cols must agree in B and L",
                () -> Dispatch.apply1(new dev.weft.tensor.op.ConvOp.ConvWeightGrad(2), Tensor.zeros(2, 4, 5), Tensor.zeros(1, 8, 5)));
        error("conv_weight_grad: grad (2, 4), cols (1, 8, 5), groups 1: expected grad (B, C_out, L) and cols (B, G*K, L)",
                () -> Dispatch.apply1(new dev.weft.tensor.op.ConvOp.ConvWeightGrad(1), Tensor.zeros(2, 4), Tensor.zeros(1, 8, 5)));
    }

    /** conv2d's weight gradient (the batch-summed primitive) against a per-sample sum, grouped, in F64. */
    @Test
    void weightGradientIsThePerSampleSum() {
        Generator g = new Generator(4);
        Tensor x = Tensor.randn(g, DType.F64, 3, 4, 6, 5);
        Tensor cols = Convolution.unfold(x, new int[] {3, 2}, new int[] {1}, new int[] {1}, new int[] {1});   // (3, 24, L)
        int L = cols.size(2);
        Tensor gy = Tensor.randn(g, DType.F64, 3, 6, L);
        Tensor gw = Dispatch.apply1(new dev.weft.tensor.op.ConvOp.ConvWeightGrad(2), gy, cols);             // (6, 12)
        Tensor ref = Tensor.zeros(DType.F64, 6, 12);
        for (int b = 0; b < 3; b++) {
            for (int grp = 0; grp < 2; grp++) {
                Tensor part = gy.select(0, b).narrow(0, 3 * grp, 3).matmul(cols.select(0, b).narrow(0, 12 * grp, 12).mT());
                ref.narrow(0, 3 * grp, 3).add_(part);
            }
        }
        double[] a = gw.toDoubleArray(), r = ref.toDoubleArray();
        for (int i = 0; i < r.length; i++) assertEquals(r[i], a[i], 1e-12 * (1 + Math.abs(r[i])), "gw[" + i + "]");
    }

    /**
     * The bias inside the fused primitive (added by each kernel as it stores an output: the wide-row, channel-lane
     * and column paths, SIMD and scalar) gives the bits of the convolution without it plus a separate broadcast add.
     */
    @Test
    void biasInsideTheConvolutionEqualsASeparateAdd() {
        Generator g = new Generator(9);
        // x shape, w shape, stride, padding, groups: grouped wide-row, LeNet's conv1 (wide rows) and conv2 (channel
        // lanes), a strided one (columns)
        int[][][] cases = {{{3, 4, 9, 7}, {6, 2, 3, 3}, {1, 1, 2}}, {{2, 1, 28, 28}, {6, 1, 5, 5}, {1, 2, 1}},
                {{2, 6, 14, 14}, {16, 6, 5, 5}, {1, 0, 1}}, {{2, 3, 11, 9}, {5, 3, 3, 3}, {2, 1, 1}}};
        KernelImpl was = KernelImpl.current();
        try {
            for (KernelImpl impl : KernelImpl.values()) {
                KernelImpl.set(impl);
                for (int[][] c : cases) {
                    for (DType dt : new DType[] {DType.F32, DType.F64}) {
                        int co = c[1][0];
                        Tensor x = Tensor.randn(g, dt, c[0]), w = Tensor.randn(g, dt, c[1]), b = Tensor.randn(g, dt, co);
                        int[] s = {c[2][0]}, p = {c[2][1]}, one = {1};
                        Tensor with = Convolution.conv2d(x, w, b, s, p, one, c[2][2]);
                        Tensor without = Convolution.conv2d(x, w, null, s, p, one, c[2][2]);
                        Tensor added = without.add(b.view(1, co, 1, 1));
                        assertArrayEquals(added.toDoubleArray(), with.toDoubleArray(),
                                impl + " " + dt + " " + java.util.Arrays.deepToString(c) + ": fused bias differs from conv + add");
                    }
                }
            }
        } finally {
            KernelImpl.set(was);
        }
        Tensor x = Tensor.zeros(2, 2, 5, 5), w = Tensor.zeros(3, 8);
        error("conv2d: input (2, 2, 5, 5), weight (3, 8), bias (3, 1), kernel=(2, 2), stride=(1, 1), padding=(0, 0), dilation=(1, 1), "
                        + "groups 1: bias must be a 1-d f32 tensor of C_out = 3 entries, got f32 (3, 1)",
                () -> Dispatch.apply1(new dev.weft.tensor.op.ConvOp.Conv2d(new dev.weft.tensor.op.ConvOp.Window(2, 2, 1, 1, 0, 0, 1, 1), 1),
                        x, w, Tensor.zeros(3, 1)));
    }
}
