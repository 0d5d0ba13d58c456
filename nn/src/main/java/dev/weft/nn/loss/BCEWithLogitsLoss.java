package dev.weft.nn.loss;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import java.util.Objects;

/**
 * Binary cross-entropy on logits, computed stably; module form of
 * {@link Losses#binaryCrossEntropyWithLogits(Tensor, Tensor, Tensor, Reduction, Tensor)}. The weights are
 * buffers "weight" and "pos_weight" (PyTorch's state-dict names), absent when null.
 */
public final class BCEWithLogitsLoss extends Module {
    private final Reduction reduction;

    public BCEWithLogitsLoss() {
        this(null, Reduction.MEAN, null);
    }

    public BCEWithLogitsLoss(Reduction reduction) {
        this(null, reduction, null);
    }

    /**
     * @param weight rescales each element (broadcast to the input), or null
     * @param posWeight weight of the positive term per class (broadcast over the last dims), or null
     */
    public BCEWithLogitsLoss(Tensor weight, Reduction reduction, Tensor posWeight) {
        registerBuffer("weight", weight);
        registerBuffer("pos_weight", posWeight);
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    public Reduction reduction() {
        return reduction;
    }

    public Tensor forward(Tensor input, Tensor target) {
        return Losses.binaryCrossEntropyWithLogits(input, target, buffer("weight"), reduction, buffer("pos_weight"));
    }

    @Override
    protected String extraRepr() {
        return "reduction=" + reduction;
    }
}
