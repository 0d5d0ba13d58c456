package dev.weft.nn.functional;

import dev.weft.nn.layers.BatchNorm1d;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Pooling;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Laws and hand-computed values of the functional ops (PyTorch goldens cover the layers). */
class FLawsTest {
    private static final Generator G = new Generator(17);

    private static Tensor randn(int... shape) {
        return Tensor.randn(G, DType.F64, shape);
    }

    @Test
    void activationsMatchTheirFormulas() {
        double[] xs = {-3, -0.5, 0.25, 2};
        Tensor x = Tensor.of(xs);
        double[] relu = F.relu(x).toDoubleArray(), leaky = F.leakyRelu(x, 0.1).toDoubleArray(), elu = F.elu(x, 0.5).toDoubleArray(),
                silu = F.silu(x).toDoubleArray(), mish = F.mish(x).toDoubleArray(), sp = F.softplus(x, 2, 3).toDoubleArray(),
                gt = F.gelu(x, GeluApproximate.TANH).toDoubleArray(), sig = F.sigmoid(x).toDoubleArray();
        for (int i = 0; i < xs.length; i++) {
            double v = xs[i];
            assertEquals(Math.max(v, 0), relu[i], 1e-15);
            assertEquals(v > 0 ? v : 0.1 * v, leaky[i], 1e-15);
            assertEquals(v > 0 ? v : 0.5 * (Math.exp(v) - 1), elu[i], 1e-15);
            assertEquals(v / (1 + Math.exp(-v)), silu[i], 1e-14);
            assertEquals(v * Math.tanh(Math.log1p(Math.exp(v))), mish[i], 1e-14);
            assertEquals(2 * v > 3 ? v : Math.log1p(Math.exp(2 * v)) / 2, sp[i], 1e-14);
            assertEquals(0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v))), gt[i], 1e-14);
            assertEquals(1 / (1 + Math.exp(-v)), sig[i], 1e-15);
        }
        Tensor s = F.softmax(Tensor.of(new double[][] {{1, 2, 3}}), 1);
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertEquals(Math.exp(2) / z, s.get(0, 1), 1e-15);
        assertEquals(Math.log(Math.exp(3) / z), F.logSoftmax(Tensor.of(new double[][] {{1, 2, 3}}), 1).get(0, 2), 1e-14);
        var bad = assertThrows(IllegalArgumentException.class, () -> GeluApproximate.of("fast"));
        assertEquals("GeluApproximate.of('fast'): expected one of 'none', 'tanh'", bad.getMessage());
    }

    @Test
    void bilinearEqualsItsDefinition() {
        Tensor x1 = randn(3, 2), x2 = randn(3, 4), w = randn(5, 2, 4), b = randn(5);
        Tensor y = F.bilinear(x1, x2, w, b);
        for (int n = 0; n < 3; n++) {
            for (int k = 0; k < 5; k++) {
                double e = b.get(k);
                for (int i = 0; i < 2; i++) for (int j = 0; j < 4; j++) e += x1.get(n, i) * w.get(k, i, j) * x2.get(n, j);
                assertEquals(e, y.get(n, k), 1e-12);
            }
        }
    }

    @Test
    void adaptivePoolOnDivisibleSizesIsAPlainAveragePool() {
        Tensor x = randn(2, 3, 6, 8);
        assertTrue(F.adaptiveAvgPool2d(x, 3, 2).allclose(Pooling.avgPool2d(x, 2, 4), 1e-12, 1e-12));
        assertTrue(F.adaptiveAvgPool2d(x, 1).allclose(x.mean(new int[] {2, 3}, true), 1e-12, 1e-12));
        assertTrue(F.adaptiveAvgPool1d(x.select(2, 0), 4).allclose(Pooling.avgPool1d(x.select(2, 0), 2), 1e-12, 1e-12));
    }

    @Test
    void groupNormWithOneGroupPerChannelIsInstanceNormAndWithOneGroupIsLayerNorm() {
        Tensor x = randn(2, 4, 5);
        Tensor one = F.groupNorm(x, 1, null, null, 1e-5);
        assertTrue(one.allclose(F.layerNorm(x, new int[] {4, 5}, null, null, 1e-5), 1e-12, 1e-12));
        Tensor inst = F.groupNorm(x, 4, null, null, 1e-5);
        Tensor mean = x.mean(new int[] {2}, true), var = x.var(new int[] {2}, 0, true);
        assertTrue(inst.allclose(x.sub(mean).div(var.add(1e-5).sqrt()), 1e-12, 1e-12));
        assertThrows(IllegalArgumentException.class, () -> F.groupNorm(x, 3, null, null, 1e-5));
    }

    @Test
    void rmsNormDividesByTheRootMeanSquare() {
        Tensor x = Tensor.of(new double[][] {{3, 4}});
        Tensor y = F.rmsNorm(x, new int[] {2}, Tensor.of(2.0, 1.0), 0.0);
        double rms = Math.sqrt((9 + 16) / 2.0);
        assertEquals(2 * 3 / rms, y.get(0, 0), 1e-15);
        assertEquals(4 / rms, y.get(0, 1), 1e-15);
    }

    @Test
    void batchNormWithoutMomentumKeepsTheCumulativeAverage() {
        BatchNorm1d bn = new BatchNorm1d(BatchNorm1d.options(2).cumulativeMovingAverage().affine(false));
        bn.to(DType.F64);
        Tensor a = randn(4, 2), b = randn(6, 2);
        bn.forward(a);
        bn.forward(b);
        Tensor expected = a.mean(0).add(b.mean(0)).div(2);
        assertTrue(bn.namedBuffers().get("running_mean").allclose(expected, 1e-12, 1e-12));
        Tensor expectedVar = Tensor.ones(DType.F64, 2).mul(0.0).add(a.var(0).add(b.var(0)).div(2));
        assertTrue(bn.namedBuffers().get("running_var").allclose(expectedVar, 1e-12, 1e-12));
        assertEquals(2, bn.namedBuffers().get("num_batches_tracked").itemLong());
        var e = assertThrows(IllegalArgumentException.class, () -> bn.forward(randn(1, 2)));
        assertTrue(e.getMessage().contains("more than 1 value per channel"), e.getMessage());
    }

    @Test
    void convTransposeIsTheAdjointOfConv() {
        // <conv(x), y> = <x, convT(y)> for the same weight, stride, padding, dilation, groups
        Tensor w = randn(4, 1, 3, 2);                          // conv: C_in 2, C_out 4, groups 2; convT: C_in 4, C_out 2
        Tensor x = randn(2, 2, 7, 6);
        int[] s = {2, 1}, p = {1, 0}, d = {1, 2};
        Tensor cx = F.conv2d(x, w, null, s, p, d, 2);
        Tensor y = randn(cx.shape());
        int[] op = {(7 + 2 * p[0] - d[0] * 2 - 1) % s[0], 0};
        Tensor ty = F.convTranspose2d(y, w, null, s, p, op, 2, d);
        assertArrayEquals(x.shape(), ty.shape());
        assertEquals(cx.mul(y).sum().item(), x.mul(ty).sum().item(), 1e-10);
    }

    @Test
    void conv2dSamePaddingKeepsTheSizeAndErrorsNameShapes() {
        Tensor x = randn(1, 2, 5, 6), w = randn(3, 2, 4, 3);
        assertArrayEquals(new int[] {1, 3, 5, 6}, F.conv2d(x, w, null, new int[] {1}, Padding.SAME, new int[] {1}, 1).shape());
        var e = assertThrows(IllegalArgumentException.class, () -> F.conv2d(randn(1, 3, 5, 5), w, null));
        assertTrue(e.getMessage().contains("(1, 3, 5, 5)") && e.getMessage().contains("(3, 2, 4, 3)"), e.getMessage());
        var l = assertThrows(IllegalArgumentException.class, () -> F.linear(randn(3, 3, 4), randn(2, 5, 4), null));
        assertTrue(l.getMessage().contains("per-sample weight (2, 5, 4)"), l.getMessage());
    }

    @Test
    void embeddingRejectsOutOfRangeIndices() {
        var e = assertThrows(IndexOutOfBoundsException.class, () -> F.embedding(Tensor.of(0L, 7L), randn(5, 2)));
        assertEquals("embedding: indices (2,) hold 7, outside [0, 5) rows of weight (5, 2)", e.getMessage());
    }
}
