package dev.weft.nn.layers;

import dev.weft.autograd.GradMode;
import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

/**
 * A lookup table: integer indices (*) -> rows of weight (numEmbeddings, embeddingDim), giving
 * (*, embeddingDim). weight ~ N(0, 1); the paddingIdx row (if any) starts at zero and gets no gradient.
 */
public class Embedding extends Module {
    public final int numEmbeddings;
    public final int embeddingDim;
    /** Normalized to [0, numEmbeddings), or null. */
    public final Integer paddingIdx;

    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, null, Init.defaultGenerator());
    }

    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx) {
        this(numEmbeddings, embeddingDim, paddingIdx, Init.defaultGenerator());
    }

    /** paddingIdx may be negative (counted from the end) or null; weights drawn from {@code g}. */
    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx, Generator g) {
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = normalize(numEmbeddings, paddingIdx);
        registerParameter("weight", Tensor.empty(numEmbeddings, embeddingDim));
        resetParameters(g);
    }

    private static Integer normalize(int n, Integer p) {
        if (p == null) return null;
        if (p >= n || p < -n) {
            throw new IllegalArgumentException("Embedding: paddingIdx " + p + " must be within numEmbeddings " + n);
        }
        return p < 0 ? p + n : p;
    }

    /** A table holding {@code embeddings} (N, E) (copied); frozen (no grad) when {@code freeze}. */
    public static Embedding fromPretrained(Tensor embeddings, boolean freeze, Integer paddingIdx) {
        if (embeddings.dim() != 2) {
            throw new IllegalArgumentException("Embedding.fromPretrained: embeddings " + Shape.format(embeddings.shape())
                    + " must be 2-d (N, E)");
        }
        Embedding e = new Embedding(embeddings.size(0), embeddings.size(1), paddingIdx, new Generator(0));
        try (var s = GradMode.noGrad()) {
            e.param("weight").copy_(embeddings.to(e.param("weight").dtype()));
        }
        e.param("weight").requiresGrad(!freeze);
        return e;
    }

    /** weight ~ N(0, 1), padding row zeroed. */
    public void resetParameters(Generator g) {
        Tensor w = param("weight");
        Init.normal(w, 0, 1, g);
        if (paddingIdx != null) {
            try (var s = GradMode.noGrad()) {
                w.select(0, paddingIdx).fill_(0);
            }
        }
    }

    // indices: (*) integer -> (*, embeddingDim)
    @Override
    public Tensor forward(Tensor indices) {
        return F.embedding(indices, param("weight"), paddingIdx);
    }

    @Override
    protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx == null ? "" : ", paddingIdx=" + paddingIdx);
    }

    /** The weight parameter: (num_embeddings, embedding_dim). */
    public Tensor weight() { return param("weight"); }
}
