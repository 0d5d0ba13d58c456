package dev.weft.autograd;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The engine's contract: accumulation, seeds, retain/create graph, freeing, deep graphs, leaf grads. */
class BackwardTest {
    static {
        Autograd.install();
    }

    private static Tensor leaf(double... v) {
        return Tensor.of(v).requiresGrad(true);
    }

    @Test
    void gradientsOfASmallExpression() {
        Tensor a = leaf(1, 2, 3), b = leaf(4, 5, 6);
        Autograd.backward(a.mul(b).add(a).sum());
        assertArrayEquals(new double[] {5, 6, 7}, a.grad().toDoubleArray());
        assertArrayEquals(new double[] {1, 2, 3}, b.grad().toDoubleArray());
        assertTrue(Autograd.isLeaf(a));
        assertNull(a.grad().gradNode(), "grads of a backward without createGraph carry no graph");
    }

    @Test
    void gradientsAccumulateAcrossBackwardsAndZeroGradClears() {
        Tensor x = leaf(1, 2);
        Tensor first = null;
        for (int i = 0; i < 3; i++) {
            Autograd.backward(x.mul(x).sum());
            if (i == 0) first = x.grad();
        }
        assertArrayEquals(new double[] {6, 12}, x.grad().toDoubleArray());
        assertArrayEquals(new double[] {2, 4}, first.toDoubleArray(), "accumulation is out of place: a grad handed out earlier does not change");
        Autograd.zeroGrad(x);
        assertNull(x.grad());
    }

    @Test
    void aLeafUsedTwiceGetsTheSumAndSharedGradientsAreNotAliased() {
        Tensor a = leaf(1, 2), b = leaf(3, 4);
        Autograd.backward(a.add(b).sum());
        assertNotSame(a.grad().storage(), b.grad().storage(), "add hands one gradient to both inputs; leaves must not share it");
        a.grad().mul_(10.0);
        assertArrayEquals(new double[] {1, 1}, b.grad().toDoubleArray());
        Tensor c = leaf(2, 3);
        Autograd.backward(c.mul(c).add(c).sum());
        assertArrayEquals(new double[] {5, 7}, c.grad().toDoubleArray());
    }

    @Test
    void broadcastGradientsAreSummedToTheInputShape() {
        Tensor w = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3).requiresGrad(true);
        Tensor b = leaf(1, 1, 1);
        Tensor s = Tensor.scalar(2, DType.F64).requiresGrad(true);
        Autograd.backward(w.add(b).mul(s).sum());
        assertArrayEquals(new int[] {3}, b.grad().shape());
        assertArrayEquals(new double[] {4, 4, 4}, b.grad().toDoubleArray());
        assertEquals(0, s.grad().dim());
        assertEquals(27, s.grad().item(), 1e-12);
    }

    @Test
    void seedGradientAndItsChecks() {
        Tensor x = leaf(1, 2, 3);
        Tensor y = x.mul(2.0);
        Autograd.backward(y, Tensor.of(1.0, 10.0, 100.0));
        assertArrayEquals(new double[] {2, 20, 200}, x.grad().toDoubleArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Autograd.backward(x.mul(2.0)));
        assertTrue(e.getMessage().contains("(3,)") && e.getMessage().contains("pass its gradient"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Autograd.backward(x.mul(2.0), Tensor.of(1.0, 2.0)));
        assertTrue(e.getMessage().contains("(2,)") && e.getMessage().contains("(3,)"), e.getMessage());
    }

    @Test
    void secondBackwardThroughAFreedGraphIsAnErrorUnlessRetained() {
        Tensor x = leaf(1, 2);
        Tensor y = x.exp().sum();
        Autograd.backward(y, null, true, false);
        Autograd.backward(y);
        assertArrayEquals(new double[] {2 * Math.exp(1), 2 * Math.exp(2)}, x.grad().toDoubleArray(), 1e-12);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Autograd.backward(y));
        assertTrue(e.getMessage().contains("already freed") && e.getMessage().contains("retainGraph"), e.getMessage());
    }

    @Test
    void savedTensorsAreReleasedAfterBackward() {
        Tensor x = leaf(1, 2);
        Tensor h = x.exp();
        Tensor y = h.mul(h).sum();
        Node mul = (Node) ((Node) y.gradNode()).next[0];
        assertFalse(mul.released());
        Autograd.backward(y, null, true, false);
        assertFalse(mul.released(), "retainGraph keeps saved tensors");
        Autograd.backward(y);
        assertTrue(mul.released());
        assertTrue(((Node) h.gradNode()).released());
    }

    @Test
    void createGraphGivesHigherOrderGradients() {
        Tensor x = leaf(0.5, -1.5);
        Tensor y = x.pow(3).sum();
        Tensor g = Autograd.grad(new Tensor[] {y}, new Tensor[] {x}, null, true, true, false)[0];
        assertArrayEquals(new double[] {0.75, 6.75}, g.toDoubleArray(), 1e-12);
        Tensor gg = Autograd.grad(new Tensor[] {g.sum()}, new Tensor[] {x}, null, true, true, false)[0];
        assertArrayEquals(new double[] {3, -9}, gg.toDoubleArray(), 1e-12);
        Tensor ggg = Autograd.grad(gg.sum(), x)[0];
        assertArrayEquals(new double[] {6, 6}, ggg.toDoubleArray(), 1e-12);
        assertNull(x.grad(), "functional grad never touches .grad()");
    }

    @Test
    void backwardWithCreateGraphLeavesDifferentiableGrads() {
        Tensor x = leaf(2.0);
        Autograd.backward(x.pow(4).sum(), null, true, true);          // grad = 4 x^3 = 32, with a graph
        Tensor g = x.grad();
        assertEquals(32, g.item(), 1e-12);
        assertTrue(g.requiresGrad());
        x.setGrad(null);
        Autograd.backward(g.sum());                                    // d(4x^3)/dx = 12 x^2 = 48
        assertEquals(48, x.grad().item(), 1e-12);
    }

    @Test
    void gradWithRespectToIntermediatesAndUnusedInputs() {
        Tensor x = leaf(1, 2), z = leaf(5);
        Tensor h = x.mul(3.0);
        Tensor y = h.square().sum();
        Tensor[] g = Autograd.grad(new Tensor[] {y}, new Tensor[] {h, x, z}, null, false, true, true);
        assertArrayEquals(new double[] {6, 12}, g[0].toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {18, 36}, g[1].toDoubleArray(), 1e-12);
        assertNull(g[2]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Autograd.grad(y, x, z));
        assertTrue(e.getMessage().contains("input 1 (1,)") && e.getMessage().contains("allowUnused"), e.getMessage());
    }

    @Test
    void multipleOutputsAndMultiOutputOps() {
        Tensor x = Tensor.of(new double[] {1, 5, 3, 4, 2, 6}, 2, 3).requiresGrad(true);
        var mx = x.max(1);
        Autograd.backward(new Tensor[] {mx.values().sum(), x.sum()}, null, false, false);
        assertArrayEquals(new double[] {1, 2, 1, 1, 1, 2}, x.grad().toDoubleArray());
    }

    @Test
    void aTenThousandOpChainNeedsNoRecursion() {
        Tensor b = leaf(1, 1, 1, 1);
        Tensor x = leaf(0, 0, 0, 0);
        Tensor y = x;
        for (int i = 0; i < 10_000; i++) y = y.add(b);
        Autograd.backward(y.sum());
        assertArrayEquals(new double[] {10_000, 10_000, 10_000, 10_000}, b.grad().toDoubleArray());
        assertArrayEquals(new double[] {1, 1, 1, 1}, x.grad().toDoubleArray());
    }

    @Test
    void detachCutsTheGraph() {
        Tensor x = leaf(3);
        Tensor y = x.mul(x.detach()).sum();        // d/dx = x.detach() = 3, not 2x
        Autograd.backward(y);
        assertEquals(3, x.grad().item(), 1e-12);
        assertFalse(x.detach().requiresGrad());
    }

    @Test
    void gradFnNamesTheProducingOp() {
        Tensor x = leaf(1, 2);
        assertNull(Autograd.gradFn(x));
        assertEquals("mul", Autograd.gradFn(x.mul(2.0)));
        assertEquals("sum", Autograd.gradFn(x.sum()));
        assertFalse(Autograd.isLeaf(x.exp()));
    }
}
