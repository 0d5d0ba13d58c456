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
        Dropout d = new Dropout(0.5, new Generator(1));
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
}
