package dev.weft.tensor;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** 0-d tensors, empty tensors and size-1 dims through every op family. */
class EdgeCaseTest {

    @Test
    void zeroDim() {
        Tensor s = Tensor.scalar(3.0, DType.F64);
        assertEquals(5.0, s.add(2.0).item());
        assertEquals(0, s.add(Tensor.scalar(1)).dim());
        assertArrayEquals(new int[] {2}, s.add(Tensor.of(1.0, 2.0)).shape());
        assertEquals(3.0, s.sum().item());
        assertEquals(3.0, s.sum(0).item());
        assertEquals(3.0, s.amax().item());
        assertEquals(0L, (long) s.argmax().item());
        assertEquals(3.0, s.cumsum(0).item());
        assertEquals(1.0, s.softmax(-1).item());
        assertEquals(3.0, s.max(0).values().item());
        assertEquals(3.0, s.unsqueeze(0).item());
        assertEquals(3.0, s.reshape(1, 1).squeeze().item());
        assertEquals(3.0, s.expand(2, 2).get(1, 1));
        assertEquals(3.0, s.t().item());
        assertEquals(3.0, s.flatten().item());
    }

    @Test
    void empty() {
        Tensor e = Tensor.zeros(0, 3);
        assertArrayEquals(new int[] {0, 3}, e.add(Tensor.ones(3)).shape());
        assertArrayEquals(new float[] {0, 0, 0}, e.sum(0).toFloatArray());
        assertArrayEquals(new float[] {1, 1, 1}, e.prod(0).toFloatArray());
        assertArrayEquals(new int[] {0}, e.sum(1).shape());
        assertArrayEquals(new int[] {0, 3}, e.softmax(1).shape());
        assertArrayEquals(new int[] {0, 3}, e.cumsum(0).shape());
        assertArrayEquals(new int[] {2, 0}, Tensor.zeros(2, 3).slice(1, 3, 3).shape());
        assertArrayEquals(new float[] {0, 0, 0, 0}, Tensor.zeros(2, 0).matmul(Tensor.zeros(0, 2)).toFloatArray());
        assertArrayEquals(new int[] {0, 2}, Tensor.zeros(0, 4).matmul(Tensor.zeros(4, 2)).shape());
        assertArrayEquals(new int[] {3, 0}, e.t().contiguous().shape());
        assertArrayEquals(new int[] {0}, e.reshape(-1).shape());
        assertEquals(Double.NaN, Tensor.zeros(0).mean().item());
    }

    @Test
    void sizeOneDimsAndExpandedInputs() {
        Tensor x = Tensor.arange(0.0, 6.0, 1.0).view(1, 6, 1);
        assertArrayEquals(new float[] {15}, x.sum(1).toFloatArray());
        Tensor ex = Tensor.of(1f, 2f).unsqueeze(1).expand(2, 3);
        assertArrayEquals(new float[] {3, 6}, ex.sum(1).toFloatArray());
        assertArrayEquals(new float[] {1, 1, 1, 2, 2, 2}, ex.exp().log().toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {3, 3, 3}, ex.sum(0).toFloatArray());
        assertArrayEquals(new float[] {1, 2}, ex.amax(1).toFloatArray());
        Tensor w = Tensor.ones(3, 4).expand(2, 3, 4);
        assertArrayEquals(new float[] {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4},
                w.matmul(Tensor.ones(2, 4, 3)).toFloatArray());
    }

    @Test
    void aShapeWithAZeroDimHoldsNothingHoweverLargeTheOthers() {
        assertEquals(0, Shape.numel(new int[] {Integer.MAX_VALUE, 2, 0}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shape.numel(new int[] {Integer.MAX_VALUE, 2, 1}));
        assertTrue(e.getMessage().contains("more than 2147483647 elements"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Shape.numel(new int[] {0, -1}));
        assertTrue(e.getMessage().contains("negative size -1"), e.getMessage());
    }
}
