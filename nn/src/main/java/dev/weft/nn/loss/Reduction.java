package dev.weft.nn.loss;

import dev.weft.nn.OptionEnums;
import dev.weft.tensor.Tensor;

/**
 * How a loss folds its per-element values: NONE keeps them, MEAN averages, SUM adds. BATCHMEAN
 * (sum divided by the batch size, dim 0) is valid for {@link Losses#klDiv} only, as in PyTorch.
 */
public enum Reduction {
    /**
     * The per-element losses, unreduced.
     */
    NONE,
    /**
     * Their mean (crossEntropy and nllLoss with class weights divide by the sum of the weights instead).
     */
    MEAN,
    /**
     * Their sum.
     */
    SUM,
    /** sum / input.size(0); klDiv only. */
    BATCHMEAN;

    /**
     * Parses PyTorch's "none", "mean", "sum" or "batchmean" (case-insensitive).
     *
     * @param s the name
     * @return the reduction
     * @throws IllegalArgumentException if s names none
     */
    public static Reduction of(String s) {
        return OptionEnums.of("Reduction", values(), s);
    }

    /** {@return the name PyTorch uses: "none", "mean", "sum", "batchmean"} */
    @Override
    public String toString() {
        return OptionEnums.torchName(this);
    }

    /**
     * Folds per-element losses {@code l}: NONE returns l, MEAN l.mean(), SUM l.sum(). BATCHMEAN is
     * refused here (only klDiv handles it) with an error naming {@code loss}.
     */
    Tensor apply(String loss, Tensor l) {
        return switch (this) {
            case NONE -> l;
            case MEAN -> l.mean();
            case SUM -> l.sum();
            case BATCHMEAN -> throw notBatchmean(loss);
        };
    }

    static IllegalArgumentException notBatchmean(String loss) {
        return new IllegalArgumentException(loss + ": batchmean is not a valid value for reduction (only klDiv takes it)");
    }
}
