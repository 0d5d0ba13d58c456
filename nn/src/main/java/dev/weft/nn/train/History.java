package dev.weft.nn.train;

import java.util.List;
import java.util.Map;

/**
 * What {@link Trainer#fit} returns: per-epoch training statistics, every evaluation, and the number of
 * optimizer steps taken.
 */
public record History(List<Epoch> epochs, List<Evaluation> evaluations, long steps) {
    /** One epoch (counted from 0, as in {@link Evaluation}): mean training loss, accuracy (NaN when it does not apply), steps, seconds. */
    public record Epoch(int epoch, double loss, double accuracy, long steps, double seconds) {}

    /** An evaluation's metrics, taken after {@code step} optimizer steps, during {@code epoch}. */
    public record Evaluation(long step, int epoch, Map<String, Double> metrics) {}

    /** {@return the last epoch's statistics} */
    public Epoch last() {
        if (epochs.isEmpty()) throw new IllegalStateException("History: no epoch was run");
        return epochs.get(epochs.size() - 1);
    }
}
