package dev.weft.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tensor.close and TensorScope on the CPU: which storage is released, and the use-after-release errors. */
class TensorReleaseTest {
    private static void assertReleasedError(String op, Runnable use) {
        IllegalStateException e = assertThrows(IllegalStateException.class, use::run);
        assertTrue(e.getMessage().startsWith(op + ": ") && e.getMessage().contains("was released"), e.getMessage());
    }

    @Test
    void closeReleasesOwnedStorageAndEveryUseAfterwardsErrors() {
        Tensor a = Tensor.of(1f, 2f, 3f);
        Tensor y = a.mul(a);
        Tensor v = y.view(3, 1);
        assertTrue(y.ownsStorage());
        assertFalse(v.ownsStorage());
        y.close();
        assertTrue(y.isReleased() && v.isReleased());
        assertReleasedError("mul", () -> y.mul(a));
        assertReleasedError("add", () -> a.add(y));          // any input position
        assertReleasedError("toHost", y::toHost);
        assertReleasedError("item/get", () -> y.get(0));
        assertReleasedError("sum", () -> v.sum());           // views of released storage too
        assertReleasedError("add", () -> y.add_(a));         // in place: the elementwise op it runs
        y.close();                                           // idempotent
        assertArrayEquals(new float[] {1, 2, 3}, a.toFloatArray(), "other tensors are untouched");
    }

    @Test
    void closingAViewReleasesNothing() {
        Tensor y = Tensor.of(1f, 2f, 3f, 4f).mul(2f);
        Tensor v = y.reshape(2, 2).transpose(0, 1);
        v.close();
        assertFalse(y.isReleased());
        assertArrayEquals(new float[] {2, 4, 6, 8}, y.toFloatArray());
    }

    @Test
    void tryWithResourcesClosesTheTensor() {
        Tensor kept;
        try (Tensor t = Tensor.ones(2, 2)) {
            kept = t;
            assertEquals(4.0, t.sum().item());
        }
        assertTrue(kept.isReleased());
    }

    @Test
    void aScopeReleasesWhatItAllocatedButNotKeptOrOlderTensors() {
        Tensor w = Tensor.of(1f, 2f, 3f);
        Tensor h, out;
        try (TensorScope s = TensorScope.open()) {
            assertSame(s, TensorScope.current());
            h = w.mul(2f).exp();
            out = s.keep(h.sum());
            assertEquals(3, s.tracked(), "mul, its scalar operand and exp (sum was kept)");
        }
        assertNull(TensorScope.current());
        assertTrue(h.isReleased());
        assertFalse(out.isReleased());
        assertFalse(w.isReleased());
        assertReleasedError("relu", () -> h.relu());
        double expect = Math.exp(2) + Math.exp(4) + Math.exp(6);
        assertEquals(expect, out.item(), 1e-3);
    }

    @Test
    void nestedScopesHandKeptTensorsOutward() {
        Tensor inner, outer;
        try (TensorScope a = TensorScope.open()) {
            try (TensorScope b = TensorScope.open()) {
                inner = b.keep(Tensor.zeros(3));
                outer = Tensor.ones(3);
                b.keep(outer);
                assertEquals(0, b.tracked());
            }
            assertSame(a, TensorScope.current());
            assertFalse(inner.isReleased());
            a.keep(outer);
        }
        assertTrue(inner.isReleased(), "kept by the inner scope only: released with the outer one");
        assertFalse(outer.isReleased());
    }

    @Test
    void scopesCloseInOrderAndKeepChecksItsArguments() {
        TensorScope a = TensorScope.open();
        TensorScope b = TensorScope.open();
        IllegalStateException e = assertThrows(IllegalStateException.class, a::close);
        assertTrue(e.getMessage().contains("reverse order"), e.getMessage());
        b.close();
        a.close();
        a.close();   // idempotent
        IllegalStateException k = assertThrows(IllegalStateException.class, () -> a.keep(Tensor.ones(1)));
        assertTrue(k.getMessage().contains("already closed"), k.getMessage());
        Tensor t = Tensor.ones(2);
        t.close();
        try (TensorScope s = TensorScope.open()) {
            assertReleasedError("TensorScope.keep", () -> s.keep(t));
        }
    }

    @Test
    void deviceCopiesAndFactoriesAreTracked() {
        Tensor c;
        try (TensorScope s = TensorScope.open()) {
            c = Tensor.of(new float[] {1, 2}, 2, 1).to(dev.weft.tensor.core.Device.CPU).clone();
            assertTrue(s.tracked() >= 2, "Tensor.of and clone: " + s.tracked());
        }
        assertTrue(c.isReleased());
    }
}
