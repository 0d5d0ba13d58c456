package dev.weft.tensor.op;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;
import java.util.Arrays;

/** Shape rules of {@link ReduceOp}: reduced shapes, empty-dim checks and accumulation dtypes. */
final class ReduceRules {
    private ReduceRules() {}


    static OutSpec[] infer(ReduceOp op, Strided[] in) {
        RuleChecks.arity(op.name(), in, 1);
        Strided x = in[0];
        int[] shape = x.shape();
        return switch (op) {
            case ReduceOp.Reduce r -> {
                int[] s = reducedShape(r.name(), shape, r.dims(), r.keepdim());
                DType t = switch (r.fn()) {
                    case SUM, PROD -> accumulateDtype(x.dtype());
                    case MAX, MIN -> {
                        nonEmpty(r.name(), shape, r.dims());
                        yield x.dtype();
                    }
                    case ALL, ANY -> DType.BOOL;
                };
                yield RuleChecks.one(new OutSpec(s, t));
            }
            case ReduceOp.ArgReduce a -> {
                dimOk(a.name(), a.dim(), shape);
                int[] dims = {a.dim()};
                int[] s = reducedShape(a.name(), shape, dims, a.keepdim());
                nonEmpty(a.name(), shape, dims);
                yield new OutSpec[] {new OutSpec(s, x.dtype()), new OutSpec(s, DType.I64)};
            }
            case ReduceOp.Var v -> {
                RuleChecks.floating("var", x);
                yield RuleChecks.one(new OutSpec(reducedShape("var", shape, v.dims(), v.keepdim()), x.dtype()));
            }
            case ReduceOp.Std v -> {
                RuleChecks.floating("std", x);
                yield RuleChecks.one(new OutSpec(reducedShape("std", shape, v.dims(), v.keepdim()), x.dtype()));
            }
            case ReduceOp.Norm nm -> {
                RuleChecks.floating("norm", x);
                yield RuleChecks.one(new OutSpec(reducedShape("norm", shape, nm.dims(), nm.keepdim()), x.dtype()));
            }
            case ReduceOp.Softmax s -> {
                RuleChecks.floating("softmax", x);
                dimOk("softmax", s.dim(), shape);
                yield RuleChecks.one(new OutSpec(shape, x.dtype()));
            }
            case ReduceOp.LogSoftmax s -> {
                RuleChecks.floating("log_softmax", x);
                dimOk("log_softmax", s.dim(), shape);
                yield RuleChecks.one(new OutSpec(shape, x.dtype()));
            }
            case ReduceOp.LogSumExp l -> {
                RuleChecks.floating("logsumexp", x);
                yield RuleChecks.one(new OutSpec(reducedShape("logsumexp", shape, l.dims(), l.keepdim()), x.dtype()));
            }
            case ReduceOp.Cumsum c -> {
                dimOk("cumsum", c.dim(), shape);
                yield RuleChecks.one(new OutSpec(shape, accumulateDtype(x.dtype())));
            }
            case ReduceOp.Cumprod c -> {
                dimOk("cumprod", c.dim(), shape);
                yield RuleChecks.one(new OutSpec(shape, accumulateDtype(x.dtype())));
            }
        };
    }

    /** The shape left after reducing dims (sorted, unique, in range; checked here). */
    static int[] reducedShape(String op, int[] shape, int[] dims, boolean keepdim) {
        int rank = shape.length;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0 || dims[i] >= Math.max(rank, 1) || (i > 0 && dims[i] <= dims[i - 1])) {
                throw new IllegalArgumentException(op + ": dims " + Arrays.toString(dims)
                        + " must be sorted, unique and in 0.." + (rank - 1) + " for input " + Shape.format(shape));
            }
        }
        if (rank == 0) return Shape.SCALAR;
        boolean[] red = new boolean[rank];
        for (int d : dims) red[d] = true;
        int n = 0;
        for (int d = 0; d < rank; d++) if (keepdim || !red[d]) n++;
        int[] out = new int[n];
        int j = 0;
        for (int d = 0; d < rank; d++) {
            if (red[d]) {
                if (keepdim) out[j++] = 1;
            } else {
                out[j++] = shape[d];
            }
        }
        return out;
    }

    private static void nonEmpty(String op, int[] shape, int[] dims) {
        for (int d : dims) {
            if (d < shape.length && shape[d] == 0) {
                throw new IllegalArgumentException(op + ": cannot reduce over dim " + d + " of size 0 in "
                        + Shape.format(shape) + " (no identity)");
            }
        }
    }

    private static void dimOk(String op, int dim, int[] shape) {
        if (dim < 0 || dim >= Math.max(shape.length, 1)) {
            throw new IllegalArgumentException(op + ": dim " + dim + " out of range for input " + Shape.format(shape));
        }
    }

    private static DType accumulateDtype(DType t) {
        return t.isFloatingPoint() ? t : DType.I64;
    }
}
