package dev.weft.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

/** The documented guarantee of DirectAccess: the live array, the offset, the version bump, and clear refusals. */
class DirectAccessTest {
    @Test
    void theArrayIsLiveAndTheOffsetLocatesTheElements() {
        Tensor t = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor row = t.select(0, 1);                           // contiguous view at offset 3
        assertTrue(DirectAccess.available(row, DType.F64));
        double[] a = DirectAccess.doubles(row);
        assertSame(DirectAccess.doubles(t), a, "one storage, one array");
        assertEquals(3, DirectAccess.offset(row));
        int v = t.version();
        for (int i = 0; i < row.numel(); i++) a[DirectAccess.offset(row) + i] *= 10;
        DirectAccess.written(row);
        assertArrayEquals(new double[] {1, 2, 3, 40, 50, 60}, t.toDoubleArray());
        assertEquals(v + 1, t.version(), "written() bumps the version autograd checks");
        Tensor fresh = DirectAccess.allocate(DType.I64, 2, 2);
        DirectAccess.longs(fresh)[3] = 7;
        assertArrayEquals(new long[] {0, 0, 0, 7}, fresh.toLongArray());
    }

    @Test
    void stridedOrOtherDtypesAreRefusedByName() {
        Tensor t = Tensor.zeros(DType.F32, 2, 3);
        assertFalse(DirectAccess.available(t.t(), DType.F32));
        assertEquals("DirectAccess: tensor f32 (3, 2): it is not contiguous (strides [1, 3]); use contiguous() first",
                assertThrows(IllegalArgumentException.class, () -> DirectAccess.floats(t.t())).getMessage());
        assertEquals("DirectAccess: tensor f32 (2, 3): it is f32, not f64",
                assertThrows(IllegalArgumentException.class, () -> DirectAccess.doubles(t)).getMessage());
        assertEquals(3, DirectAccess.floats(t.contiguous()).length / 2);
    }
}
