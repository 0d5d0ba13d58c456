package dev.weft.nn.attention;

import dev.weft.autograd.Autograd;
import dev.weft.nn.layers.Embedding;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sinusoidal table values (section 3.5 of the Transformer paper), layouts, buffers and the learned encoding. */
class PositionalEncodingTest {
    @Test
    void sinusoidalTableFollowsThePaper() {
        int d = 6;
        Tensor pe = SinusoidalPositionalEncoding.table(50, d).to(DType.F64);
        for (int pos : new int[] {0, 1, 7, 49}) {
            for (int i = 0; i < d / 2; i++) {
                double angle = pos / Math.pow(10000, 2.0 * i / d);
                assertEquals(Math.sin(angle), pe.get(pos, 2 * i), 1e-6);
                assertEquals(Math.cos(angle), pe.get(pos, 2 * i + 1), 1e-6);
            }
        }
        // odd width: the last column is a sine
        Tensor odd = SinusoidalPositionalEncoding.table(4, 5).to(DType.F64);
        assertEquals(Math.sin(3 / Math.pow(10000, 4.0 / 5)), odd.get(3, 4), 1e-6);
    }

    @Test
    void sinusoidalAddsTheTableInEveryLayoutAndIsNotSaved() {
        SinusoidalPositionalEncoding tm = new SinusoidalPositionalEncoding(SinusoidalPositionalEncoding.options(4)
                .maxLen(10).dropout(0.0).generator(new Generator(1)));
        SinusoidalPositionalEncoding bf = new SinusoidalPositionalEncoding(SinusoidalPositionalEncoding.options(4)
                .maxLen(10).dropout(0.0).batchFirst(true).generator(new Generator(1)));
        assertEquals(Map.of(), tm.stateDict());
        assertEquals(List.of("pe"), List.copyOf(tm.namedBuffers().keySet()));
        Tensor x = Tensor.zeros(3, 2, 4);
        Tensor table = SinusoidalPositionalEncoding.table(3, 4);
        assertArrayEquals(table.toFloatArray(), tm.forward(x).select(1, 1).contiguous().toFloatArray());
        assertArrayEquals(table.toFloatArray(), bf.forward(x.transpose(0, 1)).select(0, 1).contiguous().toFloatArray());
        assertArrayEquals(table.toFloatArray(), tm.forward(Tensor.zeros(3, 4)).toFloatArray());
        var e = assertThrows(IllegalArgumentException.class, () -> tm.forward(Tensor.zeros(11, 2, 4)));
        assertEquals("SinusoidalPositionalEncoding(dModel=4): input (11, 2, 4): sequence length 11 > maxLen 10", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tm.forward(Tensor.zeros(3, 2, 5)));
        assertTrue(e.getMessage().startsWith("SinusoidalPositionalEncoding(dModel=4): input (3, 2, 5): expected"), e.getMessage());
    }

    @Test
    void sinusoidalDropoutOnlyInTraining() {
        SinusoidalPositionalEncoding pe = new SinusoidalPositionalEncoding(8);
        Tensor x = Tensor.ones(20, 2, 8);
        pe.eval();
        assertTrue(pe.forward(x).equal(x.add(SinusoidalPositionalEncoding.table(20, 8).unsqueeze(1))));
        pe.train();
        assertFalse(pe.forward(x).equal(x.add(SinusoidalPositionalEncoding.table(20, 8).unsqueeze(1))));
    }

    @Test
    void learnedEncodingLoadsAnEmbeddingAndTrainsOnlyTheRowsUsed() {
        LearnedPositionalEncoding pe = new LearnedPositionalEncoding(LearnedPositionalEncoding.options(6, 3)
                .dropout(0.0).batchFirst(true).generator(new Generator(2)));
        assertEquals(List.of("weight"), List.copyOf(pe.stateDict().keySet()));
        Embedding emb = new Embedding(Embedding.options(6, 3).generator(new Generator(3)));
        pe.loadStateDict(emb.stateDict());
        Tensor w = pe.namedParameters().get("weight");
        assertTrue(w.equal(emb.namedParameters().get("weight")));
        Tensor x = Tensor.zeros(2, 4, 3);
        Tensor y = pe.forward(x);
        assertTrue(y.select(0, 1).equal(w.narrow(0, 0, 4)));
        Autograd.backward(y.sum());
        assertArrayEquals(new float[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0}, w.grad().toFloatArray());
        var e = assertThrows(IllegalArgumentException.class, () -> pe.forward(Tensor.zeros(2, 7, 3)));
        assertTrue(e.getMessage().endsWith("sequence length 7 > maxLen 6"), e.getMessage());
    }
}
