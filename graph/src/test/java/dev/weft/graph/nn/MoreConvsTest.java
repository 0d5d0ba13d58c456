package dev.weft.graph.nn;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.Gradcheck;
import dev.weft.graph.nn.GnnLayersTest.G;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Module;
import dev.weft.nn.ModuleList;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

import static dev.weft.graph.nn.GnnLayersTest.close;
import static dev.weft.graph.nn.GnnLayersTest.graph;
import static dev.weft.graph.nn.GnnLayersTest.x;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ChebConv, RGCNConv, NNConv and EdgeConv on small random multigraphs (duplicate edges, self loops, isolated nodes)
 * in F64: each equals a dense (N x N) reference written from its formula, is permutation equivariant, and passes
 * gradcheck w.r.t. the features and a parameter.
 */
class MoreConvsTest {
    static {
        Autograd.install();
    }

    /** A[i][j] = sum of w over the edges j -> i that are not self loops. */
    static double[][] denseNoLoops(G g, double[] w) {
        double[][] a = new double[g.n()][g.n()];
        for (int p = 0; p < g.src().length; p++) if (g.src()[p] != g.dst()[p]) a[(int) g.dst()[p]][(int) g.src()[p]] += w == null ? 1 : w[p];
        return a;
    }

    /** The scaled Laplacian L~ = 2 L / lambda - I of get_laplacian, densely; lambda <= 0: 2 max(L). */
    static Tensor chebDense(G g, double[] w, String norm, double lambda) {
        int n = g.n();
        double[][] a = denseNoLoops(g, w);
        double[] deg = new double[n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) deg[j] += a[i][j];       // over sources
        double[] inv = new double[n];                                                        // 0^-1 as 0, as PyG
        for (int i = 0; i < n; i++) inv[i] = deg[i] == 0 ? 0 : 1 / deg[i];
        double[] l = new double[n * n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v;
                if (norm == null) v = (i == j ? deg[i] : 0) - a[i][j];
                else if (norm.equals("sym")) v = (i == j ? 1 : 0) - Math.sqrt(inv[i]) * a[i][j] * Math.sqrt(inv[j]);
                else v = (i == j ? 1 : 0) - a[i][j] * inv[j];
                l[i * n + j] = v;
                if (i == j || a[i][j] != 0) max = Math.max(max, v);
            }
        }
        double lam = lambda > 0 ? lambda : 2 * max;
        for (int i = 0; i < n * n; i++) l[i] = 2 * l[i] / lam - (i % (n + 1) == 0 ? 1 : 0);
        return Tensor.of(l, n, n);
    }

    static Tensor lin(Module m, String path) {
        String[] p = path.split("\\.");
        Module c = m.child(p[0]);
        if (p.length > 1) c = ((ModuleList) c).get(Integer.parseInt(p[1]));
        return ((Linear) c).weight();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void chebConvEqualsTheDenseRecurrence(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        G g = graph(r, 3 + r.nextInt(5), 4 + r.nextInt(12));
        Tensor x = x(r, g.n(), 3);
        double[] w = r.doubles(g.src().length, 0.5, 2).toArray();
        for (String norm : new String[] {"sym", "rw", null}) {
            for (int K : new int[] {1, 2, 4}) {
                ChebConv c = new ChebConv(3, 2, K, norm, true, new Generator(seed));
                c.to(DType.F64);
                c.namedParameters().get("bias").detach().copy_(Tensor.of(0.5, -0.25));
                for (boolean weighted : new boolean[] {false, true}) {
                    Tensor lt = chebDense(g, weighted ? w : null, norm, 0);
                    Tensor t0 = x, t1 = lt.matmul(x), want = x.matmul(lin(c, "lins.0").t());
                    if (K > 1) want = want.add(t1.matmul(lin(c, "lins.1").t()));
                    for (int k = 2; k < K; k++) {
                        Tensor t2 = lt.matmul(t1).mul(2).sub(t0);
                        want = want.add(t2.matmul(lin(c, "lins." + k).t()));
                        t0 = t1;
                        t1 = t2;
                    }
                    want = want.add(Tensor.of(0.5, -0.25));
                    close(want, c.forward(x, g.edgeIndex(), weighted ? Tensor.of(w) : null), "ChebConv " + norm + " K=" + K + " weighted=" + weighted);
                }
            }
        }
        ChebConv c = new ChebConv(3, 2, 3, "sym", false, new Generator(seed));
        c.to(DType.F64);
        Tensor lt = chebDense(g, null, "sym", 1.5);
        Tensor t1 = lt.matmul(x), t2 = lt.matmul(t1).mul(2).sub(x);
        Tensor want = x.matmul(lin(c, "lins.0").t()).add(t1.matmul(lin(c, "lins.1").t())).add(t2.matmul(lin(c, "lins.2").t()));
        close(want, c.forward(x, g.edgeIndex(), null, null, Tensor.scalar(1.5, DType.F64)), "ChebConv lambda_max 1.5");
        Tensor batch = Tensor.zeros(DType.I64, g.n());
        close(want, c.forward(x, g.edgeIndex(), null, batch, Tensor.of(1.5)), "ChebConv per-graph lambda_max");
    }

    /** New node k = old node perm[k]: the permuted edge index and features. */
    record Permuted(Tensor edgeIndex, Tensor x, Tensor perm) {}

    static Permuted permute(SplittableRandom r, G g, Tensor x) {
        long[] perm = new long[g.n()], inv = new long[g.n()];
        for (int i = 0; i < g.n(); i++) perm[i] = i;
        for (int i = g.n() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            long t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        for (int i = 0; i < g.n(); i++) inv[(int) perm[i]] = i;
        long[] e = g.edgeIndex().toLongArray();
        for (int p = 0; p < e.length; p++) e[p] = inv[(int) e[p]];
        Tensor pt = Tensor.of(perm);
        return new Permuted(Tensor.of(e).reshape(2, g.src().length), x.indexSelect(0, pt), pt);
    }

    static void equivariant(String what, G g, Tensor x, Permuted p, BiFunction<Tensor, Tensor, Tensor> f) {
        close(f.apply(x, g.edgeIndex()).indexSelect(0, p.perm()), f.apply(p.x(), p.edgeIndex()), what + " equivariance");
    }

    @Test
    void chebConvIsEquivariantAndPassesGradcheck() {
        SplittableRandom r = new SplittableRandom(7);
        G g = graph(r, 6, 14);
        Tensor x = x(r, g.n(), 3);
        ChebConv c = new ChebConv(3, 2, 3, "sym", true, new Generator(1));
        c.to(DType.F64);
        equivariant("ChebConv", g, x, permute(r, g, x), (xx, e) -> c.forward(xx, e));
        Tensor xg = x.clone().requiresGrad(true);
        Tensor w = Tensor.of(r.doubles(g.src().length, 0.5, 1.5).toArray()).requiresGrad(true);
        for (String norm : new String[] {"sym", "rw", null}) {
            ChebConv m = new ChebConv(3, 2, 3, norm, true, new Generator(2));
            m.to(DType.F64);
            Tensor w1 = m.namedParameters().get("lins.1.weight").detach().clone().requiresGrad(true);
            assertTrue(Gradcheck.gradcheck("ChebConv " + norm + " x, edge weight, lins.1.weight", in -> FunctionalCall.call(m,
                    Map.of("lins.1.weight", in[2]), mod -> m.forward(in[0], g.edgeIndex(), in[1])), xg, w, w1));
        }
    }

    @Test
    void badChebArgumentsAreRefused() {
        String e = assertThrows(IllegalArgumentException.class, () -> new ChebConv(2, 2, 2, "lap", true, new Generator(0))).getMessage();
        assertTrue(e.contains("ChebConv") && e.contains("\"lap\""), e);
        String k = assertThrows(IllegalArgumentException.class, () -> new ChebConv(2, 2, 0)).getMessage();
        assertTrue(k.contains("ChebConv") && k.contains("K"), k);
    }
}
