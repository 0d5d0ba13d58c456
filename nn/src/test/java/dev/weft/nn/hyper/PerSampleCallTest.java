package dev.weft.nn.hyper;

import dev.weft.autograd.Autograd;
import dev.weft.nn.Flatten;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.functional.F;
import dev.weft.nn.layers.BatchNorm1d;
import dev.weft.nn.layers.GELU;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.LogSoftmax;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.layers.Softmax;
import dev.weft.nn.layers.Tanh;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class PerSampleCallTest {
    private static Sequential mlp(Generator g) {
        Sequential s = new Sequential(new Flatten(), new Linear(6, 5, true, g), new ReLU(),
                new Sequential(new Linear(5, 4, true, g), new GELU()), new Linear(4, 3, false, g), new LogSoftmax(1));
        s.to(DType.F64);
        return s;
    }

    private static Map<String, Tensor> perSample(Module m, int b, Generator g, String... names) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String n : names) {
            int[] own = m.namedParameters().get(n).shape();
            int[] s = new int[own.length + 1];
            s[0] = b;
            System.arraycopy(own, 0, s, 1, own.length);
            out.put(n, Tensor.randn(g, DType.F64, s));
        }
        return out;
    }

    private static Map<String, Tensor> sample(Map<String, Tensor> p, int i) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        p.forEach((k, v) -> out.put(k, v.select(0, i)));
        return out;
    }

    @Test
    void equalsALoopOfSingleSampleFunctionalCalls() {
        Generator g = new Generator(1);
        Sequential target = mlp(g);
        int b = 5;
        Map<String, Tensor> p = perSample(target, b, g, "1.weight", "1.bias", "3.0.weight", "3.0.bias", "4.weight");
        Tensor x = Tensor.randn(g, DType.F64, b, 2, 3);
        Tensor y = PerSampleCall.call(target, p, x);
        assertArrayEquals(new int[] {b, 3}, y.shape());
        for (int i = 0; i < b; i++) {
            Tensor yi = FunctionalCall.call(target, sample(p, i), x.narrow(0, i, 1));
            assertTrue(y.narrow(0, i, 1).allclose(yi, 1e-12, 1e-12), "sample " + i);
        }
    }

    @Test
    void parametersNotGivenPerSampleAreSharedAndCollectEverySamplesGradient() {
        Generator g = new Generator(2);
        Sequential target = mlp(g);
        int b = 4;
        Map<String, Tensor> p = perSample(target, b, g, "1.weight", "3.0.weight");      // biases and 4.weight shared
        Tensor x = Tensor.randn(g, DType.F64, b, 2, 3);
        Tensor y = PerSampleCall.call(target, p, x);
        Tensor own = target.namedParameters().get("1.bias");
        Autograd.backward(y.sum());
        Tensor batchedGrad = own.grad().clone();
        own.setGrad(null);
        for (int i = 0; i < b; i++) {
            Tensor yi = FunctionalCall.call(target, sample(p, i), x.narrow(0, i, 1));
            assertTrue(y.narrow(0, i, 1).allclose(yi, 1e-12, 1e-12), "sample " + i);
            Autograd.backward(yi.sum());
        }
        assertTrue(batchedGrad.allclose(own.grad(), 1e-12, 1e-12), "the shared bias's gradient sums over the samples");
        // a shared stand-in replaces the module's own tensor
        Tensor bias = Tensor.randn(g, DType.F64, 5);
        Tensor ys = PerSampleCall.call(target, p, Map.of("1.bias", bias), x);
        Map<String, Tensor> p0 = sample(p, 0);
        p0.put("1.bias", bias);
        assertTrue(ys.narrow(0, 0, 1).allclose(FunctionalCall.call(target, p0, x.narrow(0, 0, 1)), 1e-12, 1e-12));
    }

    @Test
    void manyParameterSetsOverOneSharedInputAsVmapDoes() {
        Generator g = new Generator(3);
        Sequential target = new Sequential(new Linear(3, 4, true, g), new Tanh(), new Linear(4, 2, true, g), new Softmax(-1));
        target.to(DType.F64);
        Map<String, Tensor> p = perSample(target, 3, g, "0.weight", "0.bias", "2.weight", "2.bias");
        Tensor x = Tensor.randn(g, DType.F64, 7, 3);
        Tensor y = PerSampleCall.callShared(target, p, x);
        assertArrayEquals(new int[] {3, 7, 2}, y.shape());
        for (int i = 0; i < 3; i++) assertTrue(y.select(0, i).allclose(FunctionalCall.call(target, sample(p, i), x), 1e-12, 1e-12));
    }

    @Test
    void hypernetworksWithBatchedConditionsEqualOneRunPerSample() {
        Generator g = new Generator(4);
        Sequential target = mlp(g);
        HMLP full = new HMLP(HMLP.options(target, 3).hidden(6).generate("*.weight").generator(g));
        ChunkedHMLP chunked = new ChunkedHMLP(ChunkedHMLP.options(mlp(g), 3, 16).hidden(6).generator(g));
        for (HyperNetwork h : new HyperNetwork[] {full, chunked}) {
            h.to(DType.F64);
            Tensor c = Tensor.randn(g, DType.F64, 4, 3), x = Tensor.randn(g, DType.F64, 4, 6);
            Tensor y = h.forward(c, x);
            for (int i = 0; i < 4; i++) {
                Tensor yi = h.forward(c.select(0, i), x.narrow(0, i, 1));
                assertTrue(y.narrow(0, i, 1).allclose(yi, 1e-12, 1e-12), h.reprName() + " sample " + i);
            }
        }
    }

    @Test
    void gradcheckThroughPerSampleWeights() {
        Generator g = new Generator(5);
        Sequential target = new Sequential(new Linear(2, 3, true, g), new Tanh(), new Linear(3, 2, true, g));
        HMLP h = new HMLP(HMLP.options(target, 2).hidden(3).activation(Tanh::new).generate("*.weight").generator(g));
        h.to(DType.F64);
        Tensor x = Tensor.randn(g, DType.F64, 3, 2), y = Tensor.randn(g, DType.F64, 3, 2);
        HyperChecks.gradcheck("HMLP per-sample mse", h, Tensor.randn(g, DType.F64, 3, 2), (m, c) -> F.mseLoss(m.forward(c, x), y));
    }

    @Test
    void unsupportedTargetsAndShapesAreNamed() {
        Generator g = new Generator(6);
        Sequential bn = new Sequential(new Linear(3, 3, true, g), new BatchNorm1d(3));
        var e = assertThrows(IllegalArgumentException.class, () -> PerSampleCall.call(bn, Map.of(), Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().startsWith("perSampleCall: module '1' (BatchNorm1d) is not supported; per-sample weights support "
                + "MLP-shaped targets: Sequential of Linear, elementwise activations"), e.getMessage());
        Module custom = new Module() {
            @Override
            public Tensor forward(Tensor input) {
                return input.sum(0, true);
            }
        };
        e = assertThrows(IllegalArgumentException.class, () -> PerSampleCall.checkSupported(new Sequential(custom)));
        assertTrue(e.getMessage().startsWith("perSampleCall: module '0' ("), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PerSampleCall.checkSupported(new Flatten(0, -1)));
        assertTrue(e.getMessage().startsWith("perSampleCall: the target (Flatten) flattens the batch dim (startDim 0)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PerSampleCall.checkSupported(new Softmax(0)));
        assertTrue(e.getMessage().startsWith("perSampleCall: the target (Softmax) normalizes over dim 0"), e.getMessage());
        Linear l = new Linear(3, 2, true, g);
        e = assertThrows(IllegalArgumentException.class,
                () -> PerSampleCall.call(l, Map.of("weight", Tensor.zeros(4, 2, 3)), Tensor.zeros(5, 3)));
        assertEquals("perSampleCall: 'weight' has shape (4, 2, 3), expected (B=5, 2, 3) for input (5, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PerSampleCall.call(l, Map.of("wieght", Tensor.zeros(5, 2, 3)), Tensor.zeros(5, 3)));
        assertEquals("perSampleCall: Linear has no parameter named 'wieght' (parameters: [weight, bias])", e.getMessage());
        HMLP h = new HMLP(HMLP.options(bn, 2).hidden(2).generator(g));
        e = assertThrows(IllegalArgumentException.class, () -> h.forward(Tensor.zeros(2, 2), Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().contains("(BatchNorm1d) is not supported"), e.getMessage());
    }
}
