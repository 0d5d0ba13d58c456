package dev.weft.repro.kan;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.autograd.GradMode;
import dev.weft.nn.Module;
import dev.weft.nn.layers.Linear;
import dev.weft.repro.Curve;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * fan-periodic's parts (its quick run is in QuickReproductionsTest): FAN and MLP of about the same size, the
 * parameter count of the FAN repository's layers, the in/out-of-range split of the error (a zero predictor scores
 * each target's variance on both sides), and the figure's series (clipped, the training range framed).
 */
class FanPeriodicTest {
    @Test
    void fanAndMlpHaveAboutTheSameSizeAsTheRepositorysFormulas() {
        int d = FanPeriodic.FAN_WIDTH, h = FanPeriodic.MLP_WIDTH, p = d / 4;
        long fan = FanPeriodic.fan(d, new Generator(0)).numParameters();
        long mlp = FanPeriodic.mlp(h, new Generator(0)).numParameters();
        // Linear(1, d) + 2 FANLayer(d, d): p (d + 1) for W_p, B_p and (d - 2p)(d + 1) for W_g, B_g + Linear(d, 1)
        assertEquals(2L * d + 2L * (d - p) * (d + 1) + d + 1, fan);
        assertEquals(2L * h + 2L * h * (h + 1) + h + 1, mlp);
        assertEquals(14_257, fan);
        assertTrue(Math.abs(mlp - fan) < 0.025 * fan, "FAN " + fan + " and MLP " + mlp + " parameters");
        Tensor y = FanPeriodic.fan(d, new Generator(1)).forward(Tensor.of(new float[] {0.5f, -2f}, 2, 1));
        assertArrayEquals(new int[] {2, 1}, y.shape());
    }

    @Test
    void aZeroPredictorScoresEachTargetsVarianceInsideAndOutside() {
        Module zero = new Linear(1, 1, true, new Generator(0));
        try (var s = GradMode.noGrad()) {
            for (Tensor p : zero.parameters()) p.zero_();
        }
        for (FanPeriodic.Task t : FanPeriodic.TASKS) {
            double[] x = FanPeriodic.linspace(-3 * t.range(), 3 * t.range(), FanPeriodic.TEST_POINTS);
            Object[] e = FanPeriodic.evaluate(zero, t, x, FanPeriodic.target(t, x));
            assertEquals(t.variance(), (double) e[0], 0.01, t.formula() + " inside");
            assertEquals(t.variance(), (double) e[1], 0.01, t.formula() + " outside");
        }
        FanPeriodic.Task sin = FanPeriodic.TASKS.getFirst();
        double[] x = {-20, -18.8, 0, 18.8, 19};                          // 6 pi = 18.85: two of these outside
        Tensor y = Tensor.of(new float[] {1, 1, 1, 1, 1}, 5, 1);
        Object[] e = FanPeriodic.evaluate(zero, sin, x, y);
        assertEquals(1, (double) e[0], 0);
        assertEquals(1, (double) e[1], 0);
    }

    @Test
    void theFiguresSeriesAreClippedAndFrameTheTrainingRange() {
        FanPeriodic.Task t = FanPeriodic.TASKS.getFirst();
        double[] x = FanPeriodic.linspace(-50, 50, 9), y = new double[9], fan = new double[9], mlp = new double[9];
        for (int i = 0; i < 9; i++) { y[i] = Math.sin(x[i]); fan[i] = y[i]; mlp[i] = x[i]; }
        List<Curve> c = FanPeriodic.fits(t, x, y, fan, mlp);
        assertEquals(List.of("target sin(x)", "FAN", "MLP", "training range"), c.stream().map(Curve::series).toList());
        assertEquals(List.of(-50.0, 50.0), List.of(c.get(2).x().getFirst(), c.get(2).x().getLast()));
        assertTrue(c.get(2).y().stream().allMatch(v -> Math.abs(v) <= FanPeriodic.CLIP), c.get(2).y().toString());
        assertEquals(-FanPeriodic.CLIP, c.get(2).y().getFirst());
        assertEquals(List.of(-t.range(), -t.range(), t.range(), t.range()), c.get(3).x());
    }
}
