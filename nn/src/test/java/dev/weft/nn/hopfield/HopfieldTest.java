package dev.weft.nn.hopfield;

import dev.weft.autograd.Gradcheck;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The modern Hopfield update and layers (golden values, one-step retrieval, the layer against its
 * equations written out, F64 gradchecks through inputs and parameters) and the classical network
 * (Hebbian weights, fixed points, recall from a corrupted query, errors).
 */
class HopfieldTest {
    private static Tensor randn(long seed, int... shape) {
        return Tensor.randn(new Generator(seed), DType.F64, shape);
    }

    private static Tensor signs(long seed, int... shape) {
        return Tensor.rand(new Generator(seed), DType.F64, shape).gt(0.5).to(DType.F64).mul(2).sub(1.0);
    }

    @Test
    void updateGoldenValue() {
        // Y = [[1, 0], [0, 1]], xi = [2, 0], beta 1: softmax([2, 0]) = [e^2, 1] / (e^2 + 1)
        Tensor y = Tensor.of(new double[][] {{1, 0}, {0, 1}}), xi = Tensor.of(new double[][] {{2, 0}});
        double a = Math.exp(2) / (Math.exp(2) + 1);
        assertArrayEquals(new double[] {a, 1 - a}, HopfieldUpdate.update(xi, y, 1).toDoubleArray(), 1e-15);
        // two steps: the second from the first's result
        Tensor two = HopfieldUpdate.update(HopfieldUpdate.update(xi, y, 0.5), y, 0.5);
        assertArrayEquals(two.toDoubleArray(), HopfieldUpdate.retrieve(xi, y, 0.5, 2, 0).toDoubleArray(), 0);
        assertEquals(1 / Math.sqrt(784), HopfieldUpdate.defaultBeta(784));
        assertArrayEquals(HopfieldUpdate.retrieve(xi, y, 1 / Math.sqrt(2), 3, 0).toDoubleArray(),
                HopfieldUpdate.retrieve(xi, y, 3).toDoubleArray(), 0);
    }

    @Test
    void oneUpdateRetrievesAHalfMaskedPattern() {
        int d = 256, k = 40;
        Tensor x = signs(1, k, d);
        Tensor mask = Tensor.arange(0, d, 1, DType.F64).lt((double) (d / 2)).to(DType.F64);   // keep the first half
        Tensor queries = x.mul(mask);
        Tensor got = HopfieldUpdate.retrieve(queries, x, HopfieldUpdate.defaultBeta(d), 1, 0).sign();
        assertEquals(0, got.ne(x).to(DType.F64).sum().item(), "one update restores every bit");
        // the classical network with k = 40 > 0.138 * 256 patterns does not
        Tensor classical = ClassicalHopfield.store(x).retrieve(queries, 50);
        assertTrue(classical.ne(x).to(DType.F64).mean().item() > 0.01);
    }

    @Test
    void hopfieldLayerFollowsItsEquations() {
        Hopfield h = new Hopfield(Hopfield.options(6).hiddenSize(4).outputSize(3).numHeads(2).updateStepsMax(2).updateStepsEps(0)
                .normalizeStatePattern(false).normalizeStoredPattern(false).normalizePatternProjection(false).generator(new Generator(3)));
        h.to(DType.F64);
        Tensor y = randn(4, 2, 5, 6), r = randn(5, 2, 3, 6);
        Map<String, Tensor> p = h.namedParameters();
        Tensor b = randn(6, 12);
        Map<String, Tensor> bound = new LinkedHashMap<>(p);
        bound.put("in_proj_bias", b);
        Tensor z = FunctionalCall.call(h, bound, m -> new Tensor[] {h.forward(y, r, y)})[0];
        double beta = 1 / Math.sqrt(2);
        assertEquals(beta, h.scaling(), 1e-15);
        Tensor q = F.linear(r, p.get("q_proj_weight"), b.narrow(0, 0, 4)).reshape(2, 3, 2, 2).transpose(1, 2);
        Tensor k = F.linear(y, p.get("k_proj_weight"), b.narrow(0, 4, 4)).reshape(2, 5, 2, 2).transpose(1, 2);
        Tensor v = F.linear(y, p.get("v_proj_weight"), b.narrow(0, 8, 4)).reshape(2, 5, 2, 2).transpose(1, 2);
        for (int s = 0; s < 2; s++) q = q.matmul(k.mT()).mul(beta).softmax(-1).matmul(k);
        Tensor want = F.linear(q.matmul(k.mT()).mul(beta).softmax(-1).matmul(v).transpose(1, 2).reshape(2, 3, 4),
                p.get("out_proj.weight"), p.get("out_proj.bias"));
        assertTrue(z.allclose(want, 0, 1e-13));
        assertEquals("Hopfield(inputSize=6, hiddenSize=4, outputSize=3, numHeads=2, scaling=0.70710677, updateStepsMax=2)", h.label());
        assertTrue(new Hopfield(4).namedParameters().containsKey("norm_stored_pattern.weight"));
    }

    private static void gradcheckModule(String name, Module m, Tensor[] leading, Function<Tensor[], Tensor> run) {
        m.to(DType.F64);
        String[] params = m.namedParameters().keySet().toArray(String[]::new);
        Tensor[] all = new Tensor[leading.length + params.length];
        System.arraycopy(leading, 0, all, 0, leading.length);
        for (int i = 0; i < params.length; i++) {
            all[leading.length + i] = m.namedParameters().get(params[i]).detach().clone().add(randn(50 + i,
                    m.namedParameters().get(params[i]).shape()).mul(0.1)).requiresGrad(true);
        }
        assertTrue(Gradcheck.gradcheckOutputs(name, xs -> {
            Map<String, Tensor> bound = new LinkedHashMap<>();
            for (int i = 0; i < params.length; i++) bound.put(params[i], xs[leading.length + i]);
            return FunctionalCall.call(m, bound, mod -> new Tensor[] {run.apply(xs)});
        }, Gradcheck.Tolerance.DEFAULT, all));
    }

    @Test
    void gradcheckUpdateAndLayers() {
        Tensor xi = randn(7, 2, 3, 4).requiresGrad(true), y = randn(8, 2, 5, 4).requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("HopfieldUpdate.retrieve 3 steps", a -> HopfieldUpdate.retrieve(a[0], a[1], 0.7, 3, 0), xi, y));
        Hopfield h = new Hopfield(Hopfield.options(4).hiddenSize(4).outputSize(2).numHeads(2).updateStepsMax(2).updateStepsEps(0)
                .generator(new Generator(9)));
        gradcheckModule("Hopfield", h, new Tensor[] {randn(10, 2, 5, 4).requiresGrad(true), randn(11, 2, 3, 4).requiresGrad(true)},
                a -> h.forward(a[0], a[1], a[0]));
        HopfieldPooling pool = new HopfieldPooling(Hopfield.options(4).outputSize(3), 2, new Generator(12));
        gradcheckModule("HopfieldPooling", pool, new Tensor[] {randn(13, 2, 5, 4).requiresGrad(true)}, a -> pool.forward(a[0]));
        HopfieldLayer lookup = new HopfieldLayer(Hopfield.options(4).outputSize(3).updateStepsMax(1).updateStepsEps(0), 6,
                new Generator(14));
        gradcheckModule("HopfieldLayer", lookup, new Tensor[] {randn(15, 2, 3, 4).requiresGrad(true)}, a -> lookup.forward(a[0]));
    }

    @Test
    void poolingAndLookupShapes() {
        HopfieldPooling pool = new HopfieldPooling(Hopfield.options(8).outputSize(5), 3, new Generator(1));
        assertArrayEquals(new int[] {2, 15}, pool.forward(Tensor.randn(new Generator(2), 2, 7, 8)).shape());
        assertArrayEquals(new int[] {1, 3, 8}, pool.namedParameters().get("pooling_weights").shape());
        HopfieldLayer lookup = new HopfieldLayer(Hopfield.options(8).outputSize(5), 10, new Generator(3));
        assertArrayEquals(new int[] {2, 4, 5}, lookup.forward(Tensor.randn(new Generator(4), 2, 4, 8)).shape());
        HopfieldLayer timeMajor = new HopfieldLayer(Hopfield.options(8).batchFirst(false), 10, new Generator(3));
        assertArrayEquals(new int[] {4, 2, 8}, timeMajor.forward(Tensor.randn(new Generator(4), 4, 2, 8)).shape());
    }

    @Test
    void classicalHebbianStorageAndRecall() {
        Tensor x = Tensor.of(new double[][] {{1, 1, 1, 1, -1, -1, -1, -1}, {1, -1, 1, -1, 1, -1, 1, -1}});
        ClassicalHopfield net = ClassicalHopfield.store(x);
        Tensor w = net.weights();
        assertTrue(w.allclose(w.mT(), 0, 0));
        assertEquals(0, w.diagonal(0, 0, 1).abs().sum().item());
        assertEquals((1 * 1 + 1 * -1) / 8.0, w.toDoubleArray()[1], 1e-15);     // W_01 = (x_0 x_1 + x'_0 x'_1) / d
        assertArrayEquals(x.toDoubleArray(), net.step(x).toDoubleArray(), 0, "stored patterns are fixed points");
        Tensor corrupted = x.narrow(0, 0, 1).clone();
        corrupted = corrupted.mul(Tensor.of(new double[][] {{-1, 1, 1, 1, 1, 1, 1, 1}}));
        assertArrayEquals(x.narrow(0, 0, 1).toDoubleArray(), net.retrieve(corrupted, 10).toDoubleArray(), 0);
        assertTrue(net.energy(x).toDoubleArray()[0] < net.energy(corrupted).toDoubleArray()[0]);
        assertEquals("ClassicalHopfield(size=8, patterns=2)", net.toString());
    }

    @Test
    void badInputIsAnErrorNamingTheFunction() {
        var e = assertThrows(IllegalArgumentException.class, () -> ClassicalHopfield.store(Tensor.of(new double[][] {{1, 0.5}})));
        assertTrue(e.getMessage().startsWith("ClassicalHopfield.store: patterns (1, 2) must hold only -1 and +1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HopfieldUpdate.update(randn(1, 3, 4), randn(2, 5, 3), 1));
        assertEquals("HopfieldUpdate.update: state (3, 4), stored (5, 3): need (..., L, E) and (..., S, E) with one pattern size E",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HopfieldUpdate.retrieve(randn(1, 3, 4), randn(2, 5, 4), 1, 0, 0));
        assertTrue(e.getMessage().contains("steps must be >= 1"));
        Hopfield h = new Hopfield(4);
        e = assertThrows(IllegalArgumentException.class, () -> h.forward(Tensor.zeros(2, 5, 4), Tensor.zeros(2, 3, 6), Tensor.zeros(2, 5, 4)));
        assertTrue(e.getMessage().contains("state (2, 3, 6): last dim 6 != inputSize 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Hopfield(Hopfield.options(6).numHeads(4)));
        assertThrows(IllegalArgumentException.class, () -> new HopfieldPooling(Hopfield.options(4), 0, new Generator(0)));
    }
}
