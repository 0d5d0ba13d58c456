package dev.weft.nn.kan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.autograd.Gradcheck;
import dev.weft.nn.FunctionalCall;
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
 * KANLayer: pykan's initialization (grid, scales, the spline fit through the noise), the fast path equal to the
 * paper-faithful per-edge path, F64 gradient checks (first and second order) of the layer in its input and every
 * parameter, F32 against F64, masks, and the input checks.
 */
class KanLayerTest {
    static Tensor uniform(Generator g, DType dt, double lo, double hi, int... shape) {
        return Tensor.rand(g, DType.F64, shape).mul(hi - lo).add(lo).to(dt);
    }

    @Test
    void initializationIsPykans() {
        KANLayer l = new KANLayer(KANLayer.options(4, 3).generator(new Generator(1)));
        double[] want = {-2.2, -1.8, -1.4, -1, -0.6, -0.2, 0.2, 0.6, 1, 1.4, 1.8, 2.2};
        double[] grid = l.grid().toDoubleArray();
        for (int j = 0; j < 4; j++) for (int i = 0; i < 12; i++) assertEquals(want[i], grid[j * 12 + i], 1e-6, "grid[" + j + ", " + i + "]");
        assertArrayEquals(new int[] {4, 3, 8}, l.coef().shape());
        for (double v : l.stateDict().get("scale_sp").toDoubleArray()) assertEquals(0.5, v, 1e-7);
        for (double v : l.stateDict().get("scale_base").toDoubleArray()) assertTrue(Math.abs(v) <= 0.5, "scale_base " + v);
        for (double v : l.mask().toDoubleArray()) assertEquals(1, v);
        // the spline interpolates noise U(-1/2, 1/2) * 0.5 / 5 at the inner knots: |spline| <= 0.05 there
        Tensor knots = l.grid().slice(1, 3, 9).t().contiguous();
        double[] at = Spline.coefToCurve(knots, l.grid(), l.coef(), 3).toDoubleArray();
        double max = 0;
        for (double v : at) max = Math.max(max, Math.abs(v));
        assertTrue(max <= 0.05 + 1e-7 && max > 0.01, "spline at the knots: max |value| " + max);
        assertEquals("KANLayer(in=4, out=3, num=5, k=3, base_fun=silu)", l.toString());
        assertEquals(List.of("coef", "scale_base", "scale_sp", "grid", "mask"), List.copyOf(l.stateDict().keySet()));
    }

    @Test
    void theFastPathEqualsThePerEdgeActivations() {
        Generator g = new Generator(3);
        for (DType dt : new DType[] {DType.F64, DType.F32}) {
            KANLayer l = new KANLayer(KANLayer.options(5, 4).num(6).noiseScale(1).generator(g));
            l.to(dt);
            Tensor x = uniform(g, dt, -1.3, 1.3, 9, 5);
            KANLayer.Activations a = l.forwardActivations(x);
            assertArrayEquals(new int[] {9, 4, 5}, a.postacts().shape());
            double tol = dt == DType.F64 ? 1e-12 : 2e-6;
            assertTrue(l.forward(x).allclose(a.y(), 0, tol), dt + ": fast path vs per-edge sum");
            // a 3-d input is flattened to rows and back
            assertTrue(l.forward(x.reshape(3, 3, 5)).reshape(9, 4).allclose(a.y(), 0, tol), dt + ": 3-d input");
        }
    }

    @Test
    void aMaskedEdgeContributesNothing() {
        Generator g = new Generator(4);
        KANLayer l = new KANLayer(KANLayer.options(3, 2).generator(g));
        l.to(DType.F64);
        Tensor x = uniform(g, DType.F64, -1, 1, 6, 3);
        l.mask().copy_(Tensor.of(new double[] {1, 1, 0, 1, 1, 1}, 3, 2));     // edge (1 -> 0) off
        Tensor changed = x.clone();
        changed.select(1, 1).copy_(uniform(g, DType.F64, -1, 1, 6));           // input 1 now only reaches output 1
        assertTrue(l.forward(x).select(1, 0).allclose(l.forward(changed).select(1, 0), 0, 1e-14));
        assertTrue(l.forwardActivations(x).postacts().select(1, 0).select(1, 1).abs().max().item() == 0);
    }

    /** Gradcheck of the layer in x and each parameter, supplied through FunctionalCall. */
    static void gradcheck(String name, KANLayer l, Tensor x, boolean secondOrder) {
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
        if (secondOrder) assertTrue(Gradcheck.gradgradcheck(name, f, in));
    }

    @Test
    void gradcheckF64() {
        Generator g = new Generator(5);
        for (int k : new int[] {3, 2}) {
            KANLayer l = new KANLayer(KANLayer.options(3, 2).num(4).k(k).noiseScale(1).generator(g));
            l.to(DType.F64);
            gradcheck("KANLayer k=" + k, l, uniform(g, DType.F64, -1.4, 1.4, 4, 3), k == 3);
        }
        KANLayer id = new KANLayer(KANLayer.options(2, 2).baseFun(BaseFun.IDENTITY).generator(g));
        id.to(DType.F64);
        gradcheck("KANLayer identity base", id, uniform(g, DType.F64, -1, 1, 3, 2), false);
    }

    @Test
    void f32GradientsMatchF64() {
        Generator g = new Generator(6);
        KANLayer l = new KANLayer(KANLayer.options(6, 3).noiseScale(1).generator(g));
        Tensor x = uniform(g, DType.F32, -1.2, 1.2, 16, 6);
        Map<String, double[]> grads = new LinkedHashMap<>();
        double[] dx32 = null;
        for (DType dt : new DType[] {DType.F32, DType.F64}) {
            l.to(dt);
            l.zeroGrad();
            Tensor xi = x.to(dt).detach().requiresGrad(true);
            dev.weft.autograd.Autograd.backward(l.forward(xi).square().sum());
            if (dt == DType.F32) {
                dx32 = xi.grad().toDoubleArray();
                for (var e : l.namedParameters().entrySet()) grads.put(e.getKey(), e.getValue().grad().toDoubleArray());
            } else {
                assertArrayEquals(xi.grad().toDoubleArray(), dx32, 1e-4, "dx");
                for (var e : l.namedParameters().entrySet()) assertArrayEquals(e.getValue().grad().toDoubleArray(), grads.get(e.getKey()), 1e-4, e.getKey());
            }
        }
    }

    @Test
    void badInputsNameTheLayerAndShapes() {
        KANLayer l = new KANLayer(3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.forward(Tensor.zeros(4, 5)));
        assertEquals("KANLayer(in=3, out=2, num=5, k=3, base_fun=silu): input (4, 5): last dim 5 != in 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> l.forward(Tensor.zeros(DType.F64, 4, 3)));
        assertTrue(e.getMessage().contains("input f64 (4, 3), parameters f32"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new KANLayer(KANLayer.options(3, 2).num(0)));
        assertEquals("KANLayer: num must be >= 1, got 0", e.getMessage());
        assertEquals(BaseFun.IDENTITY, BaseFun.of("identity"));
    }
}
