package dev.weft.tensor;

import dev.weft.tensor.core.DType;

import static dev.weft.tensor.ConvolutionTest.close;
import static dev.weft.tensor.JoiningTest.error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Pooling against loops written from PyTorch's definitions (window taps in the padding skipped, NaN
 * wins a max, the avg divisor clipped to the padded image), indices consistent with values, the
 * backward primitives against scatter-add and adjointness, and error messages.
 */
class PoolingTest {

    /** Pooling output size, PyTorch's rule (in ceil mode a window starting in the right padding is dropped). */
    static int out(int in, int k, int s, int p, int d, boolean ceil) {
        int num = in + 2 * p - d * (k - 1) - 1;
        int o = (ceil ? Math.ceilDiv(num, s) : Math.floorDiv(num, s)) + 1;
        if (ceil && (o - 1) * s >= in + p) o--;
        return o;
    }

    @Property(tries = 60, seed = "4")
    void poolingMatchesTheDefinitions(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random r = new Random(seed);
        Generator gen = new Generator(seed);
        int kH = 1 + r.nextInt(3), kW = 1 + r.nextInt(3), sH = 1 + r.nextInt(3), sW = 1 + r.nextInt(2);
        int pH = r.nextInt(kH / 2 + 1), pW = r.nextInt(kW / 2 + 1), dH = 1 + r.nextInt(2), dW = 1 + r.nextInt(2);
        boolean ceil = r.nextBoolean(), cip = r.nextBoolean();
        int B = 1 + r.nextInt(2), C = 1 + r.nextInt(3);
        int H = Math.max(1, dH * (kH - 1) + 1 - 2 * pH) + r.nextInt(5), W = Math.max(1, dW * (kW - 1) + 1 - 2 * pW) + r.nextInt(5);
        DType dt = r.nextBoolean() ? DType.F32 : DType.F64;
        Tensor x = Tensor.randn(gen, dt, B, C, H, W);
        int[] k = {kH, kW}, s = {sH, sW}, p = {pH, pW}, d = {dH, dW};
        ValuesIndices mp = Pooling.maxPool2dWithIndices(x, k, s, p, d, ceil);
        int oH = out(H, kH, sH, pH, dH, ceil), oW = out(W, kW, sW, pW, dW, ceil);
        assertArrayEquals(new int[] {B, C, oH, oW}, mp.values().shape());
        double[] xv = x.toDoubleArray(), want = new double[B * C * oH * oW];
        long[] wantIdx = new long[want.length];
        for (int bc = 0; bc < B * C; bc++)
            for (int oh = 0; oh < oH; oh++)
                for (int ow = 0; ow < oW; ow++) {
                    double best = Double.NEGATIVE_INFINITY;
                    long at = -1;
                    for (int kh = 0; kh < kH; kh++)
                        for (int kw = 0; kw < kW; kw++) {
                            int ih = oh * sH - pH + kh * dH, iw = ow * sW - pW + kw * dW;
                            if (ih < 0 || ih >= H || iw < 0 || iw >= W) continue;
                            double v = xv[(bc * H + ih) * W + iw];
                            if (v > best || Double.isNaN(v) || at < 0) {
                                best = v;
                                at = (long) ih * W + iw;
                            }
                        }
                    want[(bc * oH + oh) * oW + ow] = best;
                    wantIdx[(bc * oH + oh) * oW + ow] = at;
                }
        assertArrayEquals(want, mp.values().toDoubleArray(), "max values, seed " + seed);
        assertArrayEquals(wantIdx, mp.indices().toLongArray(), "max indices, seed " + seed);
        // indices point at the values (a window holding no input element, possible with dilation, gives -inf and -1)
        Tensor hit = mp.indices().ge(0L), safe = mp.indices().clamp(0, H * W - 1);
        Tensor picked = x.flatten(2, 3).gather(2, safe.flatten(2, 3)).reshape(mp.values().shape());
        assertArrayEquals(mp.values().maskedFill(hit.logicalNot(), 0).toDoubleArray(), picked.maskedFill(hit.logicalNot(), 0).toDoubleArray());

        // max backward == scatter-add of the gradient at the indices
        Tensor gy = Tensor.randn(gen, dt, B, C, oH, oW);
        Tensor gx = Pooling.maxPool2dBackward(gy, mp.indices(), H, W);
        Tensor ref = Tensor.zeros(dt, B, C, H * W).scatterAdd(2, safe.flatten(2, 3), gy.maskedFill(hit.logicalNot(), 0).flatten(2, 3))
                .reshape(B, C, H, W);
        close(ref.toDoubleArray(), gx.toDoubleArray(), 1e-6, "max backward");

        // average pooling (no dilation)
        int aH = out(H, kH, sH, pH, 1, ceil), aW = out(W, kW, sW, pW, 1, ceil);
        Tensor ap = Pooling.avgPool2d(x, k, s, p, ceil, cip);
        double[] avg = new double[B * C * aH * aW];
        for (int bc = 0; bc < B * C; bc++)
            for (int oh = 0; oh < aH; oh++)
                for (int ow = 0; ow < aW; ow++) {
                    int hs = oh * sH - pH, ws = ow * sW - pW, he = Math.min(hs + kH, H + pH), we = Math.min(ws + kW, W + pW);
                    int padded = (he - hs) * (we - ws), h0 = Math.max(hs, 0), w0 = Math.max(ws, 0);
                    int h1 = Math.min(he, H), w1 = Math.min(we, W);
                    double sum = 0;
                    for (int ih = h0; ih < h1; ih++) for (int iw = w0; iw < w1; iw++) sum += xv[(bc * H + ih) * W + iw];
                    int div = cip ? padded : (h1 - h0) * (w1 - w0);
                    avg[(bc * aH + oh) * aW + ow] = sum / div;
                }
        close(avg, ap.toDoubleArray(), dt == DType.F32 ? 1e-5 : 1e-12, "avg seed " + seed);
        // avg backward is the adjoint: <avg(x), g> == <x, avgBackward(g)>
        Tensor ga = Tensor.randn(gen, DType.F64, B, C, aH, aW);
        Tensor x64 = x.to(DType.F64);
        double lhs = Pooling.avgPool2d(x64, k, s, p, ceil, cip).mul(ga).sum().item();
        double rhs = x64.mul(Pooling.avgPool2dBackward(ga, H, W, k, s, p, ceil, cip)).sum().item();
        assertEquals(lhs, rhs, 1e-10 * (1 + Math.abs(lhs)), "avg adjoint");
    }

    @Test
    void oneDimensionalGoldens() {
        Tensor x = Tensor.of(1.0, 3.0, 2.0, 5.0, 4.0).reshape(1, 1, 5);
        ValuesIndices m = Pooling.maxPool1dWithIndices(x, 2, 2, 0, 1, false);
        assertArrayEquals(new double[] {3, 5}, m.values().toDoubleArray());
        assertArrayEquals(new long[] {1, 3}, m.indices().toLongArray());
        assertArrayEquals(new double[] {3, 5, 4}, Pooling.maxPool1d(x, 2, 2, 0, 1, true).toDoubleArray());
        assertArrayEquals(new double[] {2, 3.5}, Pooling.avgPool1d(x, 2).toDoubleArray());
        assertArrayEquals(new double[] {0.5, 2.5, 4.5}, Pooling.avgPool1d(x, 2, 2, 1, false, true).toDoubleArray());
        assertArrayEquals(new double[] {1, 2.5, 4.5}, Pooling.avgPool1d(x, 2, 2, 1, false, false).toDoubleArray());
        // unbatched 2-d input and NaN propagation
        Tensor img = Tensor.of(new double[] {1, Double.NaN, 3, 4}, 1, 2, 2);
        assertEquals(1, Pooling.maxPool2d(img, 2).numel());
        assertEquals(Double.NaN, Pooling.maxPool2d(img, 2).item());
        assertArrayEquals(new int[] {1, 1, 1}, Pooling.avgPool2d(img, 2).shape());
    }

    @Test
    void errors() {
        Tensor x = Tensor.zeros(1, 1, 4, 4);
        error("max_pool2d: input (1, 1, 4, 4), kernel=(2, 2), stride=(2, 2), padding=(2, 2), dilation=(1, 1): padding must be at most half the kernel size",
                () -> Pooling.maxPool2d(x, new int[] {2}, null, new int[] {2}, new int[] {1}, false));
        error("max_pool2d: input (4, 4): expected a 4-d input (B, C, H, W)", () -> Pooling.maxPool2d(Tensor.zeros(4, 4), 2));
        error("avg_pool2d: input (1, 1, 4, 4), kernel=(5, 5), stride=(5, 5), padding=(0, 0), dilation=(1, 1): output size (0, 0) is too small (ceilMode=false)",
                () -> Pooling.avgPool2d(x, 5));
        error("max_pool2d: input (1, 1, 4, 4): expected a floating dtype (f32 or f64), got i64", () -> Pooling.maxPool2d(x.to(DType.I64), 2));
        error("max_pool1d: input (4,) must be (B, C, L) or (C, L)", () -> Pooling.maxPool1d(Tensor.zeros(4), 2));
        error("max_pool2d_backward: grad (1, 1, 2, 2), indices (1, 1, 2, 2), input size (4, 4): indices must be i64, got f32",
                () -> Pooling.maxPool2dBackward(Tensor.zeros(1, 1, 2, 2), Tensor.zeros(1, 1, 2, 2), 4, 4));
        error("avg_pool2d_backward: grad (1, 1, 3, 3), input size (4, 4), kernel=(2, 2), stride=(2, 2), padding=(0, 0), dilation=(1, 1): grad must be (B, C, 2, 2) for that input size",
                () -> Pooling.avgPool2dBackward(Tensor.zeros(1, 1, 3, 3), 4, 4, new int[] {2}, null, new int[] {0}, false, true));
    }
}
