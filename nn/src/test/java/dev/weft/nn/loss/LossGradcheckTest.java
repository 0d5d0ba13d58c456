package dev.weft.nn.loss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.autograd.Gradcheck;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * F64 gradcheck (central differences) of every loss under every reduction, with the options that
 * change the gradient: class weights, ignored positions, label smoothing, probability targets,
 * posWeight, logTarget, swap. Inputs stay away from the kinks (|d| = beta, margins) by construction.
 */
class LossGradcheckTest {
    private static final DType F = DType.F64;

    private static Tensor rn(Generator g, int... shape) {
        return Tensor.randn(g, F, shape);
    }

    private static Tensor leaf(Tensor t) {
        return t.requiresGrad(true);
    }

    private record Case(String name, java.util.function.Function<Tensor[], Tensor> fn, Tensor... inputs) {}

    private static List<Case> cases() {
        Generator g = new Generator(77);
        List<Case> cs = new ArrayList<>();
        Tensor idx = Tensor.of(new long[] {2, 0, 3, 1, 3});
        Tensor idxIgn = Tensor.of(new long[] {2, -100, 3, -100, 0});
        Tensor w = Tensor.of(new double[] {0.5, 1.5, 2.0, 0.7});
        Tensor probs = rn(g, 5, 4).softmax(1);
        Tensor nd = Tensor.of(new long[] {0, 2, 1, 1, 2, 0, 0, 1}).reshape(2, 2, 2);
        Tensor sign = Tensor.of(new double[] {1, -1, -1, 1, 1});
        Tensor bin = Tensor.of(new double[] {1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1}).reshape(4, 3);
        for (Reduction r : new Reduction[] {Reduction.NONE, Reduction.MEAN, Reduction.SUM}) {
            Tensor y = rn(g, 3, 4);
            cs.add(new Case("mse " + r, x -> Losses.mseLoss(x[0], x[1], r), leaf(rn(g, 3, 4)), leaf(y.clone())));
            cs.add(new Case("l1 " + r, x -> Losses.l1Loss(x[0], x[1], r), leaf(rn(g, 3, 4)), y));
            cs.add(new Case("smoothL1 " + r, x -> Losses.smoothL1Loss(x[0], x[1], r, 0.8), leaf(rn(g, 3, 4)), y));
            cs.add(new Case("huber " + r, x -> Losses.huberLoss(x[0], x[1], r, 0.6), leaf(rn(g, 3, 4)), y));
            cs.add(new Case("crossEntropy " + r, x -> Losses.crossEntropy(x[0], idx, r), leaf(rn(g, 5, 4))));
            cs.add(new Case("crossEntropy weight+ignore+smoothing " + r,
                    x -> Losses.crossEntropy(x[0], idxIgn, w, -100, r, 0.25), leaf(rn(g, 5, 4))));
            cs.add(new Case("crossEntropy probabilities+weight+smoothing " + r,
                    x -> Losses.crossEntropy(x[0], x[1], w, -100, r, 0.1), leaf(rn(g, 5, 4)), leaf(probs.clone())));
            cs.add(new Case("crossEntropy (N, C, d1, d2) " + r,
                    x -> Losses.crossEntropy(x[0], nd, Tensor.of(new double[] {1, 2, 3}), 2, r, 0.2), leaf(rn(g, 2, 3, 2, 2))));
            cs.add(new Case("nllLoss weight+ignore " + r,
                    x -> Losses.nllLoss(x[0], idx, w, 3, r), leaf(rn(g, 5, 4))));
            cs.add(new Case("binaryCrossEntropy weight " + r,
                    x -> Losses.binaryCrossEntropy(x[0], x[1], Tensor.of(new double[] {0.3, 1, 2}), r),
                    leaf(Tensor.uniform(g, 0.1, 0.9, 4, 3).to(F)), leaf(Tensor.rand(g, F, 4, 3))));
            cs.add(new Case("binaryCrossEntropyWithLogits weight+posWeight " + r,
                    x -> Losses.binaryCrossEntropyWithLogits(x[0], x[1], Tensor.of(new double[] {0.5, 1, 2, 1}).reshape(4, 1), r,
                            Tensor.of(new double[] {3, 0.5, 1})),
                    leaf(rn(g, 4, 3).mul(3.0)), leaf(bin.clone())));
            cs.add(new Case("klDiv logTarget " + r, x -> Losses.klDiv(x[0], x[1], r, true),
                    leaf(rn(g, 3, 4).logSoftmax(1)), leaf(rn(g, 3, 4).logSoftmax(1))));
            cs.add(new Case("klDiv " + r, x -> Losses.klDiv(x[0], x[1], r, false),
                    leaf(rn(g, 3, 4).logSoftmax(1)), leaf(Tensor.uniform(g, 0.1, 1, 3, 4).to(F))));
            cs.add(new Case("cosineEmbedding " + r, x -> Losses.cosineEmbeddingLoss(x[0], x[1], sign, -0.9, r),
                    leaf(rn(g, 5, 3)), leaf(rn(g, 5, 3))));
            cs.add(new Case("tripletMargin swap p=2 " + r,
                    x -> Losses.tripletMarginLoss(x[0], x[1], x[2], 5.0, 2, 1e-6, true, r),
                    leaf(rn(g, 4, 3)), leaf(rn(g, 4, 3)), leaf(rn(g, 4, 3))));
            cs.add(new Case("tripletMargin p=3 " + r,
                    x -> Losses.tripletMarginLoss(x[0], x[1], x[2], 5.0, 3, 1e-6, false, r),
                    leaf(rn(g, 4, 3)), leaf(rn(g, 4, 3)), leaf(rn(g, 4, 3))));
            cs.add(new Case("marginRanking " + r, x -> Losses.marginRankingLoss(x[0], x[1], sign, 10.0, r),
                    leaf(rn(g, 5)), leaf(rn(g, 5))));
        }
        cs.add(new Case("klDiv batchmean", x -> Losses.klDiv(x[0], x[1], Reduction.BATCHMEAN, false),
                leaf(rn(g, 3, 4).logSoftmax(1)), leaf(Tensor.uniform(g, 0.1, 1, 3, 4).to(F))));
        cs.add(new Case("crossEntropy unbatched", x -> Losses.crossEntropy(x[0], Tensor.scalar(1, DType.I64)), leaf(rn(g, 4))));
        return cs;
    }

    @TestFactory
    List<DynamicTest> gradcheckEveryLoss() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> assertTrue(Gradcheck.gradcheck(c.name(), c.fn(), c.inputs()))));
        }
        return tests;
    }
}
