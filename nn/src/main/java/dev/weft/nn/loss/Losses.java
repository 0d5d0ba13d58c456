package dev.weft.nn.loss;

import dev.weft.tensor.Tensor;

/**
 * The loss functions, PyTorch's torch.nn.functional losses in camelCase with the same defaults
 * (reduction MEAN, ignoreIndex -100, margins 0 or 1, ...). Every one is differentiable with respect
 * to its floating inputs and leaves its arguments unchanged. The module forms (MSELoss,
 * CrossEntropyLoss, ...) hold the options and call these.
 *
 * <p>Unlike PyTorch, input and target of the elementwise losses must have the same shape: an (N, 1)
 * input against an (N) target is an error, not a silent (N, N) broadcast.
 */
public final class Losses {
    private Losses() {}

    /** Default ignored class index of crossEntropy and nllLoss. */
    public static final int IGNORE_INDEX = -100;

    // ---------------------------------------------------------------- regression

    /**
     * mean((x - y)^2).
     *
     * @param input the prediction x
     * @param target the target y, the input's shape
     * @return the scalar loss
     * @throws IllegalArgumentException if the shapes differ
     */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return RegressionLosses.mse(input, target, Reduction.MEAN);
    }

    /**
     * (x - y)^2, reduced.
     *
     * @param input the prediction x
     * @param target the target y, the input's shape
     * @param reduction NONE (per element), MEAN or SUM
     * @return the loss: a scalar, or the input's shape under NONE
     * @throws IllegalArgumentException if the shapes differ
     */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        return RegressionLosses.mse(input, target, reduction);
    }

    /**
     * mean(|x - y|).
     *
     * @param input the prediction x
     * @param target the target y, the input's shape
     * @return the scalar loss
     * @throws IllegalArgumentException if the shapes differ
     */
    public static Tensor l1Loss(Tensor input, Tensor target) {
        return RegressionLosses.l1(input, target, Reduction.MEAN);
    }

    /**
     * |x - y|, reduced.
     *
     * @param input the prediction x
     * @param target the target y, the input's shape
     * @param reduction NONE (per element), MEAN or SUM
     * @return the loss: a scalar, or the input's shape under NONE
     * @throws IllegalArgumentException if the shapes differ
     */
    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        return RegressionLosses.l1(input, target, reduction);
    }

    /**
     * smoothL1Loss with beta 1, mean.
     *
     * @param input the prediction x
     * @param target the target y, the input's shape
     * @return the scalar loss
     * @throws IllegalArgumentException if the shapes differ
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target) {
        return RegressionLosses.smoothL1(input, target, Reduction.MEAN, 1.0);
    }

    /**
     * 0.5 d^2 / beta where {@code |d| < beta}, else |d| - 0.5 beta, with d = x - y (beta >= 0; 0 gives L1).
     *
     * @param input the prediction x
     * @param target the target y, the input's shape
     * @param reduction NONE (per element), MEAN or SUM
     * @param beta the threshold between the quadratic and linear parts, at least 0
     * @return the loss: a scalar, or the input's shape under NONE
     * @throws IllegalArgumentException if the shapes differ
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        return RegressionLosses.smoothL1(input, target, reduction, beta);
    }

    /**
     * huberLoss with delta 1, mean.
     *
     * @param input the prediction x
     * @param target the target y, the input's shape
     * @return the scalar loss
     * @throws IllegalArgumentException if the shapes differ
     */
    public static Tensor huberLoss(Tensor input, Tensor target) {
        return RegressionLosses.huber(input, target, Reduction.MEAN, 1.0);
    }

    /**
     * 0.5 d^2 where {@code |d| < delta}, else delta (|d| - 0.5 delta), with d = x - y (delta > 0).
     *
     * @param input the prediction x
     * @param target the target y, the input's shape
     * @param reduction NONE (per element), MEAN or SUM
     * @param delta the threshold between the quadratic and linear parts, above 0
     * @return the loss: a scalar, or the input's shape under NONE
     * @throws IllegalArgumentException if the shapes differ
     */
    public static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        return RegressionLosses.huber(input, target, reduction, delta);
    }

    // ---------------------------------------------------------------- classification

    /**
     * crossEntropy with no weight, ignoreIndex -100, mean, no label smoothing.
     *
     * @param input logits (C), (N, C) or (N, C, d1, ..., dk)
     * @param target class indices or class probabilities (see the full form)
     * @return the scalar loss
     */
    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return ClassLosses.crossEntropy(input, target, null, IGNORE_INDEX, Reduction.MEAN, 0);
    }

    /**
     * crossEntropy with no weight, ignoreIndex -100 and no label smoothing.
     *
     * @param input logits (C), (N, C) or (N, C, d1, ..., dk)
     * @param target class indices or class probabilities (see the full form)
     * @param reduction NONE (per element), MEAN or SUM
     * @return the loss: a scalar, or one per position under NONE
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Reduction reduction) {
        return ClassLosses.crossEntropy(input, target, null, IGNORE_INDEX, reduction, 0);
    }

    /**
     * Cross-entropy of logits {@code input} (C), (N, C) or (N, C, d1, ..., dk), classes on dim 1.
     * A target of class indices (I64/I32, shape (), (N) or (N, d1, ..., dk)) gives
     * l_i = -w[y_i] log softmax(x_i)[y_i], zero where y_i == ignoreIndex; MEAN divides the sum by the
     * sum of w[y_i] over the positions not ignored. A floating target of class probabilities (input's
     * shape) gives l_i = -sum_c w_c y_ic log softmax(x_i)_c; MEAN divides by the number of positions.
     * labelSmoothing s in [0, 1] mixes the target with the uniform distribution: (1 - s) y + s / C.
     *
     * @param weight per-class weights (C), or null
     *
     * @param input logits (C), (N, C) or (N, C, d1, ..., dk)
     * @param target class indices, or class probabilities of the input's shape
     * @param ignoreIndex a class index whose positions count for nothing (index targets only)
     * @param reduction NONE (per element), MEAN or SUM
     * @param labelSmoothing s in [0, 1]
     * @return the loss: a scalar, or one per position under NONE
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, int ignoreIndex, Reduction reduction,
                                      double labelSmoothing) {
        return ClassLosses.crossEntropy(input, target, weight, ignoreIndex, reduction, labelSmoothing);
    }

    /**
     * nllLoss with no weight, ignoreIndex -100, mean.
     *
     * @param input log-probabilities (C), (N, C) or (N, C, d1, ..., dk)
     * @param target class indices: (), (N) or (N, d1, ..., dk)
     * @return the scalar loss
     */
    public static Tensor nllLoss(Tensor input, Tensor target) {
        return ClassLosses.nllLoss(input, target, null, IGNORE_INDEX, Reduction.MEAN);
    }

    /**
     * Negative log-likelihood of log-probabilities {@code input} (C), (N, C) or (N, C, d1, ..., dk) at
     * class indices {@code target}: l_i = -w[y_i] x[i, y_i], zero where y_i == ignoreIndex; MEAN
     * divides by the sum of w[y_i] over the positions not ignored.
     *
     * @param input log-probabilities (C), (N, C) or (N, C, d1, ..., dk)
     * @param target class indices: (), (N) or (N, d1, ..., dk)
     * @param weight per-class weights (C), or null
     * @param ignoreIndex a class index whose positions count for nothing
     * @param reduction NONE (per element), MEAN or SUM
     * @return the loss: a scalar, or one per position under NONE
     */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, int ignoreIndex, Reduction reduction) {
        return ClassLosses.nllLoss(input, target, weight, ignoreIndex, reduction);
    }

    // ---------------------------------------------------------------- binary

    /**
     * binaryCrossEntropy with no weight, mean.
     *
     * @param input probabilities x in [0, 1]
     * @param target the target y, the input's shape
     * @return the scalar loss
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return BinaryLosses.bce(input, target, null, Reduction.MEAN);
    }

    /**
     * -w (y log x + (1 - y) log(1 - x)) for probabilities x in [0, 1] (checked), each log clamped at
     * -100 as PyTorch does. weight (null or broadcastable to the input) rescales each element.
     *
     * @param input probabilities x in [0, 1]
     * @param target the target y, the input's shape
     * @param weight per-element weights broadcastable to the input, or null
     * @param reduction NONE (per element), MEAN or SUM
     * @return the loss: a scalar, or the input's shape under NONE
     * @throws IllegalArgumentException if the shapes differ or an input is outside [0, 1]
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        return BinaryLosses.bce(input, target, weight, reduction);
    }

    /**
     * binaryCrossEntropyWithLogits with no weights, mean.
     *
     * @param input logits x
     * @param target the target y, the input's shape
     * @return the scalar loss
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return BinaryLosses.bceWithLogits(input, target, null, Reduction.MEAN, null);
    }

    /**
     * Binary cross-entropy of sigmoid(x), computed stably from the logits x:
     * -w (p y log sigmoid(x) + (1 - y) log(1 - sigmoid(x))) with p = posWeight (per class, broadcast over
     * the last dims; null means 1) and w = weight (null means 1).
     *
     * @param input logits x
     * @param target the target y, the input's shape
     * @param weight per-element weights broadcastable to the input, or null
     * @param reduction NONE (per element), MEAN or SUM
     * @param posWeight weight of the positive term per class, or null
     * @return the loss: a scalar, or the input's shape under NONE
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Reduction reduction,
                                                      Tensor posWeight) {
        return BinaryLosses.bceWithLogits(input, target, weight, reduction, posWeight);
    }

    // ---------------------------------------------------------------- divergence

    /**
     * klDiv with reduction mean and a probability target.
     *
     * @param input log-probabilities x
     * @param target probabilities y, the input's shape
     * @return the scalar loss
     */
    public static Tensor klDiv(Tensor input, Tensor target) {
        return Divergence.klDiv(input, target, Reduction.MEAN, false);
    }

    /**
     * KL divergence with log-probabilities {@code input}: y (log y - x) pointwise (0 where y = 0), or
     * e^y (y - x) when {@code logTarget} (target given as log-probabilities). Reduction BATCHMEAN, the
     * sum over input.size(0), is the mathematically correct KL per sample; MEAN averages elements.
     *
     * @param input log-probabilities x
     * @param target probabilities y (log-probabilities when logTarget), the input's shape
     * @param reduction NONE, MEAN, SUM or BATCHMEAN
     * @param logTarget whether the target is given as log-probabilities
     * @return the loss: a scalar, or the input's shape under NONE
     */
    public static Tensor klDiv(Tensor input, Tensor target, Reduction reduction, boolean logTarget) {
        return Divergence.klDiv(input, target, reduction, logTarget);
    }

    // ---------------------------------------------------------------- pairs and triplets

    /**
     * cosineEmbeddingLoss with margin 0, mean.
     *
     * @param input1 x1, (N, E) or (E)
     * @param input2 x2, x1's shape
     * @param target y, 1 or -1: (N) or ()
     * @return the scalar loss
     */
    public static Tensor cosineEmbeddingLoss(Tensor input1, Tensor input2, Tensor target) {
        return PairLosses.cosineEmbedding(input1, input2, target, 0, Reduction.MEAN);
    }

    /**
     * 1 - cos(x1, x2) where y = 1, max(0, cos(x1, x2) - margin) where y = -1, cosine over the last dim of
     * (N, E) or (E) inputs; target (N) or ().
     *
     * @param input1 x1, (N, E) or (E)
     * @param input2 x2, x1's shape
     * @param target y, 1 or -1: (N) or ()
     * @param margin the cosine a dissimilar pair may keep, in [-1, 1]
     * @param reduction NONE (per element), MEAN or SUM
     * @return the loss: a scalar, or (N) under NONE
     */
    public static Tensor cosineEmbeddingLoss(Tensor input1, Tensor input2, Tensor target, double margin,
                                             Reduction reduction) {
        return PairLosses.cosineEmbedding(input1, input2, target, margin, reduction);
    }

    /**
     * tripletMarginLoss with margin 1, p 2, eps 1e-6, no swap, mean.
     *
     * @param anchor a, (N, E) or (E)
     * @param positive p, a's shape
     * @param negative n, a's shape
     * @return the scalar loss
     */
    public static Tensor tripletMarginLoss(Tensor anchor, Tensor positive, Tensor negative) {
        return PairLosses.tripletMargin(anchor, positive, negative, 1.0, 2.0, 1e-6, false, Reduction.MEAN);
    }

    /**
     * max(0, margin + d(a, p) - d(a, n)) with d(u, v) = ||u - v + eps||_p over the last dim of (N, E) or
     * (E) inputs; {@code swap} takes min(d(a, n), d(p, n)) as the negative distance.
     *
     * @param anchor a, (N, E) or (E)
     * @param positive p, a's shape
     * @param negative n, a's shape
     * @param margin the wanted gap between the distances
     * @param p the norm's order
     * @param eps added to the difference before the norm
     * @param swap whether to use the distance swap
     * @param reduction NONE (per element), MEAN or SUM
     * @return the loss: a scalar, or (N) under NONE
     */
    public static Tensor tripletMarginLoss(Tensor anchor, Tensor positive, Tensor negative, double margin, double p,
                                           double eps, boolean swap, Reduction reduction) {
        return PairLosses.tripletMargin(anchor, positive, negative, margin, p, eps, swap, reduction);
    }

    /**
     * marginRankingLoss with margin 0, mean.
     *
     * @param input1 x1
     * @param input2 x2, x1's shape
     * @param target y, 1 or -1, x1's shape
     * @return the scalar loss
     */
    public static Tensor marginRankingLoss(Tensor input1, Tensor input2, Tensor target) {
        return PairLosses.marginRanking(input1, input2, target, 0, Reduction.MEAN);
    }

    /**
     * max(0, -y (x1 - x2) + margin) elementwise; y holds 1 (x1 should be larger) or -1.
     *
     * @param input1 x1
     * @param input2 x2, x1's shape
     * @param target y, 1 or -1, x1's shape
     * @param margin the wanted gap
     * @param reduction NONE (per element), MEAN or SUM
     * @return the loss: a scalar, or the input's shape under NONE
     */
    public static Tensor marginRankingLoss(Tensor input1, Tensor input2, Tensor target, double margin,
                                           Reduction reduction) {
        return PairLosses.marginRanking(input1, input2, target, margin, reduction);
    }

    /**
     * ||u - v + eps||_p over the last dim (PyTorch's pairwise_distance).
     *
     * @param u (..., E)
     * @param v (..., E), broadcastable with u
     * @param p the norm's order
     * @param eps added to the difference before the norm
     * @return the distances, the last dim removed
     */
    public static Tensor pairwiseDistance(Tensor u, Tensor v, double p, double eps) {
        return PairLosses.pairwiseDistance(u, v, p, eps);
    }
}
