package dev.weft.nn.train;

import java.io.IOException;

/**
 * Saves checkpoints for the {@link Trainer}. The file format is the implementation's business;
 * {@link AtomicFileCheckpointer} writes through a function it is given, atomically.
 */
@FunctionalInterface
public interface Checkpointer {
    /** Persists {@code checkpoint}; the trainer stops with this exception if it fails. */
    void save(Checkpoint checkpoint) throws IOException;
}
