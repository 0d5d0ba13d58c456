/**
 * Data loading: map-style datasets ({@link dev.weft.nn.data.Dataset}, {@link dev.weft.nn.data.TensorDataset},
 * {@link dev.weft.nn.data.Subset}, {@link dev.weft.nn.data.ConcatDataset}, random splits), the
 * {@link dev.weft.nn.data.DataLoader} (seeded per-epoch shuffles, batching, collate, ordered prefetch on
 * virtual threads), and readers for files users already have: IDX ({@link dev.weft.nn.data.Idx},
 * {@link dev.weft.nn.data.Mnist}) and CSV ({@link dev.weft.nn.data.Csv}, {@link dev.weft.nn.data.LabeledCsv}).
 * Readers validate everything before allocating and report malformed input as a
 * {@link dev.weft.nn.data.DataFileException} naming file and byte offset or line. All tensors are on the CPU.
 */
package dev.weft.nn.data;
