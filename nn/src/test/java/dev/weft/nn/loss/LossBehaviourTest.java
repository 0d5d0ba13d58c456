package dev.weft.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.autograd.Autograd;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Error messages, edge values, F32 inputs, and the module forms against the functional ones. */
class LossBehaviourTest {
    private final Generator g = new Generator(5);

    private static String message(Class<? extends Throwable> type, Runnable r) {
        return assertThrows(type, r::run).getMessage();
    }

    @Test
    void errorsNameTheLossAndShapes() {
        Tensor x = Tensor.randn(g, 3, 4);
        String m = message(IllegalArgumentException.class, () -> Losses.mseLoss(x, Tensor.randn(g, 3, 1)));
        assertTrue(m.contains("mseLoss") && m.contains("(3, 1)") && m.contains("(3, 4)"), m);
        m = message(IndexOutOfBoundsException.class, () -> Losses.crossEntropy(x, Tensor.of(new long[] {1, 5, 2})));
        assertTrue(m.contains("crossEntropy") && m.contains("target 5") && m.contains("4 classes"), m);
        m = message(IllegalArgumentException.class, () -> Losses.crossEntropy(x, Tensor.of(new long[] {1, 2})));
        assertTrue(m.contains("crossEntropy") && m.contains("(3, 4)") && m.contains("(2,)"), m);
        m = message(IllegalArgumentException.class, () -> Losses.crossEntropy(x, Tensor.of(new long[] {1, 2, 0}), Tensor.ones(3), -100, Reduction.MEAN, 0));
        assertTrue(m.contains("weight") && m.contains("4 classes"), m);
        m = message(IllegalArgumentException.class, () -> Losses.crossEntropy(x, Tensor.of(1f, 2f, 0f)));
        assertTrue(m.contains("got target f32 (3,): class indices must be I64 or I32, e.g. target.to(DType.I64)"), m);
        m = message(IllegalArgumentException.class, () -> Losses.mseLoss(x, x, Reduction.BATCHMEAN));
        assertTrue(m.contains("batchmean is not a valid value"), m);
        m = message(IllegalArgumentException.class, () -> Losses.binaryCrossEntropy(Tensor.of(1.5f, 0.2f), Tensor.of(1f, 0f)));
        assertTrue(m.contains("between 0 and 1"), m);
        m = message(IllegalArgumentException.class, () -> Losses.crossEntropy(x, x.softmax(1), null, 1, Reduction.MEAN, 0));
        assertTrue(m.contains("ignoreIndex"), m);
        m = message(IllegalArgumentException.class, () -> Losses.nllLoss(x, Tensor.of(1f, 2f, 3f)));
        assertTrue(m.contains("class indices"), m);
        m = message(IllegalArgumentException.class, () -> Losses.crossEntropy(x, Tensor.of(new long[] {1, 2, 0}), null, -100, Reduction.MEAN, 1.5));
        assertTrue(m.contains("labelSmoothing"), m);
    }

    @Test
    void allIgnoredMeanIsNaNAsInPyTorch() {
        Tensor l = Losses.crossEntropy(Tensor.randn(g, 2, 3), Tensor.of(new long[] {-100, -100}));
        assertTrue(Double.isNaN(l.item()));
    }

    @Test
    void crossEntropyAcceptsI32TargetsAndF32Logits() {
        Tensor x = Tensor.randn(g, 6, 5);
        Tensor a = Losses.crossEntropy(x, Tensor.of(new int[] {0, 1, 2, 3, 4, 0}));
        Tensor b = Losses.crossEntropy(x, Tensor.of(new long[] {0, 1, 2, 3, 4, 0}));
        assertEquals(DType.F32, a.dtype());
        assertEquals(b.item(), a.item(), 0.0);
        // the same as the log-softmax picked by hand
        double[] lp = x.to(DType.F64).logSoftmax(1).toDoubleArray();
        double want = -(lp[0] + lp[6] + lp[12] + lp[18] + lp[24] + lp[25]) / 6;
        assertEquals(want, b.item(), 1e-5);
    }

    @Test
    void bceWithLogitsIsFiniteForHugeLogitsAndSaturatedBceGradientIsNotNaN() {
        Tensor x = Tensor.of(-1000f, 1000f).requiresGrad(true);
        Tensor l = Losses.binaryCrossEntropyWithLogits(x, Tensor.of(1f, 0f), null, Reduction.SUM, null);
        assertEquals(2000.0, l.item(), 1e-3);
        Tensor p = Tensor.of(0f, 1f, 0.5f).requiresGrad(true);
        Tensor b = Losses.binaryCrossEntropy(p, Tensor.of(1f, 0f, 1f), null, Reduction.SUM);
        assertEquals(200 + Math.log(2), b.item(), 1e-4);       // both logs clamped at -100
        Autograd.backward(b);
        for (float v : p.grad().toFloatArray()) assertTrue(Float.isFinite(v), "gradient " + v);
    }

    @Test
    void modulesCallTheFunctionalForms() {
        Tensor x = Tensor.randn(g, F64, 4, 3), y = Tensor.randn(g, F64, 4, 3);
        Tensor idx = Tensor.of(new long[] {0, 2, 1, -100});
        Tensor w = Tensor.of(new double[] {1, 2, 3});
        assertEquals(Losses.mseLoss(x, y).item(), new MSELoss().forward(x, y).item(), 0.0);
        assertEquals(Losses.l1Loss(x, y, Reduction.SUM).item(), new L1Loss(Reduction.SUM).forward(x, y).item(), 0.0);
        assertEquals(Losses.smoothL1Loss(x, y, Reduction.MEAN, 0.3).item(), new SmoothL1Loss(Reduction.MEAN, 0.3).forward(x, y).item(), 0.0);
        assertEquals(Losses.huberLoss(x, y, Reduction.MEAN, 0.3).item(), new HuberLoss(Reduction.MEAN, 0.3).forward(x, y).item(), 0.0);
        CrossEntropyLoss ce = new CrossEntropyLoss(CrossEntropyLoss.options().weight(w).labelSmoothing(0.1));
        assertEquals(Losses.crossEntropy(x, idx, w, -100, Reduction.MEAN, 0.1).item(), ce.forward(x, idx).item(), 0.0);
        assertEquals(java.util.List.of("weight"), java.util.List.copyOf(ce.stateDict().keySet()));
        assertEquals("CrossEntropyLoss(ignoreIndex=-100, reduction=mean, labelSmoothing=0.1)", ce.toString());
        assertEquals(Losses.nllLoss(x, idx, w, -100, Reduction.SUM).item(), new NLLLoss(NLLLoss.options().weight(w)
                .reduction(Reduction.SUM)).forward(x, idx).item(), 0.0);
        Tensor p = x.sigmoid(), t = y.gt(0.0).to(F64);
        assertEquals(Losses.binaryCrossEntropy(p, t).item(), new BCELoss().forward(p, t).item(), 0.0);
        Tensor pw = Tensor.of(new double[] {2, 1, 0.5});
        BCEWithLogitsLoss bl = new BCEWithLogitsLoss(BCEWithLogitsLoss.options().posWeight(pw));
        assertEquals(Losses.binaryCrossEntropyWithLogits(x, t, null, Reduction.MEAN, pw).item(), bl.forward(x, t).item(), 0.0);
        assertEquals(java.util.List.of("pos_weight"), java.util.List.copyOf(bl.stateDict().keySet()));
        Tensor lx = x.logSoftmax(1), ly = y.softmax(1);
        assertEquals(Losses.klDiv(lx, ly, Reduction.BATCHMEAN, false).item(), new KLDivLoss(Reduction.BATCHMEAN).forward(lx, ly).item(), 0.0);
        Tensor s = Tensor.of(new double[] {1, -1, 1, -1});
        assertEquals(Losses.cosineEmbeddingLoss(x, y, s).item(), new CosineEmbeddingLoss().forward(x, y, s).item(), 0.0);
        assertEquals(Losses.tripletMarginLoss(x, y, x.neg()).item(), new TripletMarginLoss().forward(x, y, x.neg()).item(), 0.0);
        Tensor a = x.select(1, 0), b = y.select(1, 0);
        assertEquals(Losses.marginRankingLoss(a, b, s).item(), new MarginRankingLoss().forward(a, b, s).item(), 0.0);
    }

    private static final DType F64 = DType.F64;
}
