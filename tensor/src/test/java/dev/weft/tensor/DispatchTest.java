package dev.weft.tensor;

import dev.weft.tensor.core.Device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.op.ElementwiseOp;
import dev.weft.tensor.op.Op;
import dev.weft.tensor.op.ViewOp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispatchTest {

    @Test
    void recorderSeesOnlyOpsWithAnInputRequiringGrad() {
        List<Op> seen = new ArrayList<>();
        List<Tensor[]> outs = new ArrayList<>();
        Recorder r = (op, in, out) -> {
            seen.add(op);
            outs.add(out);
        };
        Recorder old = Dispatch.setRecorder(r);
        try {
            Tensor a = Tensor.ones(2, 3);
            a.add(a);
            assertTrue(seen.isEmpty());
            Tensor w = Tensor.ones(2, 3).requiresGrad(true);
            Tensor y = w.add(a);
            assertEquals(1, seen.size());
            assertInstanceOf(ElementwiseOp.Binary.class, seen.get(0));
            assertSame(y, outs.get(0)[0]);
            w.t();
            assertInstanceOf(ViewOp.Permute.class, seen.get(1));
            w.sum();
            assertEquals(2, seen.size() - 1);
        } finally {
            Dispatch.setRecorder(old);
        }
    }

    @Test
    void backendsAndDevices() {
        assertTrue(Backends.describe().get(0).startsWith("cpu: available"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Tensor.zeros(2).to(Device.cuda(0)));
        assertTrue(e.getMessage().startsWith("device cuda:0 is not available: "), e.getMessage());
        assertEquals(Device.cuda(1), Device.parse("cuda:1"));
        assertEquals("cpu", Device.CPU.toString());
        assertSame(Tensor.zeros(2).to(Device.CPU).device(), Device.CPU);
    }

    @Test
    void detachSharesStorageWithoutGrad() {
        Tensor w = Tensor.ones(2).requiresGrad(true);
        Tensor d = w.detach();
        assertSame(w.storage(), d.storage());
        assertEquals(false, d.requiresGrad());
    }
}
