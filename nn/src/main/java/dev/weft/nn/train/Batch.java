package dev.weft.nn.train;

import dev.weft.tensor.Tensor;

/** One training batch: the model's input and the loss's target, e.g. (B, C) features and (B) class indices. */
public record Batch(Tensor input, Tensor target) {
    public Batch {
        java.util.Objects.requireNonNull(input, "Batch: input");
        java.util.Objects.requireNonNull(target, "Batch: target");
    }
}
