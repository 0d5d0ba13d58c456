package dev.weft.graph.arch;

import dev.weft.graph.Graph;
import dev.weft.graph.nn.GCNConv;
import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.layers.BatchNorm2d;
import dev.weft.nn.layers.Conv2d;
import dev.weft.nn.layers.Dropout;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.layers.Tanh;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ArchGraphTest {
    private static Map<String, List<Integer>> shapes(Module m) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        m.namedParameters().forEach((k, v) -> out.put(k, java.util.Arrays.stream(v.shape()).boxed().toList()));
        return out;
    }

    @Test
    void aSmallMlpHasOneNodePerTensorAndOpInAChain() {
        Generator g = new Generator(0);
        Sequential mlp = new Sequential(new Linear(4, 3, true, g), new ReLU(), new Linear(3, 2, false, g), new Tanh());
        ArchGraph a = ArchGraph.of(mlp);
        // input, linear, bias, relu, linear (no bias), tanh, output
        assertEquals(7, a.numNodes());
        assertEquals(6, a.numEdges());
        assertEquals(List.of(OpType.INPUT, OpType.LINEAR, OpType.BIAS, OpType.RELU, OpType.LINEAR, OpType.TANH, OpType.OUTPUT),
                a.nodes().stream().map(ArchNode::op).toList());
        assertEquals("0.weight", a.node(1).param());
        assertArrayEquals(new int[] {3, 4}, a.node(1).shape());
        assertArrayEquals(new int[] {3}, a.node(2).shape());
        assertEquals("2.weight", a.node(4).param());
        assertArrayEquals(new int[] {1, 2, 4}, a.parameterNodes());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, a.sources());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, a.targets());
        assertArrayEquals(new long[] {OpType.INPUT.ordinal(), OpType.LINEAR.ordinal(), OpType.BIAS.ordinal(), OpType.RELU.ordinal(),
                OpType.LINEAR.ordinal(), OpType.TANH.ordinal(), OpType.OUTPUT.ordinal()}, a.opIndex());
    }

    @Test
    void virtualEdgesJoinEveryPairWithinTheCutoffWithTheirPathLength() {
        ArchGraph a = ArchSpec.mlp(false, 4, new int[] {3}, 2, OpType.RELU).graph();   // 7 nodes in a chain
        ArchGraph.Edges one = a.virtualEdges(1);
        assertArrayEquals(a.sources(), one.src());
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1}, one.dist());
        ArchGraph.Edges all = a.virtualEdges(50);
        assertEquals(7 * 6 / 2, all.size());                       // every u < v in a chain
        ArchGraph.Edges two = a.virtualEdges(2);
        assertEquals(6 + 5, two.size());
        for (int e = 0; e < all.size(); e++) assertEquals(all.dst()[e] - all.src()[e], all.dist()[e]);
        // a diamond: the shorter path wins
        List<ArchNode> n = List.of(ArchNode.op(OpType.INPUT, -1), ArchNode.op(OpType.RELU, 0), ArchNode.op(OpType.TANH, 1),
                ArchNode.op(OpType.OUTPUT, -1));
        ArchGraph d = new ArchGraph(n, new int[] {0, 0, 1, 2}, new int[] {1, 3, 2, 3});
        ArchGraph.Edges de = d.virtualEdges(3);
        int k = java.util.stream.IntStream.range(0, de.size()).filter(e -> de.src()[e] == 0 && de.dst()[e] == 3).findFirst().orElseThrow();
        assertEquals(1, de.dist()[k]);
        assertArrayEquals(new int[] {1, 3}, d.successors(0));
    }

    @Test
    void roundTripRebuildsTheSameStructureForMlpsAndConvNets() {
        Generator g = new Generator(1);
        List<Sequential> nets = List.of(
                ArchSpec.mlp(true, 784, new int[] {64, 32}, 10, OpType.RELU).build(g),
                new Sequential(new Linear(5, 5, false, g)),
                new Sequential(new Conv2d(Conv2d.options(1, 4, 3).stride(2).padding(1).generator(g)), new BatchNorm2d(4), new ReLU(),
                        new Conv2d(Conv2d.options(4, 8, 5).bias(false).generator(g)), new dev.weft.nn.Flatten(), new Linear(8, 3, true, g)));
        for (Sequential net : nets) {
            ArchSpec spec = ArchSpec.of(net);
            ArchGraph a = ArchGraph.of(net);
            ArchSpec back = a.toSpec();
            assertEquals(spec, back);
            Sequential rebuilt = back.build(new Generator(2));
            assertEquals(shapes(net), shapes(rebuilt));
            assertEquals(net.toString(), rebuilt.toString());
            assertEquals(a.nodes(), ArchGraph.of(rebuilt).nodes());
            // every parameter of the net is exactly one node
            assertEquals(net.namedParameters().keySet().stream().toList(),
                    java.util.Arrays.stream(a.parameterNodes()).mapToObj(i -> a.node(i).param()).toList());
        }
    }

    @Test
    void theGraphViewFeedsTheGnnLayers() {
        ArchGraph a = ArchSpec.mlp(false, 4, new int[] {3, 3}, 2, OpType.TANH).graph();
        Graph g = a.toGraph(50);
        assertEquals(a.numNodes(), g.numNodes());
        assertEquals(a.numNodes() * (a.numNodes() - 1) / 2, g.numEdges());
        assertArrayEquals(new int[] {a.numNodes(), OpType.count()}, g.x().shape());
        assertEquals(1.0, g.x().sum(1).min().item());
        assertEquals(0.5f, g.edgeWeight().toFloatArray()[1], 0f);     // edge 0 -> 2, s = 2
        Tensor y = new GCNConv(OpType.count(), 5).forward(g.x(), g.edgeIndex(), g.edgeWeight());
        assertArrayEquals(new int[] {a.numNodes(), 5}, y.shape());
    }

    @Test
    void badInputsAreNamed() {
        Generator g = new Generator(3);
        String m1 = assertThrows(IllegalArgumentException.class, () -> ArchGraph.of(new Sequential(new Linear(2, 2, true, g), new Dropout(0.5))))
                .getMessage();
        assertTrue(m1.contains("layer 1") && m1.contains("Dropout"), m1);
        String m2 = assertThrows(IllegalArgumentException.class, () -> ArchSpec.of(new Linear(2, 2, true, g))).getMessage();
        assertTrue(m2.contains("only a Sequential") && m2.contains("Linear"), m2);
        String m3 = assertThrows(IllegalArgumentException.class, () -> ArchSpec.of(new Sequential(new Conv2d(Conv2d.options(1, 1, 3).dilation(2)))))
                .getMessage();
        assertTrue(m3.contains("dilation 1"), m3);
        List<ArchNode> n = List.of(ArchNode.op(OpType.INPUT, -1), ArchNode.op(OpType.RELU, 0), ArchNode.op(OpType.OUTPUT, -1));
        String m4 = assertThrows(IllegalArgumentException.class, () -> new ArchGraph(n, new int[] {1}, new int[] {0})).getMessage();
        assertTrue(m4.contains("edge 0 (1 -> 0)"), m4);
        String m5 = assertThrows(IllegalArgumentException.class, () -> new ArchGraph(List.of(n.get(1), n.get(0), n.get(2)), new int[0], new int[0]))
                .getMessage();
        assertTrue(m5.contains("node 0 is relu"), m5);
        String m6 = assertThrows(IllegalArgumentException.class, () -> new ArchGraph(n, new int[] {0, 1, 0}, new int[] {1, 2, 2}).toSpec())
                .getMessage();
        assertTrue(m6.contains("only a chain"), m6);
        List<ArchNode> loose = List.of(ArchNode.op(OpType.INPUT, -1), new ArchNode(OpType.BIAS, 0, "0.bias", new int[] {2}, null),
                ArchNode.op(OpType.OUTPUT, -1));
        String m7 = assertThrows(IllegalArgumentException.class, () -> new ArchGraph(loose, new int[] {0, 1}, new int[] {1, 2}).toSpec())
                .getMessage();
        assertTrue(m7.contains("node 1") && m7.contains("must follow"), m7);
        assertThrows(IllegalArgumentException.class, () -> new ArchNode(OpType.LINEAR, 0, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> ArchSpec.mlp(false, 4, new int[] {3}, 2, OpType.LINEAR));
        assertThrows(IllegalArgumentException.class, () -> ArchSpec.mlp(false, 4, new int[0], 2, OpType.RELU).graph().virtualEdges(0));
    }
}
