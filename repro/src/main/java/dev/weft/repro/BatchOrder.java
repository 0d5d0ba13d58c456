package dev.weft.repro;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * Minibatch indices for a step-counted training loop: a fresh seeded permutation of the n examples per pass,
 * cut into batches of {@code batch} rows; the tail shorter than a batch is skipped, as DataLoader's drop_last.
 */
public final class BatchOrder {
    private final Generator g;
    private final int n, batch;
    private Tensor order;
    private int at;

    public BatchOrder(Generator g, int n, int batch) {
        if (batch < 1 || batch > n) throw new IllegalArgumentException("BatchOrder: batch " + batch + " must be in [1, n = " + n + "]");
        this.g = g;
        this.n = n;
        this.batch = batch;
        this.at = n;
    }

    /** The next batch's row indices (I64, batch long). */
    public Tensor next() {
        if (at + batch > n) {
            order = Tensor.randperm(g, n);
            at = 0;
        }
        Tensor pick = order.narrow(0, at, batch);
        at += batch;
        return pick;
    }
}
