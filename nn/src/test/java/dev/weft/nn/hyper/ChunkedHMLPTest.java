package dev.weft.nn.hyper;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.GradMode;
import dev.weft.nn.Sequential;
import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.layers.Tanh;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ChunkedHMLPTest {
    private static Sequential mlp(Generator g, int in, int hidden, int out) {
        return new Sequential(new Linear(in, hidden, true, g), new ReLU(), new Linear(hidden, out, true, g));
    }

    @Test
    void chunksReassembleIntoExactlyTheTargetsShapesInElementOrder() {
        Generator g = new Generator(1);
        Sequential target = mlp(g, 3, 4, 2);                      // 12 + 4 + 8 + 2 = 26 elements
        ChunkedHMLP h = new ChunkedHMLP(ChunkedHMLP.options(target, 2, 7).hidden(5).generator(g));
        assertEquals(4, h.numChunks(), "ceil(26 / 7)");
        // chunk k element j is flat element k * 7 + j; the last chunk's 2 extra elements are dropped
        Tensor chunks = Tensor.arange(0, 2 * 4 * 7, 1, DType.F32).reshape(2, 4, 7);
        Tensor flat = h.assemble(chunks);
        assertArrayEquals(new int[] {2, 26}, flat.shape());
        Map<String, Tensor> theta = h.layout().split(flat);
        assertArrayEquals(new int[] {2, 4, 3}, theta.get("0.weight").shape());
        assertArrayEquals(new int[] {2, 4}, theta.get("0.bias").shape());
        assertArrayEquals(new int[] {2, 2, 4}, theta.get("2.weight").shape());
        assertArrayEquals(new int[] {2, 2}, theta.get("2.bias").shape());
        assertEquals(2 * 3 + 1, theta.get("0.weight").get(0, 2, 1), 0);
        assertEquals(28 + 12 + 3, theta.get("0.bias").get(1, 3), 0, "sample 1 starts at its own chunk 0 (element 28)");
        assertEquals(28 + 24 + 1, theta.get("2.bias").get(1, 1), 0, "sample 1's last element skips sample 0's dropped tail");
    }

    @Test
    void theRealGeneratorPathKeepsTheSameOrder() {
        // no hidden layers, head weights 0 and head bias 0..S-1: every chunk is [0, 1, ..., S-1]
        Generator g = new Generator(2);
        Sequential target = mlp(g, 3, 4, 2);
        ChunkedHMLP h = new ChunkedHMLP(ChunkedHMLP.options(target, 2, 5).hidden().generator(g));
        Init.zeros(h.head().weight());
        try (var s = GradMode.noGrad()) {
            h.head().bias().copy_(Tensor.arange(0, 5, 1, DType.F32));
        }
        Map<String, Tensor> theta = h.generate(Tensor.randn(g, 2));
        assertArrayEquals(new int[] {4, 3}, theta.get("0.weight").shape());
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 3; c++) assertEquals((r * 3 + c) % 5, theta.get("0.weight").get(r, c), 0);
        }
        assertEquals((12 + 4 + 8 + 1) % 5, theta.get("2.bias").get(1), 0);
    }

    @Test
    void theGeneratorsSizeDoesNotDependOnTheTargetsForAFixedChunkSize() {
        Generator g = new Generator(3);
        ChunkedHMLP small = new ChunkedHMLP(ChunkedHMLP.options(mlp(g, 3, 4, 2), 8, 64).generator(g));
        ChunkedHMLP large = new ChunkedHMLP(ChunkedHMLP.options(mlp(g, 200, 300, 10), 8, 64).generator(g));
        long smallGen = small.numGeneratorParameters() - (long) small.numChunks() * small.chunkEmbSize();
        long largeGen = large.numGeneratorParameters() - (long) large.numChunks() * large.chunkEmbSize();
        assertEquals(smallGen, largeGen);
        // trunk (8 + 8 -> 100 -> 100) and one head of 64: hypnettorch's defaults
        assertEquals((16 * 100 + 100) + (100 * 100 + 100) + (100 * 64 + 64), largeGen);
        assertEquals((200 * 300 + 300 + 300 * 10 + 10 + 63) / 64, large.numChunks());
        assertTrue(large.layout().numel() > 3 * largeGen, "the target outgrows the generator");
        HMLP full = new HMLP(HMLP.options(mlp(g, 200, 300, 10), 8).generator(g));
        assertTrue(full.numGeneratorParameters() > 10 * large.numGeneratorParameters(), "HMLP's heads grow with the target");
    }

    @Test
    void trainsThroughChunkEmbeddingsAndGradchecks() {
        Generator g = new Generator(4);
        Sequential target = new Sequential(new Linear(2, 3, true, g), new Tanh(), new Linear(3, 1, true, g));
        ChunkedHMLP h = new ChunkedHMLP(ChunkedHMLP.options(target, 2, 4).chunkEmbSize(2).hidden(3).activation(Tanh::new).generator(g));
        h.to(DType.F64);
        Tensor x = Tensor.randn(g, DType.F64, 4, 2), y = Tensor.randn(g, DType.F64, 4, 1);
        Autograd.backward(F.mseLoss(h.forward(Tensor.randn(g, DType.F64, 2), x), y));
        assertNotNull(h.namedParameters().get("chunk_embs").grad());
        HyperChecks.gradcheck("ChunkedHMLP mse", h, Tensor.randn(g, DType.F64, 2), (m, c) -> F.mseLoss(m.forward(c, x), y));
    }

    @Test
    void badOptionsAreNamed() {
        Generator g = new Generator(5);
        var e = assertThrows(IllegalArgumentException.class, () -> new ChunkedHMLP(ChunkedHMLP.options(mlp(g, 2, 2, 1), 2, 0)));
        assertEquals("ChunkedHMLP: chunkSize must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ChunkedHMLP(ChunkedHMLP.options(mlp(g, 2, 2, 1), 2, 4).chunkEmbSize(0)));
        assertEquals("ChunkedHMLP: chunkEmbSize must be >= 1, got 0", e.getMessage());
    }
}
