package dev.weft.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphBatchTest {
    static Graph graph(int n, long[] s, long[] t, int label, long seed) {
        Generator g = new Generator(seed);
        return Graph.builder(n, HostTensors.edgeIndex(s, t)).name("g" + seed)
                .x(Tensor.randn(g, n, 2)).edgeWeight(Tensor.rand(g, s.length)).edgeAttr(Tensor.rand(g, s.length, 3))
                .y(Tensor.scalar(label, DType.I64))
                .masks(Tensor.rand(g, n).lt(0.5), Tensor.rand(g, n).lt(0.5), Tensor.rand(g, n).lt(0.5))
                .build();
    }

    static List<Graph> three() {
        return List.of(graph(3, new long[] {0, 1}, new long[] {1, 2}, 1, 1),
                graph(2, new long[] {1}, new long[] {0}, 0, 2),
                graph(1, new long[] {}, new long[] {}, 2, 3));
    }

    @Test
    void collateIsBlockDiagonal() {
        GraphBatch b = GraphBatch.collate(three());
        assertEquals(3, b.numGraphs());
        assertEquals(6, b.graph().numNodes());
        assertEquals("0->1 1->2 4->3", GraphAssert.edges(b.graph().edgeIndex()));
        assertArrayEquals(new long[] {0, 0, 0, 1, 1, 2}, b.batch().toLongArray());
        assertArrayEquals(new long[] {0, 3, 5, 6}, b.ptr().toLongArray());
        assertArrayEquals(new long[] {1, 0, 2}, b.graph().y().toLongArray());
        assertArrayEquals(new int[] {6, 2}, b.graph().x().shape());
        assertArrayEquals(new int[] {3, 3}, b.graph().edgeAttr().shape());
    }

    @Test
    void splitInvertsCollate() {
        List<Graph> gs = three();
        List<Graph> back = GraphBatch.collate(gs).split();
        assertEquals(gs.size(), back.size());
        for (int i = 0; i < gs.size(); i++) {
            GraphAssert.assertSameGraph(gs.get(i), back.get(i));
            assertEquals(gs.get(i).name(), back.get(i).name());
        }
    }

    @Test
    void nodeLevelLabelsRoundTrip() {
        List<Graph> gs = new ArrayList<>();
        for (Graph g : three()) gs.add(g.withY(Tensor.arange(g.numNodes())));
        GraphBatch b = GraphBatch.collate(gs);
        assertArrayEquals(new long[] {0, 1, 2, 0, 1, 0}, b.graph().y().toLongArray());
        List<Graph> back = b.split();
        for (int i = 0; i < gs.size(); i++) GraphAssert.assertSameGraph(gs.get(i), back.get(i));
    }

    @Test
    void mixedPresenceIsRefused() {
        List<Graph> gs = new ArrayList<>(three());
        gs.set(1, gs.get(1).withX(null));
        var e = assertThrows(IllegalArgumentException.class, () -> GraphBatch.collate(gs));
        assertEquals("GraphBatch.collate: graph 1 has no x but graph 0 has one", e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GraphBatch.collate(List.of())).getMessage().contains("no graphs"));
    }
}
