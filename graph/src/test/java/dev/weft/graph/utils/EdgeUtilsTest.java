package dev.weft.graph.utils;

import static dev.weft.graph.GraphAssert.edges;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.graph.Graph;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

/** Hand-worked cases for loops, coalesce, sort, to_undirected and degree (values as PyG gives them). */
class EdgeUtilsTest {
    static final Tensor EI = TestGraphs.ei(new long[] {2, 0, 1, 0, 1}, new long[] {0, 1, 1, 1, 2});
    static final Tensor W = Tensor.of(1.0, 2.0, 5.0, 3.0, 4.0);

    @Test
    void addSelfLoopsAppendsAllLoopsWithFill() {
        EdgeData d = Loops.addSelfLoops(EI, W, 7, 3);
        assertEquals("2->0 0->1 1->1 0->1 1->2 0->0 1->1 2->2", edges(d.edgeIndex()));
        assertArrayEquals(new double[] {1, 2, 5, 3, 4, 7, 7, 7}, d.edgeAttr().toDoubleArray());
        EdgeData a = Loops.addSelfLoops(EI, Tensor.ones(5, 2), 0.5, 3);
        assertArrayEquals(new int[] {8, 2}, a.edgeAttr().shape());
        assertEquals(0.5, a.edgeAttr().get(7, 1));
    }

    @Test
    void addRemainingSelfLoopsKeepsExistingLoopWeights() {
        EdgeData d = Loops.addRemainingSelfLoops(EI, W, 1, 3);
        assertEquals("2->0 0->1 0->1 1->2 0->0 1->1 2->2", edges(d.edgeIndex()));
        assertArrayEquals(new double[] {1, 2, 3, 4, 1, 5, 1}, d.edgeAttr().toDoubleArray());
        assertEquals(edges(d.edgeIndex()), edges(Loops.addRemainingSelfLoops(EI, null, 1, 3).edgeIndex()));
    }

    @Test
    void removeSelfLoops() {
        assertTrue(Loops.containsSelfLoops(EI));
        EdgeData d = Loops.removeSelfLoops(EI, W);
        assertEquals("2->0 0->1 0->1 1->2", edges(d.edgeIndex()));
        assertArrayEquals(new double[] {1, 2, 3, 4}, d.edgeAttr().toDoubleArray());
        assertFalse(Loops.containsSelfLoops(d.edgeIndex()));
    }

    @Test
    void coalesceSortsAndMergesDuplicates() {
        EdgeData sum = Coalesce.coalesce(EI, W, 3);
        assertEquals("0->1 1->1 1->2 2->0", edges(sum.edgeIndex()));
        assertArrayEquals(new double[] {5, 5, 4, 1}, sum.edgeAttr().toDoubleArray());
        assertArrayEquals(new double[] {2.5, 5, 4, 1}, Coalesce.coalesce(EI, W, 3, "mean", true).edgeAttr().toDoubleArray());
        assertArrayEquals(new double[] {3, 5, 4, 1}, Coalesce.coalesce(EI, W, 3, "max", true).edgeAttr().toDoubleArray());
        assertArrayEquals(new double[] {2, 5, 4, 1}, Coalesce.coalesce(EI, W, 3, "min", true).edgeAttr().toDoubleArray());
        assertArrayEquals(new double[] {6, 5, 4, 1}, Coalesce.coalesce(EI, W, 3, "mul", true).edgeAttr().toDoubleArray());
        Tensor attr2 = Tensor.of(new double[][] {{1, 10}, {2, 20}, {5, 50}, {3, 30}, {4, 40}});
        Tensor m = Coalesce.coalesce(EI, attr2, 3, "max", true).edgeAttr();
        assertArrayEquals(new double[] {3, 30, 5, 50, 4, 40, 1, 10}, m.toDoubleArray());
        assertTrue(Coalesce.isCoalesced(sum.edgeIndex()));
        assertFalse(Coalesce.isCoalesced(EI));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Coalesce.coalesce(EI, W, 3, "median", true))
                .getMessage().contains("reduce must be one of"));
    }

    @Test
    void sortByTargetIsStable() {
        EdgeData d = Coalesce.sortEdgeIndex(EI, W, 3, false);
        assertEquals("2->0 0->1 0->1 1->1 1->2", edges(d.edgeIndex()));
        assertArrayEquals(new double[] {1, 2, 3, 5, 4}, d.edgeAttr().toDoubleArray());
    }

    @Test
    void toUndirectedSymmetrisesAndSums() {
        EdgeData d = Undirected.toUndirected(EI, W, 3, "sum");
        assertEquals("0->1 0->2 1->0 1->1 1->2 2->0 2->1", edges(d.edgeIndex()));
        // (1,1) appears twice per copy: 5 + 5.
        assertArrayEquals(new double[] {5, 1, 5, 10, 4, 1, 4}, d.edgeAttr().toDoubleArray());
        assertTrue(Undirected.isUndirected(d.edgeIndex()));
        assertFalse(Undirected.isUndirected(EI));
    }

    @Test
    void degrees() {
        Graph g = Graph.of(3, EI).withEdgeWeight(W);
        assertArrayEquals(new long[] {1, 3, 1}, Degree.inDegree(g).toLongArray());
        assertArrayEquals(new long[] {2, 2, 1}, Degree.outDegree(g).toLongArray());
        assertArrayEquals(new double[] {1, 10, 4}, Degree.weightedInDegree(g).toDoubleArray());
        assertArrayEquals(new double[] {5, 9, 1}, Degree.weightedOutDegree(g).toDoubleArray());
        assertEquals(DType.F32, Degree.degree(EI.select(0, 1), 3, DType.F32).dtype());
    }

    @Test
    void subgraphKeepsInducedEdges() {
        Subgraphs.Result r = Subgraphs.subgraph(Tensor.of(2L, 1L), EI, W, true, 3);
        assertEquals("1->1 1->0", edges(r.edgeIndex()), "node 2 -> 0, node 1 -> 1");
        assertArrayEquals(new double[] {5, 4}, r.edgeAttr().toDoubleArray());
        assertArrayEquals(new boolean[] {false, false, true, false, true}, r.edgeMask().toBooleanArray());
        Subgraphs.Result m = Subgraphs.subgraph(Tensor.of(false, true, true), EI, null, true, 3);
        assertEquals("0->0 0->1", edges(m.edgeIndex()));
        Subgraphs.Result keep = Subgraphs.subgraph(Tensor.of(2L, 1L), EI, null, false, 3);
        assertEquals("1->1 1->2", edges(keep.edgeIndex()));
    }

    @Test
    void kHopSubgraphFollowsInEdges() {
        // 0 -> 1 -> 2 -> 3, 4 -> 3; seed 3.
        Tensor ei = TestGraphs.ei(new long[] {0, 1, 2, 4}, new long[] {1, 2, 3, 3});
        Subgraphs.KHop one = Subgraphs.kHopSubgraph(new long[] {3}, 1, ei, false, 5, "source_to_target", false);
        assertArrayEquals(new long[] {2, 3, 4}, one.subset().toLongArray());
        assertEquals("2->3 4->3", edges(one.edgeIndex()));
        assertArrayEquals(new long[] {1}, one.mapping().toLongArray());
        Subgraphs.KHop two = Subgraphs.kHopSubgraph(new long[] {3}, 2, ei, true, 5, "source_to_target", false);
        assertArrayEquals(new long[] {1, 2, 3, 4}, two.subset().toLongArray());
        assertEquals("0->1 1->2 3->2", edges(two.edgeIndex()));
        Subgraphs.KHop out = Subgraphs.kHopSubgraph(new long[] {1}, 2, ei, false, 5, "target_to_source", false);
        assertArrayEquals(new long[] {1, 2, 3}, out.subset().toLongArray());
    }

    @Test
    void connectedComponentsNumberedBySmallestNode() {
        Graph g = Graph.of(6, new long[] {5, 1, 4}, new long[] {3, 0, 0});
        Components.Result c = Components.connectedComponents(g);
        assertEquals(3, c.count());
        assertArrayEquals(new long[] {0, 0, 1, 2, 0, 2}, c.labels().toLongArray());
    }
}
