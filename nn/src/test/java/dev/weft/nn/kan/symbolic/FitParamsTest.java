package dev.weft.nn.kan.symbolic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * fit_params: the grid search recovers a, b, c, d of synthetic edges c f(a x + b) + d (up to the function's
 * symmetries, which give the same curve) with R^2 > 0.9999, with noise close to them, and the ranking of the
 * library puts the generating function first.
 */
class FitParamsTest {
    static double[] uniform(long seed, int n) {
        return Tensor.rand(new Generator(seed), DType.F64, n).mul(2).sub(1).toDoubleArray();
    }

    static double[] apply(double[] x, DoubleUnaryOperator f) {
        double[] y = new double[x.length];
        for (int k = 0; k < x.length; k++) y[k] = f.applyAsDouble(x[k]);
        return y;
    }

    static double maxError(FitParams.Fit fit, SymbolicFunction f, double[] x, double[] y) {
        double e = 0;
        for (int k = 0; k < x.length; k++) e = Math.max(e, Math.abs(fit.apply(f, x[k]) - y[k]));
        return e;
    }

    /** (a, b, c) of an odd function with a > 0: c f(a x + b) = -c f(-a x - b). */
    static double[] oddCanonical(FitParams.Fit f) {
        return f.a() < 0 ? new double[] {-f.a(), -f.b(), -f.c()} : new double[] {f.a(), f.b(), f.c()};
    }

    @Test
    void recoversASine() {
        double[] x = uniform(1, 500), y = apply(x, v -> 2 * Math.sin(3 * v + 0.5) - 1);
        SymbolicFunction sin = SymbolicLib.get("sin");
        FitParams.Fit fit = FitParams.fit(x, y, sin);
        assertTrue(fit.r2() > 0.9999, "r2 " + fit.r2());
        assertTrue(maxError(fit, sin, x, y) < 1e-3, "max error " + maxError(fit, sin, x, y));
        // sin(u + pi) = -sin(u), sin(u + 2 pi) = sin(u): reduce to a > 0, c > 0, b in (-pi, pi]
        double[] abc = oddCanonical(fit);
        double a = abc[0], b = abc[1], c = abc[2];
        if (c < 0) { c = -c; b += Math.PI; }
        b = b - 2 * Math.PI * Math.rint(b / (2 * Math.PI));
        assertArrayEquals(new double[] {3, 0.5, 2, -1}, new double[] {a, b, c, fit.d()}, 1e-3, fit.toString());
    }

    @Test
    void recoversTanhGaussianAndExp() {
        double[] x = uniform(2, 400);
        double[] y = apply(x, v -> 0.7 * Math.tanh(2 * v - 0.3) + 0.2);
        FitParams.Fit t = FitParams.fit(x, y, SymbolicLib.get("tanh"));
        assertTrue(t.r2() > 0.9999, "tanh r2 " + t.r2());
        double[] abc = oddCanonical(t);
        assertArrayEquals(new double[] {2, -0.3, 0.7, 0.2}, new double[] {abc[0], abc[1], abc[2], t.d()}, 1e-3, t.toString());

        y = apply(x, v -> 1.5 * Math.exp(-(1.2 * v + 0.4) * (1.2 * v + 0.4)) - 0.5);
        FitParams.Fit g = FitParams.fit(x, y, SymbolicLib.get("gaussian"));
        assertTrue(g.r2() > 0.9999, "gaussian r2 " + g.r2());
        double s = Math.signum(g.a());                                    // even: (a, b) ~ (-a, -b)
        assertArrayEquals(new double[] {1.2, 0.4, 1.5, -0.5}, new double[] {s * g.a(), s * g.b(), g.c(), g.d()}, 1e-3, g.toString());

        // exp: c exp(a x + b) = (c e^b) exp(a x), so a, c e^b and d are what is determined
        y = apply(x, v -> 3 * Math.exp(0.8 * v - 0.2) + 1);
        FitParams.Fit e = FitParams.fit(x, y, SymbolicLib.get("exp"));
        assertTrue(e.r2() > 0.9999, "exp r2 " + e.r2());
        assertArrayEquals(new double[] {0.8, 3 * Math.exp(-0.2), 1}, new double[] {e.a(), e.c() * Math.exp(e.b()), e.d()}, 1e-3, e.toString());
    }

    @Test
    void pykansNoisyExampleAndTensorInputs() {
        Generator g = new Generator(3);
        Tensor x = Tensor.linspace(-1, 1, 100, DType.F64);
        Tensor y = x.mul(3).add(2).sin().mul(5).add(0.7).add(Tensor.randn(g, DType.F64, 100).mul(0.02));
        FitParams.Fit fit = FitParams.fit(x, y, SymbolicLib.get("sin"), new double[] {-10, 10}, new double[] {-10, 10}, 101, 3);
        assertTrue(fit.r2() > 0.9999, "r2 " + fit.r2());
        double[] abc = oddCanonical(fit);
        double b = abc[2] < 0 ? abc[1] + Math.PI : abc[1];
        b = b - 2 * Math.PI * Math.rint(b / (2 * Math.PI));
        assertArrayEquals(new double[] {3, 2, 5, 0.7}, new double[] {abc[0], b, Math.abs(abc[2]), fit.d()}, 2e-2, fit.toString());
    }

    @Test
    void theLineAndTheZeroFunction() {
        double[] x = uniform(4, 50), y = apply(x, v -> -0.4 * v + 0.25);
        FitParams.Fit line = FitParams.fit(x, y, SymbolicLib.get("x"));
        assertTrue(maxError(line, SymbolicLib.get("x"), x, y) < 1e-12 && line.r2() > 0.9999);
        FitParams.Fit zero = FitParams.fit(x, y, SymbolicLib.get("0"));
        double mean = 0;
        for (double v : y) mean += v / y.length;
        assertEquals(0, zero.r2());
        assertEquals(0, zero.c());
        assertEquals(mean, zero.d(), 1e-15);
        // sqrt and log are NaN for negative arguments: those (a, b) score 0, and the fit still reproduces sqrt data
        double[] xs = uniform(5, 200), ys = apply(xs, v -> 2 * Math.sqrt(v + 1.5) - 1);
        FitParams.Fit sq = FitParams.fit(xs, ys, SymbolicLib.get("sqrt"));
        assertTrue(sq.r2() > 0.9999 && maxError(sq, SymbolicLib.get("sqrt"), xs, ys) < 1e-3, sq.toString());
    }

    @Test
    void theRankingPutsTheGeneratingFunctionFirst() {
        double[] x = uniform(6, 300);
        SymbolicOptions o = SymbolicOptions.defaults().lib(List.of("x", "x^2", "x^3", "exp", "sin", "tanh", "abs", "0"));
        List<Suggestion> s = Suggestion.rank(x, apply(x, v -> 2 * Math.sin(3 * v + 0.5) - 1), false, o);
        assertEquals(5, s.size());
        assertEquals("sin", s.get(0).name());
        for (int q = 1; q < s.size(); q++) assertTrue(s.get(q - 1).loss() <= s.get(q).loss());
        Suggestion top = s.get(0);
        assertEquals(0.8 * 2 + 0.2 * Math.log(1 + 1e-5 - top.r2()) / Math.log(2), top.loss(), 1e-12);
        assertEquals("x^2", Suggestion.rank(x, apply(x, v -> 0.5 * (v - 0.3) * (v - 0.3)), false, o).get(0).name());
        // a masked edge: every R^2 is pykan's -1e8, so the simplest function wins
        Suggestion masked = Suggestion.rank(x, apply(x, Math::sin), true, o).get(0);
        assertEquals("0", masked.name());
        assertEquals(Suggestion.MASKED_R2, masked.r2());
    }

    @Test
    void badArgumentsAreRefused() {
        double[] x = {0, 1, 2};
        SymbolicFunction sin = SymbolicLib.get("sin");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FitParams.fit(x, new double[] {1, 2}, sin));
        assertEquals("fitParams: x (3) and y (2) need one length >= 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FitParams.fit(x, x, sin, new double[] {1, -1}, new double[] {-1, 1}, 101, 3));
        assertThrows(IllegalArgumentException.class, () -> FitParams.fit(x, x, sin, new double[] {-1, 1}, new double[] {-1, 1}, 2, 3));
        e = assertThrows(IllegalArgumentException.class, () -> SymbolicLib.get("sinh"));
        assertTrue(e.getMessage().startsWith("SymbolicLib: unknown function 'sinh', expected one of [x, x^2"), e.getMessage());
        assertEquals(17, SymbolicLib.names().size());
    }
}
