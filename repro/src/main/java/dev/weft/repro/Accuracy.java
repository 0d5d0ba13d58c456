package dev.weft.repro;

import dev.weft.tensor.Tensor;

/** Classification accuracy as the reproductions' tables show it. */
public final class Accuracy {
    private Accuracy() {}

    /** The share in percent of rows of {@code logits} (N, C) whose argmax equals {@code labels} (N). */
    public static double percent(Tensor logits, Tensor labels) {
        return 100.0 * logits.argmax(1).eq(labels).sum().item() / labels.numel();
    }
}
