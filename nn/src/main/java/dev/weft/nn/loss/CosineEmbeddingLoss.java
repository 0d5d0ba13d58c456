package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import java.util.Objects;

/**
 * Pulls pairs labelled 1 to cosine 1 and pushes pairs labelled -1 below cosine {@code margin};
 * module form of {@link Losses#cosineEmbeddingLoss(Tensor, Tensor, Tensor, double, Reduction)}.
 */
public final class CosineEmbeddingLoss extends Module {
    private final double margin;
    private final Reduction reduction;

    public CosineEmbeddingLoss() {
        this(0.0, Reduction.MEAN);
    }

    /** @param margin in [-1, 1]; 0 to 0.5 is the usual range */
    public CosineEmbeddingLoss(double margin, Reduction reduction) {
        this.margin = margin;
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    public double margin() {
        return margin;
    }

    public Reduction reduction() {
        return reduction;
    }

    // input1, input2: (N, E) or (E); target: (N) or () of 1 / -1
    public Tensor forward(Tensor input1, Tensor input2, Tensor target) {
        return Losses.cosineEmbeddingLoss(input1, input2, target, margin, reduction);
    }

    @Override
    protected String extraRepr() {
        return "margin=" + margin + ", reduction=" + reduction;
    }
}
