package dev.weft.graph.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.autograd.Autograd;
import dev.weft.graph.Graph;
import dev.weft.graph.data.ContextualSbm;
import dev.weft.graph.models.GraphSage;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * NeighborLoader: an epoch covers every input node once in batches of batchSize, seeds first; the batches
 * are seeded; every batch edge is an input edge with its features; with fan-out -1 a GraphSAGE model's seed
 * outputs equal its full-graph outputs (F64); mini-batch training on a contextual SBM learns the classes;
 * bad options are refused with the option's name.
 */
class NeighborLoaderTest {
    private static Graph sbm(long seed) {
        return ContextualSbm.generate(600, 3, 8, 6, 0.85, 0.4, new Generator(seed));
    }

    private static List<NeighborLoader.Batch> epoch(NeighborLoader loader) {
        List<NeighborLoader.Batch> out = new ArrayList<>();
        for (NeighborLoader.Batch b : loader) out.add(b);
        return out;
    }

    @Test
    void anEpochCoversTheInputNodesOnceSeedsFirst() {
        Graph g = sbm(1);
        Tensor mask = Tensor.arange(g.numNodes()).remainder(3).eq(0);      // every third node
        NeighborLoader loader = new NeighborLoader(NeighborLoader.options(g, 5, 3).batchSize(64).shuffle(true)
                .inputNodes(mask).generator(new Generator(4)));
        assertEquals(200, loader.inputNodes().length);
        assertEquals(4, loader.size());
        List<NeighborLoader.Batch> batches = epoch(loader);
        assertEquals(4, batches.size());
        long[] seen = new long[0];
        for (int i = 0; i < batches.size(); i++) {
            NeighborLoader.Batch b = batches.get(i);
            assertEquals(i < 3 ? 64 : 8, b.batchSize());
            long[] seeds = b.inputNodes().toLongArray();
            for (long s : seeds) assertEquals(0, s % 3, "seed " + s + " is not an input node");
            long[] ids = b.nodeIds().toLongArray();
            assertArrayEquals(seeds, Arrays.copyOf(ids, seeds.length), "the seeds lead nodeIds");
            assertEquals(ids.length, b.graph().numNodes());
            seen = concat(seen, seeds);
        }
        long[] sorted = seen.clone();
        Arrays.sort(sorted);
        assertArrayEquals(loader.inputNodes(), sorted, "each input node is a seed exactly once per epoch");
        long[] second = epoch(loader).stream().flatMap(b -> Arrays.stream(b.inputNodes().toLongArray()).boxed()).mapToLong(Long::longValue).toArray();
        assertNotEquals(Arrays.toString(seen), Arrays.toString(second), "shuffle draws a new order each epoch");
    }

    @Test
    void batchesAreSeededAndTheirEdgesAreInputEdges() {
        Graph g = sbm(2);
        Graph gw = g.withEdgeWeight(Tensor.rand(new Generator(3), g.numEdges()));
        NeighborLoader.Options o = NeighborLoader.options(gw, 4, 2).batchSize(50).shuffle(true);
        List<NeighborLoader.Batch> a = epoch(new NeighborLoader(o.generator(new Generator(9))));
        List<NeighborLoader.Batch> b = epoch(new NeighborLoader(o.generator(new Generator(9))));
        long[] src = gw.sources(), dst = gw.targets();
        float[] w = gw.edgeWeight().toFloatArray(), x = gw.x().toFloatArray();
        int f = gw.x().size(1);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).nodeIds().toLongArray(), b.get(i).nodeIds().toLongArray(), "same generator, same batch " + i);
            assertArrayEquals(a.get(i).graph().edgeIndex().toLongArray(), b.get(i).graph().edgeIndex().toLongArray());
            Graph sub = a.get(i).graph();
            long[] ids = a.get(i).nodeIds().toLongArray(), eids = a.get(i).edgeIds().toLongArray();
            long[] r = sub.sources(), c = sub.targets();
            float[] sw = sub.edgeWeight().toFloatArray(), sx = sub.x().toFloatArray();
            for (int k = 0; k < r.length; k++) {
                int e = (int) eids[k];
                assertEquals(src[e], ids[(int) r[k]], "batch edge " + k + " source");
                assertEquals(dst[e], ids[(int) c[k]], "batch edge " + k + " target");
                assertEquals(w[e], sw[k]);
            }
            for (int v = 0; v < ids.length; v++) {
                for (int j = 0; j < f; j++) assertEquals(x[(int) ids[v] * f + j], sx[v * f + j]);
            }
        }
    }

    @Test
    void fullFanOutGivesTheFullGraphOutputsAtTheSeeds() {
        Graph g = sbm(3);
        Graph g64 = g.withX(g.x().to(DType.F64));
        GraphSage model = new GraphSage(8, 16, 2, 3, 0.5, new Generator(5));
        model.to(DType.F64);
        model.eval();
        Tensor full;
        try (var ng = Autograd.noGrad()) {
            full = model.forward(g64.x(), g64.edgeIndex());
        }
        double[] fullRows = full.toDoubleArray();
        NeighborLoader loader = new NeighborLoader(NeighborLoader.options(g64, -1, -1).batchSize(97).shuffle(true).generator(new Generator(1)));
        int checked = 0;
        for (NeighborLoader.Batch b : loader) {
            double[] out;
            try (var ng = Autograd.noGrad()) {
                out = b.seedRows(model.forward(b.graph().x(), b.graph().edgeIndex())).toDoubleArray();
            }
            long[] seeds = b.inputNodes().toLongArray();
            for (int i = 0; i < seeds.length; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(fullRows[(int) seeds[i] * 3 + j], out[i * 3 + j], 1e-12, "seed " + seeds[i] + " output " + j);
                }
            }
            checked += seeds.length;
        }
        assertEquals(g.numNodes(), checked);
    }

    @Test
    void miniBatchGraphSageLearnsTheClasses() {
        Graph g = sbm(4);
        int n = g.numNodes();
        Tensor perm = Tensor.randperm(new Generator(6), n);
        Tensor train = perm.narrow(0, 0, n / 5), test = perm.narrow(0, n / 5, n - n / 5);
        GraphSage model = new GraphSage(8, 32, 2, 3, 0.2, new Generator(7));
        Adam opt = new Adam(model.parameters(), Adam.options().lr(0.01));
        NeighborLoader loader = new NeighborLoader(NeighborLoader.options(g, 10, 5).batchSize(32).shuffle(true).inputNodes(train)
                .generator(new Generator(8)));
        for (int epoch = 0; epoch < 15; epoch++) {
            model.train();
            for (NeighborLoader.Batch b : loader) {
                opt.zeroGrad();
                Autograd.backward(Losses.crossEntropy(b.seedRows(model.forward(b.graph().x(), b.graph().edgeIndex())), b.seedLabels()));
                opt.step();
            }
        }
        model.eval();
        double acc;
        try (var ng = Autograd.noGrad()) {
            Tensor pred = model.forward(g.x(), g.edgeIndex()).argmax(1).indexSelect(0, test);
            acc = pred.eq(g.y().indexSelect(0, test)).to(DType.F64).mean().item();
        }
        assertTrue(acc > 0.9, "mini-batch GraphSAGE test accuracy " + acc + " (3 classes, homophily 0.85)");
    }

    @Test
    void badOptionsAreRefused() {
        Graph g = sbm(5);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NeighborLoader.options(g)).getMessage().contains("numNeighbors"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NeighborLoader.options(g, 3, -2)).getMessage().contains("numNeighbors[1] = -2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NeighborLoader.options(g, 3).batchSize(0)).getMessage().contains("batchSize"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NeighborLoader.options(g, 3).inputNodes(Tensor.of(1L, 1L)))
                .getMessage().contains("twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NeighborLoader.options(g, 3).inputNodes(Tensor.of(0L, 600L)))
                .getMessage().contains("outside [0, 600)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NeighborLoader.options(g, 3).inputNodes(Tensor.zeros(5).to(DType.BOOL)))
                .getMessage().contains("BOOL (600)"));
    }

    private static long[] concat(long[] a, long[] b) {
        long[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
