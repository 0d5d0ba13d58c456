package dev.weft.nn.attention;

import dev.weft.nn.OptionEnums;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;

/**
 * What turns attention scores into weights over the keys: SOFTMAX (the default, Vaswani et al.),
 * SPARSEMAX (Martins and Astudillo 2016) or ENTMAX15 (1.5-entmax, Peters et al. 2019, as in Correia et
 * al. 2019's adaptively sparse transformers with alpha fixed at 1.5). The sparse two give exact zeros to
 * low-scoring keys; all three sum to 1 over the keys.
 */
public enum AttentionNormalization {
    /** softmax: exp(s_j) / sum_k exp(s_k), dense. */
    SOFTMAX,
    /** sparsemax: the Euclidean projection of the scores onto the probability simplex. */
    SPARSEMAX,
    /** 1.5-entmax: between softmax and sparsemax, sparse. */
    ENTMAX15;

    /**
     * Parses "softmax", "sparsemax" or "entmax15".
     *
     * @param s the name, case-insensitive
     * @return the constant
     * @throws IllegalArgumentException if s names none of them
     */
    public static AttentionNormalization of(String s) {
        return OptionEnums.of("AttentionNormalization", values(), s);
    }

    /**
     * The map along dim.
     *
     * @param scores the scores
     * @param dim    the dim to normalize over (the keys)
     * @return the weights, scores' shape, summing to 1 along dim
     */
    public Tensor apply(Tensor scores, int dim) {
        return switch (this) {
            case SOFTMAX -> scores.softmax(dim);
            case SPARSEMAX -> F.sparsemax(scores, dim);
            case ENTMAX15 -> F.entmax15(scores, dim);
        };
    }

    /** "softmax", "sparsemax" or "entmax15". */
    @Override
    public String toString() {
        return OptionEnums.torchName(this);
    }
}
