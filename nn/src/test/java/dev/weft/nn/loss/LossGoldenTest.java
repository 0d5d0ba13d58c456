package dev.weft.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.autograd.Autograd;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every loss against PyTorch: values and the gradients of sum(loss), in F64, from
 * golden/loss_golden.txt (made by nn/src/test/python/loss_golden.py).
 */
class LossGoldenTest {
    private static final GoldenFile GOLDEN = GoldenFile.load("/golden/loss_golden.txt");
    private static final Reduction M = Reduction.MEAN, S = Reduction.SUM, N = Reduction.NONE;

    /** Case name (as the script writes it) -> the same loss in Weft, over the case's tensors. */
    private static Map<String, Function<Map<String, Tensor>, Tensor>> cases() {
        Map<String, Function<Map<String, Tensor>, Tensor>> c = new LinkedHashMap<>();
        for (Reduction r : new Reduction[] {M, S, N}) {
            c.put("mse_" + r, t -> Losses.mseLoss(t.get("x"), t.get("y"), r));
            c.put("l1_" + r, t -> Losses.l1Loss(t.get("x"), t.get("y"), r));
            c.put("ce_" + r, t -> Losses.crossEntropy(t.get("x"), t.get("y"), r));
            c.put("ce_w_ign_" + r, t -> Losses.crossEntropy(t.get("x"), t.get("y"), t.get("w"), -100, r, 0));
            c.put("ce_w_ign_ls_" + r, t -> Losses.crossEntropy(t.get("x"), t.get("y"), t.get("w"), -100, r, 0.2));
            c.put("ce_prob_w_ls_" + r, t -> Losses.crossEntropy(t.get("x"), t.get("y"), t.get("w"), -100, r, 0.1));
        }
        c.put("smoothl1_b05", t -> Losses.smoothL1Loss(t.get("x"), t.get("y"), M, 0.5));
        c.put("smoothl1_b0_sum", t -> Losses.smoothL1Loss(t.get("x"), t.get("y"), S, 0.0));
        c.put("huber_d07_none", t -> Losses.huberLoss(t.get("x"), t.get("y"), N, 0.7));
        c.put("huber_mean", t -> Losses.huberLoss(t.get("x"), t.get("y")));
        c.put("ce_w_mean", t -> Losses.crossEntropy(t.get("x"), t.get("y"), t.get("w"), -100, M, 0));
        c.put("ce_ign2_mean", t -> Losses.crossEntropy(t.get("x"), t.get("y"), null, 3, M, 0));
        c.put("ce_ls_mean", t -> Losses.crossEntropy(t.get("x"), t.get("y"), null, -100, M, 0.3));
        c.put("ce_prob_mean", t -> Losses.crossEntropy(t.get("x"), t.get("y")));
        c.put("ce_nd_mean", t -> Losses.crossEntropy(t.get("x"), t.get("y")));
        c.put("ce_nd_w_ign_ls_none", t -> Losses.crossEntropy(t.get("x"), t.get("y"), t.get("w"), 1, N, 0.1));
        c.put("ce_unbatched", t -> Losses.crossEntropy(t.get("x"), t.get("y")));
        c.put("ce_large_logits", t -> Losses.crossEntropy(t.get("x"), t.get("y")));
        c.put("nll_mean", t -> Losses.nllLoss(t.get("x"), t.get("y")));
        c.put("nll_w_ign_sum", t -> Losses.nllLoss(t.get("x"), t.get("y"), t.get("w"), 3, S));
        c.put("nll_w_mean", t -> Losses.nllLoss(t.get("x"), t.get("y"), t.get("w"), -100, M));
        c.put("bce_mean", t -> Losses.binaryCrossEntropy(t.get("x"), t.get("y")));
        c.put("bce_w_none", t -> Losses.binaryCrossEntropy(t.get("x"), t.get("y"), t.get("w"), N));
        c.put("bcel_mean", t -> Losses.binaryCrossEntropyWithLogits(t.get("x"), t.get("y")));
        c.put("bcel_w_pw_sum", t -> Losses.binaryCrossEntropyWithLogits(t.get("x"), t.get("y"), t.get("w"), S, t.get("pw")));
        c.put("bcel_extreme_none", t -> Losses.binaryCrossEntropyWithLogits(t.get("x"), t.get("y"), null, N, null));
        for (Reduction r : Reduction.values()) {
            c.put("kl_" + r, t -> Losses.klDiv(t.get("x"), t.get("y"), r, false));
        }
        c.put("kl_logt_batchmean", t -> Losses.klDiv(t.get("x"), t.get("y"), Reduction.BATCHMEAN, true));
        c.put("kl_targetgrad_sum", t -> Losses.klDiv(t.get("x"), t.get("y"), S, false));
        c.put("cos_m02_mean", t -> Losses.cosineEmbeddingLoss(t.get("a"), t.get("b"), t.get("y"), 0.2, M));
        c.put("cos_none", t -> Losses.cosineEmbeddingLoss(t.get("a"), t.get("b"), t.get("y"), -0.5, N));
        c.put("triplet_mean", t -> Losses.tripletMarginLoss(t.get("a"), t.get("p"), t.get("n")));
        c.put("triplet_swap_p1_sum", t -> Losses.tripletMarginLoss(t.get("a"), t.get("p"), t.get("n"), 2.0, 1, 1e-6, true, S));
        c.put("triplet_p3_none", t -> Losses.tripletMarginLoss(t.get("a"), t.get("p"), t.get("n"), 1.5, 3, 1e-3, false, N));
        c.put("rank_m03_mean", t -> Losses.marginRankingLoss(t.get("a"), t.get("b"), t.get("y"), 0.3, M));
        c.put("rank_sum", t -> Losses.marginRankingLoss(t.get("a"), t.get("b"), t.get("y"), 0, S));
        return c;
    }

    @Test
    void everyGoldenCaseHasAWeftTwin() {
        assertEquals(new java.util.TreeSet<>(GOLDEN.cases().keySet()), new java.util.TreeSet<>(cases().keySet()));
    }

    @TestFactory
    List<DynamicTest> matchesPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        cases().forEach((name, fn) -> tests.add(DynamicTest.dynamicTest(name, () -> check(name, fn))));
        return tests;
    }

    private static void check(String name, Function<Map<String, Tensor>, Tensor> fn) {
        Map<String, Tensor> golden = GOLDEN.get(name);
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        List<String> withGrad = new ArrayList<>();
        golden.forEach((k, v) -> {
            if (k.equals("loss") || k.startsWith("grad.")) return;
            Tensor x = v.clone();
            if (golden.containsKey("grad." + k)) {
                x.requiresGrad(true);
                withGrad.add(k);
            }
            inputs.put(k, x);
        });
        Tensor loss = fn.apply(inputs);
        GoldenFile.assertClose(name + " loss", golden.get("loss"), loss, 1e-10, 1e-12);
        Tensor[] grads = Autograd.grad(loss.sum(), withGrad.stream().map(inputs::get).toArray(Tensor[]::new));
        for (int i = 0; i < grads.length; i++) {
            GoldenFile.assertClose(name + " grad." + withGrad.get(i), golden.get("grad." + withGrad.get(i)), grads[i], 1e-9, 1e-12);
        }
    }
}
