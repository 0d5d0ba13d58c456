package dev.weft.nn.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.Gradcheck;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

/**
 * The fused cross-entropy (one custom function: log-sum-exp forward, one-kernel backward) against the
 * composite path (log-softmax, gather, weights, smoothing in tensor ops), which (N, C, 1) logits take:
 * same losses and gradients under every reduction with weights, ignored rows and label smoothing;
 * its gradient differentiable again; the unbatched (C) form.
 */
class FusedCrossEntropyTest {
    private static final Tensor TARGET = Tensor.of(new long[] {2, 0, 3, -100, 3, 1, -100});
    private static final Tensor WEIGHT = Tensor.of(new double[] {0.5, 1.5, 2.0, 0.7});

    private record LossAndGrad(double[] loss, double[] grad) {}

    private static LossAndGrad run(Tensor logits, boolean composite, Tensor weight, Reduction r, double s) {
        Tensor x = logits.clone().requiresGrad(true);
        Tensor in = composite ? x.unsqueeze(2) : x;
        Tensor t = composite ? TARGET.unsqueeze(1) : TARGET;
        Tensor l = Losses.crossEntropy(in, t, weight == null ? null : weight.to(x.dtype()), -100, r, s);
        if (composite && r == Reduction.NONE) l = l.squeeze(1);
        Autograd.backward(l, Tensor.onesLike(l).mul(Tensor.arange(l.numel()).to(l.dtype()).add(1).reshape(l.shape())));
        return new LossAndGrad(l.toDoubleArray(), x.grad().toDoubleArray());
    }

    @Test
    void fusedEqualsCompositeForEveryReductionWeightAndSmoothing() {
        for (DType dt : new DType[] {DType.F64, DType.F32}) {
            double tol = dt == DType.F64 ? 1e-12 : 2e-6;
            Tensor x = Tensor.randn(new Generator(5), dt, 7, 4).mul(3);
            for (Reduction r : new Reduction[] {Reduction.MEAN, Reduction.SUM, Reduction.NONE}) {
                for (Tensor w : new Tensor[] {null, WEIGHT}) {
                    for (double s : new double[] {0, 0.2}) {
                        String what = dt + " " + r + (w == null ? "" : " weighted") + " smoothing " + s;
                        LossAndGrad f = run(x, false, w, r, s), c = run(x, true, w, r, s);
                        assertArrayEquals(c.loss(), f.loss(), tol, "loss, " + what);
                        assertArrayEquals(c.grad(), f.grad(), tol, "gradient, " + what);
                    }
                }
            }
        }
    }

    @Test
    void theFusedGradientIsDifferentiableAgain() {
        Tensor x = Tensor.randn(new Generator(6), DType.F64, 7, 4).requiresGrad(true);
        for (Reduction r : new Reduction[] {Reduction.MEAN, Reduction.NONE}) {
            assertTrue(Gradcheck.gradgradcheck("crossEntropy " + r,
                    in -> Losses.crossEntropy(in[0], TARGET, WEIGHT, -100, r, 0.1), x));
        }
        assertEquals("crossEntropy", Autograd.gradFn(Losses.crossEntropy(x, TARGET.clamp(0, 3))));
    }

    @Test
    void anUnbatchedInputGivesAScalarPerReductionAndTheBatchedRowsGradient() {
        Tensor x = Tensor.randn(new Generator(7), DType.F64, 4).requiresGrad(true);
        Tensor none = Losses.crossEntropy(x, Tensor.scalar(2, DType.I64), Reduction.NONE);
        assertEquals(0, none.dim());
        Autograd.backward(none);
        double[] p = x.detach().softmax(0).toDoubleArray();
        p[2] -= 1;
        assertArrayEquals(p, x.grad().toDoubleArray(), 1e-15);
    }
}
