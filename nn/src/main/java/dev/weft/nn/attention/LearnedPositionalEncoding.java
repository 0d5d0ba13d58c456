package dev.weft.nn.attention;

import dev.weft.nn.Module;
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

    /** Dropout 0.1, time-major, weights from the default generator. */
    public LearnedPositionalEncoding(int maxLen, int dModel) {
        this(maxLen, dModel, 0.1, false, Init.defaultGenerator());
    }

    /** @param gen draws the weights; a split of it drives the dropout */
    public LearnedPositionalEncoding(int maxLen, int dModel, double dropout, boolean batchFirst, Generator gen) {
        if (dModel <= 0 || maxLen <= 0) {
            throw new IllegalArgumentException("LearnedPositionalEncoding: dModel and maxLen must be positive, got "
                    + dModel + ", " + maxLen);
        }
        this.dModel = dModel;
        this.maxLen = maxLen;
        this.dropoutP = dropout;
        this.batchFirst = batchFirst;
        Init.normal(registerParameter("weight", Tensor.empty(maxLen, dModel)), 0.0, 1.0, gen);
        this.dropoutGenerator = gen.split();
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
