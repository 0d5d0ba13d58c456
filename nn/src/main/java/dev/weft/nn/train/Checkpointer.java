package dev.weft.nn.train;

import java.io.IOException;

/**
 * Saves checkpoints for the {@link Trainer}. The file format is the implementation's business;
 * {@link AtomicFileCheckpointer} writes through a function it is given, atomically.
 */
@FunctionalInterface
public interface Checkpointer {
    /**
     * Persists a checkpoint.
     *
     * @param checkpoint what to save
     * @throws IOException if saving fails; the trainer stops with it
     */
    void save(Checkpoint checkpoint) throws IOException;
}
