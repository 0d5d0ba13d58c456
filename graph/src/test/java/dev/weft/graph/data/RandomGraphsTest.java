package dev.weft.graph.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.graph.Graph;
import dev.weft.graph.GraphAssert;
import dev.weft.graph.utils.Coalesce;
import dev.weft.graph.utils.Loops;
import dev.weft.graph.utils.Undirected;
import dev.weft.tensor.Generator;
import org.junit.jupiter.api.Test;

/** The seeded generators: same seed, same graph; structure as the model says; edge counts within 5 standard deviations. */
class RandomGraphsTest {
    static void simpleUndirected(Graph g) {
        assertTrue(Undirected.isUndirected(g.edgeIndex()));
        assertTrue(Coalesce.isCoalesced(g.edgeIndex()));
        assertTrue(!Loops.containsSelfLoops(g.edgeIndex()));
    }

    static void near(double expected, double variance, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= 5 * Math.sqrt(variance) + 1e-9, what + ": " + actual + ", expected about " + expected);
    }

    @Test
    void erdosRenyi() {
        Graph g = RandomGraphs.erdosRenyi(200, 0.05, false, new Generator(1));
        GraphAssert.assertSameGraph(g, RandomGraphs.erdosRenyi(200, 0.05, false, new Generator(1)));
        simpleUndirected(g);
        double pairs = 200 * 199 / 2.0;
        near(pairs * 0.05, pairs * 0.05 * 0.95, g.numEdges() / 2.0, "undirected edges");
        Graph d = RandomGraphs.erdosRenyi(100, 0.1, true, new Generator(2));
        near(9900 * 0.1, 9900 * 0.09, d.numEdges(), "directed edges");
        assertTrue(!Loops.containsSelfLoops(d.edgeIndex()));
    }

    @Test
    void stochasticBlockModel() {
        Graph g = RandomGraphs.stochasticBlockModel(new int[] {30, 20}, new double[][] {{0.5, 0.01}, {0.01, 0.4}}, false, new Generator(3));
        simpleUndirected(g);
        long[] y = g.y().toLongArray();
        assertEquals(0, y[29]);
        assertEquals(1, y[30]);
        long[] s = g.sources();
        long[] t = g.targets();
        int in0 = 0, in1 = 0, across = 0;
        for (int i = 0; i < s.length; i++) {
            if (y[(int) s[i]] != y[(int) t[i]]) across++;
            else if (y[(int) s[i]] == 0) in0++;
            else in1++;
        }
        near(435 * 0.5, 435 * 0.25, in0 / 2.0, "block 0 edges");
        near(190 * 0.4, 190 * 0.24, in1 / 2.0, "block 1 edges");
        near(600 * 0.01, 600 * 0.0099, across / 2.0, "cross edges");
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> RandomGraphs.stochasticBlockModel(new int[] {2, 2}, new double[][] {{0.5, 0.1}, {0.2, 0.5}}, false, new Generator(0)))
                .getMessage().contains("symmetric"));
    }

    @Test
    void barabasiAlbert() {
        Graph g = RandomGraphs.barabasiAlbert(300, 3, new Generator(4));
        GraphAssert.assertSameGraph(g, RandomGraphs.barabasiAlbert(300, 3, new Generator(4)));
        simpleUndirected(g);
        long[] deg = dev.weft.graph.utils.Degree.inDegree(g).toLongArray();
        for (int v = 3; v < 300; v++) assertTrue(deg[v] >= 1, "node " + v + " attached");
        assertTrue(g.numEdges() / 2 <= 3 + 297 * 3);
        long max = java.util.Arrays.stream(deg).max().getAsLong();
        assertTrue(max >= 20, "preferential attachment grows hubs, max degree " + max);
    }

    @Test
    void randomGeometric() {
        Graph g = RandomGraphs.randomGeometric(80, 0.2, 2, new Generator(5));
        simpleUndirected(g);
        float[] x = g.x().toFloatArray();
        java.util.Set<Long> edges = new java.util.HashSet<>();
        long[] s = g.sources();
        long[] t = g.targets();
        for (int i = 0; i < s.length; i++) edges.add(s[i] * 80 + t[i]);
        for (int u = 0; u < 80; u++) {
            for (int v = 0; v < 80; v++) {
                double dx = x[2 * u] - x[2 * v];
                double dy = x[2 * u + 1] - x[2 * v + 1];
                double d = Math.sqrt(dx * dx + dy * dy);
                if (u != v && Math.abs(d - 0.2) > 1e-5) assertEquals(d < 0.2, edges.contains(u * 80L + v), "pair " + u + ", " + v);
            }
        }
    }

    @Test
    void contextualSbmHasTheAskedHomophilyAndSignal() {
        Graph g = ContextualSbm.generate(600, 3, 16, 8, 0.8, 3, new Generator(6));
        GraphAssert.assertSameGraph(g, ContextualSbm.generate(600, 3, 16, 8, 0.8, 3, new Generator(6)));
        simpleUndirected(g);
        long[] y = g.y().toLongArray();
        assertEquals(2, y[5]);
        long[] s = g.sources();
        long[] t = g.targets();
        int same = 0;
        for (int i = 0; i < s.length; i++) if (y[(int) s[i]] == y[(int) t[i]]) same++;
        double h = same / (double) s.length;
        assertTrue(Math.abs(h - 0.8) < 0.05, "homophily " + h);
        near(8, 8.0 / 600 * 4, s.length / 600.0, "average degree");
        // With signal 3 the class means separate: nearest class mean (estimated from the data) is mostly right.
        int f = 16;
        float[] x = g.x().toFloatArray();
        double[][] mean = new double[3][f];
        for (int v = 0; v < 600; v++) for (int j = 0; j < f; j++) mean[(int) y[v]][j] += x[v * f + j] / 200.0;
        int right = 0;
        for (int v = 0; v < 600; v++) {
            int best = 0;
            double bd = Double.MAX_VALUE;
            for (int c = 0; c < 3; c++) {
                double d = 0;
                for (int j = 0; j < f; j++) d += (x[v * f + j] - mean[c][j]) * (x[v * f + j] - mean[c][j]);
                if (d < bd) {
                    bd = d;
                    best = c;
                }
            }
            if (best == y[v]) right++;
        }
        assertTrue(right > 500, "nearest-mean accuracy " + right + " / 600");
        assertThrows(IllegalArgumentException.class, () -> ContextualSbm.generate(10, 2, 4, 20, 0.5, 1, new Generator(0)));
    }
}
