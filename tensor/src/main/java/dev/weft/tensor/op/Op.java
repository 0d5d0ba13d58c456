package dev.weft.tensor.op;

/**
 * The closed set of primitive ops. Every tensor op is one of these records or a composite written in
 * them, so a backend implements exactly this set and autograd writes one rule per record (a missing
 * rule is a compile error in its exhaustive switch). Records are pure values: a random op carries its
 * generator snapshot (seed, counter), never the generator.
 */
public sealed interface Op permits ElementwiseOp, ReduceOp, ViewOp, CreationOp, MatmulOp, CopyOp,
        JoinOp, IndexOp, SortOp, ConvOp, LinalgOp, SpectralOp, RecurrentOp, SparseOp {
    /** {@return the user-facing name used in error messages, e.g. "add", "sum", "matmul"} */
    String name();
}
