package dev.weft.nn.hyper;

import dev.weft.autograd.Autograd;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Sequential;
import dev.weft.nn.functional.F;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.layers.Tanh;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class HMLPTest {
    private static Sequential mlp(Generator g) {
        return new Sequential(new Linear(3, 4, true, g), new Tanh(), new Linear(4, 2, true, g));
    }

    @Test
    void shapesComeFromTheTargetWithOneHeadPerTensorAndHypnettorchDefaults() {
        Generator g = new Generator(1);
        HMLP h = new HMLP(HMLP.options(mlp(g), 8).generator(g));
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), h.layout().names());
        assertEquals(12 + 4 + 8 + 2, h.layout().numel());
        // hidden (100, 100), ReLU, one head per tensor
        assertEquals(4, h.trunk().size());
        assertEquals(100, ((Linear) h.trunk().get(0)).outFeatures);
        assertInstanceOf(ReLU.class, h.trunk().get(1));
        assertEquals(12, h.head(0).outFeatures);
        assertEquals(2, h.head(3).outFeatures);
        assertEquals((8 * 100 + 100) + (100 * 100 + 100) + 26 * 100 + 26, h.numGeneratorParameters());
        Map<String, Tensor> theta = h.generate(Tensor.randn(g, 8));
        assertArrayEquals(new int[] {4, 3}, theta.get("0.weight").shape());
        assertArrayEquals(new int[] {2}, theta.get("2.bias").shape());
    }

    @Test
    void generatedParametersAreTheHeadsOfTheTrunkAndTheTargetRunsWithThem() {
        Generator g = new Generator(2);
        Sequential target = mlp(g);
        HMLP h = new HMLP(HMLP.options(target, 2).hidden(5).activation(Tanh::new).generator(g));
        h.to(DType.F64);
        Tensor c = Tensor.randn(g, DType.F64, 2), x = Tensor.randn(g, DType.F64, 6, 3);
        // written out: z = tanh(W c + b), theta_i = V_i z + b_i
        Linear l0 = (Linear) h.trunk().get(0);
        Tensor z = F.linear(c, l0.weight(), l0.bias()).tanh();
        Tensor w0 = F.linear(z, h.head(0).weight(), h.head(0).bias()).reshape(4, 3);
        Tensor b0 = F.linear(z, h.head(1).weight(), h.head(1).bias());
        Tensor w2 = F.linear(z, h.head(2).weight(), h.head(2).bias()).reshape(2, 4);
        Tensor b2 = F.linear(z, h.head(3).weight(), h.head(3).bias());
        Tensor expected = F.linear(F.linear(x, w0, b0).tanh(), w2, b2);
        assertTrue(h.forward(c, x).allclose(expected, 1e-12, 1e-12));
        assertTrue(FunctionalCall.call(target, h.generate(c), x).allclose(expected, 1e-12, 1e-12));
    }

    @Test
    void aNamePatternKeepsTheRestAsOrdinaryTrainedParameters() {
        Generator g = new Generator(3);
        Sequential target = mlp(g);
        HMLP h = new HMLP(HMLP.options(target, 2).hidden(5).generate("*.weight").generator(g));
        assertEquals(List.of("0.weight", "2.weight"), h.layout().names());
        Tensor y = h.forward(Tensor.randn(g, 2), Tensor.randn(g, 4, 3));
        Autograd.backward(y.square().sum());
        Map<String, Tensor> own = target.namedParameters();
        assertNull(own.get("0.weight").grad(), "a generated slot's own tensor is not read");
        assertNull(own.get("2.weight").grad());
        assertNotNull(own.get("0.bias").grad(), "kept parameters are the target's own and train");
        assertNotNull(own.get("2.bias").grad());
        assertNotNull(h.head(0).weight().grad(), "the gradient reaches the generator");
        assertNotNull(((Linear) h.trunk().get(0)).weight().grad());
        HMLP r = new HMLP(HMLP.options(mlp(g), 2).hidden(5).generate(ParameterFilter.regex("2\\..*")).generator(g));
        assertEquals(List.of("2.weight", "2.bias"), r.layout().names());
    }

    @Test
    void gradcheckThroughGeneratorFunctionalCallAndLoss() {
        Generator g = new Generator(4);
        Sequential target = new Sequential(new Linear(2, 3, true, g), new Tanh(), new Linear(3, 1, true, g));
        HMLP h = new HMLP(HMLP.options(target, 2).hidden(3).activation(Tanh::new).generate("*.weight").generator(g));
        h.to(DType.F64);
        Tensor x = Tensor.randn(g, DType.F64, 4, 2), y = Tensor.randn(g, DType.F64, 4, 1);
        HyperChecks.gradcheck("HMLP mse", h, Tensor.randn(g, DType.F64, 2), (m, c) -> F.mseLoss(m.forward(c, x), y));
        HMLP linear = new HMLP(HMLP.options(target, 2).hidden().generator(g));
        linear.to(DType.F64);
        HyperChecks.gradcheck("HMLP without hidden layers", linear, Tensor.randn(g, DType.F64, 2),
                (m, c) -> F.mseLoss(m.forward(c, x), y));
    }

    @Test
    void sameSeedSameBitsAndTheStateDictRoundTrips() {
        HMLP a = new HMLP(HMLP.options(mlp(new Generator(9)), 3).hidden(6).mip(true).generator(new Generator(9)));
        HMLP b = new HMLP(HMLP.options(mlp(new Generator(9)), 3).hidden(6).mip(true).generator(new Generator(9)));
        Tensor c = Tensor.of(0.1f, 0.5f, 0.9f);
        assertTrue(a.generateFlat(c).equal(b.generateFlat(c)));
        HMLP other = new HMLP(HMLP.options(mlp(new Generator(10)), 3).hidden(6).mip(true).generator(new Generator(10)));
        assertFalse(other.generateFlat(c).equal(a.generateFlat(c)));
        other.loadStateDict(a.stateDict());
        assertTrue(other.generateFlat(c).equal(a.generateFlat(c)), "trunk, heads, theta0 and the target's kept tensors load");
        assertTrue(a.stateDict().containsKey("theta0") && a.stateDict().containsKey("heads.3.bias") && a.stateDict().containsKey("target.0.bias"));
        assertTrue(a.toString().startsWith("HMLP(\n  condition=3, generated=4 tensors (26 elements, all), mip=true, init=default\n  (target): Sequential("),
                a.toString());
    }

    @Test
    void badConditionsAndOptionsAreNamed() {
        Generator g = new Generator(5);
        HMLP h = new HMLP(HMLP.options(mlp(g), 8).hidden(4).generator(g));
        var e = assertThrows(IllegalArgumentException.class, () -> h.generate(Tensor.zeros(2, 3, 8)));
        assertEquals("HMLP: condition (2, 3, 8) must be (C=8) or (B, C=8)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> h.forward(Tensor.zeros(7), Tensor.zeros(1, 3)));
        assertEquals("HMLP: condition (7,) must be (C=8) or (B, C=8)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HMLP(HMLP.options(mlp(g), 0)));
        assertEquals("HMLP: conditionSize must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HMLP(HMLP.options(mlp(g), 2).hidden(4, 0)));
        assertEquals("HMLP: hidden widths must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HMLP(HMLP.options(null, 2)));
        assertEquals("HMLP: target must not be null", e.getMessage());
    }
}
