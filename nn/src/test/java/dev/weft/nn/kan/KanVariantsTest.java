package dev.weft.nn.kan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.autograd.Gradcheck;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Module;
import dev.weft.nn.attention.Activation;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * FastKAN, ChebyKAN and FAN layers: the reference implementations' state-dict names and defaults, outputs against
 * their formulas written out in loops, F64 gradient checks in the input and every parameter, 3-d inputs, and the
 * checks on options and inputs.
 */
class KanVariantsTest {
    static Tensor uniform(Generator g, double lo, double hi, int... shape) {
        return KanLayerTest.uniform(g, DType.F64, lo, hi, shape);
    }

    /** Gradcheck of a module in x and each parameter, supplied through FunctionalCall. */
    static void gradcheck(String name, Module l, Tensor x) {
        List<String> names = new ArrayList<>(l.namedParameters().keySet());
        Tensor[] in = new Tensor[names.size() + 1];
        in[0] = x.clone().requiresGrad(true);
        for (int i = 0; i < names.size(); i++) in[i + 1] = l.namedParameters().get(names.get(i)).detach().clone().requiresGrad(true);
        Function<Tensor[], Tensor> f = t -> {
            Map<String, Tensor> map = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) map.put(names.get(i), t[i + 1]);
            return FunctionalCall.call(l, map, t[0]);
        };
        assertTrue(Gradcheck.gradcheck(name, f, in));
    }

    static double silu(double v) {
        return v / (1 + Math.exp(-v));
    }

    @Test
    void fastKanIsFastKansLayer() {
        FastKANLayer l = new FastKANLayer(FastKANLayer.options(3, 2).generator(new Generator(1)));
        assertEquals(List.of("layernorm.weight", "layernorm.bias", "rbf.grid", "spline_linear.weight", "base_linear.weight", "base_linear.bias"),
                List.copyOf(l.stateDict().keySet()));
        assertArrayEquals(new int[] {2, 24}, l.stateDict().get("spline_linear.weight").shape());
        assertArrayEquals(new double[] {-2, -2 + 4 / 7.0, -2 + 8 / 7.0, -2 + 12 / 7.0, 2 - 12 / 7.0, 2 - 8 / 7.0, 2 - 4 / 7.0, 2},
                l.grid().toDoubleArray(), 1e-6);
        assertEquals(4 / 7.0, l.denominator, 1e-15);
        double sd = l.stateDict().get("spline_linear.weight").std().item();
        assertTrue(sd > 0.05 && sd < 0.15, "spline_linear.weight std " + sd);
        assertTrue(l.parameters().stream().noneMatch(p -> p == l.grid()), "the grid is not trained");
        assertTrue(l.toString().startsWith("FastKANLayer(\n  in=3, out=2, grid=[-2.0, 2.0], num_grids=8, use_base_update=true, use_layernorm=true"), l.toString());

        l.to(DType.F64);
        Generator g = new Generator(2);
        try (var s = dev.weft.autograd.GradMode.noGrad()) {
            l.stateDict().get("layernorm.weight").copy_(uniform(g, 0.5, 1.5, 3));
            l.stateDict().get("layernorm.bias").copy_(uniform(g, -0.3, 0.3, 3));
        }
        Tensor x = uniform(g, -2, 2, 5, 3);
        double[] xs = x.toDoubleArray(), lw = l.stateDict().get("layernorm.weight").toDoubleArray(), lb = l.stateDict().get("layernorm.bias").toDoubleArray();
        double[] ws = l.stateDict().get("spline_linear.weight").toDoubleArray(), wb = l.stateDict().get("base_linear.weight").toDoubleArray();
        double[] bb = l.stateDict().get("base_linear.bias").toDoubleArray(), grid = l.grid().toDoubleArray(), y = l.forward(x).toDoubleArray();
        for (int b = 0; b < 5; b++) {
            double mean = 0, var = 0;
            for (int i = 0; i < 3; i++) mean += xs[b * 3 + i] / 3;
            for (int i = 0; i < 3; i++) var += (xs[b * 3 + i] - mean) * (xs[b * 3 + i] - mean) / 3;
            for (int o = 0; o < 2; o++) {
                double want = bb[o];
                for (int i = 0; i < 3; i++) {
                    double u = (xs[b * 3 + i] - mean) / Math.sqrt(var + 1e-5) * lw[i] + lb[i];
                    for (int m = 0; m < 8; m++) want += ws[o * 24 + i * 8 + m] * Math.exp(-Math.pow((u - grid[m]) / (4 / 7.0), 2));
                    want += wb[o * 3 + i] * silu(xs[b * 3 + i]);
                }
                assertEquals(want, y[b * 2 + o], 1e-12, "y[" + b + ", " + o + "]");
            }
        }
        assertTrue(l.forward(x.reshape(5, 1, 3)).reshape(5, 2).allclose(l.forward(x), 0, 1e-14), "3-d input");
        gradcheck("FastKANLayer", l, uniform(g, -2, 2, 4, 3));
        FastKANLayer plain = new FastKANLayer(FastKANLayer.options(1, 2).useLayernorm(false).useBaseUpdate(false).numGrids(5).generator(g));
        plain.to(DType.F64);
        assertEquals(List.of("rbf.grid", "spline_linear.weight"), List.copyOf(plain.stateDict().keySet()));
        gradcheck("FastKANLayer plain", plain, uniform(g, -2.5, 2.5, 6, 1));
    }

    @Test
    void chebyKanIsAChebyshevSeriesOfTanh() {
        ChebyKANLayer l = new ChebyKANLayer(3, 2, 4, new Generator(3));
        assertEquals(List.of("cheby_coeffs", "arange"), List.copyOf(l.stateDict().keySet()));
        assertArrayEquals(new int[] {3, 2, 5}, l.chebyCoeffs().shape());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4}, l.stateDict().get("arange").toLongArray());
        assertEquals(4, new ChebyKANLayer(2, 2).degree);
        double sd = l.chebyCoeffs().std().item();
        assertTrue(sd > 1 / 15.0 * 0.5 && sd < 1 / 15.0 * 1.5, "cheby_coeffs std " + sd);
        l.to(DType.F64);
        Generator g = new Generator(4);
        Tensor x = uniform(g, -3, 3, 6, 3);
        double[] xs = x.toDoubleArray(), c = l.chebyCoeffs().toDoubleArray(), y = l.forward(x).toDoubleArray();
        for (int b = 0; b < 6; b++) {
            for (int o = 0; o < 2; o++) {
                double want = 0;
                for (int i = 0; i < 3; i++) {
                    double theta = Math.acos(Math.tanh(xs[b * 3 + i]));
                    for (int n = 0; n <= 4; n++) want += c[(i * 2 + o) * 5 + n] * Math.cos(n * theta);
                }
                assertEquals(want, y[b * 2 + o], 1e-12, "y[" + b + ", " + o + "]");
            }
        }
        assertTrue(l.forward(x.reshape(2, 3, 3)).reshape(6, 2).allclose(l.forward(x), 0, 1e-14), "3-d input");
        gradcheck("ChebyKANLayer", l, uniform(g, -2, 2, 4, 3));
        // far in tanh's saturation the gradient stays finite (the arccos form gives NaN there)
        Tensor big = Tensor.of(new double[] {40, -40, 0.5}, 1, 3).requiresGrad(true);
        dev.weft.autograd.Autograd.backward(l.forward(big).sum());
        for (double v : big.grad().toDoubleArray()) assertTrue(Double.isFinite(v), "gradient " + v);
        ChebyKANLayer d0 = new ChebyKANLayer(2, 3, 0, g);
        d0.to(DType.F64);
        gradcheck("ChebyKANLayer degree 0", d0, uniform(g, -1, 1, 3, 2));
    }

    @Test
    void fanSplitsTheOutputsAsThePaper() {
        FANLayer l = new FANLayer(FANLayer.options(3, 10).generator(new Generator(5)));
        assertEquals(2, l.pDim);
        assertEquals(6, l.gDim);
        assertEquals(List.of("input_linear_p.weight", "input_linear_p.bias", "input_linear_g.weight", "input_linear_g.bias"),
                List.copyOf(l.stateDict().keySet()));
        assertEquals(List.of(2, 3), List.of(l.stateDict().get("input_linear_p.weight").shape()[0], l.stateDict().get("input_linear_p.weight").shape()[1]));
        assertEquals(List.of(6, 3), List.of(l.stateDict().get("input_linear_g.weight").shape()[0], l.stateDict().get("input_linear_g.weight").shape()[1]));
        assertEquals(0.25, l.pRatio);
        FANLayer wide = new FANLayer(FANLayer.options(2, 256).useBias(false));
        assertEquals(64, wide.pDim);
        assertEquals(128, wide.gDim);
        assertEquals(List.of("input_linear_p.weight", "input_linear_g.weight", "input_linear_g.bias"), List.copyOf(wide.stateDict().keySet()));

        l.to(DType.F64);
        Generator g = new Generator(6);
        Tensor x = uniform(g, -2, 2, 4, 3);
        double[] xs = x.toDoubleArray(), y = l.forward(x).toDoubleArray();
        double[] wp = l.stateDict().get("input_linear_p.weight").toDoubleArray(), bp = l.stateDict().get("input_linear_p.bias").toDoubleArray();
        double[] wg = l.stateDict().get("input_linear_g.weight").toDoubleArray(), bg = l.stateDict().get("input_linear_g.bias").toDoubleArray();
        for (int b = 0; b < 4; b++) {
            for (int o = 0; o < 10; o++) {
                int r = o < 4 ? o % 2 : o - 4;
                double[] w = o < 4 ? wp : wg, bias = o < 4 ? bp : bg;
                double z = bias[r];
                for (int i = 0; i < 3; i++) z += w[r * 3 + i] * xs[b * 3 + i];
                double want = o < 2 ? Math.cos(z) : o < 4 ? Math.sin(z) : 0.5 * z * (1 + erf(z / Math.sqrt(2)));
                assertEquals(want, y[b * 10 + o], o < 4 ? 1e-14 : 1e-6, "y[" + b + ", " + o + "]");
            }
        }
        assertTrue(l.forward(x.reshape(2, 2, 3)).reshape(4, 10).allclose(l.forward(x), 0, 1e-14), "3-d input");
        gradcheck("FANLayer", l, uniform(g, -2, 2, 3, 3));
        FANLayer relu = new FANLayer(FANLayer.options(2, 7).pRatio(0.3).activation(Activation.RELU).generator(g));
        relu.to(DType.F64);
        assertEquals(List.of(2, 3), List.of(relu.pDim, relu.gDim));
        assertTrue(relu.toString().contains("activation=relu"), relu.toString());
        gradcheck("FANLayer relu", relu, uniform(g, -2, 2, 3, 2));
    }

    /** erf to about 1.5e-7 (Abramowitz and Stegun 7.1.26). */
    static double erf(double v) {
        double t = 1 / (1 + 0.3275911 * Math.abs(v));
        double p = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double r = 1 - p * Math.exp(-v * v);
        return v >= 0 ? r : -r;
    }

    @Test
    void allVariantsKeepTheLayerContract() {
        Generator g = new Generator(7);
        EdgeLayer[] layers = {new KANLayer(KANLayer.options(3, 4).generator(g)), new FastKANLayer(FastKANLayer.options(3, 4).generator(g)),
            new ChebyKANLayer(3, 4, 4, g), new FANLayer(FANLayer.options(3, 4).generator(g))};
        for (EdgeLayer l : layers) {
            assertEquals(3, l.inDim());
            assertEquals(4, l.outDim());
            assertArrayEquals(new int[] {2, 5, 4}, l.forward(Tensor.zeros(2, 5, 3)).shape(), l.toString());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.forward(Tensor.zeros(4, 5)));
            assertEquals(l + ": input (4, 5): last dim 5 != in 3", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> l.forward(Tensor.zeros(DType.F64, 4, 3)));
            assertTrue(e.getMessage().contains("input f64 (4, 3), parameters f32"), e.getMessage());
        }
    }

    @Test
    void badOptionsNameTheLayer() {
        assertEquals("FANLayer: pRatio must be in (0, 0.5), got 0.5",
                assertThrows(IllegalArgumentException.class, () -> new FANLayer(FANLayer.options(2, 8).pRatio(0.5))).getMessage());
        assertEquals("FastKANLayer: a layer norm over 1 input is constant; build it with useLayernorm(false) (inDim 1)",
                assertThrows(IllegalArgumentException.class, () -> new FastKANLayer(1, 3)).getMessage());
        assertEquals("FastKANLayer: numGrids must be >= 2, got 1",
                assertThrows(IllegalArgumentException.class, () -> new FastKANLayer(FastKANLayer.options(2, 3).numGrids(1))).getMessage());
        assertEquals("ChebyKANLayer: degree must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> new ChebyKANLayer(2, 3, -1)).getMessage());
    }
}
