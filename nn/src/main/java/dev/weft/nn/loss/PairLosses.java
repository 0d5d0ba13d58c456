package dev.weft.nn.loss;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;
import java.util.Arrays;

/** Losses on pairs and triplets of embeddings: cosine embedding, triplet margin, margin ranking. */
final class PairLosses {
    private PairLosses() {}

    /** Added to each squared norm before the cosine's square root, as PyTorch does. */
    private static final double COSINE_EPS = 1e-12;

    // x1, x2: (N, E) or (E); y: (N) or () holding 1 or -1
    /** 1 - cos(x1, x2) where y = 1, max(0, cos(x1, x2) - margin) where y = -1. */
    static Tensor cosineEmbedding(Tensor x1, Tensor x2, Tensor y, double margin, Reduction r) {
        String loss = "cosineEmbeddingLoss";
        LossChecks.notNull(loss, "reduction", r);
        LossChecks.floating(loss, "input1", x1);
        if (!Arrays.equals(x1.shape(), x2.shape()) || (x1.dim() != 1 && x1.dim() != 2)
                || !Arrays.equals(y.shape(), Shape.remove(x1.shape(), x1.dim() - 1))) {
            throw new IllegalArgumentException(loss + ": expects input1 and input2 of one shape (N, E) or (E) and target (N) or (), got "
                    + Shape.format(x1.shape()) + ", " + Shape.format(x2.shape()) + ", " + Shape.format(y.shape()));
        }
        int d = x1.dim() - 1;
        Tensor b = x2.to(x1.dtype());
        Tensor dot = x1.mul(b).sum(d);
        Tensor denom = x1.square().sum(d).add(COSINE_EPS).mul(b.square().sum(d).add(COSINE_EPS)).sqrt();
        Tensor cos = dot.div(denom);
        Tensor yt = y.to(x1.dtype());
        Tensor pos = Tensor.where(yt.eq(1.0), cos.neg().add(1.0), 0.0);
        Tensor neg = Tensor.where(yt.eq(-1.0), cos.sub(margin).clampMin(0), 0.0);
        return r.apply(loss, pos.add(neg));
    }

    // anchor, positive, negative: (N, E) or (E)
    /**
     * max(0, margin + d(a, p) - d(a, n)) with d(u, v) = ||u - v + eps||_p over the last dim; {@code swap}
     * uses min(d(a, n), d(p, n)) as the negative distance (Balntas et al. 2016).
     */
    static Tensor tripletMargin(Tensor anchor, Tensor positive, Tensor negative, double margin, double p, double eps,
                                boolean swap, Reduction r) {
        String loss = "tripletMarginLoss";
        LossChecks.notNull(loss, "reduction", r);
        LossChecks.floating(loss, "anchor", anchor);
        if (!Arrays.equals(anchor.shape(), positive.shape()) || !Arrays.equals(anchor.shape(), negative.shape())
                || (anchor.dim() != 1 && anchor.dim() != 2)) {
            throw new IllegalArgumentException(loss + ": expects anchor, positive and negative of one shape (N, E) or (E), got "
                    + Shape.format(anchor.shape()) + ", " + Shape.format(positive.shape()) + ", " + Shape.format(negative.shape()));
        }
        if (!(p > 0)) throw new IllegalArgumentException(loss + ": p must be > 0, got " + p);
        Tensor dPos = pairwiseDistance(anchor, positive, p, eps);
        Tensor dNeg = pairwiseDistance(anchor, negative, p, eps);
        if (swap) dNeg = dNeg.minimum(pairwiseDistance(positive, negative, p, eps));
        return r.apply(loss, dPos.sub(dNeg).add(margin).clampMin(0));
    }

    /** ||u - v + eps||_p over the last dim. */
    static Tensor pairwiseDistance(Tensor u, Tensor v, double p, double eps) {
        return u.sub(v.to(u.dtype())).add(eps).norm(p, new int[] {u.dim() - 1}, false);
    }

    /** max(0, -y (x1 - x2) + margin), y holding 1 (x1 should rank higher) or -1. */
    static Tensor marginRanking(Tensor x1, Tensor x2, Tensor y, double margin, Reduction r) {
        String loss = "marginRankingLoss";
        LossChecks.notNull(loss, "reduction", r);
        LossChecks.floating(loss, "input1", x1);
        if (!Arrays.equals(x1.shape(), x2.shape()) || !Arrays.equals(x1.shape(), y.shape())) {
            throw new IllegalArgumentException(loss + ": expects input1, input2 and target of one shape, got "
                    + Shape.format(x1.shape()) + ", " + Shape.format(x2.shape()) + ", " + Shape.format(y.shape()));
        }
        Tensor l = y.to(x1.dtype()).neg().mul(x1.sub(x2.to(x1.dtype()))).add(margin).clampMin(0);
        return r.apply(loss, l);
    }
}
