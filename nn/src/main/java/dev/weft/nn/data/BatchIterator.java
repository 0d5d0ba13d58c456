package dev.weft.nn.data;

import java.util.Iterator;

/**
 * The batches of one epoch. Close it when leaving a loop early: that cancels the batches being
 * prefetched and stops the worker threads. It closes itself after the last batch and on an error.
 *
 * @param <B> the batch type
 */
public interface BatchIterator<B> extends Iterator<B>, AutoCloseable {
    /** {@return the epoch whose sample order this iterator follows} */
    int epoch();

    /**
     * Cancels prefetched batches and waits for the workers to stop (up to 30 s for a dataset that ignores
     * interrupts); idempotent. Then hasNext() is false.
     */
    @Override
    void close();
}
