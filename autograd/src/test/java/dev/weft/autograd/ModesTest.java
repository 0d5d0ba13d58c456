package dev.weft.autograd;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.Tensor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Grad mode scopes, non-differentiable ops, in-place checks and anomaly mode: each error names what it must. */
class ModesTest {
    static {
        Autograd.install();
    }

    private static Tensor leaf(double... v) {
        return Tensor.of(v).requiresGrad(true);
    }

    @Test
    void noGradScopesNestAndRestore() throws Exception {
        Tensor x = leaf(1, 2);
        try (var s = Autograd.noGrad()) {
            assertFalse(Autograd.isGradEnabled());
            assertFalse(x.mul(2.0).requiresGrad());
            try (var e = Autograd.enableGrad()) {
                assertTrue(x.mul(2.0).requiresGrad());
            }
            assertFalse(x.mul(2.0).requiresGrad());
        }
        assertTrue(Autograd.isGradEnabled());
        assertTrue(x.mul(2.0).requiresGrad());
        AtomicBoolean other = new AtomicBoolean();
        try (var s = Autograd.noGrad()) {
            Thread t = new Thread(() -> other.set(Autograd.isGradEnabled()));
            t.start();
            t.join();
        }
        assertTrue(other.get(), "grad mode is per thread");
    }

    @Test
    void nonDifferentiableOpsSaySoWhenAGradientIsAskedThroughThem() {
        Tensor x = leaf(1, 3, 2);
        Tensor idx = x.argmax();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Autograd.backward(idx));
        assertTrue(e.getMessage().contains("max") && e.getMessage().contains("not differentiable"), e.getMessage());
        Tensor cmp = x.gt(1.5);
        e = assertThrows(IllegalArgumentException.class,
                () -> Autograd.grad(new Tensor[] {cmp}, new Tensor[] {x}, new Tensor[] {Tensor.onesLike(cmp)}, false, false, false));
        assertTrue(e.getMessage().contains("gt") && e.getMessage().contains("not differentiable"), e.getMessage());
        Tensor asInt = x.to(DType.I64);
        e = assertThrows(IllegalArgumentException.class, () -> Autograd.backward(asInt.sum()));
        assertTrue(e.getMessage().contains("does not require grad"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Autograd.backward(asInt, Tensor.onesLike(asInt)));
        assertTrue(e.getMessage().contains("to") && e.getMessage().contains("not differentiable"), e.getMessage());
    }

    @Test
    void piecewiseConstantOpsHaveZeroGradient() {
        Tensor x = leaf(0.3, -1.7);
        Autograd.backward(x.floor().add(x.round()).add(x.sign()).sum());
        assertArrayEquals(new double[] {0, 0}, x.grad().toDoubleArray());
    }

    @Test
    void aSavedTensorModifiedInPlaceIsAnErrorNamingTheOpAndBothVersions() {
        Tensor x = leaf(1, 2);
        Tensor h = x.mul(2.0);
        Tensor y = h.exp();        // exp saves its output
        y.add_(1.0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Autograd.backward(y.sum()));
        String m = e.getMessage();
        assertTrue(m.contains("exp") && m.contains("version 0") && m.contains("version 1"), m);
    }

    @Test
    void inPlaceOnANonLeafRewritesItsHistory() {
        Tensor x = leaf(1, 2), w = leaf(3, 4);
        Tensor h = x.mul(2.0);
        h.add_(w.square());                      // h = 2x + w^2
        h.mul_(3.0);                             // h = 6x + 3 w^2
        Autograd.backward(h.sum());
        assertArrayEquals(new double[] {6, 6}, x.grad().toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {18, 24}, w.grad().toDoubleArray(), 1e-12);
        assertEquals("mul_", Autograd.gradFn(h), "the node is named after the in-place op the user called");
    }

    @Test
    void inPlaceOnALeafThatRequiresGradIsRefusedOutsideNoGrad() {
        Tensor w = leaf(1, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.add_(1.0));
        assertTrue(e.getMessage().contains("leaf") && e.getMessage().contains("noGrad"), e.getMessage());
        assertArrayEquals(new double[] {1, 2}, w.toDoubleArray(), "the refused write must not happen");
        assertEquals(0, w.version(), "the refused write must not bump the version");
        Tensor w2 = leaf(1, 2);
        try (var s = Autograd.noGrad()) {
            w2.sub_(Tensor.of(0.5, 0.5));
        }
        assertArrayEquals(new double[] {0.5, 1.5}, w2.toDoubleArray());
    }

    @Test
    void inPlaceIntoViewsIsRefusedRatherThanLosingHistory() {
        Tensor x = leaf(1, 2, 3, 4);
        Tensor h = x.mul(2.0).reshape(2, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> h.select(0, 0).add_(1.0));
        assertTrue(e.getMessage().contains("view") && e.getMessage().contains("select"), e.getMessage());
        assertArrayEquals(new double[] {2, 4, 6, 8}, h.toDoubleArray(), "the refused write must not happen");
        Tensor buf = Tensor.zeros(DType.F64, 2, 2);
        e = assertThrows(IllegalStateException.class, () -> buf.select(0, 1).copy_(x.narrow(0, 0, 2)));
        assertTrue(e.getMessage().contains("part of another tensor's storage"), e.getMessage());
        assertArrayEquals(new double[] {0, 0, 0, 0}, buf.toDoubleArray(), "the refused write must not happen");
    }

    @Test
    void inPlaceOpsWhoseBackwardReadsTheOldValueGiveTheRightGradient() {
        Tensor x = leaf(1, -2, 3);
        Tensor y = x.mul(1.0);
        y.mul_(x).clamp_(-10, 5).relu_();                       // y = relu(clamp(x^2)): d/dx = 2x where x^2 < 5, else 0
        Autograd.backward(y.sum());
        assertArrayEquals(new double[] {2, -4, 0}, x.grad().toDoubleArray());
        assertArrayEquals(new double[] {1, 4, 5}, y.toDoubleArray());
    }

    @Test
    void unbindIsOneNodeWhoseBackwardIsOneStackAndItsPiecesAreNotWritable() {
        Tensor x = leaf(1, 2, 3, 4, 5, 6);
        Tensor h = x.mul(1.0).reshape(3, 2);
        java.util.List<Tensor> rows = h.unbind(0);
        assertEquals("unbind", Autograd.gradFn(rows.get(2)));
        assertTrue(Tape.producer(rows.get(0)) == Tape.producer(rows.get(2)), "one node for every piece");
        for (int i = 0; i < 3; i++) {
            Tensor piece = rows.get(i);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> piece.mul_(2.0));
            assertTrue(e.getMessage().contains("view (unbind of (3, 2))"), e.getMessage());
        }
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, h.toDoubleArray(), "the refused writes must not happen");
        Autograd.backward(rows.get(0).sum().add(rows.get(2).mul(3.0).sum()));
        assertArrayEquals(new double[] {1, 1, 0, 0, 3, 3}, x.grad().toDoubleArray());
    }

    @Test
    void aViewTakenUnderNoGradOfALeafIsNotWritableInGradModeAndEveryRefusalLeavesTheBitsAlone() {
        Tensor w = leaf(1, 2, 3);
        Tensor v;
        try (var s = Autograd.noGrad()) {
            v = w.narrow(0, 0, 2);
        }
        for (String op : new String[] {"fill_", "add_", "mul_", "copy_", "zero_"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
                switch (op) {
                    case "fill_" -> v.fill_(7);
                    case "add_" -> v.add_(1.0);
                    case "mul_" -> v.mul_(2.0);
                    case "copy_" -> v.copy_(Tensor.of(5.0, 5.0));
                    default -> v.zero_();
                }
            });
            assertTrue(e.getMessage().startsWith(op + ": in-place write in grad mode into a view (2,) f64 that was taken under no-grad"),
                    e.getMessage());
            assertArrayEquals(new double[] {1, 2, 3}, w.toDoubleArray(), op + ": the refused write must not happen");
            assertEquals(0, w.version(), op + ": nor bump the version");
        }
        try (var s = Autograd.noGrad()) {
            v.fill_(7);                                       // the same write under no-grad is an ordinary update
        }
        assertArrayEquals(new double[] {7, 7, 3}, w.toDoubleArray());
        Tensor plain = Tensor.of(1.0, 2.0);
        plain.narrow(0, 0, 1).fill_(9);                       // views of tensors without grad stay writable
        assertArrayEquals(new double[] {9, 2}, plain.toDoubleArray());
    }

    @Test
    void aViewTakenBeforeAnInPlaceChangeOfItsBaseIsRefused() {
        Tensor x = leaf(1, 2, 3, 4);
        Tensor h = x.mul(2.0);
        Tensor v = h.narrow(0, 0, 2);
        h.add_(1.0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> v.mul(3.0));
        assertTrue(e.getMessage().contains("slice") && e.getMessage().contains("replaced by add_"), e.getMessage());
        // copy_ from the stale view is refused before the destination changes
        Tensor dst = Tensor.zeros(DType.F64, 2);
        e = assertThrows(IllegalStateException.class, () -> dst.copy_(v));
        assertTrue(e.getMessage().startsWith("copy_: input 1 (2,) is a view (slice of (4,)) whose base's history was replaced"), e.getMessage());
        assertArrayEquals(new double[] {0, 0}, dst.toDoubleArray(), "the refused copy must not happen");
        assertEquals(0, dst.version());
    }

    @Test
    void aViewOfAParameterStaysValidAcrossAnUnrecordedUpdate() {
        Tensor w = leaf(1, 2, 3, 4);
        Tensor wt = w.reshape(2, 2).mT();
        try (var s = Autograd.noGrad()) {
            w.mul_(2.0);
        }
        Autograd.backward(wt.mul(wt).sum());
        assertArrayEquals(new double[] {4, 8, 12, 16}, w.grad().toDoubleArray(), 1e-12);
    }

    @Test
    void anomalyModeNamesTheFirstOpProducingNanOrInfWithItsInputShapes() {
        Tensor x = Tensor.of(new double[] {1, 0, 2, 3}, 2, 2).requiresGrad(true);
        Tensor y = x.log();                       // outside anomaly mode: -inf, no complaint
        assertEquals(Double.NEGATIVE_INFINITY, y.get(0, 1));
        try (var a = Anomaly.detect()) {
            Anomaly.AnomalyException e = assertThrows(Anomaly.AnomalyException.class, () -> x.mul(2.0).log());
            assertTrue(e.getMessage().contains("log") && e.getMessage().contains("(2, 2)") && e.getMessage().contains("-Infinity"), e.getMessage());
            Tensor masked = Tensor.where(x.gt(0.5), x, Double.NEGATIVE_INFINITY);   // -inf in an input is not new
            assertDoesNotThrow(() -> masked.add(1.0));
            Tensor z = Tensor.of(0.0, 4.0).requiresGrad(true);
            Tensor s = z.sqrt().sum();            // finite forward, 1/(2 sqrt 0) = inf backward
            e = assertThrows(Anomaly.AnomalyException.class, () -> Autograd.backward(s));
            assertTrue(e.getMessage().contains("backward of sqrt") && e.getMessage().contains("(2,)"), e.getMessage());
        }
        assertFalse(Anomaly.isEnabled());
    }
}
