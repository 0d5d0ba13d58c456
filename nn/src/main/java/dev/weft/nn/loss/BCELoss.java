package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import java.util.Objects;

/**
 * Binary cross-entropy of probabilities in [0, 1]; module form of
 * {@link Losses#binaryCrossEntropy(Tensor, Tensor, Tensor, Reduction)}. Element weights are the buffer "weight".
 */
public final class BCELoss extends Module {
    private final Reduction reduction;

    public BCELoss() {
        this(null, Reduction.MEAN);
    }

    public BCELoss(Reduction reduction) {
        this(null, reduction);
    }

    /** @param weight rescales each element (broadcast to the input), or null */
    public BCELoss(Tensor weight, Reduction reduction) {
        registerBuffer("weight", weight);
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    public Reduction reduction() {
        return reduction;
    }

    public Tensor forward(Tensor input, Tensor target) {
        return Losses.binaryCrossEntropy(input, target, buffer("weight"), reduction);
    }

    @Override
    protected String extraRepr() {
        return "reduction=" + reduction;
    }
}
