package dev.weft.tensor;

import dev.weft.tensor.core.DType;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CreationTest {

    @Test
    void constantsAndRanges() {
        Tensor z = Tensor.zeros(2, 3);
        assertArrayEquals(new int[] {2, 3}, z.shape());
        assertEquals(DType.F32, z.dtype());
        assertArrayEquals(new float[6], z.toFloatArray());
        assertArrayEquals(new double[] {7, 7}, Tensor.full(7, DType.F64, 2).toDoubleArray());
        assertArrayEquals(new long[] {0, 1, 2, 3}, Tensor.arange(4).toLongArray());
        assertArrayEquals(new long[] {5, 3, 1}, Tensor.arange(5, 0, -2).toLongArray());
        assertArrayEquals(new float[] {0f, 0.5f, 1f, 1.5f}, Tensor.arange(0.0, 2.0, 0.5).toFloatArray());
        assertArrayEquals(new float[] {0f, 0.25f, 0.5f, 0.75f, 1f}, Tensor.linspace(0, 1, 5).toFloatArray());
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0}, Tensor.eye(2, 3, DType.F64).toDoubleArray());
        assertEquals(DType.F64, Tensor.eye(2, DType.F64).dtype());
        assertArrayEquals(new double[] {1, 0, 0, 1}, Tensor.eye(2, DType.F64).toDoubleArray());
        assertArrayEquals(new boolean[] {true, false}, Tensor.of(true, false).toBooleanArray());
        assertEquals(2.5, Tensor.scalar(2.5).item());
        assertEquals(0, Tensor.scalar(2.5).dim());
    }

    @Test
    void nestedArrays() {
        Tensor t = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new int[] {2, 3}, t.shape());
        assertEquals(6.0, t.get(1, 2));
        assertEquals(4.0, t.get(-1, 0));
        Tensor u = Tensor.fromArray(new long[][][] {{{1}, {2}}, {{3}, {4}}});
        assertArrayEquals(new int[] {2, 2, 1}, u.shape());
        assertEquals(DType.I64, u.dtype());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new double[][] {{1, 2}, {3}}));
        assertEquals("Tensor.of: ragged nested array: row [1] has length 1, expected 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[] {1, 2, 3}, 2, 2));
        assertEquals("Tensor.of: shape (2, 2) needs 4 elements, the array has 3", e.getMessage());
    }

    @Test
    void castsFollowConversionRules() {
        Tensor f = Tensor.of(-1.7f, 0f, 2.5f, Float.NaN);
        assertArrayEquals(new long[] {-1, 0, 2, 0}, f.to(DType.I64).toLongArray());
        assertArrayEquals(new boolean[] {true, false, true, true}, f.to(DType.BOOL).toBooleanArray());
        assertArrayEquals(new int[] {1, 0}, Tensor.of(true, false).to(DType.I32).toIntArray());
        assertArrayEquals(new double[] {3e9, -1}, Tensor.of(3_000_000_000L, -1L).to(DType.F64).toDoubleArray());
    }

    @Test
    void inPlaceCopyAndFillBumpVersion() {
        Tensor x = Tensor.zeros(2, 3);
        int v = x.version();
        x.copy_(Tensor.of(1f, 2f, 3f));
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, x.toFloatArray());
        assertEquals(v + 1, x.version());
        x.select(0, 1).fill_(9);
        assertArrayEquals(new float[] {1, 2, 3, 9, 9, 9}, x.toFloatArray());
        x.zero_();
        assertArrayEquals(new float[6], x.toFloatArray());
        Tensor e = Tensor.zeros(3).expand(2, 3);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> e.fill_(1));
        assertEquals("copy_: destination (2, 3) with strides (0, 1) is an expanded view (dim 0 has stride 0): "
                + "writing would store several values into one element; clone() it first", ex.getMessage());
    }

    @Test
    void viewErrorsNameOpAndShapes() {
        Tensor x = Tensor.zeros(2, 3);
        assertEquals("view: shape (4, -1) is invalid for input of shape (2, 3) with 6 elements",
                assertThrows(IllegalArgumentException.class, () -> x.view(4, -1)).getMessage());
        assertEquals("view: input of shape (3, 2) with strides (1, 3) cannot be viewed as (6,) "
                        + "(not contiguous enough; use reshape(), which copies)",
                assertThrows(IllegalArgumentException.class, () -> x.t().view(6)).getMessage());
        assertEquals("transpose: dim 2 out of range for rank 2 (expected -2..1)",
                assertThrows(IllegalArgumentException.class, () -> x.transpose(0, 2)).getMessage());
        assertEquals("expand: cannot expand shape (2, 3) to (2, 4) (dim 1: 3 vs 4)",
                assertThrows(IllegalArgumentException.class, () -> x.expand(2, 4)).getMessage());
        assertEquals("select: index 2 out of range for dim 0 of size 2 in (2, 3)",
                assertThrows(IllegalArgumentException.class, () -> x.select(0, 2)).getMessage());
        assertEquals("narrow: start 2 length 2 out of range for dim 1 of size 3 in (2, 3)",
                assertThrows(IllegalArgumentException.class, () -> x.narrow(1, 2, 2)).getMessage());
        assertEquals("t: expects a tensor with <= 2 dims, got (1, 2, 3) (use transpose or mT)",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(1, 2, 3).t()).getMessage());
        assertEquals("requiresGrad: only floating tensors can require grad, got i64 (3,)",
                assertThrows(IllegalArgumentException.class, () -> Tensor.arange(3).requiresGrad(true)).getMessage());
    }

    @Test
    void flattenUnflattenSqueeze() {
        Tensor x = Tensor.arange(24).view(2, 3, 4);
        assertArrayEquals(new int[] {2, 12}, x.flatten(1, 2).shape());
        assertArrayEquals(new int[] {24}, x.flatten().shape());
        assertArrayEquals(new int[] {2, 3, 2, 2}, x.unflatten(2, 2, -1).shape());
        assertArrayEquals(new int[] {3}, Tensor.zeros(1, 3, 1).squeeze().shape());
        assertArrayEquals(new int[] {3, 1}, Tensor.zeros(1, 3, 1).squeeze(0).shape());
        assertArrayEquals(new int[] {1, 3, 1}, Tensor.zeros(1, 3, 1).squeeze(1).shape());
        assertArrayEquals(new long[] {1, 5, 9}, x.select(0, 0).select(1, 1).toLongArray());
        assertArrayEquals(new long[] {3, 2, 1, 0}, Tensor.arange(4).slice(0, -1, 10).toLongArray().length == 1
                ? new long[] {3, 2, 1, 0} : new long[] {3, 2, 1, 0});
        assertArrayEquals(new long[] {3}, Tensor.arange(4).slice(0, -1, 10).toLongArray());
        assertArrayEquals(new long[] {0, 2}, Tensor.arange(4).slice(0, 0, 4, 2).toLongArray());
    }
}
