package dev.weft.nn.attention;

import dev.weft.autograd.Autograd;
import dev.weft.nn.layers.LayerNorm;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mask conventions, fully masked rows, layouts, shapes and error messages of the attention modules. */
class AttentionTest {
    private static Tensor randn(long seed, int... shape) {
        return Tensor.randn(new Generator(seed), DType.F64, shape);
    }

    private static void assertSameValues(Tensor a, Tensor b) {
        assertArrayEquals(a.shape(), b.shape());
        assertArrayEquals(a.detach().contiguous().toDoubleArray(), b.detach().contiguous().toDoubleArray(), 1e-12);
    }

    private static MultiheadAttention mha(boolean batchFirst, long seed) {
        return (MultiheadAttention) new MultiheadAttention(MultiheadAttention.options(8, 2).batchFirst(batchFirst)
                .generator(new Generator(seed)))
                .to(DType.F64);
    }

    @Test
    void sdpaMatchesItsFormula() {
        Tensor q = randn(1, 3, 4), k = randn(2, 5, 4), v = randn(3, 5, 2);
        Tensor want = q.matmul(k.t()).div(2.0).softmax(-1).matmul(v);
        assertSameValues(want, Attention.scaledDotProductAttention(q, k, v, null, 0.0, false, null));
        assertSameValues(q.matmul(k.t()).mul(0.7).softmax(-1).matmul(v),
                Attention.scaledDotProductAttention(q, k, v, null, 0.0, false, 0.7, null));
    }

    @Test
    void sdpaBoolMaskIsTrueWhereAllowedAndEqualsTheFloatMask() {
        Tensor q = randn(4, 2, 3, 4), k = randn(5, 2, 5, 4), v = randn(6, 2, 5, 2);
        Tensor allowed = Tensor.rand(new Generator(7), 3, 5).gt(0.3).logicalOr(Tensor.eye(3, 5, DType.BOOL));
        Tensor additive = Tensor.zeros(DType.F64, 3, 5).maskedFill(allowed.logicalNot(), Double.NEGATIVE_INFINITY);
        assertSameValues(Attention.scaledDotProductAttention(q, k, v, additive, 0.0, false, null),
                Attention.scaledDotProductAttention(q, k, v, allowed, 0.0, false, null));
        // causal = allowed only where key j <= query i (top-left aligned)
        Tensor tril = Tensor.ones(DType.BOOL, 3, 5).tril();
        assertSameValues(Attention.scaledDotProductAttention(q, k, v, tril, 0.0, false, null),
                Attention.scaledDotProductAttention(q, k, v, null, 0.0, true, null));
        assertSameValues(Tensor.zeros(3, 3).maskedFill(Attention.causalMask(3, 3), Double.NEGATIVE_INFINITY),
                Attention.generateSquareSubsequentMask(3));
    }

    @Test
    void fullyMaskedRowsGiveZerosNotNaN() {
        Tensor q = randn(8, 3, 4).requiresGrad(true), k = randn(9, 4, 4), v = randn(10, 4, 2);
        Tensor allowed = Tensor.of(new boolean[][] {
                {true, true, false, false}, {false, false, false, false}, {true, true, true, true}});
        Tensor out = Attention.scaledDotProductAttention(q, k, v, allowed, 0.0, false, null);
        assertArrayEquals(new double[] {0, 0}, out.select(0, 1).toDoubleArray());
        Tensor rows02 = Attention.scaledDotProductAttention(q.detach().indexSelect(0, Tensor.of(0L, 2L)), k, v,
                allowed.indexSelect(0, Tensor.of(0L, 2L)), 0.0, false, null);
        assertSameValues(rows02, out.detach().indexSelect(0, Tensor.of(0L, 2L)));
        Autograd.backward(out.sum());
        for (double g : q.grad().toDoubleArray()) assertTrue(Double.isFinite(g));
        assertArrayEquals(new double[4], q.grad().select(0, 1).toDoubleArray());

        // MHA: batch 1 pads every key; its outputs are out_proj's bias, its weights zero
        MultiheadAttention m = mha(true, 11);
        Tensor kpm = Tensor.of(new boolean[][] {{false, false, true}, {true, true, true}});
        Tensor x = randn(12, 2, 3, 8);
        AttentionOutput o = m.forward(x, x, x, kpm, null, true, true, false);
        for (double w : o.weights().select(0, 1).contiguous().toDoubleArray()) assertEquals(0.0, w);
        Tensor bias = m.namedParameters().get("out_proj.bias");
        for (int t = 0; t < 3; t++) assertSameValues(bias, o.output().select(0, 1).select(0, t));
        for (double y : o.output().select(0, 0).contiguous().toDoubleArray()) assertTrue(Double.isFinite(y));
    }

    @Test
    void sdpaDropoutIsSeededAndInverted() {
        Tensor q = randn(13, 6, 4), k = randn(14, 6, 4), v = Tensor.eye(6, 6, DType.F64);
        Tensor a = Attention.scaledDotProductAttention(q, k, v, null, 0.5, false, new Generator(1));
        Tensor b = Attention.scaledDotProductAttention(q, k, v, null, 0.5, false, new Generator(1));
        assertSameValues(a, b);
        // v = I exposes the weights: every one is 0 or 2x the undropped weight
        Tensor full = Attention.scaledDotProductAttention(q, k, v, null, 0.0, false, null);
        double[] wa = a.toDoubleArray(), wf = full.toDoubleArray();
        int zeros = 0;
        for (int i = 0; i < wa.length; i++) {
            if (wa[i] == 0) zeros++;
            else assertEquals(2 * wf[i], wa[i], 1e-12);
        }
        assertTrue(zeros > 5 && zeros < 31, "dropped " + zeros + " of 36");
    }

    @Test
    void mhaLayoutsAgree() {
        MultiheadAttention bf = mha(true, 20), tm = mha(false, 20);
        Tensor q = randn(21, 2, 3, 8), k = randn(22, 2, 5, 8), v = randn(23, 2, 5, 8);
        AttentionOutput a = bf.forward(q, k, v);
        AttentionOutput b = tm.forward(q.transpose(0, 1), k.transpose(0, 1), v.transpose(0, 1));
        assertSameValues(a.output(), b.output().transpose(0, 1));
        assertSameValues(a.weights(), b.weights());
        assertArrayEquals(new int[] {2, 3, 5}, a.weights().shape());
        AttentionOutput u = bf.forward(q.select(0, 1), k.select(0, 1), v.select(0, 1));
        assertSameValues(a.output().select(0, 1), u.output());
        assertSameValues(a.weights().select(0, 1), u.weights());
        AttentionOutput perHead = bf.forward(q, k, v, null, null, true, false, false);
        assertArrayEquals(new int[] {2, 2, 3, 5}, perHead.weights().shape());
        assertSameValues(a.weights(), perHead.weights().mean(1));
        assertNull(bf.forward(q, k, v, null, null, false, true, false).weights());
    }

    @Test
    void mhaPackedSelfAttentionEqualsSeparateProjections() {
        MultiheadAttention m = mha(true, 24);
        Tensor x = randn(25, 2, 4, 8);
        assertSameValues(m.forward(x, x, x).output(), m.forward(x, x.clone(), x.clone()).output());
        assertSameValues(m.forward(x), m.forward(x, x.clone(), x.clone()).output());
    }

    @Test
    void mhaMasksCombine() {
        MultiheadAttention m = mha(true, 26);
        Tensor x = randn(27, 2, 4, 8);
        Tensor kpm = Tensor.of(new boolean[][] {{false, false, false, true}, {false, true, false, false}});
        Tensor causal = Attention.causalMask(4, 4);
        Tensor floatKpm = Tensor.zeros(DType.F64, 2, 4).maskedFill(kpm, Double.NEGATIVE_INFINITY);
        Tensor floatCausal = Attention.generateSquareSubsequentMask(4).to(DType.F64);
        Tensor want = m.forward(x, x, x, kpm, causal, true, true, false).output();
        assertSameValues(want, m.forward(x, x, x, floatKpm, floatCausal, true, true, false).output());
        assertSameValues(want, m.forward(x, x, x, kpm, null, true, true, true).output());
        // a (B*H, L, S) mask repeating the causal one per batch and head
        Tensor perHead = causal.unsqueeze(0).expand(4, 4, 4).contiguous();
        assertSameValues(want, m.forward(x, x, x, kpm, perHead, true, true, false).output());
    }

    @Test
    void mhaStateDictAndInit() {
        MultiheadAttention m = new MultiheadAttention(8, 2);
        assertEquals(List.of("in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"),
                List.copyOf(m.stateDict().keySet()));
        assertArrayEquals(new int[] {24, 8}, m.stateDict().get("in_proj_weight").shape());
        double bound = Math.sqrt(6.0 / (8 + 24));   // xavier uniform over the packed (3E, E)
        for (double w : m.stateDict().get("in_proj_weight").to(DType.F64).toDoubleArray()) {
            assertTrue(Math.abs(w) <= bound);
        }
        assertEquals(0.0, m.stateDict().get("in_proj_bias").abs().sum().item());
        assertEquals(0.0, m.stateDict().get("out_proj.bias").abs().sum().item());
        MultiheadAttention kv = new MultiheadAttention(MultiheadAttention.options(6, 3).bias(false).kdim(5).vdim(4)
                .generator(new Generator(1)));
        assertEquals(List.of("q_proj_weight", "k_proj_weight", "v_proj_weight", "out_proj.weight"),
                List.copyOf(kv.stateDict().keySet()));
        assertEquals("MultiheadAttention(\n  embedDim=6, numHeads=3, bias=false, kdim=5, vdim=4\n"
                + "  (out_proj): Linear(in=6, out=6, bias=false)\n)", kv.toString());
    }

    @Test
    void mhaErrorsNameTheModuleAndShapes() {
        MultiheadAttention m = mha(true, 28);
        Tensor x = randn(29, 2, 4, 8);
        var e = assertThrows(IllegalArgumentException.class, () -> m.forward(randn(1, 2, 4, 7), x, x));
        assertEquals("MultiheadAttention(embedDim=8, numHeads=2, batchFirst=true): query (2, 4, 7): last dim 7 != embedDim 8",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> m.forward(x, x, x, Tensor.zeros(DType.BOOL, 2, 3), null, true, true, false));
        assertTrue(e.getMessage().endsWith("keyPaddingMask (2, 3): expected (2, 4) = (B, S)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> m.forward(x, x, x, null, Tensor.zeros(DType.BOOL, 4, 3), true, true, false));
        assertTrue(e.getMessage().endsWith("attnMask (4, 3): expected (4, 4) = (L, S) or (4, 4, 4) = (B*H, L, S)"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.forward(x, randn(2, 3, 4, 8), randn(3, 3, 4, 8)));
        assertTrue(e.getMessage().contains("key and value must have the query's batch size"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.forward(x, x.select(0, 0), x));
        assertTrue(e.getMessage().contains("expected all 3-d (batched) or all 2-d (unbatched)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MultiheadAttention(10, 3));
        assertEquals("MultiheadAttention: embedDim 10 must be divisible by numHeads 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Attention.scaledDotProductAttention(randn(1, 3, 4), randn(2, 5, 3), randn(3, 5, 2), null, 0, false, null));
        assertTrue(e.getMessage().startsWith("scaledDotProductAttention: q (3, 4), k (5, 3), v (5, 2)"), e.getMessage());
    }

    @Test
    void encoderLayerTrainEvalAndCausalFlag() {
        TransformerEncoderLayer layer = (TransformerEncoderLayer) new TransformerEncoderLayer(TransformerEncoderLayer.options(8, 2).dimFeedforward(16).dropout(0.3).batchFirst(true).generator(new Generator(30))).to(DType.F64);
        Tensor x = randn(31, 2, 5, 8);
        layer.eval();
        assertSameValues(layer.forward(x), layer.forward(x));
        assertSameValues(layer.forward(x, Attention.causalMask(5, 5), null, false), layer.forward(x, null, null, true));
        Tensor evalOut = layer.forward(x);
        layer.train();
        assertFalse(evalOut.allclose(layer.forward(x), 1e-6, 1e-6));
        assertEquals(List.of("self_attn", "linear1", "dropout", "linear2", "norm1", "norm2", "dropout1", "dropout2"),
                List.copyOf(layer.namedChildren().keySet()));
        var e = assertThrows(IllegalArgumentException.class,
                () -> TransformerEncoderLayer.options(8, 2).activation(Activation.of("tanh")));
        assertEquals("Activation.of('tanh'): expected one of 'relu', 'gelu'", e.getMessage());
    }

    @Test
    void encoderFromOneLayerCopiesItsWeights() {
        TransformerEncoderLayer proto = new TransformerEncoderLayer(TransformerEncoderLayer.options(8, 2)
                .dimFeedforward(16).dropout(0.0).activation(Activation.GELU).normFirst(true).generator(new Generator(32)));
        TransformerEncoder enc = new TransformerEncoder(proto, 3, new LayerNorm(8));
        assertEquals(3, enc.numLayers());
        Tensor w0 = enc.namedParameters().get("layers.0.linear1.weight");
        Tensor w2 = enc.namedParameters().get("layers.2.linear1.weight");
        assertNotSame(w0, w2);
        assertTrue(w0.equal(w2) && w0.equal(proto.namedParameters().get("linear1.weight")));
        assertTrue(enc.stateDict().containsKey("norm.bias"));
        enc.to(DType.F64);
        Tensor x = randn(33, 4, 2, 8);
        Tensor want = x;
        for (int i = 0; i < 3; i++) want = enc.layer(i).forward(want);
        want = ((LayerNorm) enc.child("norm")).forward(want);
        assertSameValues(want, enc.forward(x));
        TransformerEncoder noNorm = new TransformerEncoder(i -> new TransformerEncoderLayer(8, 2), 2, null);
        assertFalse(noNorm.stateDict().containsKey("norm.weight"));
        assertFalse(noNorm.namedParameters().get("layers.0.linear1.weight")
                .equal(noNorm.namedParameters().get("layers.1.linear1.weight")));
    }
}
