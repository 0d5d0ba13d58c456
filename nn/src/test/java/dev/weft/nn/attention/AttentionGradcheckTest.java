package dev.weft.nn.attention;

import dev.weft.autograd.Gradcheck;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Module;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * F64 gradchecks of scaled dot-product attention (bool, float and causal masks, a fully masked row)
 * and of MultiheadAttention / TransformerEncoderLayer w.r.t. inputs and parameters bound through
 * FunctionalCall.
 */
class AttentionGradcheckTest {
    private static Tensor rand(long seed, int... shape) {
        return Tensor.randn(new Generator(seed), DType.F64, shape).requiresGrad(true);
    }

    private static void check(String name, Module m, Tensor[] leading, String[] params, Function<Tensor[], Tensor[]> run) {
        m.to(DType.F64);
        Tensor[] all = new Tensor[leading.length + params.length];
        System.arraycopy(leading, 0, all, 0, leading.length);
        for (int i = 0; i < params.length; i++) {
            all[leading.length + i] = m.namedParameters().get(params[i]).detach().clone().requiresGrad(true);
        }
        assertTrue(Gradcheck.gradcheckOutputs(name, xs -> {
            Map<String, Tensor> bound = new LinkedHashMap<>();
            for (int i = 0; i < params.length; i++) bound.put(params[i], xs[leading.length + i]);
            return FunctionalCall.call(m, bound, mod -> run.apply(xs));
        }, Gradcheck.Tolerance.DEFAULT, all));
    }

    @Test
    void sdpaWithBoolFloatAndCausalMasks() {
        Tensor q = rand(1, 2, 3, 4), k = rand(2, 2, 5, 4), v = rand(3, 2, 5, 3);
        Tensor allowed = Tensor.of(new boolean[][] {
                {true, true, false, true, true}, {false, true, true, true, false}, {true, false, false, false, true}});
        Tensor additive = Tensor.randn(new Generator(4), DType.F64, 3, 5);
        assertTrue(Gradcheck.gradcheck("sdpa bool mask",
                x -> Attention.scaledDotProductAttention(x[0], x[1], x[2], allowed, 0.0, false, null), q, k, v));
        assertTrue(Gradcheck.gradcheck("sdpa float mask + causal",
                x -> Attention.scaledDotProductAttention(x[0], x[1], x[2], additive, 0.0, true, null), q, k, v));
    }

    @Test
    void sdpaWithAFullyMaskedRowHasFiniteGradients() {
        Tensor q = rand(5, 3, 2), k = rand(6, 4, 2), v = rand(7, 4, 2);
        Tensor allowed = Tensor.of(new boolean[][] {
                {true, false, true, true}, {false, false, false, false}, {false, false, true, false}});
        assertTrue(Gradcheck.gradcheck("sdpa fully masked row",
                x -> Attention.scaledDotProductAttention(x[0], x[1], x[2], allowed, 0.0, false, null), q, k, v));
    }

    @Test
    void sdpaWithDropoutUnderAFixedGenerator() {
        Tensor q = rand(8, 3, 2), k = rand(9, 4, 2), v = rand(10, 4, 2);
        assertTrue(Gradcheck.gradcheck("sdpa dropout 0.3",
                x -> Attention.scaledDotProductAttention(x[0], x[1], x[2], null, 0.3, false, new Generator(5)), q, k, v));
    }

    @Test
    void mhaCrossAttentionWithMasks() {
        MultiheadAttention mha = new MultiheadAttention(MultiheadAttention.options(4, 2).batchFirst(true)
                .generator(new Generator(11)));
        Tensor kpm = Tensor.of(new boolean[][] {{false, false, true}, {false, false, false}});
        check("MHA cross, kpm + causal", mha, new Tensor[] {rand(12, 2, 2, 4), rand(13, 2, 3, 4), rand(14, 2, 3, 4)},
                new String[] {"in_proj_bias", "out_proj.weight"}, x -> {
                    AttentionOutput o = mha.forward(x[0], x[1], x[2], kpm, null, true, false, true);
                    return new Tensor[] {o.output(), o.weights()};
                });
    }

    @Test
    void mhaSelfAttentionPackedPathAndKdimVdim() {
        MultiheadAttention mha = new MultiheadAttention(MultiheadAttention.options(4, 2).generator(new Generator(15)));
        check("MHA self (packed in-projection)", mha, new Tensor[] {rand(16, 3, 2, 4)},
                new String[] {"in_proj_weight", "out_proj.bias"}, x -> {
                    AttentionOutput o = mha.forward(x[0], x[0], x[0]);
                    return new Tensor[] {o.output(), o.weights()};
                });
        MultiheadAttention kv = new MultiheadAttention(MultiheadAttention.options(4, 1).bias(false).kdim(3).vdim(2)
                .generator(new Generator(17)));
        check("MHA kdim=3 vdim=2, no bias", kv, new Tensor[] {rand(18, 2, 4), rand(19, 3, 3), rand(20, 3, 2)},
                new String[] {"k_proj_weight", "v_proj_weight"}, x -> new Tensor[] {kv.forward(x[0], x[1], x[2]).output()});
    }

    @Test
    void encoderLayersPostAndPreNorm() {
        for (boolean normFirst : new boolean[] {false, true}) {
            TransformerEncoderLayer layer = new TransformerEncoderLayer(TransformerEncoderLayer.options(4, 2)
                    .dimFeedforward(6).dropout(0.0).activation(normFirst ? Activation.GELU : Activation.RELU)
                    .batchFirst(true).normFirst(normFirst).generator(new Generator(21)));
            check("TransformerEncoderLayer normFirst=" + normFirst, layer, new Tensor[] {rand(22, 1, 3, 4)},
                    new String[] {"linear1.weight", "norm1.weight", "self_attn.in_proj_weight"},
                    x -> new Tensor[] {layer.forward(x[0], null, null, true)});
        }
    }
}
