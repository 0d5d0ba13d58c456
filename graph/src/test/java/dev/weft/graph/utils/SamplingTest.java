package dev.weft.graph.utils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.graph.Graph;
import dev.weft.graph.GraphAssert;
import dev.weft.graph.HostTensors;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Random walks, node2vec and neighbour sampling: validity, determinism and the sampling distributions. */
class SamplingTest {
    static Graph cycleWithChord() {
        // 0-1-2-3-0 both ways plus 0-2 both ways, and a dead end 4 <- 3.
        long[] s = {0, 1, 1, 2, 2, 3, 3, 0, 0, 2, 3};
        long[] t = {1, 0, 2, 1, 3, 2, 0, 3, 2, 0, 4};
        return Graph.of(5, s, t);
    }

    static Set<Long> edgeSet(Graph g) {
        Set<Long> set = new HashSet<>();
        long[] s = g.sources();
        long[] t = g.targets();
        for (int i = 0; i < s.length; i++) set.add(s[i] * g.numNodes() + t[i]);
        return set;
    }

    @Test
    void randomWalksFollowEdgesAndRepeat() {
        Graph g = cycleWithChord();
        long[] starts = {0, 1, 2, 3, 4, 0};
        Tensor w = RandomWalks.randomWalk(g, starts, 8, new Generator(5));
        assertArrayEquals(new int[] {6, 9}, w.shape());
        GraphAssert.assertSameTensor("same seed", w, RandomWalks.randomWalk(g, starts, 8, new Generator(5)));
        checkWalks(g, starts, w);
        Tensor n2v = RandomWalks.node2vec(g, starts, 8, 0.5, 2, new Generator(5));
        checkWalks(g, starts, n2v);
        GraphAssert.assertSameTensor("same seed", n2v, RandomWalks.node2vec(g, starts, 8, 0.5, 2, new Generator(5)));
    }

    private static void checkWalks(Graph g, long[] starts, Tensor walks) {
        Set<Long> edges = edgeSet(g);
        long[] w = walks.toLongArray();
        int len = walks.size(1);
        for (int k = 0; k < starts.length; k++) {
            assertEquals(starts[k], w[k * len]);
            for (int i = 1; i < len; i++) {
                long a = w[k * len + i - 1];
                long b = w[k * len + i];
                assertTrue(edges.contains(a * g.numNodes() + b) || (a == b && a == 4), "step " + a + " -> " + b);
            }
        }
    }

    @Test
    void node2vecBiasMatchesTheReturnAndInOutWeights() {
        // Walk 0 -> 1 fixed by a one-edge start; from 1 the neighbours are 0 (return, 1/p), 2 (a neighbour of 0: 1) and 3 (1/q).
        Graph g = Graph.of(4, new long[] {0, 0, 1, 1, 1}, new long[] {1, 2, 0, 2, 3});
        double p = 0.25;
        double q = 4;
        int walks = 40000;
        long[] starts = new long[walks]; // all start at 0; first step goes to 1 or 2
        Tensor w = RandomWalks.node2vec(g, starts, 2, p, q, new Generator(11));
        long[] flat = w.toLongArray();
        int[] counts = new int[4];
        int from1 = 0;
        for (int k = 0; k < walks; k++) {
            if (flat[k * 3 + 1] != 1) continue;
            from1++;
            counts[(int) flat[k * 3 + 2]]++;
        }
        double z = 1 / p + 1 + 1 / q;
        double[] want = {1 / p / z, 0, 1 / z, 1 / q / z};
        for (int x = 0; x < 4; x++) {
            double f = counts[x] / (double) from1;
            double sd = Math.sqrt(want[x] * (1 - want[x]) / from1);
            assertTrue(Math.abs(f - want[x]) <= 5 * sd + 1e-12, "P(" + x + ") = " + f + ", want " + want[x]);
        }
    }

    @Test
    void aliasTableDrawsInProportion() {
        double[] weights = {1, 0, 3, 6};
        AliasTable t = new AliasTable(weights);
        RandomStream r = new RandomStream(new Generator(2));
        int[] c = new int[4];
        int n = 50000;
        for (int i = 0; i < n; i++) c[t.sample(r)]++;
        assertEquals(0, c[1]);
        for (int i = 0; i < 4; i++) {
            double want = weights[i] / 10;
            assertTrue(Math.abs(c[i] / (double) n - want) <= 5 * Math.sqrt(want * (1 - want) / n) + 1e-12, "bin " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {0, 0}));
    }

    @Test
    void neighborSamplingRespectsFanoutsAndMapsBack() {
        Graph g = TestGraphs.random(9, 40, 300);
        NeighborSampler sampler = new NeighborSampler(g);
        long[] seeds = {3, 17, 25};
        int[] fanouts = {4, 2};
        SampledSubgraph s = sampler.sample(seeds, fanouts, false, new Generator(1));
        SampledSubgraph again = sampler.sample(seeds, fanouts, false, new Generator(1));
        GraphAssert.assertSameTensor("nodes", s.nodeIds(), again.nodeIds());
        GraphAssert.assertSameTensor("edges", s.edgeIndex(), again.edgeIndex());
        long[] nodes = s.nodeIds().toLongArray();
        assertArrayEquals(seeds, java.util.Arrays.copyOf(nodes, 3));
        assertEquals(3, s.batchSize());
        assertEquals(nodes.length, java.util.Arrays.stream(s.numSampledNodes()).sum());
        assertEquals(nodes.length, new HashSet<>(java.util.Arrays.stream(nodes).boxed().toList()).size(), "distinct nodes");
        long[] row = HostTensors.edgeRow(s.edgeIndex(), 0);
        long[] col = HostTensors.edgeRow(s.edgeIndex(), 1);
        long[] ids = s.edgeIds().toLongArray();
        long[] gs = g.sources();
        long[] gt = g.targets();
        int[] perTarget = new int[nodes.length];
        Set<Long> usedEdges = new HashSet<>();
        for (int k = 0; k < row.length; k++) {
            assertEquals(gs[(int) ids[k]], nodes[(int) row[k]], "edge " + k + " source maps back");
            assertEquals(gt[(int) ids[k]], nodes[(int) col[k]], "edge " + k + " target maps back");
            assertTrue(usedEdges.add(ids[k]), "without replacement");
            perTarget[(int) col[k]]++;
        }
        long[] indeg = Degree.inDegree(g).toLongArray();
        for (int v = 0; v < 3; v++) assertEquals(Math.min(4, indeg[(int) nodes[v]]), perTarget[v], "hop-1 fan-out of seed " + v);
        int hop1 = s.numSampledNodes()[1];
        for (int v = 3; v < 3 + hop1; v++) assertEquals(Math.min(2, indeg[(int) nodes[v]]), perTarget[v], "hop-2 fan-out");
        var blocks = s.blocks();
        assertEquals(2, blocks.size());
        assertEquals(nodes.length, blocks.get(0).numSrc());
        assertEquals(3 + hop1, blocks.get(0).numDst());
        assertEquals(row.length, blocks.get(0).edgeIndex().size(1));
        assertEquals(3, blocks.get(1).numDst());
        assertEquals(s.numSampledEdges()[1], blocks.get(1).edgeIndex().size(1));
        for (long c : HostTensors.edgeRow(blocks.get(1).edgeIndex(), 1)) assertTrue(c < 3);
    }

    @Test
    void fullFanoutTakesEveryInEdge() {
        Graph g = TestGraphs.random(4, 10, 30);
        SampledSubgraph s = new NeighborSampler(g).sample(new long[] {0}, new int[] {-1}, false, new Generator(0));
        assertEquals(Degree.inDegree(g).toLongArray()[0], s.edgeIndex().size(1));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new NeighborSampler(g).sample(new long[] {0, 0}, new int[] {1}, false, new Generator(0))).getMessage().contains("twice"));
    }
}
