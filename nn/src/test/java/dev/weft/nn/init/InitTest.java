package dev.weft.nn.init;

import dev.weft.autograd.Autograd;
import dev.weft.nn.layers.Conv2d;
import dev.weft.nn.layers.Embedding;
import dev.weft.nn.layers.LayerNorm;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Statistical laws of the initializers: bounds, moments, orthogonality, fans, gains, seeding. */
class InitTest {
    private static double mean(Tensor t) { return t.to(DType.F64).mean().item(); }

    private static double var(Tensor t) { return t.to(DType.F64).var().item(); }

    @Test
    void fansFollowTheReceptiveFieldRule() {
        assertEquals(new Fans(5, 3), Fans.of(Tensor.zeros(3, 5)));
        assertEquals(new Fans(4 * 9, 8 * 9), Fans.of(Tensor.zeros(8, 4, 3, 3)));
        assertEquals(new Fans(2 * 5, 6 * 5), Fans.of(Tensor.zeros(6, 2, 5)));
        var e = assertThrows(IllegalArgumentException.class, () -> Init.fanIn(Tensor.zeros(7)));
        assertTrue(e.getMessage().contains("fewer than 2 dimensions, got (7,)"), e.getMessage());
    }

    @Test
    void gainsAreTheReferenceValues() {
        assertEquals(1.0, Init.calculateGain(Init.Nonlinearity.LINEAR));
        assertEquals(1.0, Init.calculateGain(Init.Nonlinearity.CONV2D));
        assertEquals(1.0, Init.calculateGain(Init.Nonlinearity.SIGMOID));
        assertEquals(5.0 / 3, Init.calculateGain(Init.Nonlinearity.TANH));
        assertEquals(Math.sqrt(2), Init.calculateGain(Init.Nonlinearity.RELU));
        assertEquals(Math.sqrt(2 / (1 + 0.01 * 0.01)), Init.calculateGain(Init.Nonlinearity.LEAKY_RELU));
        assertEquals(Math.sqrt(2 / 6.0), Init.calculateGain(Init.Nonlinearity.LEAKY_RELU, Math.sqrt(5)), 1e-15);
        assertEquals(0.75, Init.calculateGain(Init.Nonlinearity.SELU));
        assertThrows(IllegalArgumentException.class, () -> Init.Nonlinearity.of("swish"));
    }

    @Test
    void uniformStaysInBoundsAndFillsThem() {
        Tensor t = Init.uniform(Tensor.empty(DType.F64, 20000), -0.3, 0.7, new Generator(1));
        assertTrue(t.min().item() >= -0.3);
        assertTrue(t.max().item() < 0.7);
        assertTrue(t.min().item() < -0.29 && t.max().item() > 0.69);
        assertEquals(0.2, mean(t), 0.01);
        assertEquals(1.0 / 12, var(t), 0.004);
    }

    @Test
    void kaimingAndXavierUniformBounds() {
        Generator g = new Generator(2);
        Tensor w = Init.kaimingUniform(Tensor.empty(64, 16, 3, 3), 0, Init.FanMode.FAN_IN, Init.Nonlinearity.RELU, g);
        double bound = Math.sqrt(2) * Math.sqrt(3.0 / (16 * 9));
        assertTrue(w.abs().max().item() <= bound * (1 + 1e-6));
        assertTrue(w.abs().max().item() > 0.99 * bound);
        assertEquals(bound * bound / 3, var(w), 0.05 * bound * bound / 3);

        Tensor fo = Init.kaimingUniform(Tensor.empty(64, 16, 3, 3), 0, Init.FanMode.FAN_OUT, Init.Nonlinearity.RELU, g);
        double boundOut = Math.sqrt(2) * Math.sqrt(3.0 / (64 * 9));
        assertTrue(fo.abs().max().item() <= boundOut * (1 + 1e-6));

        Tensor x = Init.xavierUniform(Tensor.empty(200, 100), 2.0, g);
        double xb = 2.0 * Math.sqrt(6.0 / 300);
        assertTrue(x.abs().max().item() <= xb * (1 + 1e-6));
        assertTrue(x.abs().max().item() > 0.99 * xb);
    }

    @Test
    void normalInitsHaveTheirStd() {
        Generator g = new Generator(3);
        Tensor n = Init.normal(Tensor.empty(DType.F64, 200, 100), 1.5, 0.5, g);
        assertEquals(1.5, mean(n), 0.01);
        assertEquals(0.25, var(n), 0.01);
        Tensor k = Init.kaimingNormal(Tensor.empty(400, 50), 0, Init.FanMode.FAN_IN, Init.Nonlinearity.RELU, g);
        assertEquals(2.0 / 50, var(k), 0.05 * 2.0 / 50);
        Tensor x = Init.xavierNormal(Tensor.empty(300, 100), 1.0, g);
        assertEquals(2.0 / 400, var(x), 0.05 * 2.0 / 400);
    }

    @Test
    void orthogonalGivesOrthonormalRowsOrColumns() {
        Generator g = new Generator(4);
        Tensor tall = Init.orthogonal(Tensor.empty(DType.F64, 7, 4), 1.0, g);
        assertTrue(tall.t().mm(tall).allclose(Tensor.eye(4, 4, DType.F64), 0, 1e-12));
        Tensor wide = Init.orthogonal(Tensor.empty(DType.F64, 3, 8), 1.0, g);
        assertTrue(wide.mm(wide.t()).allclose(Tensor.eye(3, 3, DType.F64), 0, 1e-12));
        Tensor conv = Init.orthogonal(Tensor.empty(DType.F64, 4, 2, 3), 2.0, g).reshape(4, 6);
        assertTrue(conv.mm(conv.t()).allclose(Tensor.eye(4, 4, DType.F64).mul(4.0), 0, 1e-11));
        Tensor f32 = Init.orthogonal(Tensor.empty(5, 5), 1.0, g);
        assertTrue(f32.t().mm(f32).allclose(Tensor.eye(5, 5, DType.F32), 0, 1e-5));
    }

    @Test
    void constantsAndSeedingAndNoGraph() {
        Tensor p = Tensor.empty(3, 3).requiresGrad(true);
        Init.kaimingUniform(p, Math.sqrt(5), Init.FanMode.FAN_IN, Init.Nonlinearity.LEAKY_RELU, new Generator(9));
        assertTrue(Autograd.isLeaf(p), "init runs under no-grad and leaves a leaf");
        Tensor q = Init.kaimingUniform(Tensor.empty(3, 3), Math.sqrt(5), Init.FanMode.FAN_IN, Init.Nonlinearity.LEAKY_RELU, new Generator(9));
        assertTrue(p.detach().equal(q), "same seed, same values");
        Tensor r = Init.kaimingUniform(Tensor.empty(3, 3), Math.sqrt(5), Init.FanMode.FAN_IN, Init.Nonlinearity.LEAKY_RELU, new Generator(10));
        assertFalse(q.equal(r));
        assertEquals(9.0, Init.ones(Tensor.empty(3, 3)).sum().item());
        assertEquals(0.0, Init.zeros(Tensor.empty(3, 3)).abs().sum().item());
        assertEquals(-4.5, Init.constant(Tensor.empty(3, 3), -0.5).sum().item());
    }

    @Test
    void layersUseTheReferenceDefaults() {
        Conv2d c = new Conv2d(Conv2d.options(4, 8, 3).generator(new Generator(5)));
        double b = 1 / Math.sqrt(4 * 9);                 // kaiming_uniform(a = sqrt 5) bound = 1/sqrt(fanIn)
        assertTrue(c.namedParameters().get("weight").abs().max().item() <= b);
        assertTrue(c.namedParameters().get("weight").abs().max().item() > 0.95 * b);
        assertTrue(c.namedParameters().get("bias").abs().max().item() <= b);
        Embedding e = new Embedding(Embedding.options(1000, 20).paddingIdx(-1).generator(new Generator(6)));
        Tensor w = e.namedParameters().get("weight");
        assertEquals(0.0, w.select(0, 999).abs().sum().item());
        assertEquals(1.0, var(w.narrow(0, 0, 999)), 0.03);
        LayerNorm ln = new LayerNorm(5);
        assertEquals(5.0, ln.namedParameters().get("weight").sum().item());
        assertEquals(0.0, ln.namedParameters().get("bias").abs().sum().item());
    }
}
