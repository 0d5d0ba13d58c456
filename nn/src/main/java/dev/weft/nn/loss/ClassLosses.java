package dev.weft.nn.loss;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

/**
 * Cross-entropy and negative log-likelihood over classes on dim 1 (dim 0 for an unbatched (C) input).
 * Cross-entropy is log-softmax (one fused kernel, whose backward is g - softmax * sum(g)) followed by
 * a gather of the target class: no one-hot matrix is built. Class indices are read to the host once
 * to check their range and build the per-sample weights; the heavy work stays in tensor ops.
 */
final class ClassLosses {
    private ClassLosses() {}

    // x: (N, C) or (N, C, d1, ..., dk) or (C); index target: (N) / (N, d1..dk) / (); probabilities: x's shape
    static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, int ignoreIndex, Reduction r,
                               double labelSmoothing) {
        String loss = "crossEntropy";
        int classDim = checkInput(loss, input, r);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException(loss + ": labelSmoothing must be between 0.0 and 1.0, got " + labelSmoothing);
        }
        int classes = input.size(classDim);
        LossChecks.classWeight(loss, weight, classes);
        if (FusedCrossEntropy.applies(input, target)) {
            return FusedCrossEntropy.loss(input, target, weight, ignoreIndex, r, labelSmoothing);
        }
        Tensor logp = input.logSoftmax(classDim);
        if (target.dtype().isFloatingPoint()) {
            return probabilityTarget(logp, target, weight, ignoreIndex, r, labelSmoothing, classDim);
        }
        Nll nll = nll(loss, logp, target, weight, ignoreIndex, r, classDim);
        if (labelSmoothing == 0) return nll.reduced;
        // smoothing puts labelSmoothing / C on every class: -sum_c w_c logp_c, zero at ignored positions
        Tensor smooth = (weight == null ? logp : logp.mul(weightView(weight, input, classDim))).sum(classDim).neg();
        if (nll.ignored != null) smooth = smooth.maskedFill(nll.ignored, 0.0);
        Tensor smoothReduced = switch (r) {
            case NONE -> smooth;
            case SUM -> smooth.sum();
            default -> smooth.sum().div(nll.weightSum);
        };
        return nll.reduced.mul(1 - labelSmoothing).add(smoothReduced.mul(labelSmoothing / classes));
    }

    /** -w[y_i] x[i, y_i]; MEAN divides by the sum of the weights of the positions not ignored. */
    static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, int ignoreIndex, Reduction r) {
        String loss = "nllLoss";
        int classDim = checkInput(loss, input, r);
        LossChecks.classWeight(loss, weight, input.size(classDim));
        return nll(loss, input, target, weight, ignoreIndex, r, classDim).reduced;
    }

    private static int checkInput(String loss, Tensor input, Reduction r) {
        LossChecks.notNull(loss, "reduction", r);
        if (r == Reduction.BATCHMEAN) throw Reduction.notBatchmean(loss);
        LossChecks.floating(loss, "input", input);
        if (input.dim() < 1) {
            throw new IllegalArgumentException(loss + ": input must be (C), (N, C) or (N, C, d1, ...), got "
                    + Shape.format(input.shape()));
        }
        return input.dim() == 1 ? 0 : 1;
    }

    /** Per-position losses, their reduction, the weight sum (MEAN's divisor) and the ignored mask (null if none). */
    private record Nll(Tensor reduced, double weightSum, Tensor ignored) {}

    private static Nll nll(String loss, Tensor logp, Tensor target, Tensor weight, int ignoreIndex, Reduction r,
                           int classDim) {
        long[] t = targets(loss, logp, target, ignoreIndex, classDim);
        long[] safe = t;
        boolean[] ignored = null;
        for (int i = 0; i < t.length; i++) {
            if (t[i] == ignoreIndex) {
                if (ignored == null) {
                    ignored = new boolean[t.length];
                    safe = t.clone();
                }
                ignored[i] = true;
                safe[i] = 0;                                    // any valid class; its weight is 0
            }
        }
        int[] tShape = target.shape();
        Tensor idx = ignored == null && target.dtype() == DType.I64 ? target
                : Tensor.of(safe).reshape(tShape).to(logp.device());
        Tensor picked = logp.gather(classDim, idx.unsqueeze(classDim)).squeeze(classDim);   // target's shape
        Tensor ignoredMask = ignored == null ? null : Tensor.of(ignored).reshape(tShape).to(logp.device());
        Tensor losses;
        double weightSum;
        if (weight == null && ignored == null) {
            losses = picked.neg();
            weightSum = t.length;
        } else {
            double[] wv = weight == null ? null : weight.toDoubleArray();
            double[] w = new double[t.length];
            weightSum = 0;
            for (int i = 0; i < t.length; i++) {
                w[i] = ignored != null && ignored[i] ? 0 : wv == null ? 1 : wv[(int) safe[i]];
                weightSum += w[i];
            }
            losses = picked.mul(Tensor.of(w).reshape(tShape).to(logp.dtype()).to(logp.device())).neg();
        }
        Tensor reduced = switch (r) {
            case NONE -> losses;
            case SUM -> losses.sum();
            default -> weight == null && ignored == null ? losses.mean() : losses.sum().div(weightSum);
        };
        return new Nll(reduced, weightSum, ignoredMask);
    }

    /** The class indices of target, checked: an integer dtype, input's shape without the class dim, each in range or ignoreIndex. */
    static long[] targets(String loss, Tensor input, Tensor target, int ignoreIndex, int classDim) {
        if (target.dtype().isFloatingPoint() || target.dtype() == DType.BOOL) {
            throw new IllegalArgumentException(loss + ": target " + Shape.format(target.shape())
                    + " must hold class indices (I64 or I32), got " + target.dtype());
        }
        int[] expected = Shape.remove(input.shape(), classDim);
        if (!java.util.Arrays.equals(expected, target.shape())) {
            throw new IllegalArgumentException(loss + ": input " + Shape.format(input.shape()) + " needs class indices of shape "
                    + Shape.format(expected) + ", got target " + Shape.format(target.shape()));
        }
        int classes = input.size(classDim);
        long[] t = target.toLongArray();
        for (long v : t) {
            if (v != ignoreIndex && (v < 0 || v >= classes)) {
                throw new IndexOutOfBoundsException(loss + ": target " + v + " is out of bounds for " + classes
                        + " classes (input " + Shape.format(input.shape()) + ", target " + Shape.format(target.shape()) + ")");
            }
        }
        return t;
    }

    /** -sum_c w_c y_c logp_c per position, y smoothed to y (1 - s) + s / C; MEAN divides by the positions. */
    private static Tensor probabilityTarget(Tensor logp, Tensor target, Tensor weight, int ignoreIndex, Reduction r,
                                            double labelSmoothing, int classDim) {
        String loss = "crossEntropy";
        if (ignoreIndex != -100) {
            throw new IllegalArgumentException(loss + ": ignoreIndex " + ignoreIndex
                    + " is not supported for a floating point target (class probabilities)");
        }
        if (!java.util.Arrays.equals(logp.shape(), target.shape())) {
            throw new IllegalArgumentException(loss + ": input " + Shape.format(logp.shape())
                    + " needs class probabilities of the same shape (or class indices of shape "
                    + Shape.format(Shape.remove(logp.shape(), classDim)) + ", an integer dtype), got target " + target.dtype() + " "
                    + Shape.format(target.shape()) + (java.util.Arrays.equals(target.shape(), Shape.remove(logp.shape(), classDim))
                    ? ": class indices must be I64 or I32, e.g. target.to(DType.I64)" : ""));
        }
        int classes = logp.size(classDim);
        Tensor y = target.to(logp.dtype());
        if (labelSmoothing > 0) y = y.mul(1 - labelSmoothing).add(labelSmoothing / classes);
        Tensor prod = logp.mul(y);
        if (weight != null) prod = prod.mul(weightView(weight, logp, classDim));
        return switch (r) {
            case NONE -> prod.sum(classDim).neg();
            case SUM -> prod.sum().neg();
            default -> prod.sum().neg().div((double) (logp.numel() / Math.max(classes, 1)));
        };
    }

    /** weight (C) shaped to broadcast along the class dim of x: (1, C, 1, ..., 1), or (C) when unbatched. */
    private static Tensor weightView(Tensor weight, Tensor x, int classDim) {
        int[] shape = new int[x.dim()];
        java.util.Arrays.fill(shape, 1);
        shape[classDim] = weight.size(0);
        return weight.to(x.dtype()).reshape(shape);
    }
}
