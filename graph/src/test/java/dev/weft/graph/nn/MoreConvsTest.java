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

    static long[] types(SplittableRandom r, int m, int numRelations) {
        long[] t = new long[m];
        for (int p = 0; p < m; p++) t[p] = r.nextInt(numRelations);
        return t;
    }

    /** sum_r aggr_r(x) W_r + x root + b with A_r dense per relation (mean: rows divided by max(count, 1)). */
    static Tensor rgcnDense(G g, long[] type, Tensor x, Tensor[] w, Tensor root, Tensor b, boolean mean) {
        int n = g.n();
        Tensor y = x.matmul(root).add(b);
        for (int r = 0; r < w.length; r++) {
            double[] a = new double[n * n];
            for (int p = 0; p < g.src().length; p++) if (type[p] == r) a[(int) (g.dst()[p] * n + g.src()[p])] += 1;
            Tensor ar = Tensor.of(a, n, n);
            if (mean) ar = ar.div(ar.sum(new int[] {1}, true).clampMin(1));
            y = y.add(ar.matmul(x).matmul(w[r]));
        }
        return y;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void rgcnConvEqualsPerRelationDenseSums(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        G g = graph(r, 3 + r.nextInt(5), 4 + r.nextInt(14));
        Tensor x = x(r, g.n(), 4);
        int rel = 3;
        long[] t = types(r, g.src().length, rel);
        for (String aggr : new String[] {"mean", "add"}) {
            RGCNConv plain = new RGCNConv(RGCNConv.options(4, 2, rel).aggr(aggr).generator(new Generator(seed)));
            plain.to(DType.F64);
            Map<String, Tensor> p = plain.namedParameters();
            p.get("bias").detach().copy_(Tensor.of(0.3, -0.1));
            Tensor[] w = new Tensor[rel];
            for (int k = 0; k < rel; k++) w[k] = p.get("weight").select(0, k);
            close(rgcnDense(g, t, x, w, p.get("root"), p.get("bias"), aggr.equals("mean")), plain.forward(x, g.edgeIndex(), Tensor.of(t)), "RGCNConv " + aggr);
        }
        RGCNConv bases = new RGCNConv(RGCNConv.options(4, 2, rel).numBases(2).generator(new Generator(seed)));
        bases.to(DType.F64);
        Map<String, Tensor> p = bases.namedParameters();
        Tensor[] w = new Tensor[rel];
        for (int k = 0; k < rel; k++) {
            w[k] = p.get("weight").select(0, 0).mul(p.get("comp").get(k, 0)).add(p.get("weight").select(0, 1).mul(p.get("comp").get(k, 1)));
        }
        close(rgcnDense(g, t, x, w, p.get("root"), p.get("bias"), true), bases.forward(x, g.edgeIndex(), Tensor.of(t)), "RGCNConv bases");
        RGCNConv blocks = new RGCNConv(RGCNConv.options(4, 2, rel).numBlocks(2).generator(new Generator(seed)));
        blocks.to(DType.F64);
        p = blocks.namedParameters();
        for (int k = 0; k < rel; k++) {
            double[] d = new double[4 * 2];                                    // block diagonal (4, 2) from (2, 2, 1)
            for (int b = 0; b < 2; b++) for (int i = 0; i < 2; i++) d[(b * 2 + i) * 2 + b] = p.get("weight").get(k, b, i, 0);
            w[k] = Tensor.of(d, 4, 2);
        }
        close(rgcnDense(g, t, x, w, p.get("root"), p.get("bias"), true), blocks.forward(x, g.edgeIndex(), Tensor.of(t)), "RGCNConv blocks");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void nnConvAndEdgeConvEqualTheirEdgeFormulas(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        G g = graph(r, 3 + r.nextInt(5), 4 + r.nextInt(14));
        int n = g.n(), m = g.src().length;
        Tensor x = x(r, n, 3), attr = x(r, m, 2);
        for (String aggr : new String[] {"add", "mean"}) {
            Linear h = new Linear(2, 3 * 4, true, new Generator(seed));
            NNConv c = new NNConv(3, 3, 4, h, aggr, true, true, new Generator(seed + 1));
            c.to(DType.F64);
            c.namedParameters().get("bias").detach().copy_(Tensor.of(0.1, 0.2, 0.3, 0.4));
            Tensor want = ((Linear) c.child("lin")).forward(x).add(Tensor.of(0.1, 0.2, 0.3, 0.4));
            double[] agg = new double[n * 4];
            int[] cnt = new int[n];
            for (int p = 0; p < m; p++) {
                Tensor we = h.forward(attr.narrow(0, p, 1)).reshape(3, 4);
                double[] v = x.narrow(0, (int) g.src()[p], 1).matmul(we).toDoubleArray();
                for (int o = 0; o < 4; o++) agg[(int) g.dst()[p] * 4 + o] += v[o];
                cnt[(int) g.dst()[p]]++;
            }
            if (aggr.equals("mean")) for (int i = 0; i < n; i++) for (int o = 0; o < 4; o++) agg[i * 4 + o] /= Math.max(cnt[i], 1);
            close(want.add(Tensor.of(agg, n, 4)), c.forward(x, g.edgeIndex(), attr), "NNConv " + aggr);
        }
        Module nn = new dev.weft.nn.Sequential(new Linear(6, 4, true, new Generator(seed)), new dev.weft.nn.layers.Tanh());
        EdgeConv ec = new EdgeConv(nn);
        ec.to(DType.F64);
        // every (i, j) pair densely: row i * n + j is h([x_i, x_j - x_i])
        Tensor xi = x.repeatInterleave(n, 0), xj = x.repeat(n, 1);
        double[] all = nn.forward(Tensor.cat(new Tensor[] {xi, xj.sub(xi)}, 1)).toDoubleArray();
        double[][] a = new double[n][n];
        for (int p = 0; p < m; p++) a[(int) g.dst()[p]][(int) g.src()[p]] = 1;
        double[] want = new double[n * 4];
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < 4; o++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) if (a[i][j] != 0) best = Math.max(best, all[(i * n + j) * 4 + o]);
                want[i * 4 + o] = best == Double.NEGATIVE_INFINITY ? 0 : best;
            }
        }
        close(Tensor.of(want, n, 4), ec.forward(x, g.edgeIndex()), "EdgeConv max");
    }

    @Test
    void relationalAndEdgeConvsAreEquivariantAndPassGradcheck() {
        SplittableRandom r = new SplittableRandom(11);
        G g = graph(r, 6, 16);
        int m = g.src().length;
        Tensor x = x(r, g.n(), 3), attr = x(r, m, 2), type = Tensor.of(types(r, m, 3));
        Permuted p = permute(r, g, x);
        RGCNConv rg = new RGCNConv(RGCNConv.options(3, 2, 3).numBases(2));
        rg.to(DType.F64);
        NNConv nc = new NNConv(3, 3, 2, new Linear(2, 6), "mean", true, true, new Generator(3));
        nc.to(DType.F64);
        EdgeConv ec = new EdgeConv(new dev.weft.nn.Sequential(new Linear(6, 2), new dev.weft.nn.layers.Tanh()));
        ec.to(DType.F64);
        // edge data follows its edges: the permuted graph keeps the edge order
        equivariant("RGCNConv", g, x, p, (xx, e) -> rg.forward(xx, e, type));
        equivariant("NNConv", g, x, p, (xx, e) -> nc.forward(xx, e, attr));
        equivariant("EdgeConv", g, x, p, (xx, e) -> ec.forward(xx, e));

        Tensor xg = x.clone().requiresGrad(true), ag = attr.clone().requiresGrad(true);
        for (RGCNConv.Options o : new RGCNConv.Options[] {RGCNConv.options(3, 2, 3).numBases(2), RGCNConv.options(4, 2, 3).numBlocks(2).aggr("max")}) {
            RGCNConv c = new RGCNConv(o);
            c.to(DType.F64);
            String name = c.namedParameters().containsKey("comp") ? "comp" : "weight";
            Tensor in0 = c.namedParameters().get("root").size(0) == 3 ? xg : x(r, g.n(), 4).requiresGrad(true);
            Tensor pw = c.namedParameters().get(name).detach().clone().requiresGrad(true);
            assertTrue(Gradcheck.gradcheck("RGCNConv x, " + name, in -> FunctionalCall.call(c, Map.of(name, in[1]),
                    mod -> c.forward(in[0], g.edgeIndex(), type)), in0, pw));
        }
        Tensor nw = nc.namedParameters().get("nn.weight").detach().clone().requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("NNConv x, edge_attr, nn.weight", in -> FunctionalCall.call(nc, Map.of("nn.weight", in[2]),
                mod -> nc.forward(in[0], g.edgeIndex(), in[1])), xg, ag, nw));
        Tensor ew = ec.namedParameters().get("nn.0.weight").detach().clone().requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("EdgeConv x, nn.0.weight", in -> FunctionalCall.call(ec, Map.of("nn.0.weight", in[1]),
                mod -> ec.forward(in[0], g.edgeIndex())), xg, ew));
    }

    @Test
    void badRelationalInputsNameTheLayer() {
        Tensor x = Tensor.zeros(DType.F32, 3, 2);
        Tensor ei = Tensor.of(new long[][] {{0, 1}, {1, 2}});
        String e = assertThrows(IndexOutOfBoundsException.class, () -> new RGCNConv(2, 2, 2).forward(x, ei, Tensor.of(0L, 2L))).getMessage();
        assertTrue(e.contains("RGCNConv") && e.contains("edge_type 2 of edge 1"), e);
        String both = assertThrows(IllegalArgumentException.class, () -> new RGCNConv(RGCNConv.options(2, 2, 2).numBases(1).numBlocks(1))).getMessage();
        assertTrue(both.contains("both"), both);
        String nn = assertThrows(IllegalArgumentException.class, () -> new NNConv(2, 2, new Linear(1, 3)).forward(x, ei, Tensor.zeros(DType.F32, 2, 1))).getMessage();
        assertTrue(nn.contains("NNConv") && nn.contains("(2, 4)"), nn);
    }

    @Test
    void badChebArgumentsAreRefused() {
        String e = assertThrows(IllegalArgumentException.class, () -> new ChebConv(2, 2, 2, "lap", true, new Generator(0))).getMessage();
        assertTrue(e.contains("ChebConv") && e.contains("\"lap\""), e);
        String k = assertThrows(IllegalArgumentException.class, () -> new ChebConv(2, 2, 0)).getMessage();
        assertTrue(k.contains("ChebConv") && k.contains("K"), k);
    }
}
