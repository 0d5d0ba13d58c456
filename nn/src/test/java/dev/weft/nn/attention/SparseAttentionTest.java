package dev.weft.nn.attention;

import dev.weft.autograd.Gradcheck;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Attention with a sparse normalization (sparsemax, 1.5-entmax): the default stays softmax bit for bit,
 * the sparse maps give exact zeros, respect masks (a fully masked row is zero, not NaN), match the
 * composition by hand, and gradcheck in F64 through scaledDotProductAttention and MultiheadAttention.
 */
class SparseAttentionTest {
    private static Tensor rand(long seed, int... shape) {
        return Tensor.randn(new Generator(seed), DType.F64, shape);
    }

    @Test
    void defaultIsSoftmaxBitForBit() {
        Tensor q = rand(1, 2, 3, 4), k = rand(2, 2, 5, 4), v = rand(3, 2, 5, 3);
        Tensor plain = Attention.scaledDotProductAttention(q, k, v, null, 0.0, true, 0.5, null);
        Tensor named = Attention.scaledDotProductAttention(q, k, v, null, 0.0, true, 0.5, AttentionNormalization.SOFTMAX, null);
        assertArrayEquals(plain.toDoubleArray(), named.toDoubleArray(), 0.0);
        MultiheadAttention a = new MultiheadAttention(MultiheadAttention.options(4, 2).batchFirst(true).generator(new Generator(9)));
        MultiheadAttention b = new MultiheadAttention(MultiheadAttention.options(4, 2).batchFirst(true).generator(new Generator(9))
                .normalization(AttentionNormalization.SOFTMAX));
        Tensor x = rand(4, 2, 3, 4).to(DType.F32);
        assertArrayEquals(a.forward(x).toFloatArray(), b.forward(x).toFloatArray(), 0f);
        assertEquals(AttentionNormalization.SOFTMAX, new MultiheadAttention(4, 2).normalization());
        assertEquals("MultiheadAttention(embedDim=4, numHeads=2, batchFirst=true)", a.label());
        assertEquals("MultiheadAttention(embedDim=4, numHeads=2, normalization=entmax15)",
                new MultiheadAttention(MultiheadAttention.options(4, 2).normalization(AttentionNormalization.ENTMAX15)).label());
        assertEquals(AttentionNormalization.SPARSEMAX, AttentionNormalization.of("sparsemax"));
        assertThrows(IllegalArgumentException.class, () -> AttentionNormalization.of("sparsemx"));
    }

    @Test
    void sparseMapsMatchTheCompositionAndGiveExactZeros() {
        Tensor q = rand(5, 2, 4, 3).mul(3), k = rand(6, 2, 7, 3), v = rand(7, 2, 7, 2);
        for (AttentionNormalization n : new AttentionNormalization[] {AttentionNormalization.SPARSEMAX, AttentionNormalization.ENTMAX15}) {
            Tensor scores = q.matmul(k.transpose(-2, -1)).mul(0.5);
            Tensor w = n == AttentionNormalization.SPARSEMAX ? F.sparsemax(scores, -1) : F.entmax15(scores, -1);
            Tensor got = Attention.scaledDotProductAttention(q, k, v, null, 0.0, false, 0.5, n, null);
            assertTrue(got.allclose(w.matmul(v), 0, 1e-14), n.toString());
            assertTrue(w.eq(0.0).any().item() != 0, n + ": some keys get weight exactly 0");
        }
    }

    @Test
    void masksAreRespectedAndAFullyMaskedRowIsZero() {
        Tensor q = rand(8, 3, 2), k = rand(9, 4, 2), v = rand(10, 4, 2);
        Tensor allowed = Tensor.of(new boolean[][] {
                {true, false, true, true}, {false, false, false, false}, {false, false, true, false}});
        for (AttentionNormalization n : new AttentionNormalization[] {AttentionNormalization.SPARSEMAX, AttentionNormalization.ENTMAX15}) {
            MultiheadAttention m = new MultiheadAttention(MultiheadAttention.options(2, 1).batchFirst(true)
                    .generator(new Generator(3)).normalization(n));
            m.to(DType.F64);
            Tensor out = Attention.scaledDotProductAttention(q, k, v, allowed, 0.0, false, 1.0, n, null);
            double[] o = out.toDoubleArray();
            for (double e : o) assertTrue(Double.isFinite(e), n + ": finite");
            assertEquals(0, o[2]);
            assertEquals(0, o[3]);
            // row 3 may only attend to key 2: its output is v[2]
            assertEquals(v.toDoubleArray()[4], o[4], 1e-15);
            assertEquals(v.toDoubleArray()[5], o[5], 1e-15);
            Tensor kpm = Tensor.of(new boolean[][] {{false, true, false, false}});
            AttentionOutput r = m.forward(q.unsqueeze(0), k.unsqueeze(0), v.unsqueeze(0), kpm, null, true, true, false);
            double[] w = r.weights().toDoubleArray();     // (1, 3, 4)
            for (int i = 0; i < 3; i++) {
                assertEquals(0, w[i * 4 + 1], n + ": padded key");
                assertEquals(1, w[i * 4] + w[i * 4 + 2] + w[i * 4 + 3], 1e-12);
            }
        }
    }

    @Test
    void gradcheckSparseAttention() {
        Tensor q = rand(11, 2, 3, 4).requiresGrad(true), k = rand(12, 2, 5, 4).requiresGrad(true), v = rand(13, 2, 5, 3).requiresGrad(true);
        Tensor allowed = Tensor.of(new boolean[][] {
                {true, true, false, true, true}, {false, false, false, false, false}, {true, false, true, false, true}});
        for (AttentionNormalization n : new AttentionNormalization[] {AttentionNormalization.SPARSEMAX, AttentionNormalization.ENTMAX15}) {
            assertTrue(Gradcheck.gradcheck("sdpa " + n, x -> Attention.scaledDotProductAttention(x[0], x[1], x[2], null, 0.0, false,
                    1.5, n, null), q, k, v));
            assertTrue(Gradcheck.gradcheck("sdpa " + n + " masked", x -> Attention.scaledDotProductAttention(x[0], x[1], x[2],
                    allowed, 0.0, true, 1.5, n, null), q, k, v));
        }
        MultiheadAttention m = new MultiheadAttention(MultiheadAttention.options(4, 2).batchFirst(true).generator(new Generator(14))
                .normalization(AttentionNormalization.ENTMAX15));
        m.to(DType.F64);
        Tensor x = rand(15, 2, 3, 4).mul(2).requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("MHA entmax15 self-attention", a -> m.forward(a[0]), x));
    }
}
