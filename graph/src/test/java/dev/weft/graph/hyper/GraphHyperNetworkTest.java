package dev.weft.graph.hyper;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.Gradcheck;
import dev.weft.graph.arch.ArchGraph;
import dev.weft.graph.arch.ArchSpec;
import dev.weft.graph.arch.MlpSpace;
import dev.weft.graph.arch.OpType;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.layers.BatchNorm2d;
import dev.weft.nn.layers.Conv2d;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class GraphHyperNetworkTest {
    private static GraphHyperNetwork small(long seed) {
        return new GraphHyperNetwork(GraphHyperNetwork.options().hidden(8).maxShape(6, 5, 3).decoderHidden(16).generator(new Generator(seed)));
    }

    @Test
    void predictedTensorsHaveEveryTargetShapeAndRunTheTarget() {
        Generator g = new Generator(0);
        GraphHyperNetwork ghn = small(1);
        List<Sequential> nets = new ArrayList<>();
        for (int[] hidden : new int[][] {{}, {4}, {7, 3}, {12, 2, 9, 5}}) nets.add(ArchSpec.mlp(false, 3, hidden, 2, OpType.RELU).build(g));
        nets.add(new Sequential(new Conv2d(Conv2d.options(2, 7, 3).padding(1).generator(g)), new BatchNorm2d(7), new ReLU(),
                new Conv2d(Conv2d.options(7, 3, 1).bias(false).generator(g)), new dev.weft.nn.Flatten(), new Linear(3 * 4 * 4, 2, true, g)));
        List<ArchGraph> graphs = nets.stream().map(ArchGraph::of).toList();
        List<Map<String, Tensor>> all = ghn.predict(graphs);
        for (int i = 0; i < nets.size(); i++) {
            Module net = nets.get(i);
            Map<String, Tensor> p = all.get(i);
            assertEquals(List.copyOf(net.namedParameters().keySet()), List.copyOf(p.keySet()));
            for (var e : net.namedParameters().entrySet()) assertArrayEquals(e.getValue().shape(), p.get(e.getKey()).shape(), e.getKey());
            // batched and alone predict the same tensors
            Map<String, Tensor> alone = ghn.predict(graphs.get(i));
            for (String k : p.keySet()) assertTrue(p.get(k).allclose(alone.get(k), 1e-5, 1e-6), k);
            Tensor x = i < 4 ? Tensor.randn(g, 5, 3) : Tensor.randn(g, 5, 2, 4, 4);
            assertArrayEquals(new int[] {5, 2}, ghn.forward(graphs.get(i), net, x).shape());
        }
        // normalization: biases in (-1, 1), norm scales in (0, 2)
        Map<String, Tensor> conv = all.get(4);
        assertTrue(conv.get("0.bias").abs().max().item() < 1);
        assertTrue(conv.get("1.weight").min().item() > 0 && conv.get("1.weight").max().item() < 2);
    }

    @Test
    void gradientsFlowFromTheTargetsLossIntoTheHypernetworkF64Gradcheck() {
        GraphHyperNetwork ghn = new GraphHyperNetwork(GraphHyperNetwork.options().hidden(4).maxShape(3, 2, 1).decoderHidden(5)
                .virtualEdgeCutoff(3).generator(new Generator(2)));
        ghn.to(DType.F64);
        Generator g = new Generator(3);
        Sequential target = ArchSpec.mlp(false, 3, new int[] {4}, 2, OpType.TANH).build(g);
        ArchGraph graph = ArchGraph.of(target);
        Tensor x = Tensor.randn(g, DType.F64, 4, 3);
        for (String name : List.of("embed.weight", "gnn.gru.weight_hh", "gnn.mlp_sp.0.weight", "decoder.2.weight", "decoder_1d.2.bias",
                "shape_enc.in.weight")) {
            Tensor p = ghn.namedParameters().get(name);
            assertNotNull(p, name);
            Tensor leaf = p.detach().clone().requiresGrad(true);
            assertTrue(Gradcheck.gradcheck("GHN -> FunctionalCall -> loss, d/d " + name,
                    in -> FunctionalCall.call(ghn, Map.of(name, in[0]), m -> ghn.forward(graph, target, x).square().sum()), leaf));
        }
        // and through backward: every GHN parameter used gets a gradient, the target's own weights none
        Autograd.backward(ghn.forward(graph, target, x).square().sum());
        for (String name : List.of("embed.weight", "gnn.gru.weight_ih", "gnn.mlp.0.weight", "ln.weight", "decoder.0.weight", "decoder_1d.0.weight")) {
            assertNotNull(ghn.namedParameters().get(name).grad(), name);
        }
        for (Tensor t : target.parameters()) assertNull(t.grad());
    }

    @Test
    void sameSeedSameBitsAfterTrainingSteps() {
        double[][] runs = new double[2][];
        for (int r = 0; r < 2; r++) {
            GraphHyperNetwork ghn = small(7);
            MlpSpace space = new MlpSpace(false, 3, 2, 1, 3, new int[] {4, 6, 8}, OpType.RELU);
            Generator g = new Generator(8);
            Adam opt = new Adam(ghn.parameters(), 1e-2);
            for (int step = 0; step < 3; step++) {
                List<ArchSpec> specs = List.of(space.sample(g), space.sample(g));
                Tensor x = Tensor.randn(g, 6, 3), y = Tensor.randint(g, 0, 2, 6);
                List<Map<String, Tensor>> p = ghn.predict(specs.stream().map(ArchSpec::graph).toList());
                Tensor loss = Tensor.scalar(0);
                for (int b = 0; b < specs.size(); b++) loss = loss.add(Losses.crossEntropy(FunctionalCall.call(specs.get(b).build(g), p.get(b), x), y));
                opt.zeroGrad();
                Autograd.backward(loss);
                opt.step();
            }
            List<Double> bits = new ArrayList<>();
            for (Tensor t : ghn.predict(ArchSpec.mlp(false, 3, new int[] {5, 5}, 2, OpType.RELU).graph()).values()) {
                for (double v : t.toDoubleArray()) bits.add(v);
            }
            runs[r] = bits.stream().mapToDouble(Double::doubleValue).toArray();
        }
        assertArrayEquals(runs[0], runs[1], 0.0);
        double[] other = small(9).predict(ArchSpec.mlp(false, 3, new int[] {5, 5}, 2, OpType.RELU).graph()).values().iterator().next().toDoubleArray();
        assertFalse(Arrays.equals(Arrays.copyOf(runs[0], other.length), other), "another seed predicts other parameters");
    }

    @Test
    void trainingOverSampledArchitecturesLowersTheLossOfUnseenOnes() {
        // a toy task: y = argmax of the first two inputs; the GHN trains on sampled MLPs, is scored on one it never saw
        GraphHyperNetwork ghn = small(11);
        MlpSpace space = new MlpSpace(false, 4, 2, 1, 2, new int[] {4, 8}, OpType.RELU);
        Generator g = new Generator(12);
        Tensor x = Tensor.randn(g, 64, 4), y = x.narrow(1, 0, 2).argmax(1);
        Sequential unseen = ArchSpec.mlp(false, 4, new int[] {6, 6}, 2, OpType.RELU).build(g);
        ArchGraph ug = ArchGraph.of(unseen);
        double before = Losses.crossEntropy(ghn.forward(ug, unseen, x), y).item();
        Adam opt = new Adam(ghn.parameters(), 3e-3);
        for (int step = 0; step < 60; step++) {
            List<ArchSpec> specs = List.of(space.sample(g), space.sample(g));
            List<Map<String, Tensor>> p = ghn.predict(specs.stream().map(ArchSpec::graph).toList());
            Tensor loss = Tensor.scalar(0);
            for (int b = 0; b < specs.size(); b++) loss = loss.add(Losses.crossEntropy(FunctionalCall.call(specs.get(b).build(g), p.get(b), x), y));
            opt.zeroGrad();
            Autograd.backward(loss);
            opt.step();
        }
        double after = Losses.crossEntropy(ghn.forward(ug, unseen, x), y).item();
        assertTrue(after < 0.8 * before, "loss on the unseen net " + before + " -> " + after);
    }

    @Test
    void badOptionsAndGraphsAreNamed() {
        String m1 = assertThrows(IllegalArgumentException.class, () -> new GraphHyperNetwork(GraphHyperNetwork.options().hidden(1))).getMessage();
        assertTrue(m1.contains("GraphHyperNetwork") && m1.contains("hidden"), m1);
        String m2 = assertThrows(IllegalArgumentException.class, () -> new GraphHyperNetwork(GraphHyperNetwork.options().maxShape(0, 4, 1)))
                .getMessage();
        assertTrue(m2.contains("maxShape"), m2);
        assertThrows(IllegalArgumentException.class, () -> new GraphHyperNetwork(GraphHyperNetwork.options().virtualEdgeCutoff(0)));
        assertThrows(IllegalArgumentException.class, () -> small(1).predict(List.of()));
        // a target whose structure is not the graph's: FunctionalCall names the mismatching tensor
        GraphHyperNetwork ghn = small(1);
        ArchGraph a = ArchSpec.mlp(false, 3, new int[] {4}, 2, OpType.RELU).graph();
        Sequential other = ArchSpec.mlp(false, 3, new int[] {5}, 2, OpType.RELU).build(new Generator(0));
        String m3 = assertThrows(IllegalArgumentException.class, () -> ghn.forward(a, other, Tensor.zeros(1, 3))).getMessage();
        assertTrue(m3.contains("0.weight"), m3);
    }
}
