package dev.weft.nn.layers;

import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LinearTest {
    @Test
    void printsAndComputesXWtPlusB() {
        Linear l = new Linear(784, 256);
        assertEquals("Linear(in=784, out=256, bias=true)", l.toString());
        Linear small = new Linear(3, 2, true, new Generator(3));
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}, {-1, 0, 0.5}}).to(dev.weft.tensor.core.DType.F32);
        Tensor y = small.forward(x);
        Tensor w = small.weight(), b = small.bias();
        for (int i = 0; i < 2; i++) {
            for (int o = 0; o < 2; o++) {
                double e = b.get(o);
                for (int k = 0; k < 3; k++) e += x.get(i, k) * w.get(o, k);
                assertEquals(e, y.get(i, o), 1e-5);
            }
        }
    }

    @Test
    void layersExposeTheirWeightAndBias() {
        Linear l = new Linear(3, 2, false, new Generator(1));
        assertArrayEquals(new int[] {2, 3}, l.weight().shape());
        assertNull(l.bias(), "built without bias");
        assertSame(l.ownParameters().get("weight"), l.weight());
        Conv2d c = new Conv2d(3, 8, 5);
        assertArrayEquals(new int[] {8, 3, 5, 5}, c.weight().shape());
        assertArrayEquals(new int[] {8}, c.bias().shape());
        assertArrayEquals(new int[] {10, 4}, new Embedding(10, 4).weight().shape());
        assertArrayEquals(new int[] {6}, new LayerNorm(new int[] {6}).bias().shape());
    }

    @Test
    void wrongLastDimNamesLayerAndShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Linear(784, 256).forward(Tensor.zeros(32, 100)));
        assertEquals("Linear(in=784, out=256, bias=true): input (32, 100): last dim 100 != in 784", e.getMessage());
    }

    @Test
    void aDtypeMismatchNamesTheLayerOrLinearNotAnInternalBmm() {
        Tensor x = Tensor.zeros(4, 3).to(dev.weft.tensor.core.DType.F64);
        Linear l = new Linear(3, 5, true, new Generator(1));
        assertEquals("Linear(in=3, out=5, bias=true): input f64 (4, 3), parameters f32: convert the input (input.to(DType.F32))"
                + " or the layer (layer.to(DType.F64))", assertThrows(IllegalArgumentException.class, () -> l.forward(x)).getMessage());
        assertEquals("linear: input f64 (4, 3), weight f32 (5, 3), bias f32 (5,): dtypes differ; convert the input (x.to(DType.F32))"
                        + " or the module (module.to(DType.F64))",
                assertThrows(IllegalArgumentException.class, () -> dev.weft.nn.functional.F.linear(x, Tensor.zeros(5, 3), Tensor.zeros(5)))
                        .getMessage());
    }

    @Test
    void defaultInitStaysWithinOneOverSqrtFanIn() {
        Linear l = new Linear(50, 40, true, new Generator(7));
        double bound = 1 / Math.sqrt(50);
        Tensor w = l.weight(), b = l.bias();
        assertTrue(w.abs().max().item() <= bound);
        assertTrue(w.abs().max().item() > 0.9 * bound, "uniform over the whole range");
        assertTrue(b.abs().max().item() <= bound);
    }

    @Test
    void manualSeedMakesDefaultConstructionReproducible() {
        Init.manualSeed(123);
        Tensor w1 = new Linear(4, 4).weight();
        Init.manualSeed(123);
        Tensor w2 = new Linear(4, 4).weight();
        assertTrue(w1.equal(w2));
    }
}
