package dev.weft.nn.functional;

import dev.weft.nn.layers.Dropout;
import dev.weft.nn.layers.LayerNorm;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class FBasicsTest {
    @Test
    void dropoutKeepsOrZeroesAndScalesInTrainingOnly() {
        Tensor x = Tensor.ones(DType.F64, 2000);
        Tensor y = F.dropout(x, 0.25, true, new Generator(5));
        double[] v = y.toDoubleArray();
        int kept = 0;
        for (double e : v) {
            if (e != 0) { assertEquals(1 / 0.75, e, 1e-12); kept++; }
        }
        assertEquals(1500, kept, 80);
        assertSame(x, F.dropout(x, 0.25, false, new Generator(5)));
        assertEquals(0, F.dropout(x, 1, true, new Generator(5)).abs().sum().item());
        assertThrows(IllegalArgumentException.class, () -> F.dropout(x, 1.5, true, new Generator(5)));
        Dropout d = new Dropout(Dropout.options().p(0.5).generator(new Generator(1)));
        d.eval();
        assertSame(x, d.forward(x));
        assertEquals("Dropout(p=0.5)", d.toString());
    }

    @Test
    void layerNormHasZeroMeanUnitVarianceRows() {
        Tensor x = Tensor.randn(new Generator(2), DType.F64, 3, 8).mul(4).add(2);
        Tensor y = F.layerNorm(x, new int[] {8}, null, null, 0);
        assertTrue(y.mean(1).abs().max().item() < 1e-12);
        assertTrue(y.square().mean(1).sub(1).abs().max().item() < 1e-12);
        LayerNorm ln = new LayerNorm(8);
        assertEquals("LayerNorm((8,), eps=1e-05, elementwiseAffine=true)", ln.toString());
        assertTrue(ln.forward(x.to(DType.F32)).allclose(y.to(DType.F32), 1e-4, 1e-5));
    }

    @Test
    void linearRejectsMismatchedWeight() {
        var e = assertThrows(IllegalArgumentException.class, () -> F.linear(Tensor.zeros(2, 3), Tensor.zeros(4, 5), null));
        assertEquals("linear: input (2, 3), weight (4, 5): last dim 3 != in 5", e.getMessage());
    }

    @Test
    void shortFormsEqualTheFullCalls() {
        Generator g = new Generator(9);
        Tensor x = Tensor.randn(g, 2, 3, 8, 8), w = Tensor.randn(g, 4, 3, 3, 3), b = Tensor.randn(g, 4);
        assertTrue(F.maxPool2d(x, 2).equal(F.maxPool2d(x, new int[] {2}, null, new int[] {0}, new int[] {1}, false)));
        assertArrayEquals(new int[] {2, 3, 4, 4}, F.maxPool2d(x, 2).shape());
        assertArrayEquals(new int[] {2, 3, 3, 3}, F.avgPool2d(x, 3, 2).shape());
        assertTrue(F.avgPool2d(x, 2).equal(F.avgPool2d(x, new int[] {2}, null, new int[] {0}, false, true)));
        assertTrue(F.conv2d(x, w, b, 2, 1).equal(F.conv2d(x, w, b, new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 1}, 1)));
        Tensor logits = Tensor.randn(g, 5, 4), target = Tensor.of(new long[] {0, 3, 1, 2, 3});
        assertTrue(F.crossEntropy(logits, target).equal(dev.weft.nn.loss.Losses.crossEntropy(logits, target)));
        assertTrue(F.crossEntropy(logits, target, 0.1).equal(dev.weft.nn.loss.Losses.crossEntropy(logits, target, null, -100,
                dev.weft.nn.loss.Reduction.MEAN, 0.1)));
        assertTrue(F.mseLoss(logits, logits.mul(2.0)).equal(dev.weft.nn.loss.Losses.mseLoss(logits, logits.mul(2.0))));
    }
}
