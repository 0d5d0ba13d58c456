package dev.weft.nn.kan;

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

/**
 * Pruning (pykan's attribute, prune_node, prune_edge, prune): the scores against their formula written out in
 * loops, the kept nodes exactly those above the threshold, the smaller model equal to the masked original on
 * the samples and on fresh points, and edges masked exactly where their score is at most the threshold.
 */
class KanPruningTest {
    /** A [2, 5, 1]-like model whose hidden nodes 1 and 3 are nearly dead (their outgoing edges scaled down). */
    static KAN withWeakNodes(long seed, int... width) {
        KAN m = KanModelTest.model(seed, 5, width);
        try (var s = dev.weft.autograd.GradMode.noGrad()) {
            for (int i : new int[] {1, 3}) {
                Tensor coef = m.layer(1).coef().select(0, i), sb = m.stateDict().get("act_fun.1.scale_base").select(0, i);
                coef.copy_(coef.mul(1e-4));
                sb.copy_(sb.mul(1e-4));
            }
        }
        return m;
    }

    /** The attribution written out: std over the batch in loops, scores from the outputs back. */
    static List<double[]> nodeScoresByHand(KAN.Activations acts) {
        int depth = acts.layers().size();
        List<double[]> nodes = new ArrayList<>();
        int nOut = acts.y().size(1);
        double[] node = new double[nOut];
        java.util.Arrays.fill(node, 1.0 / nOut);
        nodes.add(0, node);
        for (int l = depth - 1; l >= 0; l--) {
            Tensor post = acts.postacts(l), out = acts.output(l);
            int b = post.size(0), no = post.size(1), ni = post.size(2);
            double[] p = post.contiguous().toDoubleArray(), y = out.contiguous().toDoubleArray();
            double[] prev = new double[ni];
            for (int o = 0; o < no; o++) {
                double sOut = KanModelTest.std(y, b, no, o) + 1e-4;
                for (int i = 0; i < ni; i++) prev[i] += KanModelTest.std(p, b, no * ni, o * ni + i) * node[o] / sOut;
            }
            node = prev;
            nodes.add(0, node);
        }
        return nodes;
    }

    @Test
    void theScoresArePykansAttribution() {
        KAN m = KanModelTest.model(1, 5, 3, 4, 2, 2);
        Tensor x = KanLayerTest.uniform(new Generator(2), DType.F64, -1, 1, 40, 3);
        KAN.Activations acts = m.forwardActivations(x);
        KanAttribution a = m.attribute(acts);
        List<double[]> want = nodeScoresByHand(acts);
        assertEquals(4, a.nodeScores().size());
        assertEquals(3, a.edgeScores().size());
        for (int l = 0; l < 4; l++) assertArrayEquals(want.get(l), a.nodeScores().get(l).toDoubleArray(), 1e-12, "node scores of layer " + l);
        for (int l = 0; l < 3; l++) {
            assertArrayEquals(new int[] {m.width()[l + 1], m.width()[l]}, a.edgeScores().get(l).shape());
            assertTrue(a.edgeScores().get(l).sum(0).allclose(a.nodeScores().get(l), 0, 1e-12), "node = sum of its outgoing edges, layer " + l);
        }
        assertTrue(m.attribute(x).nodeScores().get(0).equal(a.nodeScores().get(0)));
    }

    @Test
    void pruningNodesKeepsExactlyThoseAboveTheThresholdAndTheMaskedFunction() {
        KAN m = withWeakNodes(3, 2, 5, 1);
        Tensor x = KanLayerTest.uniform(new Generator(4), DType.F64, -1, 1, 200, 2);
        double[] score = m.attribute(x).nodeScores().get(1).toDoubleArray();
        double th = 1e-2;
        List<Integer> expectKept = new ArrayList<>();
        for (int i = 0; i < 5; i++) if (score[i] > th) expectKept.add(i);
        assertEquals(List.of(0, 2, 4), expectKept, "weak nodes score below 1e-2: " + java.util.Arrays.toString(score));
        Tensor before = m.forward(x);
        KAN small = m.pruneNode(x);
        assertArrayEquals(new int[] {2, 3, 1}, small.width());
        // the original now has the removed nodes' edges masked, and the small model computes the same function
        for (int i : new int[] {1, 3}) {
            assertEquals(0, m.layer(0).mask().select(1, i).abs().sum().item());
            assertEquals(0, m.layer(1).mask().select(0, i).abs().sum().item());
        }
        Tensor masked = m.forward(x);
        assertTrue(masked.allclose(small.forward(x), 0, 1e-12), "small model vs the masked original");
        assertTrue(masked.sub(before).abs().max().item() < 1e-3, "the weak nodes carried almost nothing");
        Tensor fresh = KanLayerTest.uniform(new Generator(5), DType.F64, -1.5, 1.5, 50, 2);
        assertTrue(m.forward(fresh).allclose(small.forward(fresh), 0, 1e-12), "and off the samples");
        assertTrue(m.forwardActivations(fresh).y().allclose(small.forwardActivations(fresh).y(), 0, 1e-12));
        // the kept rows and columns are the original's
        int[] kept = {0, 2, 4};
        for (int q = 0; q < 3; q++) {
            assertTrue(small.layer(0).coef().select(1, q).equal(m.layer(0).coef().select(1, kept[q])), "layer 0 column " + q);
            assertTrue(small.layer(1).coef().select(0, q).equal(m.layer(1).coef().select(0, kept[q])), "layer 1 row " + q);
            assertTrue(small.layer(1).grid().select(0, q).equal(m.layer(1).grid().select(0, kept[q])), "layer 1 grid " + q);
        }
        assertEquals(m.grid, small.grid);
        assertEquals(DType.F64, small.layer(0).coef().dtype());
        // a threshold that removes a whole layer is refused, and nothing is masked
        KAN other = withWeakNodes(3, 2, 5, 1);
        Tensor mask0 = other.layer(0).mask().clone();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.pruneNode(x, 1e6));
        assertTrue(e.getMessage().startsWith("KAN.pruneNode: threshold 1000000.0 removes every node of layer 1"), e.getMessage());
        assertTrue(other.layer(0).mask().equal(mask0));
    }

    @Test
    void aDeeperModelPrunesEveryHiddenLayer() {
        KAN m = withWeakNodes(6, 3, 5, 4, 2);
        Tensor x = KanLayerTest.uniform(new Generator(7), DType.F64, -1, 1, 150, 3);
        KanAttribution a = m.attribute(x);
        double th = 0.5 * a.nodeScores().get(2).max().item();   // drops some nodes of layer 2 as well
        int n1 = 0, n2 = 0;
        for (double v : a.nodeScores().get(1).toDoubleArray()) if (v > th) n1++;
        for (double v : a.nodeScores().get(2).toDoubleArray()) if (v > th) n2++;
        KAN small = m.pruneNode(x, th);
        assertArrayEquals(new int[] {3, n1, n2, 2}, small.width());
        assertTrue(n1 < 5 && n2 < 4, n1 + ", " + n2);
        assertTrue(m.forward(x).allclose(small.forward(x), 0, 1e-12));
    }

    @Test
    void pruningEdgesMasksExactlyThoseAtOrBelowTheThreshold() {
        KAN m = KanModelTest.model(8, 5, 2, 4, 2);
        Tensor x = KanLayerTest.uniform(new Generator(9), DType.F64, -1, 1, 100, 2);
        m.removeEdge(1, 2, 1);
        KanAttribution a = m.attribute(x);
        double th = a.edgeScores().get(0).median().item();
        double[][] before = {m.layer(0).mask().toDoubleArray(), m.layer(1).mask().toDoubleArray()};
        m.pruneEdge(x, th);
        for (int l = 0; l < 2; l++) {
            double[] score = a.edgeScores().get(l).t().contiguous().toDoubleArray();     // (in, out) like the mask
            double[] mask = m.layer(l).mask().toDoubleArray();
            for (int e = 0; e < mask.length; e++) {
                assertEquals(score[e] > th && before[l][e] == 1 ? 1 : 0, mask[e], "layer " + l + " edge " + e + " score " + score[e]);
            }
        }
        assertEquals(0, m.layer(1).mask().select(0, 2).select(0, 1).item(), "a removed edge stays removed");
        // prune = pruneNode at 1e-2, then pruneEdge of the smaller model on its own scores at 3e-2
        KAN w = withWeakNodes(10, 2, 5, 1), twin = withWeakNodes(10, 2, 5, 1);
        KAN pruned = w.prune(x);
        KAN byHand = twin.pruneNode(x, 1e-2);
        double[] score = byHand.attribute(x).edgeScores().get(0).t().contiguous().toDoubleArray();
        byHand.pruneEdge(x, 3e-2);
        assertArrayEquals(new int[] {2, 3, 1}, pruned.width());
        double[] mask = pruned.layer(0).mask().toDoubleArray();
        for (int e = 0; e < 6; e++) assertEquals(score[e] > 3e-2 ? 1 : 0, mask[e], "pruned layer 0 edge " + e);
        assertTrue(pruned.layer(1).mask().equal(byHand.layer(1).mask()) && pruned.forward(x).equal(byHand.forward(x)));
        assertThrows(IllegalArgumentException.class, () -> w.removeEdge(1, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> w.removeNode(3, 0));
    }
}
