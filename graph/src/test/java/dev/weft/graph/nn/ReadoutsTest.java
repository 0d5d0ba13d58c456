package dev.weft.graph.nn;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.Gradcheck;
import dev.weft.graph.nn.aggr.AttentionalAggregation;
import dev.weft.graph.nn.aggr.Set2Set;
import dev.weft.graph.nn.aggr.SortAggregation;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Module;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.rnn.LSTM;
import dev.weft.nn.rnn.LSTMOutput;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

import static dev.weft.graph.nn.GnnLayersTest.close;
import static dev.weft.graph.nn.GnnLayersTest.x;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The graph readouts (AttentionalAggregation, Set2Set, SortAggregation) against per-graph references on an unsorted
 * batch vector with an empty graph, invariant under node permutations; JumpingKnowledge against its formulas and
 * equivariant; all gradchecked in F64 w.r.t. the features and a parameter.
 */
class ReadoutsTest {
    static {
        Autograd.install();
    }

    /** Graph of each node: unsorted, graph size - 1 left empty. */
    static long[] batch(SplittableRandom r, int n, int size) {
        long[] b = new long[n];
        for (int v = 0; v < n; v++) b[v] = r.nextInt(size - 1);
        b[0] = 0;
        return b;
    }

    static Tensor rowsOf(Tensor x, long[] b, int g) {
        List<Long> rows = new ArrayList<>();
        for (int v = 0; v < b.length; v++) if (b[v] == g) rows.add((long) v);
        return x.indexSelect(0, Tensor.of(rows.stream().mapToLong(Long::longValue).toArray()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void readoutsEqualPerGraphReferences(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 6 + r.nextInt(6), size = 4, f = 3;
        Tensor x = x(r, n, f);
        long[] b = batch(r, n, size);
        Tensor bt = Tensor.of(b);

        Linear gate = new Linear(f, 1, true, new Generator(seed)), nn = new Linear(f, 2, true, new Generator(seed + 1));
        AttentionalAggregation att = new AttentionalAggregation(gate, nn);
        att.to(DType.F64);
        Tensor[] want = new Tensor[size];
        for (int g = 0; g < size; g++) {
            Tensor xg = rowsOf(x, b, g);
            want[g] = xg.size(0) == 0 ? Tensor.zeros(DType.F64, 1, 2)
                    : gate.forward(xg).softmax(0).t().matmul(nn.forward(xg));           // (1, n_g) (n_g, 2)
        }
        close(Tensor.cat(want, 0), att.forward(x, bt, size), "AttentionalAggregation");
        AttentionalAggregation plain = new AttentionalAggregation(new Linear(f, f, true, new Generator(seed)));
        plain.to(DType.F64);
        Tensor one = ((Linear) plain.child("gate_nn")).forward(x).softmax(0).mul(x).sum(new int[] {0}, true);
        close(one, plain.forward(x, null, 1), "AttentionalAggregation per-channel gate, one graph");

        Set2Set s2s = new Set2Set(f, 3, 1, new Generator(seed));
        s2s.to(DType.F64);
        LSTM lstm = (LSTM) s2s.child("lstm");
        for (int g = 0; g < size; g++) {
            Tensor xg = rowsOf(x, b, g), h = Tensor.zeros(DType.F64, 1, 1, f), c = h, qStar = Tensor.zeros(DType.F64, 1, 2 * f);
            for (int t = 0; t < 3; t++) {
                LSTMOutput o = lstm.forward(qStar.unsqueeze(0), h, c);
                h = o.hN();
                c = o.cN();
                Tensor q = o.output().reshape(1, f);
                Tensor rg = xg.size(0) == 0 ? Tensor.zeros(DType.F64, 1, f) : xg.matmul(q.t()).softmax(0).t().matmul(xg);
                qStar = Tensor.cat(new Tensor[] {q, rg}, 1);
            }
            want[g] = qStar;
        }
        close(Tensor.cat(want, 0), s2s.forward(x, bt, size), "Set2Set");

        for (int k : new int[] {2, 5}) {
            SortAggregation sort = new SortAggregation(k);
            double[] xv = x.toDoubleArray();
            double[] w = new double[size * k * f];
            for (int g = 0; g < size; g++) {
                List<Integer> nodes = new ArrayList<>();
                for (int v = 0; v < n; v++) if (b[v] == g) nodes.add(v);
                nodes.sort((p, q) -> Double.compare(xv[q * f + f - 1], xv[p * f + f - 1]));
                for (int i = 0; i < Math.min(k, nodes.size()); i++) System.arraycopy(xv, nodes.get(i) * f, w, (g * k + i) * f, f);
            }
            close(Tensor.of(w, size, k * f), sort.forward(x, bt, size), "SortAggregation k=" + k);
        }
    }

    @Test
    void readoutsAreInvariantUnderNodePermutations() {
        SplittableRandom r = new SplittableRandom(8);
        int n = 10, size = 4;
        Tensor x = x(r, n, 3);
        long[] b = batch(r, n, size), perm = new long[n], pb = new long[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            long t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        for (int i = 0; i < n; i++) pb[i] = b[(int) perm[i]];
        Tensor px = x.indexSelect(0, Tensor.of(perm));
        List<BiFunction<Tensor, Tensor, Tensor>> readouts = List.of(
                f64(new AttentionalAggregation(new Linear(3, 1)), (m, xb) -> ((AttentionalAggregation) m).forward(xb[0], xb[1], size)),
                f64(new Set2Set(3, 2), (m, xb) -> ((Set2Set) m).forward(xb[0], xb[1], size)),
                f64(new SortAggregation(3), (m, xb) -> ((SortAggregation) m).forward(xb[0], xb[1], size)));
        for (var f : readouts) close(f.apply(x, Tensor.of(b)), f.apply(px, Tensor.of(pb)), "readout invariance");
        JumpingKnowledge jk = new JumpingKnowledge("lstm", 3, 2, new Generator(1));
        jk.to(DType.F64);
        Tensor x2 = x.tanh();
        close(jk.forward(List.of(x, x2)).indexSelect(0, Tensor.of(perm)), jk.forward(List.of(px, x2.indexSelect(0, Tensor.of(perm)))), "JK lstm equivariance");
    }

    static BiFunction<Tensor, Tensor, Tensor> f64(Module m, BiFunction<Module, Tensor[], Tensor> f) {
        m.to(DType.F64);
        return (x, b) -> f.apply(m, new Tensor[] {x, b});
    }

    @Test
    void jumpingKnowledgeModes() {
        SplittableRandom r = new SplittableRandom(5);
        Tensor a = x(r, 4, 3), b = x(r, 4, 3), c = x(r, 4, 3);
        List<Tensor> xs = List.of(a, b, c);
        close(Tensor.cat(xs, 1), new JumpingKnowledge("cat").forward(xs), "JK cat");
        close(a.maximum(b).maximum(c), new JumpingKnowledge("MAX").forward(xs), "JK max");
        JumpingKnowledge jk = new JumpingKnowledge("lstm", 3, 3, new Generator(2));
        jk.to(DType.F64);
        Map<String, Tensor> p = jk.namedParameters();
        assertArrayEquals(new int[] {4 * 4, 3}, p.get("lstm.weight_ih_l0").shape());          // hidden (3 * 3) / 2 = 4
        assertArrayEquals(new int[] {1, 8}, p.get("att.weight").shape());
        assertTrue(p.containsKey("lstm.weight_hh_l0_reverse"));
        Tensor y = jk.forward(xs);
        // a convex combination of the layers, per node
        Tensor lo = a.minimum(b).minimum(c), hi = a.maximum(b).maximum(c);
        assertTrue(y.ge(lo.sub(1e-12)).all().item() != 0 && y.le(hi.add(1e-12)).all().item() != 0, "JK lstm is a convex combination");
        Tensor st = Tensor.stack(xs, 1);
        Tensor h = ((LSTM) jk.child("lstm")).forward(st, null, null).output();
        Tensor alpha = ((Linear) jk.child("att")).forward(h).reshape(4, 3).softmax(1);
        Tensor want = a.mul(alpha.narrow(1, 0, 1)).add(b.mul(alpha.narrow(1, 1, 1))).add(c.mul(alpha.narrow(1, 2, 1)));
        close(want, y, "JK lstm");
    }

    @Test
    void gradientsPassGradcheck() {
        SplittableRandom r = new SplittableRandom(12);
        int n = 7, size = 3;
        Tensor x = x(r, n, 3).requiresGrad(true), bt = Tensor.of(batch(r, n, size));
        AttentionalAggregation att = new AttentionalAggregation(new Linear(3, 1), new Linear(3, 2));
        att.to(DType.F64);
        Tensor gw = att.namedParameters().get("gate_nn.weight").detach().clone().requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("AttentionalAggregation x, gate_nn.weight", in -> FunctionalCall.call(att, Map.of("gate_nn.weight", in[1]),
                m -> att.forward(in[0], bt, size)), x, gw));
        Set2Set s2s = new Set2Set(3, 2);
        s2s.to(DType.F64);
        Tensor hh = s2s.namedParameters().get("lstm.weight_hh_l0").detach().clone().requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("Set2Set x, lstm.weight_hh_l0", in -> FunctionalCall.call(s2s, Map.of("lstm.weight_hh_l0", in[1]),
                m -> s2s.forward(in[0], bt, size)), x, hh));
        assertTrue(Gradcheck.gradcheck("SortAggregation x", in -> new SortAggregation(2).forward(in[0], bt, size), x));
        JumpingKnowledge jk = new JumpingKnowledge("lstm", 3, 2, new Generator(4));
        jk.to(DType.F64);
        Tensor aw = jk.namedParameters().get("att.weight").detach().clone().requiresGrad(true);
        Tensor x2 = x(r, n, 3).requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("JumpingKnowledge lstm x, att.weight", in -> FunctionalCall.call(jk, Map.of("att.weight", in[2]),
                m -> jk.forward(List.of(in[0], in[1]))), x, x2, aw));
        assertTrue(Gradcheck.gradcheck("JumpingKnowledge max", in -> new JumpingKnowledge("max").forward(List.of(in[0], in[1])), x, x2));
    }

    @Test
    void badInputsAreRefused() {
        Tensor x = Tensor.zeros(DType.F32, 3, 2);
        String e = assertThrows(IndexOutOfBoundsException.class, () -> new SortAggregation(2).forward(x, Tensor.of(0L, 2L, 1L), 2)).getMessage();
        assertTrue(e.contains("SortAggregation") && e.contains("batch[1] = 2"), e);
        String m = assertThrows(IllegalArgumentException.class, () -> new JumpingKnowledge("sum")).getMessage();
        assertTrue(m.contains("'sum'"), m);
        String w = assertThrows(IllegalArgumentException.class, () -> new Set2Set(3, 1).forward(x, null, 1)).getMessage();
        assertTrue(w.contains("Set2Set") && w.contains("(N, 3)"), w);
    }
}
