package dev.weft.graph.utils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.graph.Graph;
import dev.weft.graph.GraphAssert;
import dev.weft.graph.HostTensors;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Laws of the edge utilities on random multigraphs. */
class EdgeProperties {
    @Property(tries = 50)
    void toUndirectedIsIdempotentAndSymmetric(@ForAll @IntRange(min = 1, max = 12) int n, @ForAll @IntRange(min = 0, max = 40) int e,
                                              @ForAll long seed) {
        Graph g = TestGraphs.random(seed, n, e);
        EdgeData once = Undirected.toUndirected(g.edgeIndex(), g.edgeWeight(), n, "max");
        EdgeData twice = Undirected.toUndirected(once.edgeIndex(), once.edgeAttr(), n, "max");
        GraphAssert.assertSameTensor("edgeIndex", once.edgeIndex(), twice.edgeIndex());
        GraphAssert.assertSameTensor("weight", once.edgeAttr(), twice.edgeAttr());
        assertTrue(Undirected.isUndirected(once.edgeIndex()));
        assertTrue(Coalesce.isCoalesced(once.edgeIndex()));
    }

    @Property(tries = 50)
    void coalesceIsIdempotentAndKeepsTheWeightSum(@ForAll @IntRange(min = 1, max = 12) int n, @ForAll @IntRange(min = 0, max = 40) int e,
                                                  @ForAll long seed) {
        Graph g = TestGraphs.random(seed, n, e);
        EdgeData c = Coalesce.coalesce(g.edgeIndex(), g.edgeWeight(), n);
        EdgeData cc = Coalesce.coalesce(c.edgeIndex(), c.edgeAttr(), n);
        GraphAssert.assertSameTensor("edgeIndex", c.edgeIndex(), cc.edgeIndex());
        assertTrue(Coalesce.isCoalesced(c.edgeIndex()));
        assertEquals(g.edgeWeight().sum().item(), c.edgeAttr().sum().item(), 1e-9);
    }

    @Property(tries = 50)
    void degreesSumToTheEdgeCount(@ForAll @IntRange(min = 1, max = 12) int n, @ForAll @IntRange(min = 0, max = 40) int e, @ForAll long seed) {
        Graph g = TestGraphs.random(seed, n, e);
        assertEquals(e, Degree.inDegree(g).sum().itemLong());
        assertEquals(e, Degree.outDegree(g).sum().itemLong());
        assertEquals(g.edgeWeight().sum().item(), Degree.weightedInDegree(g).sum().item(), 1e-9);
    }

    @Property(tries = 30)
    void relabellingNodesPermutesDegreesAndComponents(@ForAll @IntRange(min = 1, max = 12) int n, @ForAll @IntRange(min = 0, max = 20) int e,
                                                      @ForAll long seed) {
        Graph g = TestGraphs.random(seed, n, e);
        long[] perm = Tensor.randperm(new Generator(seed ^ 7), n).toLongArray(); // old id v -> new id perm[v]
        long[] s = g.sources();
        long[] t = g.targets();
        for (int i = 0; i < e; i++) {
            s[i] = perm[(int) s[i]];
            t[i] = perm[(int) t[i]];
        }
        Graph h = Graph.of(n, s, t);
        long[] dg = Degree.inDegree(g).toLongArray();
        long[] dh = Degree.inDegree(h).toLongArray();
        long[] cg = Components.connectedComponents(g).labels().toLongArray();
        long[] ch = Components.connectedComponents(h).labels().toLongArray();
        for (int u = 0; u < n; u++) {
            assertEquals(dg[u], dh[(int) perm[u]]);
            for (int v = 0; v < n; v++) assertEquals(cg[u] == cg[v], ch[(int) perm[u]] == ch[(int) perm[v]]);
        }
    }

    @Property(tries = 30)
    void negativeSamplesAreFreshDistinctPairs(@ForAll @IntRange(min = 2, max = 10) int n, @ForAll @IntRange(min = 0, max = 30) int e,
                                              @ForAll boolean undirected, @ForAll long seed) {
        Graph g = TestGraphs.random(seed, n, e);
        Tensor neg = NegativeSampling.negativeSampling(g.edgeIndex(), n, Math.max(e, 2), undirected, new Generator(seed));
        GraphAssert.assertSameTensor("same seed, same samples", neg,
                NegativeSampling.negativeSampling(g.edgeIndex(), n, Math.max(e, 2), undirected, new Generator(seed)));
        java.util.Set<Long> edges = new java.util.HashSet<>();
        long[] s = g.sources();
        long[] t = g.targets();
        for (int i = 0; i < e; i++) {
            edges.add(s[i] * n + t[i]);
            if (undirected) edges.add(t[i] * n + s[i]);
        }
        long[] ns = HostTensors.edgeRow(neg, 0);
        long[] nt = HostTensors.edgeRow(neg, 1);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < ns.length; i++) {
            assertTrue(ns[i] != nt[i], "no self loop");
            assertTrue(!edges.contains(ns[i] * n + nt[i]), "not an edge");
            assertTrue(seen.add(ns[i] * n + nt[i]), "distinct");
        }
        long free = (undirected ? (long) n * (n - 1) / 2 : (long) n * (n - 1)) - countFree(g, undirected);
        long wanted = undirected ? Math.max(e, 2) / 2 : Math.max(e, 2);
        assertEquals(Math.min(wanted, free) * (undirected ? 2 : 1), ns.length);
    }

    private static long countFree(Graph g, boolean undirected) {
        java.util.Set<Long> k = new java.util.HashSet<>();
        long[] s = g.sources();
        long[] t = g.targets();
        for (int i = 0; i < s.length; i++) {
            if (s[i] == t[i]) continue;
            k.add(undirected ? Math.min(s[i], t[i]) * 1000 + Math.max(s[i], t[i]) : s[i] * 1000 + t[i]);
        }
        return k.size();
    }

    @Property(tries = 20)
    void gcnNormUnitWeightsMatchInDegree(@ForAll @IntRange(min = 1, max = 8) int n, @ForAll long seed) {
        // On a symmetric loop-free graph, each node's normalised self-loop weight is 1 / (deg + 1).
        Graph g = TestGraphs.random(seed, n, 12);
        Tensor und = Undirected.toUndirected(Loops.removeSelfLoops(g.edgeIndex(), null).edgeIndex(), n);
        EdgeData d = GcnNorm.gcnNorm(und, null, n, false, true, "source_to_target", DType.F64);
        long[] deg = Degree.degree(und.select(0, 1), n, DType.I64).toLongArray();
        double[] w = d.edgeAttr().toDoubleArray();
        double[] loops = java.util.Arrays.copyOfRange(w, w.length - n, w.length);
        double[] want = new double[n];
        for (int v = 0; v < n; v++) want[v] = 1.0 / (deg[v] + 1);
        assertArrayEquals(want, loops, 1e-12);
    }
}
