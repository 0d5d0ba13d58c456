package dev.weft.nn.layers;

import dev.weft.autograd.GradMode;
import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

import java.util.OptionalInt;

/**
 * A lookup table: integer indices (*) -> rows of weight (numEmbeddings, embeddingDim), giving
 * (*, embeddingDim). weight ~ N(0, 1); the paddingIdx row (if any) starts at zero and gets no gradient.
 */
public class Embedding extends Module {
    /**
     * N, the number of rows.
     */
    public final int numEmbeddings;
    /**
     * E, the width of each row.
     */
    public final int embeddingDim;
    /** In [0, numEmbeddings), or -1 for none. */
    private final int paddingIdx;

    /**
     * A table with PyTorch's defaults (no padding index).
     *
     * @param numEmbeddings N, the number of rows
     * @param embeddingDim E, the width of each row
     */
    public Embedding(int numEmbeddings, int embeddingDim) {
        this(options(numEmbeddings, embeddingDim));
    }

    /**
     * {@code new Embedding(Embedding.options(1000, 64).paddingIdx(0))}.
     *
     * @param options the sizes and settings, checked here
     */
    public Embedding(Options options) {
        int n = options.numEmbeddings;
        this.numEmbeddings = OptionChecks.atLeast("Embedding", "numEmbeddings", n, 0);
        this.embeddingDim = OptionChecks.atLeast("Embedding", "embeddingDim", options.embeddingDim, 0);
        if (options.paddingIdx != null) {
            int p = options.paddingIdx;
            if (p >= n || p < -n) {
                throw new IllegalArgumentException("Embedding: paddingIdx must be within numEmbeddings " + n + " (in ["
                        + -n + ", " + n + ")), got " + p);
            }
            this.paddingIdx = p < 0 ? p + n : p;
        } else {
            this.paddingIdx = -1;
        }
        registerParameter("weight", Tensor.empty(numEmbeddings, embeddingDim));
        resetParameters(options.generator != null ? options.generator : Init.defaultGenerator());
    }

    /**
     * Options with PyTorch's defaults: no padding index, weights from {@link Init#defaultGenerator()}.
     *
     * @param numEmbeddings N, the number of rows
     * @param embeddingDim E, the width of each row
     * @return options to refine and pass to {@link #Embedding(Options)}
     */
    public static Options options(int numEmbeddings, int embeddingDim) {
        return new Options(numEmbeddings, embeddingDim);
    }

    /** Embedding's options. */
    public static final class Options {
        private final int numEmbeddings, embeddingDim;
        private Integer paddingIdx;
        private Generator generator;

        private Options(int numEmbeddings, int embeddingDim) {
            this.numEmbeddings = numEmbeddings;
            this.embeddingDim = embeddingDim;
        }

        /**
         * The row that starts at zero and gets no gradient; negative counts from the end.
         *
         * @param paddingIdx in [-N, N)
         * @return these options
         */
        public Options paddingIdx(int paddingIdx) {
            this.paddingIdx = paddingIdx;
            return this;
        }

        /**
         * Draws the initial N(0, 1) weight.
         *
         * @param generator default {@link Init#defaultGenerator()}
         * @return these options
         */
        public Options generator(Generator generator) {
            this.generator = OptionChecks.nonNull("Embedding", "generator", generator);
            return this;
        }
    }

    /** {@return the padding row, in [0, numEmbeddings), if one was set} */
    public OptionalInt paddingIdx() {
        return paddingIdx < 0 ? OptionalInt.empty() : OptionalInt.of(paddingIdx);
    }

    /**
     * A frozen table (no grad) holding {@code embeddings} (N, E) (copied), PyTorch's default freeze = true.
     *
     * @param embeddings the rows (N, E)
     * @return the frozen table
     */
    public static Embedding fromPretrained(Tensor embeddings) {
        return fromPretrained(embeddings, true);
    }

    /**
     * A table holding {@code embeddings} (N, E) (copied); frozen (no grad) when {@code freeze}.
     *
     * @param embeddings the rows (N, E)
     * @param freeze whether the weight is excluded from training
     * @return the table
     */
    public static Embedding fromPretrained(Tensor embeddings, boolean freeze) {
        return pretrained(embeddings, freeze, null);
    }

    /**
     * As {@link #fromPretrained(Tensor, boolean)}, row paddingIdx getting no gradient.
     *
     * @param embeddings the rows (N, E)
     * @param freeze whether the weight is excluded from training
     * @param paddingIdx the row that gets no gradient
     * @return the table
     */
    public static Embedding fromPretrained(Tensor embeddings, boolean freeze, int paddingIdx) {
        return pretrained(embeddings, freeze, paddingIdx);
    }

    private static Embedding pretrained(Tensor embeddings, boolean freeze, Integer paddingIdx) {
        if (embeddings.dim() != 2) {
            throw new IllegalArgumentException("Embedding.fromPretrained: embeddings " + Shape.format(embeddings.shape())
                    + " must be 2-d (N, E)");
        }
        Options o = options(embeddings.size(0), embeddings.size(1)).generator(new Generator(0));
        if (paddingIdx != null) o.paddingIdx(paddingIdx);
        Embedding e = new Embedding(o);
        try (var s = GradMode.noGrad()) {
            e.param("weight").copy_(embeddings.to(e.param("weight").dtype()));
        }
        e.param("weight").requiresGrad(!freeze);
        return e;
    }

    /**
     * weight ~ N(0, 1), padding row zeroed.
     *
     * @param g the generator the new weight is drawn from
     */
    public void resetParameters(Generator g) {
        Tensor w = param("weight");
        Init.normal(w, 0, 1, g);
        if (paddingIdx >= 0) {
            try (var s = GradMode.noGrad()) {
                w.select(0, paddingIdx).fill_(0);
            }
        }
    }

    // indices: (*) integer -> (*, embeddingDim)
    @Override
    public Tensor forward(Tensor indices) {
        Tensor w = param("weight");
        return paddingIdx >= 0 ? F.embedding(indices, w, paddingIdx) : F.embedding(indices, w);
    }

    @Override
    protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx < 0 ? "" : ", paddingIdx=" + paddingIdx);
    }

    /** {@return the weight parameter: (num_embeddings, embedding_dim)} */
    public Tensor weight() { return param("weight"); }
}
