package dev.weft.graph.utils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.graph.Graph;
import dev.weft.graph.HostTensors;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** gcn_norm against the dense D^-1/2 (A + fill I) D^-1/2 built independently on the host. */
class GcnNormProperties {
    // ref[i][j]: the weight of j -> i after add_remaining_self_loops, normalised by the target-side degree.
    static double[][] dense(Graph g, Tensor w, double fill) {
        int n = g.numNodes();
        long[] s = g.sources();
        long[] t = g.targets();
        double[] wv = w == null ? null : w.toDoubleArray();
        double[][] a = new double[n][n];
        double[] loop = new double[n];
        java.util.Arrays.fill(loop, fill);
        for (int e = 0; e < s.length; e++) {
            double we = wv == null ? 1 : wv[e];
            if (s[e] == t[e]) loop[(int) s[e]] = we;
            else a[(int) t[e]][(int) s[e]] += we;
        }
        double[] deg = new double[n];
        for (int i = 0; i < n; i++) {
            a[i][i] = loop[i];
            for (int j = 0; j < n; j++) deg[i] += a[i][j];
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double di = deg[i] == 0 ? 0 : 1 / Math.sqrt(deg[i]);
                double dj = deg[j] == 0 ? 0 : 1 / Math.sqrt(deg[j]);
                a[i][j] = di * a[i][j] * dj;
            }
        }
        return a;
    }

    static double[][] fromEdges(EdgeData d, int n) {
        double[][] m = new double[n][n];
        long[] s = HostTensors.edgeRow(d.edgeIndex(), 0);
        long[] t = HostTensors.edgeRow(d.edgeIndex(), 1);
        double[] w = d.edgeAttr().toDoubleArray();
        for (int e = 0; e < s.length; e++) m[(int) t[e]][(int) s[e]] += w[e];
        return m;
    }

    @Property(tries = 40)
    void matchesDenseNormalisation(@ForAll @IntRange(min = 1, max = 9) int n, @ForAll @IntRange(min = 0, max = 30) int e,
                                   @ForAll boolean improved, @ForAll boolean weighted, @ForAll long seed) {
        Graph g = TestGraphs.random(seed, n, e);
        Tensor w = weighted ? g.edgeWeight() : null;
        EdgeData d = GcnNorm.gcnNorm(g.edgeIndex(), w, n, improved, true, "source_to_target", DType.F64);
        double[][] ref = dense(g, w, improved ? 2 : 1);
        double[][] got = fromEdges(d, n);
        for (int i = 0; i < n; i++) assertArrayEquals(ref[i], got[i], 1e-12, "row " + i);
    }

    @Test
    void symmetricGraphRowsOfTheDenseMatrix() {
        // Path 0 - 1 - 2 both ways, no weights: A + I has degrees 2, 3, 2.
        Graph g = Graph.of(3, new long[] {0, 1, 1, 2}, new long[] {1, 0, 2, 1});
        EdgeData d = GcnNorm.gcnNorm(g.edgeIndex(), null, 3);
        assertEquals(7, d.numEdges());
        assertEquals(DType.F32, d.edgeAttr().dtype());
        double[][] got = fromEdges(d, 3);
        double r6 = 1 / Math.sqrt(6);
        double[][] want = {{0.5, r6, 0}, {r6, 1.0 / 3, r6}, {0, r6, 0.5}};
        for (int i = 0; i < 3; i++) assertArrayEquals(want[i], got[i], 1e-6, "row " + i);
    }

    @Test
    void differentiableInTheWeights() {
        Graph g = TestGraphs.random(3, 5, 8);
        Tensor w = g.edgeWeight().requiresGrad(true);
        Tensor out = GcnNorm.gcnNorm(g.edgeIndex(), w, 5).edgeAttr();
        assertTrue(out.requiresGrad());
        dev.weft.autograd.Autograd.backward(out.sum());
        assertArrayEquals(new int[] {8}, w.grad().shape());
    }
}
