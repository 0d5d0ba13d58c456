package dev.weft.repro.kan;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.nn.Module;
import dev.weft.nn.kan.KAN;
import dev.weft.repro.Claim;
import dev.weft.repro.Unit;
import dev.weft.tensor.Generator;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * kan-feynman's parts (its quick run is in QuickReproductionsTest): the sampling box and the [-1, 1] inputs, the
 * MLP sized to the KAN, the bounds below each target's spread, the box's corners among the grid samples, the RMSE unit,
 * and the validation-chosen grid.
 */
class KanFeynmanTest {
    static final KanVsMlp.Target PRODUCT = new KanVsMlp.Target("x y", new double[] {1, 2}, new double[] {5, 3}, p -> p[0] * p[1]);

    @Test
    void samplesAreUniformInTheBoxAndTheInputsScaledToPlusMinusOne() {
        KanVsMlp.Data d = KanVsMlp.sample(PRODUCT, 2000, new Generator(3));
        double[] x = d.x().toDoubleArray(), y = d.y().toDoubleArray();
        assertArrayEquals(new int[] {2000, 2}, d.x().shape());
        double sum0 = 0;
        for (int i = 0; i < 2000; i++) {
            double a = 1 + 2 * (x[2 * i] + 1), b = 2 + 0.5 * (x[2 * i + 1] + 1);
            assertTrue(Math.abs(x[2 * i]) <= 1 && Math.abs(x[2 * i + 1]) <= 1);
            assertEquals(a * b, y[i], 1e-12, "y = f at the unscaled point");
            sum0 += x[2 * i];
        }
        assertEquals(0, sum0 / 2000, 0.05, "uniform on [-1, 1]: mean 0");
        assertArrayEquals(x, KanVsMlp.sample(PRODUCT, 2000, new Generator(3)).x().toDoubleArray(), "seeded");
        assertThrows(IllegalArgumentException.class, () -> new KanVsMlp.Target("bad", new double[] {1}, new double[] {1}, p -> 0));
    }

    @Test
    void theMlpHasAboutTheKansParameterCount() {
        KAN kan = new KAN(KAN.options(3, 5, 1).grid(20).generator(new Generator(0)));
        long p = kan.numParameters();
        int h = KanVsMlp.mlpWidthFor(p, 3);
        Module mlp = KanVsMlp.mlp(3, h, new Generator(0));
        assertEquals(KanVsMlp.count(3, h), mlp.numParameters());
        assertTrue(Math.abs(mlp.numParameters() - p) <= 2 * h + 4, "KAN " + p + ", MLP " + mlp.numParameters());
    }

    @Test
    void boundsSitWellBelowEachTargetsSpreadAndTheQuickOnesAreLooser() {
        for (KanFeynman.Eq e : KanFeynman.EQUATIONS) {
            assertTrue(e.kanBound() * 30 <= e.std(), e.name() + ": KAN bound " + e.kanBound() + " vs std " + e.std());
            assertTrue(e.mlpBound() <= e.std() / 3, e.name());
        }
        for (Claim c : new KanFeynman().claims()) assertTrue(c.quickTarget() >= c.target(), c.metric());
        assertEquals(2 * KanFeynman.EQUATIONS.size(), new KanFeynman().claims().size());
    }

    @Test
    void theGridSamplesHoldEveryCornerOfTheBox() {
        assertArrayEquals(new double[] {-1, -1, 1, -1, -1, 1, 1, 1}, KanVsMlp.corners(2).toDoubleArray());
        assertArrayEquals(new int[] {8, 3}, KanVsMlp.corners(3).shape());
        double[] c = KanVsMlp.corners(3).toDoubleArray();
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (int i = 0; i < 8; i++) distinct.add(c[3 * i] + "," + c[3 * i + 1] + "," + c[3 * i + 2]);
        assertEquals(8, distinct.size());
    }

    @Test
    void rmseIsAUnitOfItsOwnFormattedLikeMse() {
        assertEquals(Unit.RMSE, Unit.of("rmse"));
        assertEquals("rmse", Unit.RMSE.symbol());
        assertEquals("1.23e-04", Unit.RMSE.format(1.234e-4));
        assertEquals("-", Unit.RMSE.format(Double.NaN));
    }

    @Test
    void theKanIsTakenAtTheGridThatDoesBestOnValidation() {
        KanVsMlp.Data train = KanVsMlp.sample(PRODUCT, 200, new Generator(1)), val = KanVsMlp.sample(PRODUCT, 200, new Generator(2));
        KanVsMlp.KanFit fit = KanVsMlp.trainKan(new int[] {2, 2, 1}, new int[] {3, 5}, 3, train, val, new Generator(0), s -> {});
        assertTrue(Arrays.asList(3, 5).contains(fit.grid()));
        assertEquals(fit.grid(), fit.model().grid);
        assertEquals(KanVsMlp.rmse(fit.model(), val), fit.validation(), 0);
        assertTrue(fit.validation() < KanVsMlp.std(val), "trained: " + fit.validation() + " vs std " + KanVsMlp.std(val));
    }
}
