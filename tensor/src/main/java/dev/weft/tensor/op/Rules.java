package dev.weft.tensor.op;

import dev.weft.tensor.core.Strided;

/**
 * Output shapes and dtypes of every primitive: one line per op family, each family's rules in its
 * own {@code <Family>Rules}. A rule validates arity, dtypes and shapes and throws
 * IllegalArgumentException naming the op and every input shape involved, e.g.
 * "bmm: (2, 3, 4) @ (2, 5, 6): inner dims 4 != 5". Backends may rely on anything checked here.
 */
public final class Rules {
    private Rules() {}

    /**
     * {@return the outputs {@code op} produces from {@code inputs}, or an error describing why it cannot run}
     *
     * @param op the op
     * @param inputs the input tensors
     */
    public static OutSpec[] infer(Op op, Strided... inputs) {
        return switch (op) {
            case ElementwiseOp e -> ElementwiseRules.infer(e, inputs);
            case ReduceOp r -> ReduceRules.infer(r, inputs);
            case ViewOp v -> ViewRules.infer(v, inputs);
            case MatmulOp m -> MatmulRules.infer(m, inputs);
            case CopyOp c -> CopyRules.infer(c, inputs);
            case CreationOp c -> CreationRules.infer(c, inputs);
            case JoinOp j -> JoinRules.infer(j, inputs);
            case IndexOp i -> IndexRules.infer(i, inputs);
            case SortOp s -> SortRules.infer(s, inputs);
            case ConvOp c -> ConvRules.infer(c, inputs);
            case LinalgOp l -> LinalgRules.infer(l, inputs);
            case SpectralOp s -> SpectralRules.infer(s, inputs);
            case RecurrentOp r -> RecurrentRules.infer(r, inputs);
            case SparseOp s -> SparseRules.infer(s, inputs);
        };
    }
}
