package dev.weft.nn.hyper;

import dev.weft.autograd.GradMode;
import dev.weft.nn.Sequential;
import dev.weft.nn.functional.F;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.layers.Tanh;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.*;

class MipTest {
    private static Sequential target(Generator g) {
        Sequential s = new Sequential(new Linear(64, 128, true, g), new ReLU(), new Linear(128, 32, true, g));
        s.to(DType.F64);
        return s;
    }

    /** std over all elements of every sample's generated tensor, divided by the std of the target's own tensor. */
    private static double stdRatio(HyperNetwork h, Tensor conditions, String name) {
        try (var s = GradMode.noGrad()) {
            Tensor gen = h.generate(conditions).get(name);
            Tensor own = h.target().namedParameters().get(name);
            return gen.std().item() / own.std().item();
        }
    }

    @Test
    void theEncodingHasConstantNormAndCosinesFirst() {
        Generator g = new Generator(1);
        Tensor gamma = Tensor.rand(g, DType.F64, 50, 3);
        Tensor e = MipEncoding.encode(gamma);
        assertArrayEquals(new int[] {50, 6}, e.shape());
        Tensor norms = e.square().sum(1).sqrt();
        assertTrue(norms.allclose(Tensor.full(Math.sqrt(3), DType.F64, 50), 1e-12, 0), "||E(gamma)|| = sqrt(C) for every gamma");
        assertEquals(0.5, e.square().mean().item(), 1e-12);
        Tensor ends = MipEncoding.encode(Tensor.of(0.0, 1.0));
        assertTrue(ends.allclose(Tensor.of(1.0, Math.cos(Math.PI / 2), 0.0, 1.0), 1e-15, 0), "[cos 0, cos pi/2, sin 0, sin pi/2]");
        assertEquals(Math.cos(Math.PI * 0.25 / 2), MipEncoding.encode(Tensor.of(0.25)).get(0), 1e-15);
        var err = assertThrows(IllegalArgumentException.class, () -> MipEncoding.encode(Tensor.of(0.5, 1.5)));
        assertEquals("MipEncoding.encode: gamma (2,) must lie in [0, 1] (the encoding is one-to-one there), got min 0.5, max 1.5",
                err.getMessage());
    }

    @Test
    void theResidualStartsAtTheTargetsOwnInit() {
        Generator g = new Generator(2);
        Sequential t = target(g);
        Tensor own = h0(t);
        HMLP h = new HMLP(HMLP.options(t, 2).hidden(8).mip(true).generator(g));
        h.to(DType.F64);
        assertEquals(4, ((Linear) h.trunk().get(0)).inFeatures, "the generator sees the 2C-wide encoding");
        Tensor theta0 = h.namedParameters().get("theta0");
        assertTrue(theta0.equal(own), "theta0 is the target's default init, in layout order");
        assertTrue(theta0.requiresGrad(), "theta0 is learned");
        // theta = theta0 + h(E(gamma)), h the plain generator
        Tensor gamma = Tensor.of(0.3, 0.9);
        Tensor delta = h.generator(MipEncoding.encode(gamma).unsqueeze(0)).squeeze(0);
        assertTrue(h.generateFlat(gamma).allclose(theta0.add(delta), 1e-14, 1e-14));
    }

    private static Tensor h0(Sequential t) {
        return ParameterLayout.of("test", t, ParameterFilter.all()).current(t).clone();
    }

    @Test
    void theTargetScaleInitPutsGeneratedWeightsAtTheTargetsInitScale() {
        Generator g = new Generator(3);
        String[] names = {"0.weight", "0.bias", "2.weight", "2.bias"};
        Tensor c = Tensor.randn(g, DType.F64, 64, 16);                  // N(0, 1) conditions: conditionVariance 1
        HMLP plain = new HMLP(HMLP.options(target(g), 16).init(HyperInit.TARGET_SCALE).generator(g));
        HMLP naive = new HMLP(HMLP.options(target(g), 16).generator(g));
        Tensor gamma = Tensor.rand(g, DType.F64, 64, 16);
        HMLP mip = new HMLP(HMLP.options(target(g), 16).mip(true).init(HyperInit.TARGET_SCALE).generator(g));
        for (HyperNetwork h : new HyperNetwork[] {plain, naive, mip}) h.to(DType.F64);
        for (String n : names) {
            assertEquals(1, stdRatio(plain, c, n), 0.15, "hyperfan-in aimed at the target's init: " + n);
            assertTrue(stdRatio(naive, c, n) > 1.5, "PyTorch's default init misses the scale: " + n);
            // theta0 carries the target's init, Delta theta adds delta = 0.1 of its std: sqrt(1 + 0.01)
            assertEquals(1, stdRatio(mip, gamma, n), 0.05, "MIP: " + n);
        }
    }

    @Test
    void theChunkedTargetScaleInitMatchesThePooledScaleAndMipEveryTensors() {
        Generator g = new Generator(4);
        Tensor c = Tensor.randn(g, DType.F64, 64, 16);
        ChunkedHMLP plain = new ChunkedHMLP(ChunkedHMLP.options(target(g), 16, 256).init(HyperInit.TARGET_SCALE).generator(g));
        Tensor gamma = Tensor.rand(g, DType.F64, 64, 16);
        ChunkedHMLP mip = new ChunkedHMLP(ChunkedHMLP.options(target(g), 16, 256).mip(true).init(HyperInit.TARGET_SCALE).generator(g));
        plain.to(DType.F64);
        mip.to(DType.F64);
        try (var s = GradMode.noGrad()) {
            double pooled = plain.generateFlat(c).std().item() / plain.layout().current(plain.target()).std().item();
            assertEquals(1, pooled, 0.2, "one shared head aims at the pooled std of all generated elements");
        }
        for (String n : new String[] {"0.weight", "0.bias", "2.weight", "2.bias"}) assertEquals(1, stdRatio(mip, gamma, n), 0.05, n);
    }

    @Test
    void gradcheckThroughTheEncodingAndTheResidual() {
        Generator g = new Generator(5);
        Sequential t = new Sequential(new Linear(2, 3, true, g), new Tanh(), new Linear(3, 1, true, g));
        Tensor x = Tensor.randn(g, DType.F64, 4, 2), y = Tensor.randn(g, DType.F64, 4, 1);
        HMLP h = new HMLP(HMLP.options(t, 2).hidden(3).activation(Tanh::new).mip(true).init(HyperInit.TARGET_SCALE).generator(g));
        h.to(DType.F64);
        Tensor gamma = Tensor.of(0.2, 0.7);
        HyperChecks.gradcheck("HMLP MIP mse", h, gamma, (m, c) -> F.mseLoss(m.forward(c, x), y));
        ChunkedHMLP ch = new ChunkedHMLP(ChunkedHMLP.options(t, 2, 5).chunkEmbSize(2).hidden(3).activation(Tanh::new).mip(true)
                .generator(g));
        ch.to(DType.F64);
        HyperChecks.gradcheck("ChunkedHMLP MIP per-sample mse", ch, Tensor.of(new double[][] {{0.1, 0.4}, {0.8, 0.6}, {0.5, 0.3}, {0.9, 0.2}}),
                (m, c) -> F.mseLoss(m.forward(c, x), y));
    }

    @Test
    void mipRefusesConditionsOutsideTheUnitInterval() {
        Generator g = new Generator(6);
        HMLP h = new HMLP(HMLP.options(target(g), 2).hidden(4).mip(true).generator(g));
        h.to(DType.F64);
        var e = assertThrows(IllegalArgumentException.class, () -> h.generate(Tensor.of(-0.1, 0.5)));
        assertTrue(e.getMessage().startsWith("MipEncoding.encode: gamma (1, 2) must lie in [0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HMLP(HMLP.options(target(g), 2).conditionVariance(0)));
        assertEquals("HMLP: conditionVariance must be > 0, got 0.0", e.getMessage());
    }
}
