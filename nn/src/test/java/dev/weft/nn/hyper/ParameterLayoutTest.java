package dev.weft.nn.hyper;

import dev.weft.nn.Sequential;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ParameterLayoutTest {
    private static final Generator G = new Generator(3);

    private static Sequential mlp() {
        return new Sequential(new Linear(3, 4, true, G), new ReLU(), new Linear(4, 2, false, G));
    }

    @Test
    void entriesFollowTheTargetsOrderAndShapes() {
        ParameterLayout l = ParameterLayout.of("test", mlp(), ParameterFilter.all());
        assertEquals(List.of("0.weight", "0.bias", "2.weight"), l.names());
        assertArrayEquals(new int[] {4, 3}, l.entries().get(0).shape());
        assertEquals(0, l.entries().get(0).offset());
        assertEquals(12, l.entries().get(1).offset());
        assertEquals(16, l.entries().get(2).offset());
        assertEquals(24, l.numel());
    }

    @Test
    void splitIsRowMajorInLayoutOrderAndFlattenInvertsIt() {
        ParameterLayout l = ParameterLayout.of("test", mlp(), ParameterFilter.all());
        Tensor flat = Tensor.arange(0, 24, 1, DType.F64);
        Map<String, Tensor> parts = l.split(flat);
        // element (r, c) of a (rows, cols) entry sits at offset + r * cols + c
        assertEquals(3 * 1 + 2, parts.get("0.weight").get(1, 2), 0);
        assertEquals(12 + 3, parts.get("0.bias").get(3), 0);
        assertEquals(16 + 4 * 1 + 3, parts.get("2.weight").get(1, 3), 0);
        assertTrue(l.flatten(parts, false).equal(flat));
        // batched: (B, N) -> (B, *shape), row b holds sample b's tensors
        Tensor batch = Tensor.arange(0, 48, 1, DType.F64).reshape(2, 24);
        Map<String, Tensor> bp = l.split(batch);
        assertArrayEquals(new int[] {2, 4, 3}, bp.get("0.weight").shape());
        assertEquals(24 + 16 + 5, bp.get("2.weight").get(1, 1, 1), 0);
        assertTrue(l.flatten(bp, true).equal(batch));
    }

    @Test
    void badShapesAndEmptySelectionsAreNamed() {
        ParameterLayout l = ParameterLayout.of("test", mlp(), ParameterFilter.glob("*.weight"));
        assertEquals(List.of("0.weight", "2.weight"), l.names());
        var e = assertThrows(IllegalArgumentException.class, () -> l.split(Tensor.zeros(5)));
        assertEquals("ParameterLayout.split: flat (5,) must be (N=20) or (B, N=20)", e.getMessage());
        var none = assertThrows(IllegalArgumentException.class, () -> ParameterLayout.of("HMLP", mlp(), ParameterFilter.glob("*.wieght")));
        assertEquals("HMLP: glob '*.wieght' selects none of the target's parameters [0.weight, 0.bias, 2.weight]", none.getMessage());
    }
}
