package dev.weft.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.Tensor;

/** Bitwise comparison of two graphs (every tensor: dtype, shape and values). */
public final class GraphAssert {
    private GraphAssert() {}

    public static void assertSameGraph(Graph expected, Graph actual) {
        assertEquals(expected.numNodes(), actual.numNodes(), "numNodes");
        assertSameTensor("edgeIndex", expected.edgeIndex(), actual.edgeIndex());
        assertSameTensor("edgeWeight", expected.edgeWeight(), actual.edgeWeight());
        assertSameTensor("edgeAttr", expected.edgeAttr(), actual.edgeAttr());
        assertSameTensor("x", expected.x(), actual.x());
        assertSameTensor("y", expected.y(), actual.y());
        assertSameTensor("trainMask", expected.trainMask(), actual.trainMask());
        assertSameTensor("valMask", expected.valMask(), actual.valMask());
        assertSameTensor("testMask", expected.testMask(), actual.testMask());
    }

    public static void assertSameTensor(String what, Tensor expected, Tensor actual) {
        if (expected == null) {
            assertNull(actual, what + " should be absent");
            return;
        }
        assertTrue(actual != null, what + " is missing");
        assertEquals(expected.dtype(), actual.dtype(), what + " dtype");
        assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
        switch (expected.dtype()) {
            case F32, F64 -> assertArrayEquals(expected.contiguous().toDoubleArray(), actual.contiguous().toDoubleArray(), 0.0, what);
            case BOOL -> assertArrayEquals(expected.contiguous().toBooleanArray(), actual.contiguous().toBooleanArray(), what);
            default -> assertArrayEquals(expected.contiguous().toLongArray(), actual.contiguous().toLongArray(), what);
        }
    }

    /** The edges of g as "s->t" strings in order, for readable assertions. */
    public static String edges(Tensor edgeIndex) {
        long[] s = HostTensors.edgeRow(edgeIndex, 0);
        long[] t = HostTensors.edgeRow(edgeIndex, 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length; i++) b.append(i == 0 ? "" : " ").append(s[i]).append("->").append(t[i]);
        return b.toString();
    }
}
