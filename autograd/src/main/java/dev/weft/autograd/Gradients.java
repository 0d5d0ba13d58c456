package dev.weft.autograd;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.BinaryFn;
import dev.weft.tensor.op.ConvOp;
import dev.weft.tensor.op.CopyOp;
import dev.weft.tensor.op.CreationOp;
import dev.weft.tensor.op.ElementwiseOp;
import dev.weft.tensor.op.IndexOp;
import dev.weft.tensor.op.LinalgOp;
import dev.weft.tensor.op.MatmulOp;
import dev.weft.tensor.op.Op;
import dev.weft.tensor.op.RecurrentOp;
import dev.weft.tensor.op.ReduceFn;
import dev.weft.tensor.op.ReduceOp;
import dev.weft.tensor.op.JoinOp;
import dev.weft.tensor.op.SortOp;
import dev.weft.tensor.op.SparseOp;
import dev.weft.tensor.op.SpectralOp;
import dev.weft.tensor.op.UnaryFn;
import dev.weft.tensor.op.ViewOp;
import java.util.Set;

/**
 * The table of backward rules: one exhaustive switch over the sealed op families (no default branch,
 * so an op added to the tensor layer without a rule does not compile), each family's rules in its own
 * small class. Every rule maps the output gradients to one gradient per input (null: none) using
 * tensor ops only. The ops that have no gradient are listed in {@link #NON_DIFFERENTIABLE_OPS} and
 * {@link #NON_DIFFERENTIABLE_FNS}; reaching one throws {@link NonDifferentiableException}.
 */
public final class Gradients {
    private Gradients() {}

    /**
     * Op records with no gradient at all (outputs are BOOL/integer, or there are no inputs, or, for the fused
     * recurrent backward kernels, a rule that composes its gradient from tensor ops whenever a graph is built).
     */
    public static final Set<Class<? extends Op>> NON_DIFFERENTIABLE_OPS = Set.of(
            ElementwiseOp.Compare.class,
            CreationOp.Full.class, CreationOp.Arange.class, CreationOp.Linspace.class, CreationOp.Eye.class,
            CreationOp.Random.class, IndexOp.Nonzero.class,
            RecurrentOp.LstmCellBackward.class, RecurrentOp.GruCellBackward.class,
            RecurrentOp.LstmLayerBackward.class);

    /** Functions of parameterized records that have no gradient (BOOL results). */
    public static final Set<Enum<?>> NON_DIFFERENTIABLE_FNS = Set.of(
            UnaryFn.LOGICAL_NOT, BinaryFn.LOGICAL_AND, BinaryFn.LOGICAL_OR, BinaryFn.LOGICAL_XOR,
            ReduceFn.ALL, ReduceFn.ANY);

    /** The gradients of op's inputs given its output gradients (see {@link Ctx}). */
    static Tensor[] backward(Op op, Ctx c) {
        return switch (op) {
            case ElementwiseOp e -> ElementwiseGrads.backward(e, c);
            case ReduceOp r -> ReduceGrads.backward(r, c);
            case ViewOp v -> ViewGrads.backward(v, c);
            case MatmulOp m -> MatmulGrads.backward(m, c);
            case CopyOp k -> CopyGrads.backward(k, c);
            case CreationOp k -> CreationGrads.backward(k, c);
            case JoinOp j -> JoinGrads.backward(j, c);
            case IndexOp i -> IndexGrads.backward(i, c);
            case SortOp s -> SortGrads.backward(s, c);
            case ConvOp k -> ConvGrads.backward(k, c);
            case LinalgOp l -> LinalgGrads.backward(l, c);
            case SpectralOp s -> SpectralGrads.backward(s, c);
            case RecurrentOp r -> RecurrentGrads.backward(r, c);
            case SparseOp s -> SparseGrads.backward(s, c);
        };
    }

    static NonDifferentiableException nonDifferentiable(Object what, Ctx c) {
        return new NonDifferentiableException(c.opName() + " is not differentiable (" + what
                + "): no gradient flows through it");
    }
}
