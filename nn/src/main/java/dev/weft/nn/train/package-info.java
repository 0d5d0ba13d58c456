/**
 * A small optional training loop ({@link dev.weft.nn.train.Trainer}) with running metrics, evaluation
 * hooks, a progress report on stderr and checkpoints through a pluggable
 * {@link dev.weft.nn.train.Checkpointer} ({@link dev.weft.nn.train.AtomicFileCheckpointer} writes
 * atomically through a format-specific writer).
 */
package dev.weft.nn.train;
