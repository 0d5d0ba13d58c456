package dev.weft.repro.hyper;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.nn.hyper.HMLP;
import dev.weft.nn.hyper.HyperInit;
import dev.weft.repro.Curve;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * mip-hyper's parts (its quick run is in QuickReproductionsTest): the mixed loss at its ends (MSE at lambda 0, MAE
 * at 1), the one-sided outliers of the data, the two parametrizations over the same target, steps to the target
 * loss (the budget when never reached), the mean curve, and the closing line saying which was faster.
 */
class MipHyperTest {
    @Test
    void theMixedLossIsTheMseAtZeroAndTheMaeAtOne() {
        Tensor p = Tensor.of(new float[] {1, 2, 3}, 3, 1), y = Tensor.of(new float[] {0, 2, 5}, 3, 1);
        // r = (1, 0, -2): mean r^2 = 5/3, mean |r| = 1
        assertEquals(5.0 / 3, MipHyper.mixedLoss(p, y, 0).item(), 1e-6);
        assertEquals(1, MipHyper.mixedLoss(p, y, 1).item(), 1e-6);
        assertEquals(0.25 * 1 + 0.75 * 5.0 / 3, MipHyper.mixedLoss(p, y, 0.25).item(), 1e-6);
    }

    @Test
    void theDataHaveOneSidedOutliersAtTheStatedRate() {
        Tensor[] d = MipHyper.data(new Generator(0), 20_000);
        Tensor x = d[0], r = d[1].sub(x.mul(3).sin().add(x.mul(7).sin().mul(0.5)));
        assertArrayEquals(new int[] {20_000, 1}, d[1].shape());
        assertTrue(x.min().item() >= -2 && x.max().item() <= 2);
        double above = r.gt(MipHyper.OUTLIER_LO - 2 * MipHyper.NOISE).to(dev.weft.tensor.core.DType.F32).mean().item();
        assertEquals(MipHyper.OUTLIER_RATE, above, 0.02, "share of outliers");
        assertTrue(r.min().item() > -6 * MipHyper.NOISE, "no outlier below the curve");
        assertTrue(MipHyper.data(new Generator(0), 5)[1].equal(MipHyper.data(new Generator(0), 5)[1]),
                "same seed, same data");
    }

    @Test
    void bothParametrizationsGenerateTheSameTarget() {
        HMLP mip = MipHyper.hypernetwork(true, HyperInit.TARGET_SCALE, new Generator(1));
        HMLP std = MipHyper.hypernetwork(false, HyperInit.TARGET_SCALE, new Generator(1));
        assertEquals(1153, mip.layout().numel(), "MLP 1-32-32-1: 32 + 32 + 1024 + 32 + 32 + 1");
        assertEquals(mip.layout().numel(), std.layout().numel());
        assertEquals(2, mip.inputSize(), "MIP reads (cos, sin) of lambda");
        assertEquals(1, std.inputSize());
        assertTrue(mip.isMip() && !std.isMip());
        assertTrue(mip.namedParameters().containsKey("theta0") && !std.namedParameters().containsKey("theta0"));
        assertFalse(MipHyper.trainable(mip).stream().anyMatch(t -> t == mip.target().namedParameters().get("0.weight")),
                "the target's own (generated) tensors are not trained");
        Tensor x = Tensor.of(new float[] {0.5f, -1f}, 2, 1);
        assertArrayEquals(new int[] {2, 1}, mip.forward(Tensor.of(0.3f), x).shape());
    }

    @Test
    void stepsToTheTargetAreTheFirstEvaluationAtOrBelowItElseTheBudget() {
        double[] curve = {1.0, 0.5, 0.25, 0.3, 0.2};
        assertEquals(2.0 * MipHyper.EVAL_EVERY, MipHyper.stepsTo(curve, 0.25, 100));
        assertEquals(100, MipHyper.stepsTo(curve, 0.1, 100));
        assertEquals(0, MipHyper.stepsTo(curve, 1.0, 100));
    }

    @Test
    void theCurveIsTheMeanOverSeedsAndTheFindingSaysWhichWasFaster() {
        Curve c = MipHyper.meanCurve("MIP", new double[][] {{1, 0.5, 0.2}, {3, 0.5, 0.4}});
        assertEquals(List.of(0.0, (double) MipHyper.EVAL_EVERY, 2.0 * MipHyper.EVAL_EVERY), c.x());
        assertEquals(List.of(2.0, 0.5, 0.30000000000000004), c.y());
        assertTrue(MipHyper.finding(2, 100, 200, 600).contains("MIP converged 2.00x faster"), MipHyper.finding(2, 100, 200, 600));
        String slower = MipHyper.finding(0.5, 200, 100, 600);
        assertTrue(slower.contains("MIP was NOT faster here: it took 2.00x"), slower);
        assertTrue(MipHyper.finding(1, 600, 600, 600).endsWith("no difference here (neither reached it)"));
    }
}
