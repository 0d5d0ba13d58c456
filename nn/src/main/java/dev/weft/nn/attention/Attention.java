package dev.weft.nn.attention;

import dev.weft.nn.functional.F;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

/**
 * Scaled dot-product attention (Vaswani et al. 2017, eq. 1): softmax(Q K^T * scale + M) V, or with
 * sparsemax / 1.5-entmax in place of softmax ({@link AttentionNormalization}), composed
 * from differentiable tensor ops. A query row with every key masked yields zero weights and a zero
 * output rather than NaN (see the package notes). Also builds the causal masks.
 */
public final class Attention {
    private Attention() {}

    /**
     * torch.nn.functional.scaled_dot_product_attention with scale 1/sqrt(E).
     * q: (..., L, E), k: (..., S, E), v: (..., S, Ev) -> (..., L, Ev).
     *
     * @param q         the queries (..., L, E)
     * @param k         the keys (..., S, E)
     * @param v         the values (..., S, Ev)
     * @param attnMask  null, a BOOL mask broadcastable to (..., L, S) that is TRUE WHERE ATTENTION IS
     *                  ALLOWED (PyTorch's convention for this function), or a float mask added to the scores
     * @param dropoutP  dropout probability on the attention weights (applied whenever > 0, as PyTorch)
     * @param isCausal  also mask key j > query i (top-left aligned); PyTorch forbids it together with
     *                  attnMask, here the two are combined
     * @param g         draws the dropout mask; may be null when dropoutP == 0
     * @return the attended values (..., L, Ev)
     */
    public static Tensor scaledDotProductAttention(Tensor q, Tensor k, Tensor v, Tensor attnMask, double dropoutP,
                                                   boolean isCausal, Generator g) {
        checkQkv("scaledDotProductAttention", q, k, v);
        return sdpa(q, k, v, attnMask, dropoutP, isCausal, 1.0 / Math.sqrt(q.size(-1)), g);
    }

    /**
     * As above with an explicit scale of the scores (PyTorch's scale=None is the overload above: 1/sqrt(E)).
     *
     * @param q        the queries (..., L, E)
     * @param k        the keys (..., S, E)
     * @param v        the values (..., S, Ev)
     * @param attnMask null, a BOOL mask (true where attention is allowed) or a float mask added to the scores
     * @param dropoutP dropout probability on the attention weights
     * @param isCausal also mask key j after query i
     * @param scale    the factor on Q K^T
     * @param g        draws the dropout mask; may be null when dropoutP == 0
     * @return the attended values (..., L, Ev)
     */
    public static Tensor scaledDotProductAttention(Tensor q, Tensor k, Tensor v, Tensor attnMask, double dropoutP,
                                                   boolean isCausal, double scale, Generator g) {
        checkQkv("scaledDotProductAttention", q, k, v);
        return sdpa(q, k, v, attnMask, dropoutP, isCausal, scale, g);
    }

    /**
     * As above with the scores mapped to weights by {@code normalization} (softmax, sparsemax or 1.5-entmax):
     * normalization(Q K^T * scale + M) V. SOFTMAX gives exactly the overload above.
     *
     * @param q             the queries (..., L, E)
     * @param k             the keys (..., S, E)
     * @param v             the values (..., S, Ev)
     * @param attnMask      null, a BOOL mask (true where attention is allowed) or a float mask added to the scores
     * @param dropoutP      dropout probability on the attention weights
     * @param isCausal      also mask key j after query i
     * @param scale         the factor on Q K^T
     * @param normalization maps each row of scores to weights; not null
     * @param g             draws the dropout mask; may be null when dropoutP == 0
     * @return the attended values (..., L, Ev)
     * @throws IllegalArgumentException if normalization is null or q, k, v do not fit together
     */
    public static Tensor scaledDotProductAttention(Tensor q, Tensor k, Tensor v, Tensor attnMask, double dropoutP,
                                                   boolean isCausal, double scale, AttentionNormalization normalization,
                                                   Generator g) {
        checkQkv("scaledDotProductAttention", q, k, v);
        if (normalization == null) throw new IllegalArgumentException("scaledDotProductAttention: normalization must not be null");
        return sdpa(q, k, v, attnMask, dropoutP, isCausal, scale, normalization, g);
    }

    private static Tensor sdpa(Tensor q, Tensor k, Tensor v, Tensor attnMask, double dropoutP, boolean isCausal,
                               double s, Generator g) {
        return sdpa(q, k, v, attnMask, dropoutP, isCausal, s, AttentionNormalization.SOFTMAX, g);
    }

    private static Tensor sdpa(Tensor q, Tensor k, Tensor v, Tensor attnMask, double dropoutP, boolean isCausal,
                               double s, AttentionNormalization normalization, Generator g) {
        Tensor excluded = null, additive = null;
        if (attnMask != null) {
            if (attnMask.dtype() == DType.BOOL) excluded = attnMask.logicalNot();
            else additive = attnMask;
        }
        return attend(q, k, v, excluded, additive, isCausal, dropoutP, g, s, normalization)[0];
    }

    /**
     * Bool (L, S), true where key j is after query i: the positions a causal model may not attend to.
     *
     * @param L the number of queries
     * @param S the number of keys
     * @return the mask (L, S), true above the diagonal
     */
    public static Tensor causalMask(int L, int S) {
        return Tensor.ones(DType.BOOL, L, S).triu(1);
    }

    /**
     * torch.nn.Transformer.generate_square_subsequent_mask: float (n, n) with -inf above the diagonal
     * and 0 elsewhere (an additive causal mask).
     *
     * @param n the sequence length
     * @return the additive mask (n, n)
     */
    public static Tensor generateSquareSubsequentMask(int n) {
        return Tensor.zeros(n, n).maskedFill(causalMask(n, n), Double.NEGATIVE_INFINITY);
    }

    static void checkQkv(String op, Tensor q, Tensor k, Tensor v) {
        if (q.dim() < 2 || k.dim() < 2 || v.dim() < 2) {
            throw new IllegalArgumentException(op + ": q " + Shape.format(q.shape()) + ", k " + Shape.format(k.shape())
                    + ", v " + Shape.format(v.shape()) + ": each needs at least 2 dims (..., L or S, E)");
        }
        if (q.size(-1) != k.size(-1) || k.size(-2) != v.size(-2)) {
            throw new IllegalArgumentException(op + ": q " + Shape.format(q.shape()) + ", k " + Shape.format(k.shape())
                    + ", v " + Shape.format(v.shape()) + ": need q and k to share E and k and v to share S");
        }
    }

    /**
     * The attention core. q: (..., L, E), k: (..., S, E), v: (..., S, Ev); masks broadcast to (..., L, S).
     *
     * @param excluded BOOL, true where attention is not allowed, or null
     * @param additive float added to the scores, or null
     * @param causal   exclude key j > query i
     * @return {output (..., L, Ev), weights (..., L, S) after dropout}
     */
    static Tensor[] attend(Tensor q, Tensor k, Tensor v, Tensor excluded, Tensor additive, boolean causal,
                           double dropoutP, Generator g, double scale) {
        return attend(q, k, v, excluded, additive, causal, dropoutP, g, scale, AttentionNormalization.SOFTMAX);
    }

    /** As above with the scores mapped to weights by normalization. */
    static Tensor[] attend(Tensor q, Tensor k, Tensor v, Tensor excluded, Tensor additive, boolean causal,
                           double dropoutP, Generator g, double scale, AttentionNormalization normalization) {
        Tensor scores = q.matmul(k.transpose(-2, -1)).mul(scale);
        if (additive != null) scores = scores.add(additive.to(scores.dtype()));
        if (causal) {
            Tensor c = causalMask(q.size(-2), k.size(-2));
            excluded = excluded == null ? c : excluded.logicalOr(c);
        }
        if (excluded != null) scores = scores.maskedFill(excluded, Double.NEGATIVE_INFINITY);
        Tensor weights = normalization != AttentionNormalization.SOFTMAX ? safeNormalize(scores, normalization)
                : excluded != null || additive != null ? safeSoftmax(scores) : scores.softmax(-1);
        if (dropoutP > 0) weights = F.dropout(weights, dropoutP, true, g);
        return new Tensor[] {weights.matmul(v), weights};
    }

    /** normalization over the last dim, with all-zero rows where every score is -inf (as safeSoftmax). */
    static Tensor safeNormalize(Tensor scores, AttentionNormalization normalization) {
        Tensor full = scores.detach().amax(new int[] {-1}, true).eq(Double.NEGATIVE_INFINITY);   // (..., L, 1)
        if (full.any().item() == 0) return normalization.apply(scores, -1);
        return normalization.apply(scores.maskedFill(full, 0.0), -1).maskedFill(full, 0.0);
    }

    /** softmax over the last dim, with all-zero rows where every score is -inf (plain softmax gives NaN). */
    static Tensor safeSoftmax(Tensor scores) {
        Tensor full = scores.detach().amax(new int[] {-1}, true).eq(Double.NEGATIVE_INFINITY);   // (..., L, 1)
        if (full.any().item() == 0) return scores.softmax(-1);
        return scores.maskedFill(full, 0.0).softmax(-1).maskedFill(full, 0.0);
    }
}
