package dev.weft.graph.nn;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.Gradcheck;
import dev.weft.graph.nn.aggr.Aggregation;
import dev.weft.graph.nn.aggr.LCMAggregation;
import dev.weft.graph.nn.aggr.MultiAggregation;
import dev.weft.graph.nn.aggr.SoftmaxAggregation;
import dev.weft.graph.nn.pool.GlobalPool;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The GNN layers on small random graphs (duplicate edges, self loops, isolated nodes), in F64: each equals a
 * dense reference written from the paper's formula with an N x N matrix; node-level layers are permutation
 * equivariant and pooled readouts invariant; gradients pass gradcheck w.r.t. the features and (where the
 * formula has them) edge weights and attention parameters.
 */
class GnnLayersTest {
    static {
        Autograd.install();
    }

    record G(int n, Tensor edgeIndex, long[] src, long[] dst) {}

    static G graph(SplittableRandom r, int n, int m) {
        long[] s = new long[m], d = new long[m];
        for (int p = 0; p < m; p++) {
            s[p] = r.nextInt(n);
            d[p] = r.nextInt(4) == 0 ? s[p] : r.nextInt(n);          // some self loops; node n-1 often isolated
            if (n > 2 && (s[p] == n - 1 || d[p] == n - 1)) s[p] = d[p] = 0;
        }
        long[] e = new long[2 * m];
        System.arraycopy(s, 0, e, 0, m);
        System.arraycopy(d, 0, e, m, m);
        return new G(n, Tensor.of(e).reshape(2, m), s, d);
    }

    static Tensor x(SplittableRandom r, int n, int f) {
        double[] v = new double[n * f];
        for (int i = 0; i < v.length; i++) v[i] = r.nextDouble(-1, 1);
        return Tensor.of(v, n, f);
    }

    /** A[i][j] = number of edges j -> i (with weights w when given). */
    static Tensor dense(G g, double[] w) {
        double[] a = new double[g.n * g.n];
        for (int p = 0; p < g.src.length; p++) a[(int) (g.dst[p] * g.n + g.src[p])] += w == null ? 1 : w[p];
        return Tensor.of(a, g.n, g.n);
    }

    /** D^-1/2 (A' ) D^-1/2 with A' = A with remaining self loops of weight fill. */
    static Tensor gcnDense(G g, double fill) {
        Tensor a = dense(g, null);
        double[] d = a.toDoubleArray();
        for (int i = 0; i < g.n; i++) if (d[i * g.n + i] == 0) d[i * g.n + i] = fill;
        // an existing loop keeps its (last) weight 1, duplicates of it collapse as in add_remaining_self_loops
        for (int i = 0; i < g.n; i++) if (d[i * g.n + i] > fill) d[i * g.n + i] = 1;
        Tensor at = Tensor.of(d, g.n, g.n);
        Tensor deg = at.sum(new int[] {1}, false), inv = deg.pow(-0.5);
        return inv.unsqueeze(1).mul(at).mul(inv.unsqueeze(0));
    }

    static void close(Tensor want, Tensor got, String what) {
        assertArrayEquals(want.shape(), got.shape(), what);
        assertTrue(got.allclose(want, 1e-10, 1e-10), () -> what + ": expected " + want + "\ngot " + got);
    }

    static Tensor weight(Module m, String lin) {
        return ((Linear) m.child(lin)).weight();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void layersEqualTheirDenseFormulas(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        G g = graph(r, 2 + r.nextInt(6), r.nextInt(14));
        Tensor x = x(r, g.n, 3);
        Tensor a = dense(g, null);

        GCNConv gcn = new GCNConv(GCNConv.options(3, 4).generator(new Generator(seed)));
        gcn.to(DType.F64);
        Tensor bias = Tensor.of(0.1, -0.2, 0.3, 0.4);
        gcn.namedParameters().get("bias").detach().copy_(bias);
        close(gcnDense(g, 1).matmul(x).matmul(weight(gcn, "lin").t()).add(bias), gcn.forward(x, g.edgeIndex), "GCNConv");
        GCNConv improved = new GCNConv(GCNConv.options(3, 4).improved(true).generator(new Generator(seed)));
        improved.to(DType.F64);
        close(gcnDense(g, 2).matmul(x).matmul(weight(improved, "lin").t()), improved.forward(x, g.edgeIndex), "GCNConv improved");

        SGConv sg = new SGConv(SGConv.options(3, 2).K(2).generator(new Generator(seed)));
        sg.to(DType.F64);
        Tensor ahat = gcnDense(g, 1);
        close(((Linear) sg.child("lin")).forward(ahat.matmul(ahat).matmul(x)), sg.forward(x, g.edgeIndex), "SGConv K=2");

        SAGEConv sage = new SAGEConv(SAGEConv.options(3, 2).generator(new Generator(seed)));
        sage.to(DType.F64);
        Tensor deg = a.sum(new int[] {1}, true).clampMin(1);
        Tensor mean = a.matmul(x).div(deg);
        close(((Linear) sage.child("lin_l")).forward(mean).add(x.matmul(weight(sage, "lin_r").t())), sage.forward(x, g.edgeIndex), "SAGEConv");

        Module mlp = new Sequential(new Linear(3, 4, true, new Generator(seed)), new ReLU(), new Linear(4, 2, true, new Generator(seed + 1)));
        GINConv gin = new GINConv(mlp, 0.25, false);
        gin.to(DType.F64);
        close(mlp.forward(x.mul(1.25).add(a.matmul(x))), gin.forward(x, g.edgeIndex), "GINConv");

        GraphConv gc = new GraphConv(3, 2);
        gc.to(DType.F64);
        close(((Linear) gc.child("lin_rel")).forward(a.matmul(x)).add(x.matmul(weight(gc, "lin_root").t())), gc.forward(x, g.edgeIndex), "GraphConv");

        APPNP appnp = new APPNP(3, 0.1);
        Tensor h = x;
        for (int k = 0; k < 3; k++) h = ahat.matmul(h).mul(0.9).add(x.mul(0.1));
        close(h, appnp.forward(x, g.edgeIndex), "APPNP");

        for (boolean concat : new boolean[] {true, false}) {
            GATConv gat = new GATConv(GATConv.options(3, 2).heads(3).concat(concat).generator(new Generator(seed)));
            gat.to(DType.F64);
            close(gatDense(g, x, gat, 3, 2, concat, false), gat.forward(x, g.edgeIndex), "GATConv concat=" + concat);
            GATv2Conv gat2 = new GATv2Conv(GATv2Conv.options(3, 2).heads(2).concat(concat).generator(new Generator(seed)));
            gat2.to(DType.F64);
            close(gatDense(g, x, gat2, 2, 2, concat, true), gat2.forward(x, g.edgeIndex), "GATv2Conv concat=" + concat);
        }
    }

    /** GAT / GATv2 with a dense (N, N) score matrix, -inf off the edge set (self loops replaced by one per node). */
    static Tensor gatDense(G g, Tensor x, Module m, int heads, int out, boolean concat, boolean v2) {
        double[] mask = new double[g.n * g.n];
        for (int p = 0; p < g.src.length; p++) if (g.src[p] != g.dst[p]) mask[(int) (g.dst[p] * g.n + g.src[p])] += 1;
        for (int i = 0; i < g.n; i++) mask[i * g.n + i] = 1;
        Tensor count = Tensor.of(mask, g.n, g.n), present = count.gt(0.0);
        Tensor[] perHead = new Tensor[heads];
        Map<String, Tensor> p = m.namedParameters();
        Tensor zl = v2 ? ((Linear) m.child("lin_l")).forward(x) : ((Linear) m.child("lin")).forward(x);
        Tensor zr = v2 ? ((Linear) m.child("lin_r")).forward(x) : zl;
        for (int k = 0; k < heads; k++) {
            Tensor z = zl.narrow(1, k * out, out), zq = zr.narrow(1, k * out, out);
            Tensor s;
            if (v2) {
                Tensor att = p.get("att").select(0, 0).select(0, k);
                s = zq.unsqueeze(1).add(z.unsqueeze(0)).leakyRelu(0.2).mul(att).sum(new int[] {2}, false);     // [i][j]
            } else {
                Tensor as = p.get("att_src").select(0, 0).select(0, k), ad = p.get("att_dst").select(0, 0).select(0, k);
                s = z.matmul(ad.unsqueeze(1)).add(z.matmul(as.unsqueeze(1)).t()).leakyRelu(0.2);
            }
            // duplicates: each copy of an edge is its own term in the softmax
            Tensor e = s.exp().mul(count).where(present, Tensor.zeros(DType.F64, g.n, g.n));
            Tensor alpha = e.div(e.sum(new int[] {1}, true));
            perHead[k] = alpha.matmul(z);
        }
        Tensor h = concat ? Tensor.cat(java.util.List.of(perHead), 1) : Tensor.stack(perHead, 0).mean(0, false);
        return h.add(p.get("bias"));
    }

    @Test
    void aggregationsEqualPerNodeLoops() {
        SplittableRandom r = new SplittableRandom(9);
        G g = graph(r, 6, 20);
        Tensor x = x(r, g.n, 2);
        Adjacency adj = Adjacency.of(g.edgeIndex, g.n);
        Tensor msgs = adj.gatherSrc(x);
        double[] xv = x.toDoubleArray();
        for (String name : new String[] {"sum", "mean", "max", "min", "var", "std", "softmax"}) {
            Tensor got = Aggregation.of(name).aggregate(msgs, adj.rowPtr(), g.n);
            double[] want = new double[g.n * 2];
            for (int i = 0; i < g.n; i++) {
                for (int f = 0; f < 2; f++) {
                    java.util.List<Double> vs = new java.util.ArrayList<>();
                    for (int p = 0; p < g.src.length; p++) if (g.dst[p] == i) vs.add(xv[(int) g.src[p] * 2 + f]);
                    want[i * 2 + f] = reference(name, vs);
                }
            }
            close(Tensor.of(want, g.n, 2), got, "aggregation " + name);
        }
        Tensor multi = MultiAggregation.of("mean", "max").aggregate(msgs, adj.rowPtr(), g.n);
        assertArrayEquals(new int[] {g.n, 4}, multi.shape());
        close(Aggregation.of("max").aggregate(msgs, adj.rowPtr(), g.n), multi.narrow(1, 2, 2), "multi");
    }

    static double reference(String name, java.util.List<Double> vs) {
        if (vs.isEmpty()) return 0;
        double sum = 0, max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY, sq = 0;
        for (double v : vs) {
            sum += v;
            sq += v * v;
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        double mean = sum / vs.size(), var = sq / vs.size() - mean * mean;
        return switch (name) {
            case "sum" -> sum;
            case "mean" -> mean;
            case "max" -> max;
            case "min" -> min;
            case "var" -> var;
            case "std" -> Math.sqrt(Math.max(Math.max(var, 0), 1e-5)) <= Math.sqrt(1e-5) ? 0 : Math.sqrt(Math.max(var, 1e-5));
            default -> {                                              // softmax
                double z = 0, out = 0;
                for (double v : vs) z += Math.exp(v - max);
                for (double v : vs) out += v * Math.exp(v - max) / z;
                yield out;
            }
        };
    }

    @Test
    void lcmCombinesPairsCommutativelyAndIsATree() {
        LCMAggregation lcm = new LCMAggregation(2, 3, true);
        lcm.to(DType.F64);
        SplittableRandom r = new SplittableRandom(4);
        Tensor m = x(r, 5, 2);
        // target 0 gets messages 0, 1; target 1 gets 2, 3, 4; target 2 none
        Tensor ptr = Tensor.of(0L, 2L, 5L, 5L);
        Tensor got = lcm.aggregate(m, ptr, 3);
        Module gru = lcm.child("gru_cell");
        Tensor h = ((Linear) lcm.child("lin")).forward(m).relu();
        Function<Tensor[], Tensor> op = lr -> ((dev.weft.nn.rnn.GRUCell) gru).forward(lr[0], lr[1]).add(((dev.weft.nn.rnn.GRUCell) gru).forward(lr[1], lr[0])).div(2);
        Tensor zero = Tensor.zeros(DType.F64, 1, 3);
        // slots padded with zeros to the largest degree 3: level 1 merges slots (0, 1), slot 2 moves up; level 2 merges those
        Tensor t0 = op.apply(new Tensor[] {op.apply(new Tensor[] {h.narrow(0, 0, 1), h.narrow(0, 1, 1)}), zero});
        Tensor t1 = op.apply(new Tensor[] {op.apply(new Tensor[] {h.narrow(0, 2, 1), h.narrow(0, 3, 1)}), h.narrow(0, 4, 1)});
        Tensor t2 = op.apply(new Tensor[] {op.apply(new Tensor[] {zero, zero}), zero});
        close(Tensor.cat(java.util.List.of(t0, t1, t2), 0), got, "LCM tree");
        Tensor swapped = lcm.aggregate(m.indexSelect(0, Tensor.of(1L, 0L, 2L, 3L, 4L)), ptr, 3);
        close(got.narrow(0, 0, 1), swapped.narrow(0, 0, 1), "commutative in a pair");
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 6})
    void nodeLayersAreEquivariantAndReadoutsInvariant(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        G g = graph(r, 7, 18);
        Tensor x = x(r, g.n, 3);
        long[] perm = new long[g.n], inv = new long[g.n];
        for (int i = 0; i < g.n; i++) perm[i] = i;
        for (int i = g.n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            long t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        for (int i = 0; i < g.n; i++) inv[(int) perm[i]] = i;                 // new node k = old node perm[k]
        long[] e = g.edgeIndex.toLongArray();
        for (int p = 0; p < e.length; p++) e[p] = inv[(int) e[p]];
        Tensor pe = Tensor.of(e).reshape(2, g.src.length), px = x.indexSelect(0, Tensor.of(perm));
        Map<String, BiFunction<Tensor, Tensor, Tensor>> layers = new LinkedHashMap<>();
        layers.put("GCNConv", mk(new GCNConv(3, 4), (m, xe) -> ((GCNConv) m).forward(xe[0], xe[1])));
        layers.put("SGConv", mk(new SGConv(SGConv.options(3, 4).K(2)), (m, xe) -> ((SGConv) m).forward(xe[0], xe[1])));
        layers.put("SAGEConv max", mk(new SAGEConv(SAGEConv.options(3, 4).aggr("max").normalize(true)), (m, xe) -> ((SAGEConv) m).forward(xe[0], xe[1])));
        layers.put("GINConv", mk(new GINConv(new Linear(3, 2), 0, true), (m, xe) -> ((GINConv) m).forward(xe[0], xe[1])));
        layers.put("GATConv", mk(new GATConv(GATConv.options(3, 2).heads(2)), (m, xe) -> ((GATConv) m).forward(xe[0], xe[1])));
        layers.put("GATv2Conv", mk(new GATv2Conv(GATv2Conv.options(3, 2).heads(2)), (m, xe) -> ((GATv2Conv) m).forward(xe[0], xe[1])));
        layers.put("GraphConv", mk(new GraphConv(3, 2, "mean", true), (m, xe) -> ((GraphConv) m).forward(xe[0], xe[1])));
        layers.put("SAGE lcm", mk(new SAGEConv(SAGEConv.options(3, 2).aggr(new SoftmaxAggregation(2.0, true))), (m, xe) -> ((SAGEConv) m).forward(xe[0], xe[1])));
        for (var l : layers.entrySet()) {
            Tensor y = l.getValue().apply(x, g.edgeIndex), py = l.getValue().apply(px, pe);
            close(y.indexSelect(0, Tensor.of(perm)), py, l.getKey() + " equivariance");
            close(GlobalPool.add(y, null, 1), GlobalPool.add(py, null, 1), l.getKey() + " add-pool invariance");
            close(GlobalPool.max(y, null, 1), GlobalPool.max(py, null, 1), l.getKey() + " max-pool invariance");
        }
    }

    static BiFunction<Tensor, Tensor, Tensor> mk(Module m, BiFunction<Module, Tensor[], Tensor> f) {
        m.to(DType.F64);
        m.eval();
        return (x, e) -> f.apply(m, new Tensor[] {x, e});
    }

    @Test
    void gradientsPassGradcheck() {
        SplittableRandom r = new SplittableRandom(3);
        G g = graph(r, 5, 12);
        Tensor x = x(r, g.n, 3).requiresGrad(true);
        Tensor w = Tensor.of(r.doubles(g.src.length, 0.5, 1.5).toArray()).requiresGrad(true);
        GCNConv gcn = new GCNConv(3, 2);
        gcn.to(DType.F64);
        assertTrue(Gradcheck.gradcheck("GCNConv x, edge weights", in -> gcn.forward(in[0], g.edgeIndex, in[1]), x, w));
        SAGEConv sage = new SAGEConv(SAGEConv.options(3, 2).aggr(MultiAggregation.of("mean", "std", "softmax")));
        sage.to(DType.F64);
        assertTrue(Gradcheck.gradcheck("SAGEConv multi", in -> sage.forward(in[0], g.edgeIndex), x));
        SAGEConv lcm = new SAGEConv(SAGEConv.options(3, 2).aggr(new LCMAggregation(3, 3, true)));
        lcm.to(DType.F64);
        assertTrue(Gradcheck.gradcheck("SAGEConv lcm", in -> lcm.forward(in[0], g.edgeIndex), x));
        GINConv gin = new GINConv(new Linear(3, 2), 0.1, true);
        gin.to(DType.F64);
        assertTrue(Gradcheck.gradcheck("GINConv", in -> gin.forward(in[0], g.edgeIndex), x));
        Tensor attr = x(r, g.src.length, 2).requiresGrad(true);
        GINEConv gine = new GINEConv(new Linear(3, 2), 0, false, 3, 2);
        gine.to(DType.F64);
        assertTrue(Gradcheck.gradcheck("GINEConv x, edge_attr", in -> gine.forward(in[0], g.edgeIndex, in[1]), x, attr));
        GraphConv gc = new GraphConv(3, 2);
        gc.to(DType.F64);
        assertTrue(Gradcheck.gradcheck("GraphConv x, edge weights", in -> gc.forward(in[0], g.edgeIndex, in[1]), x, w));
        for (Module m : new Module[] {new GATConv(GATConv.options(3, 2).heads(2)), new GATv2Conv(GATv2Conv.options(3, 2).heads(2).concat(false))}) {
            m.to(DType.F64);
            String att = m instanceof GATConv ? "att_src" : "att";
            Tensor a = m.namedParameters().get(att).detach().clone().requiresGrad(true);
            assertTrue(Gradcheck.gradcheck(m.reprName() + " x, " + att, in -> FunctionalCall.call(m, Map.of(att, in[1]),
                    mod -> new Tensor[] {m instanceof GATConv c ? c.forward(in[0], g.edgeIndex) : ((GATv2Conv) m).forward(in[0], g.edgeIndex)})[0], x, a));
        }
        assertTrue(Gradcheck.gradcheck("APPNP", in -> new APPNP(2, 0.2).forward(in[0], g.edgeIndex), x));
        Tensor batch = Tensor.of(0L, 0L, 1L, 1L, 1L);
        assertTrue(Gradcheck.gradcheck("pools", in -> GlobalPool.mean(in[0], batch, 2).add(GlobalPool.max(in[0], batch, 2)).add(GlobalPool.add(in[0], batch, 2)), x));
    }

    @Test
    void badInputsNameTheLayerAndTheEdge() {
        Tensor x = Tensor.zeros(DType.F32, 3, 2);
        String e1 = assertThrows(RuntimeException.class, () -> new GCNConv(2, 2).forward(x, Tensor.of(new long[][] {{0, 5}, {1, 1}}))).getMessage();
        assertTrue(e1.contains("edge 1") && e1.contains("outside [0, 3)"), e1);
        String e0 = assertThrows(IndexOutOfBoundsException.class, () -> new SAGEConv(2, 2).forward(x, Tensor.of(new long[][] {{0, 5}, {1, 1}}))).getMessage();
        assertTrue(e0.contains("source 5 of edge 1 outside [0, 3)"), e0);
        String e2 = assertThrows(IllegalArgumentException.class, () -> new GCNConv(4, 2).forward(x, Tensor.of(new long[][] {{0}, {1}}))).getMessage();
        assertTrue(e2.contains("GCNConv") && e2.contains("(N, 4)"), e2);
        String e3 = assertThrows(IllegalArgumentException.class, () -> Aggregation.of("median")).getMessage();
        assertTrue(e3.contains("'median'"), e3);
    }
}
