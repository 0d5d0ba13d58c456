package dev.weft.graph.hyper;

import dev.weft.autograd.Gradcheck;
import dev.weft.graph.arch.ArchGraph;
import dev.weft.graph.arch.ArchSpec;
import dev.weft.graph.arch.LayerSpec;
import dev.weft.graph.arch.MlpSpace;
import dev.weft.graph.arch.OpType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class GhnPartsTest {
    @Test
    void tilingRepeatsWholeBlocksAndSlicesGolden() {
        Tensor w = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor t = ParameterTiling.fit(w, new int[] {3, 5});
        assertArrayEquals(new double[] {1, 2, 3, 1, 2, 4, 5, 6, 4, 5, 1, 2, 3, 1, 2}, t.toDoubleArray());
        assertArrayEquals(new double[] {1, 2}, ParameterTiling.fit(w, new int[] {1, 2}).toDoubleArray());
        // trailing dims dropped at index 0: (2, 3) -> (5) keeps column 0, tiled
        assertArrayEquals(new double[] {1, 4, 1, 4, 1}, ParameterTiling.fit(w, new int[] {5}).toDoubleArray());
        Tensor w4 = Tensor.randn(new Generator(0), DType.F64, 2, 3, 3, 3).requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("ParameterTiling.fit", in -> ParameterTiling.fit(in[0], new int[] {5, 2}).square().sum(), w4));
        String m = assertThrows(IllegalArgumentException.class, () -> ParameterTiling.fit(w, new int[] {1, 2, 3})).getMessage();
        assertTrue(m.contains("(2, 3)") && m.contains("(1, 2, 3)"), m);
    }

    @Test
    void normalizationIsHeFanInWithTheGainTheGraphImplies() {
        ArchGraph a = new ArchSpec(List.of(new LayerSpec.Linear(8, 4, true), new LayerSpec.Activation(OpType.RELU),
                new LayerSpec.Linear(4, 4, false), new LayerSpec.Activation(OpType.TANH), new LayerSpec.Linear(4, 2, true))).graph();
        // nodes: input, linear, bias, relu, linear, tanh, linear, bias, output
        assertEquals(2.0, ParameterNormalization.beta(a, 1));
        assertEquals(1.0, ParameterNormalization.beta(a, 4));
        assertEquals(1.0, ParameterNormalization.beta(a, 6));
        Tensor ones = Tensor.ones(DType.F64, 4, 8);
        assertEquals(Math.sqrt(2.0 / 8), ParameterNormalization.apply(ones, a, 1).get(0, 0), 1e-15);
        assertEquals(Math.sqrt(1.0 / 4), ParameterNormalization.apply(Tensor.ones(DType.F64, 4, 4), a, 4).get(3, 3), 1e-15);
        assertEquals(Math.tanh(0.2 * 3), ParameterNormalization.apply(Tensor.full(3, DType.F64, 4), a, 2).get(1), 1e-15);
        ArchGraph bn = new ArchSpec(List.of(new LayerSpec.Conv2d(1, 2, 3, 1, 1, false), new LayerSpec.BatchNorm2d(2),
                new LayerSpec.Activation(OpType.RELU))).graph();
        assertEquals(2.0, ParameterNormalization.beta(bn, 1), "conv -> bn -> bias -> relu");
        assertEquals(2 / (1 + Math.exp(-0.5)), ParameterNormalization.apply(Tensor.ones(DType.F64, 2), bn, 2).get(0), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> ParameterNormalization.apply(ones, a, 3));
    }

    @Test
    void scheduleVisitsNodesInTopologicalOrderThenReverse() {
        ArchGraph small = ArchSpec.mlp(false, 2, new int[0], 2, OpType.RELU).graph();           // input, linear, bias, output
        ArchGraph big = ArchSpec.mlp(false, 2, new int[] {3}, 2, OpType.RELU).graph();           // 7 nodes
        ArchBatch b = ArchBatch.of(List.of(small, big), 2);
        assertEquals(11, b.numNodes());
        assertEquals(7, b.forwardSteps().size());
        ArchBatch.Step f2 = b.forwardSteps().get(2);
        assertArrayEquals(new long[] {2, 6}, f2.nodes());
        // into node 2: from 1 (s = 1) and 0 (s = 2) in each graph, by source order
        assertArrayEquals(new long[] {0, 1, 4, 5}, f2.source());
        assertArrayEquals(new long[] {0, 0, 1, 1}, f2.slot());
        assertArrayEquals(new int[] {2, 1, 2, 1}, f2.dist());
        ArchBatch.Step f5 = b.forwardSteps().get(5);
        assertArrayEquals(new long[] {9}, f5.nodes());
        ArchBatch.Step back = b.backwardSteps().get(b.backwardSteps().size() - 2);                // p = 1
        assertArrayEquals(new long[] {1, 5}, back.nodes());
        assertArrayEquals(new long[] {2, 3, 6, 7}, back.source());                                 // successors within s <= 2
    }

    @Test
    void gatedGnnOnABatchEqualsEachGraphAloneAndSweepsBothWays() {
        Generator g = new Generator(4);
        GatedGNN gnn = new GatedGNN(6, true, 1, g);
        gnn.to(DType.F64);
        List<ArchGraph> graphs = List.of(ArchSpec.mlp(false, 2, new int[] {3}, 2, OpType.RELU).graph(),
                ArchSpec.mlp(false, 2, new int[] {3, 4, 5}, 2, OpType.TANH).graph());
        ArchBatch both = ArchBatch.of(graphs, 50);
        Tensor x = Tensor.randn(g, DType.F64, both.numNodes(), 6);
        Tensor h = gnn.forward(x, both);
        int n0 = graphs.get(0).numNodes();
        Tensor h0 = gnn.forward(x.narrow(0, 0, n0), ArchBatch.of(graphs.subList(0, 1), 50));
        Tensor h1 = gnn.forward(x.narrow(0, n0, both.numNodes() - n0), ArchBatch.of(graphs.subList(1, 2), 50));
        assertTrue(h.narrow(0, 0, n0).allclose(h0, 1e-12, 1e-12));
        assertTrue(h.narrow(0, n0, both.numNodes() - n0).allclose(h1, 1e-12, 1e-12));
        // the backward sweep carries the output end back to the input: changing the last node's input changes node 0
        Tensor x2 = x.clone();
        Tensor bump = Tensor.zeros(DType.F64, both.numNodes(), 6);
        bump = bump.indexAdd(0, Tensor.of((long) n0 - 1), Tensor.ones(DType.F64, 1, 6));
        Tensor h2 = gnn.forward(x2.add(bump), both);
        assertFalse(h2.select(0, 0).allclose(h.select(0, 0), 1e-12, 1e-12));
        assertTrue(h2.select(0, n0).allclose(h.select(0, n0), 0, 0), "the other graph is untouched");
        Tensor leaf = x.detach().clone().requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("GatedGNN x", in -> gnn.forward(in[0], both).square().sum(), leaf));
        assertThrows(IllegalArgumentException.class, () -> gnn.forward(Tensor.zeros(DType.F64, 3, 6), both));
    }

    @Test
    void shapeBucketsAndTheMlpSpaceAreSeeded() {
        assertEquals(1 + 19, ShapeEncoder.bucket(128));   // SIZES[19] = 128
        assertEquals(ShapeEncoder.bucket(128), ShapeEncoder.bucket(130));
        assertEquals(1, ShapeEncoder.bucket(1));
        MlpSpace space = new MlpSpace(true, 784, 10, 1, 4, new int[] {16, 32, 64, 128}, OpType.RELU);
        Set<Integer> depths = new HashSet<>();
        Generator a = new Generator(5), b = new Generator(5);
        for (int i = 0; i < 60; i++) {
            ArchSpec s = space.sample(a);
            assertEquals(s, space.sample(b));
            int linears = (int) s.layers().stream().filter(l -> l instanceof LayerSpec.Linear).count();
            depths.add(linears - 1);
            assertInstanceOf(LayerSpec.Flatten.class, s.layers().getFirst());
            for (LayerSpec l : s.layers()) {
                if (l instanceof LayerSpec.Linear lin && lin.out() != 10) assertTrue(Set.of(16, 32, 64, 128).contains(lin.out()));
            }
        }
        assertEquals(Set.of(1, 2, 3, 4), depths);
        assertTrue(MlpSpace.name(ArchSpec.mlp(true, 784, new int[] {64, 32}, 10, OpType.RELU)).equals("784-64-32-10"));
        assertThrows(IllegalArgumentException.class, () -> new MlpSpace(false, 2, 2, 3, 1, new int[] {4}, OpType.RELU));
        assertThrows(IllegalArgumentException.class, () -> new MlpSpace(false, 2, 2, 1, 1, new int[0], OpType.RELU));
    }
}
