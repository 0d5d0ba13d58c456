package dev.weft.nn.weightspace;

import dev.weft.autograd.Gradcheck;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Sinkhorn's soft assignment (doubly stochastic, tends to the assignment as tau -> 0, gradients) and interpolation with its barrier. */
class SinkhornInterpolationTest {
    private static Tensor randn(long seed, int... shape) {
        return Tensor.randn(new Generator(seed), DType.F64, shape);
    }

    @Test
    void sinkhornIsDoublyStochastic() {
        for (double tau : new double[] {10, 1, 0.3}) {
            Tensor p = Sinkhorn.sinkhorn(randn(1, 7, 7), tau);
            for (double s : p.sum(0).toDoubleArray()) assertEquals(1, s, 1e-9, "columns, tau " + tau);
            for (double s : p.sum(1).toDoubleArray()) assertEquals(1, s, 1e-9, "rows, tau " + tau);
            for (double v : p.toDoubleArray()) assertTrue(v >= 0);
        }
    }

    @Test
    void approachesTheAssignmentAsTemperatureFalls() {
        Tensor s = randn(2, 8, 8);
        int[] sigma = LinearAssignment.linearSumAssignment(s, true);
        double[] perm = new double[64];
        for (int i = 0; i < 8; i++) perm[i * 8 + sigma[i]] = 1;
        Tensor target = Tensor.of(perm, 8, 8);
        double previous = Double.POSITIVE_INFINITY;
        for (double tau : new double[] {1, 0.1, 0.01, 0.002}) {
            double dist = Sinkhorn.sinkhorn(s, tau, 100_000, 1e-12).sub(target).abs().max().item();
            assertTrue(dist < previous, "tau " + tau + ": " + dist + " after " + previous);
            previous = dist;
        }
        assertTrue(previous < 1e-3, "max |P - P_LAP| at tau 0.002: " + previous);
    }

    @Test
    void gradientsFlowThroughTheIterations() {
        Tensor s = randn(3, 3, 3).requiresGrad(true), w = randn(4, 3, 3);
        // fixed iteration count (tolerance below reach), so that the function is the same at every probe
        assertTrue(Gradcheck.gradcheck("sinkhorn", a -> Sinkhorn.sinkhorn(a[0], 0.7, 20, 1e-300).mul(w).sum(), s));
    }

    @Test
    void sinkhornErrors() {
        assertThrows(IllegalArgumentException.class, () -> Sinkhorn.sinkhorn(randn(1, 2, 3), 1));
        var e = assertThrows(IllegalArgumentException.class, () -> Sinkhorn.sinkhorn(randn(1, 2, 2), 0));
        assertTrue(e.getMessage().contains("temperature"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sinkhorn.sinkhorn(Tensor.of(new double[][] {{0, Double.NaN}, {1, 2}}), 1));
    }

    @Test
    void lerpEndsAtTheTwoStatesAndIsLinear() {
        Map<String, Tensor> a = new LinkedHashMap<>(), b = new LinkedHashMap<>();
        a.put("w", randn(1, 3, 2));
        b.put("w", randn(2, 3, 2));
        assertArrayEquals(a.get("w").toDoubleArray(), Interpolation.lerp(a, b, 0).get("w").toDoubleArray(), 0);
        assertArrayEquals(b.get("w").toDoubleArray(), Interpolation.lerp(a, b, 1).get("w").toDoubleArray(), 0);
        double[] mid = Interpolation.lerp(a, b, 0.25).get("w").toDoubleArray(), wa = a.get("w").toDoubleArray(), wb = b.get("w").toDoubleArray();
        for (int i = 0; i < mid.length; i++) assertEquals(0.75 * wa[i] + 0.25 * wb[i], mid[i], 1e-15);
        b.put("extra", randn(3, 1));
        var e = assertThrows(IllegalArgumentException.class, () -> Interpolation.lerp(a, b, 0.5));
        assertTrue(e.getMessage().contains("extra missing in a"), e.getMessage());
    }

    @Test
    void lossBarrier() {
        // chord at 0.5 is 1.5, the path is at 3: barrier 1.5
        assertEquals(1.5, Interpolation.lossBarrier(new double[] {0, 0.5, 1}, new double[] {1, 3, 2}), 1e-15);
        // a path below its chord: the end points give 0
        assertEquals(0, Interpolation.lossBarrier(Interpolation.lambdas(4), new double[] {1, 0.5, 0.4, 0.6, 2}), 0);
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, Interpolation.lambdas(4), 0);
        assertThrows(IllegalArgumentException.class, () -> Interpolation.lossBarrier(new double[] {0, 1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Interpolation.lossBarrier(new double[] {0, 0.7, 0.5, 1}, new double[] {1, 1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> Interpolation.lossBarrier(new double[] {0.1, 1}, new double[] {1, 1}));
    }
}
