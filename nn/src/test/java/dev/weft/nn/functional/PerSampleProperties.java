package dev.weft.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.Gradcheck;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.layers.Conv2d;
import dev.weft.nn.layers.Embedding;
import dev.weft.nn.layers.LayerNorm;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Per-sample weights (one leading batch dim on the weight) for the convolutions, the norms and embedding:
 * each equals running the shared-weight op on every sample with its own weight, gradients check in F64,
 * and FunctionalCall runs a module with batched weights.
 */
class PerSampleProperties {
    private static Tensor rn(Generator g, int... s) {
        return Tensor.randn(g, DType.F64, s);
    }

    private static void sampleBySample(Tensor y, int b, java.util.function.IntFunction<Tensor> one) {
        for (int i = 0; i < b; i++) {
            assertTrue(y.select(0, i).allclose(one.apply(i), 1e-12, 1e-12), "sample " + i);
        }
    }

    @Property(tries = 30)
    void conv2dEqualsALoopOfConvs(@ForAll @IntRange(min = 1, max = 3) int b, @ForAll @IntRange(min = 1, max = 2) int groups,
                                  @ForAll @IntRange(min = 1, max = 2) int stride, @ForAll @IntRange(min = 0, max = 1) int pad,
                                  @ForAll boolean bias, @ForAll long seed) {
        Generator g = new Generator(seed);
        int cin = 2 * groups, cout = 2 * groups;
        Tensor x = rn(g, b, cin, 5, 4), w = rn(g, b, cout, cin / groups, 3, 2), bb = bias ? rn(g, b, cout) : null;
        int[] s = {stride}, p = {pad}, d = {1};
        Tensor y = F.conv2d(x, w, bb, s, p, d, groups);
        sampleBySample(y, b, i -> F.conv2d(x.select(0, i).unsqueeze(0), w.select(0, i), bias ? bb.select(0, i) : null, s, p, d, groups)
                .squeeze(0));
    }

    @Property(tries = 20)
    void conv1dEqualsALoopOfConvs(@ForAll @IntRange(min = 1, max = 3) int b, @ForAll boolean bias, @ForAll long seed) {
        Generator g = new Generator(seed);
        Tensor x = rn(g, b, 3, 7), w = rn(g, b, 4, 3, 3), bb = bias ? rn(g, b, 4) : null;
        Tensor y = F.conv1d(x, w, bb, 2, 1, 1, 1);
        sampleBySample(y, b, i -> F.conv1d(x.select(0, i), w.select(0, i), bias ? bb.select(0, i) : null, 2, 1, 1, 1));
    }

    @Property(tries = 20)
    void normsEqualALoopOfNorms(@ForAll @IntRange(min = 1, max = 3) int b, @ForAll long seed) {
        Generator g = new Generator(seed);
        Tensor x = rn(g, b, 4, 3, 2);
        Tensor lw = rn(g, b, 3, 2), lb = rn(g, b, 3, 2), cw = rn(g, b, 4), cb = rn(g, b, 4);
        int[] ns = {3, 2};
        sampleBySample(F.layerNorm(x, ns, lw, lb, 1e-5), b, i -> F.layerNorm(x.select(0, i), ns, lw.select(0, i), lb.select(0, i), 1e-5));
        sampleBySample(F.rmsNorm(x, ns, lw, 1e-6), b, i -> F.rmsNorm(x.select(0, i), ns, lw.select(0, i), 1e-6));
        sampleBySample(F.groupNorm(x, 2, cw, cb, 1e-5), b,
                i -> F.groupNorm(x.select(0, i).unsqueeze(0), 2, cw.select(0, i), cb.select(0, i), 1e-5).squeeze(0));
        // batch norm: the statistics are the batch's; the affine is each sample's own
        Tensor shared = F.batchNorm(x, null, null, null, null, true, 0.1, 1e-5);
        sampleBySample(F.batchNorm(x, null, null, cw, cb, true, 0.1, 1e-5), b,
                i -> shared.select(0, i).mul(cw.select(0, i).reshape(4, 1, 1)).add(cb.select(0, i).reshape(4, 1, 1)));
    }

    @Property(tries = 20)
    void embeddingLooksUpEachSamplesOwnTable(@ForAll @IntRange(min = 1, max = 3) int b, @ForAll long seed) {
        Generator g = new Generator(seed);
        Tensor w = rn(g, b, 5, 3);
        Tensor idx = Tensor.randint(g, 0, 5, b, 2, 3);
        sampleBySample(F.embedding(idx, w, 2), b, i -> F.embedding(idx.select(0, i), w.select(0, i), 2));
    }

    @Test
    void gradientsCheckInF64() {
        Generator g = new Generator(9);
        Tensor x = rn(g, 2, 2, 4, 4).requiresGrad(true), w = rn(g, 2, 3, 2, 3, 3).requiresGrad(true), b = rn(g, 2, 3).requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("per-sample conv2d", v -> F.conv2d(v[0], v[1], v[2], new int[] {1}, new int[] {1}, new int[] {1}, 1),
                x, w, b));
        Tensor lw = rn(g, 2, 4).requiresGrad(true), lb = rn(g, 2, 4).requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("per-sample layer norm", v -> F.layerNorm(v[0], new int[] {4}, v[1], v[2], 1e-5), x, lw, lb));
        Tensor cw = rn(g, 2, 2).requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("per-sample group norm", v -> F.groupNorm(v[0], 1, v[1], null, 1e-5), x, cw));
        Tensor ew = rn(g, 2, 4, 3).requiresGrad(true);
        Tensor idx = Tensor.of(new long[] {0, 3, 3, 1, 2, 0}).reshape(2, 3);
        assertTrue(Gradcheck.gradcheck("per-sample embedding", v -> F.embedding(idx, v[0]), ew));
    }

    @Test
    void functionalCallRunsModulesWithBatchedWeights() {
        Generator g = new Generator(10);
        Module net = new Sequential(new Conv2d(1, 2, 3), new LayerNorm(2, 2, 2)).to(DType.F64);
        Tensor x = rn(g, 3, 1, 4, 4);
        Tensor w = rn(g, 3, 2, 1, 3, 3).requiresGrad(true), lw = rn(g, 3, 2, 2, 2).requiresGrad(true);
        Tensor y = FunctionalCall.call(net, Map.of("0.weight", w, "1.weight", lw), x);
        for (int i = 0; i < 3; i++) {
            int k = i;
            Tensor yi = FunctionalCall.call(net, Map.of("0.weight", w.select(0, k), "1.weight", lw.select(0, k)), x.select(0, k).unsqueeze(0));
            assertTrue(y.select(0, i).allclose(yi.squeeze(0), 1e-12, 1e-12), "sample " + i);
        }
        Autograd.backward(y.sum());
        assertArrayEquals(new int[] {3, 2, 1, 3, 3}, w.grad().shape());
        Embedding emb = new Embedding(6, 2);
        Tensor tables = rn(g, 2, 6, 2);
        Tensor out = FunctionalCall.call(emb, Map.of("weight", tables), Tensor.of(new long[] {5, 0}).reshape(2, 1));
        assertArrayEquals(tables.select(0, 1).select(0, 0).toDoubleArray(), out.select(0, 1).select(0, 0).toDoubleArray(), 0.0);
    }

    @Test
    void mismatchedPerSampleShapesNameTheOpAndShapes() {
        Generator g = new Generator(11);
        var e = assertThrows(IllegalArgumentException.class,
                () -> F.conv2d(rn(g, 2, 3, 5, 5), rn(g, 3, 4, 3, 3, 3), null, new int[] {1}, new int[] {0}, new int[] {1}, 1));
        assertTrue(e.getMessage().startsWith("conv2d: input (2, 3, 5, 5), per-sample weight (3, 4, 3, 3, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.layerNorm(rn(g, 2, 3), new int[] {3}, rn(g, 5, 3), null, 1e-5));
        assertTrue(e.getMessage().contains("must be (3,) or per-sample (2, 3)"), e.getMessage());
    }
}
