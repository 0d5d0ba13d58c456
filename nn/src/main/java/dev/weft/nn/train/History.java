package dev.weft.nn.train;

import java.util.List;
import java.util.Map;

/**
 * What {@link Trainer#fit} returns: per-epoch training statistics, every evaluation, and the number of
 * optimizer steps taken.
 *
 * @param epochs one entry per epoch run, in order
 * @param evaluations every evaluation, in the order taken
 * @param steps the total number of optimizer steps
 */
public record History(List<Epoch> epochs, List<Evaluation> evaluations, long steps) {
    /**
     * One epoch's training statistics.
     *
     * @param epoch the epoch, counted from 0 (as in {@link Evaluation})
     * @param loss the mean training loss per sample
     * @param accuracy the training accuracy in [0, 1], NaN when it does not apply
     * @param steps the optimizer steps taken in this epoch
     * @param seconds the epoch's wall-clock time
     */
    public record Epoch(int epoch, double loss, double accuracy, long steps, double seconds) {}

    /**
     * An evaluation's metrics.
     *
     * @param step the optimizer steps taken before it
     * @param epoch the epoch it ran in (from 0)
     * @param metrics the values by metric name
     */
    public record Evaluation(long step, int epoch, Map<String, Double> metrics) {}

    /**
     * {@return the last epoch's statistics}
     *
     * @throws IllegalStateException if no epoch was run
     */
    public Epoch last() {
        if (epochs.isEmpty()) throw new IllegalStateException("History: no epoch was run");
        return epochs.get(epochs.size() - 1);
    }
}
