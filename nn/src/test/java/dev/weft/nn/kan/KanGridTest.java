package dev.weft.nn.kan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The grid machinery: update_grid_from_samples places the knots at the samples' percentiles (gridEps 0), uniformly
 * over their range (gridEps 1) or in between, and keeps each edge's spline up to fit error; grid extension
 * (refine) keeps the layer's function, exactly (up to rounding) when the new grid nests the old one.
 */
class KanGridTest {
    static KANLayer layer(int in, int out, int num, double eps, long seed) {
        KANLayer l = new KANLayer(KANLayer.options(in, out).num(num).noiseScale(2).gridEps(eps).generator(new Generator(seed)));
        l.to(DType.F64);
        return l;
    }

    static double maxAbsDiff(Tensor a, Tensor b) {
        return a.sub(b).abs().max().item();
    }

    @Test
    void theUpdatedGridIsThePercentilesOrTheUniformGrid() {
        Tensor x = KanLayerTest.uniform(new Generator(1), DType.F64, -3, 2, 40, 2);
        double[] sorted0 = x.select(1, 0).contiguous().toDoubleArray();
        Arrays.sort(sorted0);
        for (double eps : new double[] {0, 1, 0.02}) {
            KANLayer l = layer(2, 1, 5, eps, 2);
            l.updateGridFromSamples(x);
            double[] g = l.grid().select(0, 0).contiguous().toDoubleArray();   // 5 + 2*3 + 1 knots
            double lo = sorted0[0], hi = sorted0[39], h = (hi - lo) / 5;
            for (int i = 0; i <= 5; i++) {
                double adaptive = sorted0[i == 5 ? 39 : 8 * i], uniform = lo + h * i;
                assertEquals(eps * uniform + (1 - eps) * adaptive, g[3 + i], 1e-12, "eps " + eps + ", inner knot " + i);
            }
            for (int i = 1; i <= 3; i++) {
                assertEquals(g[3] - i * h, g[3 - i], 1e-12, "eps " + eps + ", left knot " + i);
                assertEquals(g[8] + i * h, g[8 + i], 1e-12, "eps " + eps + ", right knot " + i);
            }
        }
    }

    /** max |A^T (A coef - y)| per input: zero when coef is the least-squares fit of the curves y at x. */
    static double normalEquationResidual(Tensor x, Tensor y, Tensor grid, Tensor coef, int k) {
        Tensor a = Spline.basis(x, grid, k).permute(1, 0, 2);                         // (in, B, nb)
        Tensor r = Spline.coefToCurve(x, grid, coef, k).sub(y).permute(1, 0, 2);      // (in, B, out)
        return a.transpose(1, 2).bmm(r).abs().max().item();
    }

    @Test
    void updatingTheGridKeepsTheSplinesUpToFitError() {
        KANLayer l = layer(3, 2, 5, 0.02, 3);
        Tensor x = KanLayerTest.uniform(new Generator(4), DType.F64, -0.9, 0.9, 200, 3);
        Tensor coef = l.coef(), curves = Spline.coefToCurve(x, l.grid(), l.coef(), 3), before = l.forward(x);
        double scale = before.abs().max().item();
        l.updateGridFromSamples(x);
        assertSame(coef, l.coef(), "coef is updated in place");
        assertTrue(normalEquationResidual(x, curves, l.grid(), l.coef(), 3) < 1e-10, "the refit is not the least-squares fit");
        double err = maxAbsDiff(before, l.forward(x));
        assertTrue(err < 0.1 * scale, "output changed by " + err + " (output scale " + scale + ")");
    }

    @Test
    void refiningToANestedGridKeepsTheFunctionExactly() {
        KANLayer l = layer(3, 2, 5, 0.02, 5);
        Tensor x = KanLayerTest.uniform(new Generator(6), DType.F64, -1, 1, 100, 3);
        KANLayer fine = l.refine(10, x);
        assertEquals(10, fine.num);
        assertEquals(DType.F64, fine.coef().dtype());
        double[] g = fine.grid().select(0, 1).contiguous().toDoubleArray();
        for (int i = 0; i < g.length; i++) assertEquals(-1.6 + 0.2 * i, g[i], 1e-7, "refined knot " + i); // the F32-built grid, widened
        assertTrue(maxAbsDiff(l.forward(x), fine.forward(x)) < 1e-10, "nested refinement changed the function");
        assertTrue(fine.mask().equal(l.mask()) && fine.stateDict().get("scale_base").equal(l.stateDict().get("scale_base")));
    }

    @Test
    void refiningToAnotherGridKeepsTheFunctionUpToFitError() {
        KANLayer l = layer(2, 3, 5, 0.02, 7);
        Tensor x = KanLayerTest.uniform(new Generator(8), DType.F64, -1, 1, 300, 2);
        l.updateGridFromSamples(x);           // a non-uniform parent grid
        Tensor before = l.forward(x);
        double scale = before.abs().max().item();
        Tensor curves = Spline.coefToCurve(x, l.grid(), l.coef(), 3);
        double last = Double.POSITIVE_INFINITY;
        for (int num : new int[] {6, 7, 13}) {       // not nested: the error is the fit's, and falls as G grows
            KANLayer fine = l.refine(num, x);
            assertTrue(normalEquationResidual(x, curves, fine.grid(), fine.coef(), 3) < 1e-10, "5 -> " + num + ": not the least-squares fit");
            double err = maxAbsDiff(before, fine.forward(x));
            assertTrue(err < 0.1 * scale && err < last, "refine 5 -> " + num + ": output changed by " + err + " (scale " + scale + ")");
            last = err;
        }
        for (int num : new int[] {10, 20}) {         // nested: exact up to rounding
            assertTrue(maxAbsDiff(before, l.refine(num, x).forward(x)) < 1e-12, "refine 5 -> " + num);
        }
        // F32 layers refine too
        KANLayer f = layer(2, 3, 5, 0.02, 9);
        f.to(DType.F32);
        Tensor xf = x.to(DType.F32);
        assertTrue(maxAbsDiff(f.forward(xf), f.refine(10, xf).forward(xf)) < 1e-4);
    }

    @Test
    void aRankDeficientFitFallsBackToTheRidgeSolution() {
        // 40 samples in only two distinct places: 8 bases, rank 2 (Linalg.lstsq refuses it)
        KANLayer l = layer(1, 2, 5, 0.02, 10);
        double[] xs = new double[40];
        for (int i = 0; i < 40; i++) xs[i] = i % 2 == 0 ? -0.3 : 0.45;
        Tensor x = Tensor.of(xs, 40, 1);
        Tensor y = Spline.coefToCurve(x, l.grid(), l.coef(), 3);
        Tensor c = Spline.curveToCoef(x, y, l.grid(), 3);
        assertTrue(maxAbsDiff(Spline.coefToCurve(x, l.grid(), c, 3), y) < 1e-6, "the ridge fit reproduces the samples");
        assertTrue(c.abs().max().item() <= l.coef().abs().max().item() + 1e-6, "and is no larger than the generating coefficients");
    }
}
