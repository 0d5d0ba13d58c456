package dev.weft.nn.attention;

import dev.weft.nn.layers.LayerNorm;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.weft.nn.rnn.SeqGolden.check;
import static dev.weft.nn.rnn.SeqGolden.input;
import static dev.weft.nn.rnn.SeqGolden.load;
import static dev.weft.nn.rnn.SeqGolden.mask;
import static dev.weft.nn.rnn.SeqGolden.stateDict;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Attention modules against PyTorch 1.13 in F64 (golden/seq_golden.txt): weights loaded by PyTorch
 * names, outputs, attention weights and gradients within 1e-8; state-dict keys in PyTorch's order.
 */
class AttentionGoldenTest {
    private static Map<String, Tensor> leaves(String caseName, String... names) {
        Map<String, Tensor> c = load(caseName);
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (String n : names) m.put(n, input(c, n));
        return m;
    }

    private static void assertSameKeys(String caseName, dev.weft.nn.Module m) {
        assertEquals(new ArrayList<>(stateDict(load(caseName)).keySet()), new ArrayList<>(m.stateDict().keySet()));
    }

    @Test
    void mhaWithKeyPaddingAndCausalMasks() {
        MultiheadAttention mha = new MultiheadAttention(MultiheadAttention.options(8, 2).batchFirst(true)
                .generator(new Generator(1)));
        assertSameKeys("mha_masks", mha);
        Map<String, Tensor> c = load("mha_masks");
        Tensor kpm = mask(c, "kpm"), causal = mask(c, "causal");
        check("mha_masks", mha, leaves("mha_masks", "q", "k", "v"), in -> {
            AttentionOutput o = mha.forward(in.get("q"), in.get("k"), in.get("v"), kpm, causal, true, true, false);
            return Map.of("output", o.output(), "weights", o.weights());
        });
    }

    @Test
    void mhaIsCausalEqualsTheExplicitCausalMask() {
        MultiheadAttention mha = new MultiheadAttention(MultiheadAttention.options(8, 2).batchFirst(true)
                .generator(new Generator(1)));
        Map<String, Tensor> c = load("mha_masks");
        Tensor kpm = mask(c, "kpm");
        check("mha_masks", mha, leaves("mha_masks", "q", "k", "v"), in -> {
            AttentionOutput o = mha.forward(in.get("q"), in.get("k"), in.get("v"), kpm, null, true, true, true);
            return Map.of("output", o.output(), "weights", o.weights());
        });
    }

    @Test
    void mhaWithKdimVdimFloatMaskAndPerHeadWeights() {
        MultiheadAttention mha = new MultiheadAttention(MultiheadAttention.options(6, 3).kdim(5).vdim(4)
                .generator(new Generator(2)));
        assertSameKeys("mha_kdim", mha);
        Tensor am = load("mha_kdim").get("input.mask");
        check("mha_kdim", mha, leaves("mha_kdim", "q", "k", "v"), in -> {
            AttentionOutput o = mha.forward(in.get("q"), in.get("k"), in.get("v"), null, am, true, false, false);
            return Map.of("output", o.output(), "weights", o.weights());
        });
    }

    private static void encoderLayer(String caseName, boolean normFirst, Activation activation) {
        TransformerEncoderLayer layer = new TransformerEncoderLayer(TransformerEncoderLayer.options(8, 2)
                .dimFeedforward(16).activation(activation).batchFirst(true).normFirst(normFirst)
                .generator(new Generator(3)));
        layer.eval();
        assertSameKeys(caseName, layer);
        Map<String, Tensor> c = load(caseName);
        Tensor kpm = mask(c, "kpm"), causal = mask(c, "causal");
        check(caseName, layer, leaves(caseName, "x"),
                in -> Map.of("output", layer.forward(in.get("x"), causal, kpm, false)));
    }

    @Test
    void encoderLayerPostNormReluEval() {
        encoderLayer("encoder_layer_post_norm", false, Activation.RELU);
    }

    @Test
    void encoderLayerNormFirstGeluEval() {
        encoderLayer("encoder_layer_norm_first", true, Activation.GELU);
    }

    @Test
    void twoLayerEncoderWithFinalNorm() {
        TransformerEncoder enc = new TransformerEncoder(
                i -> new TransformerEncoderLayer(TransformerEncoderLayer.options(8, 4).dimFeedforward(12).dropout(0.0)
                        .generator(new Generator(10 + i))),
                2, new LayerNorm(8));
        enc.eval();
        assertSameKeys("encoder", enc);
        check("encoder", enc, leaves("encoder", "x"), in -> Map.of("output", enc.forward(in.get("x"))));
    }
}
