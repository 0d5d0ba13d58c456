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

    /** Margin 0, reduction MEAN. */
    public CosineEmbeddingLoss() {
        this(0.0, Reduction.MEAN);
    }

    /**
     * A loss with the given margin and reduction.
     *
     * @param margin in [-1, 1]; 0 to 0.5 is the usual range
     * @param reduction how the per-element losses are combined, not null
     * @throws NullPointerException if reduction is null
     */
    public CosineEmbeddingLoss(double margin, Reduction reduction) {
        this.margin = margin;
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    /** {@return the cosine below which pairs labelled -1 cost nothing} */
    public double margin() {
        return margin;
    }

    /** {@return how the per-element losses are combined} */
    public Reduction reduction() {
        return reduction;
    }

    // input1, input2: (N, E) or (E); target: (N) or () of 1 / -1
    /**
     * The loss of each pair, reduced.
     *
     * @param input1 the first embeddings (N, E) or (E)
     * @param input2 the second embeddings, input1's shape
     * @param target 1 or -1 per pair, (N) or ()
     * @return the loss: a scalar, or (N) with reduction NONE and batched inputs
     */
    public Tensor forward(Tensor input1, Tensor input2, Tensor target) {
        return Losses.cosineEmbeddingLoss(input1, input2, target, margin, reduction);
    }

    @Override
    protected String extraRepr() {
        return "margin=" + margin + ", reduction=" + reduction;
    }
}
