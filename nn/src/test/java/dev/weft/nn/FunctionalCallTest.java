package dev.weft.nn;

import dev.weft.autograd.Autograd;
import dev.weft.nn.functional.F;
import dev.weft.nn.layers.BatchNorm1d;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class FunctionalCallTest {
    private static final Generator G = new Generator(5);

    @Test
    void gradientsFlowToSuppliedTensorsAndOwnWeightsStayUntouched() {
        Sequential net = new Sequential(new Linear(3, 4, true, G), new ReLU(), new Linear(4, 2, true, G));
        net.to(DType.F64);
        Map<String, Tensor> own = net.stateDict();
        Tensor w0 = own.get("0.weight").clone(), w2 = own.get("2.weight").clone();
        Tensor ext0 = Tensor.randn(G, DType.F64, 4, 3).requiresGrad(true);
        Tensor ext2 = Tensor.randn(G, DType.F64, 2, 4).requiresGrad(true);
        Tensor x = Tensor.randn(G, DType.F64, 5, 3);
        Tensor y = FunctionalCall.call(net, Map.of("0.weight", ext0, "2.weight", ext2), x);
        // the same computation written out, using the module's own biases
        Tensor expected = F.linear(F.linear(x, ext0, own.get("0.bias")).relu(), ext2, own.get("2.bias"));
        assertTrue(y.allclose(expected, 1e-12, 1e-12));
        Autograd.backward(y.sum());
        assertNotNull(ext0.grad());
        assertNotNull(ext2.grad());
        assertNull(own.get("0.weight").grad(), "the replaced weight is not read");
        assertNull(own.get("2.weight").grad());
        assertNotNull(own.get("0.bias").grad(), "names not supplied fall back to the module's own");
        assertTrue(own.get("0.weight").equal(w0));
        assertTrue(own.get("2.weight").equal(w2));
        // outside the call the module is itself again
        assertTrue(net.forward(x).allclose(F.linear(F.linear(x, w0, own.get("0.bias")).relu(), w2, own.get("2.bias")), 1e-12, 1e-12));
    }

    @Test
    void hypernetworkGradientReachesTheGenerator() {
        Linear target = new Linear(3, 2, false, G);
        target.to(DType.F64);
        Linear hyper = new Linear(1, 6, true, G);
        hyper.to(DType.F64);
        Tensor w = hyper.forward(Tensor.ones(DType.F64, 1)).reshape(2, 3);
        Tensor y = FunctionalCall.call(target, Map.of("weight", w), Tensor.randn(G, DType.F64, 4, 3));
        Autograd.backward(y.square().sum());
        assertNotNull(hyper.namedParameters().get("weight").grad());
        assertNull(target.namedParameters().get("weight").grad());
    }

    @Test
    void aSharedModuleIsReachableUnderEitherName() {
        Linear shared = new Linear(2, 2, false, G);
        Sequential net = new Sequential(shared, new ReLU(), shared);
        Tensor w = Tensor.eye(2, 2, DType.F32).requiresGrad(true);
        Tensor x = Tensor.of(new float[][] {{1, -2}});
        Tensor y = FunctionalCall.call(net, Map.of("2.weight", w), x);
        assertTrue(y.allclose(x.relu(), 0, 0));
    }

    @Test
    void unknownNamesAreRejectedAndBuffersCanBeSupplied() {
        Linear l = new Linear(2, 2, true, G);
        var e = assertThrows(IllegalArgumentException.class, () -> FunctionalCall.call(l, Map.of("wieght", Tensor.zeros(2, 2)), Tensor.zeros(1, 2)));
        assertTrue(e.getMessage().contains("wieght"), e.getMessage());
        BatchNorm1d bn = new BatchNorm1d(2);
        bn.eval();
        Tensor mean = Tensor.of(1f, 2f), var = Tensor.of(4f, 9f);
        Tensor y = FunctionalCall.call(bn, Map.of("running_mean", mean, "running_var", var), Tensor.of(new float[][] {{3, 5}}));
        assertEquals(2 / Math.sqrt(4 + 1e-5), y.get(0, 0), 1e-6);
        assertEquals(3 / Math.sqrt(9 + 1e-5), y.get(0, 1), 1e-6);
    }

    @Test
    void aWrongShapeNamesTheDottedParameterAndPerSampleWeightsPass() {
        Sequential net = new Sequential(new Linear(3, 4, true, G), new ReLU(), new Linear(4, 2, true, G));
        var e = assertThrows(IllegalArgumentException.class,
                () -> FunctionalCall.call(net, Map.of("2.weight", Tensor.zeros(4, 2)), Tensor.zeros(1, 3)));
        assertEquals("functionalCall: '2.weight' has shape (4, 2) but the module's is (2, 4) (or (B, 2, 4) for per-sample weights)",
                e.getMessage());
        // per-sample: one (2, 4) weight per sample of a batch of 5
        Tensor w = Tensor.ones(5, 2, 4), x = Tensor.ones(5, 3);
        assertArrayEquals(new int[] {5, 2}, FunctionalCall.call(net, Map.of("2.weight", w, "2.bias", Tensor.zeros(5, 2)), x).shape());
    }
}
