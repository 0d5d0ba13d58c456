package dev.weft.nn.attention;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * A trained positional embedding (as in BERT and GPT): parameter "weight" (maxLen, dModel), row t
 * added to step t of the input, then dropout. Initialized N(0, 1) like an Embedding, so a
 * torch.nn.Embedding(maxLen, dModel) state dict loads into it.
 */
public final class LearnedPositionalEncoding extends Module {
    private final int dModel;
    private final int maxLen;
    private final double dropoutP;
    private final boolean batchFirst;
    private final Generator dropoutGenerator;

    /**
     * Dropout 0.1, time-major, weights from the default generator.
     *
     * @param maxLen the longest sequence, the table's rows
     * @param dModel the model width, the input's last dim
     */
    public LearnedPositionalEncoding(int maxLen, int dModel) {
        this(options(maxLen, dModel));
    }

    /**
     * {@code new LearnedPositionalEncoding(LearnedPositionalEncoding.options(512, 64).dropout(0.0).batchFirst(true))}.
     *
     * @param options maxLen, dModel, dropout, batchFirst and generator
     * @throws IllegalArgumentException if maxLen or dModel is below 1 or dropout is not a probability
     */
    public LearnedPositionalEncoding(Options options) {
        String me = "LearnedPositionalEncoding";
        this.maxLen = OptionChecks.atLeast(me, "maxLen", options.maxLen, 1);
        this.dModel = OptionChecks.atLeast(me, "dModel", options.dModel, 1);
        this.dropoutP = OptionChecks.probability(me, "dropout", options.dropout);
        this.batchFirst = options.batchFirst;
        Generator gen = options.generator != null ? options.generator : Init.defaultGenerator();
        Init.normal(registerParameter("weight", Tensor.empty(maxLen, dModel)), 0.0, 1.0, gen);
        this.dropoutGenerator = gen.split();
    }

    /**
     * Options: dropout 0.1, time-major, weights from {@link Init#defaultGenerator()}.
     *
     * @param maxLen the longest sequence, the table's rows
     * @param dModel the model width, the input's last dim
     * @return new options
     */
    public static Options options(int maxLen, int dModel) {
        return new Options(maxLen, dModel);
    }

    /** LearnedPositionalEncoding's options. */
    public static final class Options {
        private final int maxLen, dModel;
        private double dropout = 0.1;
        private boolean batchFirst;
        private Generator generator;

        private Options(int maxLen, int dModel) {
            this.maxLen = maxLen;
            this.dModel = dModel;
        }

        /**
         * Dropout probability after adding the encoding (training mode).
         *
         * @param dropout the probability (default 0.1)
         * @return these options
         */
        public Options dropout(double dropout) {
            this.dropout = dropout;
            return this;
        }

        /**
         * Inputs (B, T, dModel) rather than (T, B, dModel).
         *
         * @param batchFirst true for (B, T, dModel) (default false)
         * @return these options
         */
        public Options batchFirst(boolean batchFirst) {
            this.batchFirst = batchFirst;
            return this;
        }

        /**
         * Draws the N(0, 1) weights; a split of it drives the dropout.
         *
         * @param generator the generator, not null
         * @return these options
         */
        public Options generator(Generator generator) {
            this.generator = OptionChecks.nonNull("LearnedPositionalEncoding", "generator", generator);
            return this;
        }
    }

    /** x: (T, B, dModel), (B, T, dModel) batch-first, or (T, dModel) -> dropout(x + weight[:T]), same shape. */
    @Override
    public Tensor forward(Tensor x) {
        int T = SinusoidalPositionalEncoding.checkInput("LearnedPositionalEncoding", x, dModel, maxLen, batchFirst);
        Tensor pe = param("weight").narrow(0, 0, T);
        if (x.dim() == 3 && !batchFirst) pe = pe.unsqueeze(1);
        return F.dropout(x.add(pe), dropoutP, isTraining(), dropoutGenerator);
    }

    @Override
    protected String extraRepr() {
        return "maxLen=" + maxLen + ", dModel=" + dModel + ", dropout=" + dropoutP + (batchFirst ? ", batchFirst=true" : "");
    }
}
