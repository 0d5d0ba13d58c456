package dev.weft.nn.data;

import dev.weft.tensor.Tensor;

/**
 * One (input, target) mini-batch: input (B, ...) and target (B, ...) with the same B.
 * What {@link DataLoader#pairs} yields for a two-tensor dataset.
 */
public record Batch(Tensor input, Tensor target) {
    public Batch {
        java.util.Objects.requireNonNull(input, "Batch: input");
        java.util.Objects.requireNonNull(target, "Batch: target");
    }

    /** The number of samples B (input's dim 0). */
    public int size() {
        return input.size(0);
    }
}
