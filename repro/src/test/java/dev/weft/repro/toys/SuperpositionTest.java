package dev.weft.repro.toys;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.plot.Drawing;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * superposition's parts (its quick run is in QuickReproductionsTest): the toy model against its formula, the sparse
 * batches' zero rate, the counts read off W, and the picture (one cell per W^T W entry, a bar per feature).
 */
class SuperpositionTest {
    @Test
    void toyModelIsReluOfWtWxPlusB() {
        ToyModel m = new ToyModel(6, 2, new Generator(1));
        Tensor x = Tensor.rand(new Generator(2), 4, 6);
        Tensor w = m.namedParameters().get("W");
        assertArrayEquals(new int[] {2, 6}, w.shape());
        Tensor want = x.matmul(w.t().matmul(w)).relu();                     // b starts at zero
        assertTrue(m.forward(x).allclose(want, 0, 1e-5));
        double[] norms = m.featureNorms(), g = m.wtw().toDoubleArray();
        for (int i = 0; i < 6; i++) assertEquals(norms[i] * norms[i], g[i * 6 + i], 1e-5);
    }

    @Test
    void batchesHaveTheStatedSparsity() {
        Tensor x = ToyModel.batch(2000, 20, 0.9, new Generator(3));
        double zeros = x.eq(0.0).to(dev.weft.tensor.core.DType.F64).mean().item();
        assertEquals(0.9, zeros, 0.01);
        assertTrue(x.max().item() <= 1 && x.min().item() >= 0);
    }

    @Test
    void countsAndInterferenceReadOffW() {
        double[] norms = {1.0, 0.9, 0.4, 0.6, 0.0};
        assertEquals(3, Superposition.countAbove(norms, 0.5, 5));
        assertEquals(2, Superposition.countAbove(norms, 0.5, 2));
        double[][] g = Superposition.square(new double[] {1, -0.3, 0.2, 1}, 2);
        assertEquals(0.3, Superposition.maxOffDiagonal(g), 0);
        assertEquals(0.2, g[1][0]);
    }

    @Test
    void pictureHasACellPerEntryAndABarPerFeature() {
        double[][] g = Superposition.square(new double[] {1, -1, 0, 1, 0.5, 0, 0, 0, 0}, 3);
        Drawing d = SuperpositionPicture.draw("t", new double[] {0, 0.9}, List.of(g, g), List.of(new double[] {1, 0.2, 0.7},
                new double[] {1, 1, 1}));
        long boxes = d.marks().stream().filter(mk -> mk instanceof Drawing.Box).count();
        // background + per panel: 9 cells, a frame, 3 bars
        assertEquals(1 + 2 * (9 + 1 + 3), boxes);
        assertEquals(new Color(255, 0, 0), SuperpositionPicture.diverging(1));
        assertEquals(new Color(0, 0, 255), SuperpositionPicture.diverging(-3));
        assertEquals(Color.WHITE, SuperpositionPicture.diverging(0));
        assertTrue(d.marks().stream().anyMatch(mk -> mk instanceof Drawing.Text t && t.text().equals("2 of 3 represented")));
    }
}
