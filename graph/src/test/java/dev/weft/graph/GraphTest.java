package dev.weft.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

class GraphTest {
    static Graph triangle() {
        return Graph.of(3, new long[] {0, 1, 2}, new long[] {1, 2, 0});
    }

    @Test
    void accessorsAndCopies() {
        Graph g = triangle();
        assertEquals(3, g.numNodes());
        assertEquals(3, g.numEdges());
        assertEquals("0->1 1->2 2->0", GraphAssert.edges(g.edgeIndex()));
        Tensor x = Tensor.ones(3, 4);
        Graph h = g.withX(x).withName("tri");
        assertNull(g.x(), "the original is unchanged");
        assertSame(x, h.x());
        assertEquals(4, h.numFeatures());
        assertEquals("tri", h.name());
        assertEquals("tri(num_nodes=3, edge_index=[2, 3], x=[3, 4])", h.toString());
        Graph w = h.withEdgeWeight(Tensor.of(1f, 2f, 3f)).withEdgeIndex(Tensor.of(new long[][] {{0}, {1}}));
        assertNull(w.edgeWeight(), "new edges drop the old edges' weights");
        assertSame(x, w.x());
    }

    @Test
    void outOfRangeEdgeNamesPositionAndValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> Graph.of(3, new long[] {0, 1, 2}, new long[] {1, 3, 0}));
        assertEquals("Graph 'graph': edgeIndex[1][1] = 3 (target of edge 1) is out of range [0, 3)", e.getMessage());
        var neg = assertThrows(IllegalArgumentException.class, () -> Graph.of(3, new long[] {-1}, new long[] {0}));
        assertTrue(neg.getMessage().contains("edgeIndex[0][0] = -1 (source of edge 0)"), neg.getMessage());
    }

    @Test
    void shapesAndDtypesAreChecked() {
        Graph g = triangle();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Graph.of(3, Tensor.zeros(DType.I32, 2, 2)))
                .getMessage().contains("edgeIndex must be i64, got i32"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Graph.of(3, Tensor.zeros(DType.I64, 3, 2)))
                .getMessage().contains("edgeIndex must have shape (2, E), got (3, 2)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> g.withEdgeWeight(Tensor.ones(4)))
                .getMessage().contains("edgeWeight must have shape (3,), got (4,)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> g.withEdgeWeight(Tensor.ones(DType.I64, 3)))
                .getMessage().contains("edgeWeight must be floating, got i64"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> g.withEdgeAttr(Tensor.ones(3)))
                .getMessage().contains("edgeAttr must have shape (3, D), got (3,)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> g.withX(Tensor.ones(2, 5)))
                .getMessage().contains("x must have shape (3, F), got (2, 5)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> g.withMasks(Tensor.ones(3), null, null))
                .getMessage().contains("trainMask must be bool, got f32"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> g.withMasks(null, null, Tensor.ones(DType.BOOL, 4)))
                .getMessage().contains("testMask must have shape (3,), got (4,)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Graph.empty(-1)).getMessage().contains("numNodes must be >= 0"));
    }

    @Test
    void nodeAndGraphLabels() {
        Graph g = triangle();
        assertTrue(g.withY(Tensor.of(0L, 1L, 2L)).hasNodeLabels());
        assertTrue(!g.withY(Tensor.scalar(1, DType.I64)).hasNodeLabels());
        assertTrue(!g.withY(Tensor.of(1L)).hasNodeLabels());
    }
}
