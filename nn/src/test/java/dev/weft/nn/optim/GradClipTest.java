package dev.weft.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** clipGradNorm (2, 1, inf norms; below/above the limit; non-finite) and clipGradValue against hand values. */
class GradClipTest {
    private static List<Tensor> params(double[] g1, double[] g2) {
        Tensor a = Tensor.zeros(g1.length).to(dev.weft.tensor.core.DType.F64).requiresGrad(true);
        Tensor b = Tensor.zeros(g2.length).to(dev.weft.tensor.core.DType.F64).requiresGrad(true);
        Tensor c = Tensor.zeros(2).requiresGrad(true);                    // no gradient: skipped
        a.setGrad(Tensor.of(g1));
        b.setGrad(Tensor.of(g2));
        return List.of(a, b, c);
    }

    @Test
    void clipsByTheTotalTwoNorm() {
        List<Tensor> ps = params(new double[] {3, 0}, new double[] {0, 4});  // total norm 5
        double total = GradClip.clipGradNorm(ps, 1.0);
        assertEquals(5.0, total, 0.0);
        double c = 1.0 / (5.0 + 1e-6);
        assertArrayEquals(new double[] {3 * c, 0}, ps.get(0).grad().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {0, 4 * c}, ps.get(1).grad().toDoubleArray(), 1e-15);
    }

    @Test
    void leavesSmallGradientsAlone() {
        List<Tensor> ps = params(new double[] {0.3}, new double[] {0.4});
        assertEquals(0.5, GradClip.clipGradNorm(ps, 1.0), 1e-15);
        assertEquals(0.3, ps.get(0).grad().get(0), 0.0);
    }

    @Test
    void oneAndInfinityNorms() {
        List<Tensor> ps = params(new double[] {1, -2}, new double[] {-6});
        assertEquals(9.0, GradClip.clipGradNorm(ps, 100.0, 1.0, false), 1e-12);
        List<Tensor> qs = params(new double[] {1, -2}, new double[] {-6});
        assertEquals(6.0, GradClip.clipGradNorm(qs, 3.0, Double.POSITIVE_INFINITY, false), 0.0);
        assertEquals(-6 * 3.0 / (6 + 1e-6), qs.get(1).grad().get(0), 1e-12);
    }

    @Test
    void nonFiniteNormIsAnErrorOnRequest() {
        List<Tensor> ps = params(new double[] {Double.NaN}, new double[] {1});
        String m = assertThrows(IllegalStateException.class, () -> GradClip.clipGradNorm(ps, 1.0, 2.0, true)).getMessage();
        assertTrue(m.contains("non-finite"), m);
        assertEquals(1.0, ps.get(1).grad().get(0), 0.0);
        assertTrue(Double.isNaN(GradClip.clipGradNorm(ps, 1.0, 2.0, false)));
    }

    @Test
    void clipGradValueClamps() {
        List<Tensor> ps = params(new double[] {-3, 0.5}, new double[] {2});
        GradClip.clipGradValue(ps, 1.0);
        assertArrayEquals(new double[] {-1, 0.5}, ps.get(0).grad().toDoubleArray(), 0.0);
        assertArrayEquals(new double[] {1}, ps.get(1).grad().toDoubleArray(), 0.0);
    }
}
