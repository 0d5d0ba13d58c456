package dev.weft.nn.attention;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

/**
 * Fixed positional encoding of "Attention Is All You Need" (section 3.5), added to the input then
 * dropped out: PE(pos, 2i) = sin(pos / 10000^(2i / d)), PE(pos, 2i+1) = cos(pos / 10000^(2i / d)).
 * The table is the non-persistent buffer "pe" (maxLen, dModel), so it is rebuilt rather than saved
 * (scaling embeddings by sqrt(dModel) first, as the paper does, is the caller's step).
 */
public final class SinusoidalPositionalEncoding extends Module {
    private final int dModel;
    private final int maxLen;
    private final double dropoutP;
    private final boolean batchFirst;
    private final Generator generator;

    /**
     * maxLen 5000, dropout 0.1 (the paper's P_drop), time-major.
     *
     * @param dModel the model width, the input's last dim
     */
    public SinusoidalPositionalEncoding(int dModel) {
        this(options(dModel));
    }

    /**
     * {@code new SinusoidalPositionalEncoding(SinusoidalPositionalEncoding.options(64).maxLen(512).batchFirst(true))}.
     *
     * @param options dModel, maxLen, dropout, batchFirst and generator
     * @throws IllegalArgumentException if dModel or maxLen is below 1 or dropout is not a probability
     */
    public SinusoidalPositionalEncoding(Options options) {
        String me = "SinusoidalPositionalEncoding";
        this.dModel = OptionChecks.atLeast(me, "dModel", options.dModel, 1);
        this.maxLen = OptionChecks.atLeast(me, "maxLen", options.maxLen, 1);
        this.dropoutP = OptionChecks.probability(me, "dropout", options.dropout);
        this.batchFirst = options.batchFirst;
        this.generator = options.generator != null ? options.generator : Init.defaultGenerator().split();
        registerBuffer("pe", table(maxLen, dModel), false);
    }

    /**
     * Options: maxLen 5000, dropout 0.1, time-major, masks from a split of {@link Init#defaultGenerator()}.
     *
     * @param dModel the model width, the input's last dim
     * @return new options
     */
    public static Options options(int dModel) {
        return new Options(dModel);
    }

    /** SinusoidalPositionalEncoding's options. */
    public static final class Options {
        private final int dModel;
        private int maxLen = 5000;
        private double dropout = 0.1;
        private boolean batchFirst;
        private Generator generator;

        private Options(int dModel) {
            this.dModel = dModel;
        }

        /**
         * Rows of the table: the longest sequence accepted.
         *
         * @param maxLen the longest sequence (default 5000)
         * @return these options
         */
        public Options maxLen(int maxLen) {
            this.maxLen = maxLen;
            return this;
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
         * Draws the dropout masks (used as given, not split).
         *
         * @param generator the generator, not null
         * @return these options
         */
        public Options generator(Generator generator) {
            this.generator = OptionChecks.nonNull("SinusoidalPositionalEncoding", "generator", generator);
            return this;
        }
    }

    /**
     * The (n, d) table PE(pos, j), in F64 arithmetic, returned as F32.
     *
     * @param n the number of positions
     * @param d the model width
     * @return the table (n, d), F32
     */
    public static Tensor table(int n, int d) {
        double[] pe = new double[n * d];
        for (int pos = 0; pos < n; pos++) {
            for (int j = 0; j < d; j++) {
                double angle = pos / Math.pow(10000.0, (j - (j & 1)) / (double) d);
                pe[pos * d + j] = (j & 1) == 0 ? Math.sin(angle) : Math.cos(angle);
            }
        }
        return Tensor.of(pe, n, d).to(dev.weft.tensor.core.DType.F32);
    }

    /** x: (T, B, dModel), (B, T, dModel) batch-first, or (T, dModel) -> dropout(x + PE[:T]), same shape. */
    @Override
    public Tensor forward(Tensor x) {
        int T = checkInput("SinusoidalPositionalEncoding", x, dModel, maxLen, batchFirst);
        Tensor pe = buffer("pe").narrow(0, 0, T).to(x.dtype());
        if (x.dim() == 3 && !batchFirst) pe = pe.unsqueeze(1);
        return F.dropout(x.add(pe), dropoutP, isTraining(), generator);
    }

    /** The sequence length T of x after checking its shape. */
    static int checkInput(String who, Tensor x, int dModel, int maxLen, boolean batchFirst) {
        if ((x.dim() != 2 && x.dim() != 3) || x.size(-1) != dModel) {
            throw new IllegalArgumentException(who + "(dModel=" + dModel + "): input " + Shape.format(x.shape())
                    + ": expected (T, B, " + dModel + "), (B, T, " + dModel + ") batch-first, or (T, " + dModel + ")");
        }
        int T = x.dim() == 3 && batchFirst ? x.size(1) : x.size(0);
        if (T > maxLen) {
            throw new IllegalArgumentException(who + "(dModel=" + dModel + "): input " + Shape.format(x.shape())
                    + ": sequence length " + T + " > maxLen " + maxLen);
        }
        return T;
    }

    @Override
    protected String extraRepr() {
        return "dModel=" + dModel + ", maxLen=" + maxLen + ", dropout=" + dropoutP + (batchFirst ? ", batchFirst=true" : "");
    }
}
