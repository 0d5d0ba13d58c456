package dev.weft.nn.train;

import dev.weft.tensor.Tensor;

/**
 * One training batch: the model's input and the loss's target, e.g. (B, C) features and (B) class indices.
 *
 * @param input the model's input
 * @param target the loss's target
 */
public record Batch(Tensor input, Tensor target) {
    /** Checks that neither tensor is null. */
    public Batch {
        java.util.Objects.requireNonNull(input, "Batch: input");
        java.util.Objects.requireNonNull(target, "Batch: target");
    }
}
