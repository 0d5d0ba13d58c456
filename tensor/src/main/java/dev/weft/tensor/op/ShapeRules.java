package dev.weft.tensor.op;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;
import java.util.Arrays;

/**
 * Output shapes and dtypes of every primitive, one exhaustive switch. It validates arity, dtypes and
 * shapes and throws IllegalArgumentException naming the op and every input shape involved, e.g.
 * "bmm: (2, 3, 4) @ (2, 5, 6): inner dims 4 != 5". Backends may rely on anything checked here.
 */
public final class ShapeRules {
    private ShapeRules() {}

    /** The outputs {@code op} produces from {@code inputs}, or an error describing why it cannot run. */
    public static OutSpec[] infer(Op op, Tensor... inputs) {
        return switch (op) {
            case ElementwiseOp e -> one(elementwise(e, inputs));
            case ReduceOp r -> reduce(r, inputs);
            case ViewOp v -> {
                arity(v.name(), inputs, 1);
                yield one(new OutSpec(ViewLayout.of(v, inputs[0]).shape(), inputs[0].dtype()));
            }
            case CreationOp c -> {
                arity(c.name(), inputs, 0);
                yield one(creation(c));
            }
            case MatmulOp m -> one(matmul(m, inputs));
            case CopyOp c -> one(copy(c, inputs));
            case JoinOp s -> JoinRules.infer(s, inputs);
            case IndexOp i -> IndexRules.infer(i, inputs);
            case SortOp s -> SortRules.infer(s, inputs);
            case ConvOp c -> ConvRules.infer(c, inputs);
            case LinalgOp l -> LinalgRules.infer(l, inputs);
        };
    }

    private static OutSpec[] one(OutSpec s) {
        return new OutSpec[] {s};
    }

    static void arity(String op, Tensor[] inputs, int n) {
        if (inputs.length != n) {
            throw new IllegalArgumentException(op + ": expected " + n + " input(s), got " + inputs.length);
        }
    }

    private static String shapes(Tensor[] inputs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < inputs.length; i++) sb.append(i == 0 ? "" : " and ").append(Shape.format(inputs[i].shape()));
        return sb.toString();
    }

    private static void sameDtype(String op, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": input dtypes " + a.dtype() + " and " + b.dtype()
                    + " differ (shapes " + Shape.format(a.shape()) + " and " + Shape.format(b.shape()) + ")");
        }
    }

    private static void floating(String op, Tensor x) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": expected a floating dtype (f32 or f64), got " + x.dtype()
                    + " for input " + Shape.format(x.shape()));
        }
    }

    private static OutSpec elementwise(ElementwiseOp op, Tensor[] in) {
        return switch (op) {
            case ElementwiseOp.Unary u -> {
                arity(u.name(), in, 1);
                DType t = in[0].dtype();
                switch (u.fn().domain()) {
                    case FLOAT -> floating(u.name(), in[0]);
                    case NUMERIC -> {
                        if (t == DType.BOOL) {
                            throw new IllegalArgumentException(u.name() + ": bool input " + Shape.format(in[0].shape())
                                    + " is not supported");
                        }
                    }
                    case BOOL -> {
                        if (t != DType.BOOL) {
                            throw new IllegalArgumentException(u.name() + ": expected a bool input, got " + t + " for "
                                    + Shape.format(in[0].shape()));
                        }
                    }
                }
                yield new OutSpec(in[0].shape(), t);
            }
            case ElementwiseOp.Binary b -> {
                arity(b.name(), in, 2);
                sameDtype(b.name(), in[0], in[1]);
                if (b.fn().floatOnly()) floating(b.name(), in[0]);
                if (b.fn().logical() != (in[0].dtype() == DType.BOOL)) {
                    throw new IllegalArgumentException(b.name() + (b.fn().logical() ? ": expected bool inputs, got "
                            : ": bool inputs are not supported, got ") + in[0].dtype() + " for " + shapes(in));
                }
                int[] s = Shape.broadcast(b.name(), in[0].shape(), in[1].shape());
                yield new OutSpec(s, in[0].dtype());
            }
            case ElementwiseOp.Compare c -> {
                arity(c.name(), in, 2);
                sameDtype(c.name(), in[0], in[1]);
                yield new OutSpec(Shape.broadcast(c.name(), in[0].shape(), in[1].shape()), DType.BOOL);
            }
            case ElementwiseOp.Where w -> {
                arity("where", in, 3);
                if (in[0].dtype() != DType.BOOL) {
                    throw new IllegalArgumentException("where: condition must be bool, got " + in[0].dtype()
                            + " for " + Shape.format(in[0].shape()));
                }
                sameDtype("where", in[1], in[2]);
                yield new OutSpec(Shape.broadcast("where", in[0].shape(), in[1].shape(), in[2].shape()), in[1].dtype());
            }
            case ElementwiseOp.Cast c -> {
                arity("to", in, 1);
                yield new OutSpec(in[0].shape(), c.to());
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

    private static OutSpec[] reduce(ReduceOp op, Tensor[] in) {
        arity(op.name(), in, 1);
        Tensor x = in[0];
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
                yield one(new OutSpec(s, t));
            }
            case ReduceOp.ArgReduce a -> {
                dimOk(a.name(), a.dim(), shape);
                int[] dims = {a.dim()};
                int[] s = reducedShape(a.name(), shape, dims, a.keepdim());
                nonEmpty(a.name(), shape, dims);
                yield new OutSpec[] {new OutSpec(s, x.dtype()), new OutSpec(s, DType.I64)};
            }
            case ReduceOp.Var v -> {
                floating("var", x);
                yield one(new OutSpec(reducedShape("var", shape, v.dims(), v.keepdim()), x.dtype()));
            }
            case ReduceOp.Softmax s -> {
                floating("softmax", x);
                dimOk("softmax", s.dim(), shape);
                yield one(new OutSpec(shape, x.dtype()));
            }
            case ReduceOp.LogSoftmax s -> {
                floating("log_softmax", x);
                dimOk("log_softmax", s.dim(), shape);
                yield one(new OutSpec(shape, x.dtype()));
            }
            case ReduceOp.LogSumExp l -> {
                floating("logsumexp", x);
                yield one(new OutSpec(reducedShape("logsumexp", shape, l.dims(), l.keepdim()), x.dtype()));
            }
            case ReduceOp.Cumsum c -> {
                dimOk("cumsum", c.dim(), shape);
                yield one(new OutSpec(shape, accumulateDtype(x.dtype())));
            }
            case ReduceOp.Cumprod c -> {
                dimOk("cumprod", c.dim(), shape);
                yield one(new OutSpec(shape, accumulateDtype(x.dtype())));
            }
        };
    }

    private static OutSpec creation(CreationOp op) {
        return switch (op) {
            case CreationOp.Full f -> {
                Shape.numel(f.shape());
                yield new OutSpec(f.shape(), f.dtype());
            }
            case CreationOp.Arange a -> {
                if (a.step() == 0 || !Double.isFinite(a.start()) || !Double.isFinite(a.end()) || !Double.isFinite(a.step())) {
                    throw new IllegalArgumentException("arange: start " + a.start() + ", end " + a.end() + ", step " + a.step()
                            + ": need finite values and a non-zero step");
                }
                double n = Math.ceil((a.end() - a.start()) / a.step());
                if (n < 0) {
                    throw new IllegalArgumentException("arange: end " + a.end() + " cannot be reached from start "
                            + a.start() + " with step " + a.step());
                }
                if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("arange: " + n + " elements is too many");
                if (a.dtype() == DType.BOOL) throw new IllegalArgumentException("arange: bool dtype is not supported");
                yield new OutSpec(new int[] {(int) n}, a.dtype());
            }
            case CreationOp.Linspace l -> {
                if (l.steps() < 0) throw new IllegalArgumentException("linspace: steps must be >= 0, got " + l.steps());
                if (l.dtype() == DType.BOOL) throw new IllegalArgumentException("linspace: bool dtype is not supported");
                yield new OutSpec(new int[] {l.steps()}, l.dtype());
            }
            case CreationOp.Eye e -> {
                int[] s = {e.n(), e.m()};
                Shape.numel(s);
                yield new OutSpec(s, e.dtype());
            }
            case CreationOp.Random r -> {
                Shape.numel(r.shape());
                String name = r.name();
                switch (r.dist()) {
                    case UNIFORM, NORMAL -> {
                        if (!r.dtype().isFloatingPoint()) {
                            throw new IllegalArgumentException(name + ": expected a floating dtype (f32 or f64), got " + r.dtype());
                        }
                        if (r.dist() == Distribution.UNIFORM && !(r.p0() <= r.p1())) {
                            throw new IllegalArgumentException(name + ": low " + r.p0() + " must be <= high " + r.p1());
                        }
                        if (r.dist() == Distribution.NORMAL && !(r.p1() >= 0)) {
                            throw new IllegalArgumentException(name + ": std must be >= 0, got " + r.p1());
                        }
                    }
                    case RANDINT -> {
                        if (r.dtype() == DType.BOOL) throw new IllegalArgumentException("randint: bool dtype is not supported");
                        if (!(r.p0() < r.p1())) {
                            throw new IllegalArgumentException("randint: low " + (long) r.p0() + " must be < high " + (long) r.p1());
                        }
                    }
                    case BERNOULLI -> {
                        if (!(r.p0() >= 0 && r.p0() <= 1)) {
                            throw new IllegalArgumentException("bernoulli: p must be in [0, 1], got " + r.p0());
                        }
                    }
                    case PERMUTATION -> {
                        if (r.shape().length != 1 || r.dtype().isFloatingPoint() || r.dtype() == DType.BOOL) {
                            throw new IllegalArgumentException("randperm: needs a 1-d shape and an integer dtype, got "
                                    + Shape.format(r.shape()) + " " + r.dtype());
                        }
                    }
                }
                yield new OutSpec(r.shape(), r.dtype());
            }
        };
    }

    private static OutSpec matmul(MatmulOp op, Tensor[] in) {
        return switch (op) {
            case MatmulOp.Bmm b -> {
                arity("bmm", in, 2);
                int[] a = in[0].shape(), c = in[1].shape();
                String both = Shape.format(a) + " @ " + Shape.format(c);
                if (a.length != 3 || c.length != 3) {
                    throw new IllegalArgumentException("bmm: " + both + ": expected two 3-d tensors (B, M, K) @ (B, K, N)");
                }
                if (a[0] != c[0]) throw new IllegalArgumentException("bmm: " + both + ": batch sizes " + a[0] + " != " + c[0]);
                if (a[2] != c[1]) throw new IllegalArgumentException("bmm: " + both + ": inner dims " + a[2] + " != " + c[1]);
                sameDtype("bmm", in[0], in[1]);
                floating("bmm", in[0]);
                yield new OutSpec(new int[] {a[0], a[1], c[2]}, in[0].dtype());
            }
        };
    }

    private static OutSpec copy(CopyOp op, Tensor[] in) {
        return switch (op) {
            case CopyOp.Clone c -> {
                arity("clone", in, 1);
                yield new OutSpec(in[0].shape(), in[0].dtype());
            }
            case CopyOp.CopyInto c -> {
                arity("copy_", in, 2);
                Tensor dst = in[0], src = in[1];
                if (!Shape.broadcastsTo(src.shape(), dst.shape())) {
                    throw new IllegalArgumentException("copy_: source " + Shape.format(src.shape())
                            + " cannot broadcast to destination " + Shape.format(dst.shape()));
                }
                int[] s = dst.shape(), st = dst.stride();
                for (int d = 0; d < s.length; d++) {
                    if (s[d] > 1 && st[d] == 0) {
                        throw new IllegalArgumentException("copy_: destination " + Shape.format(s) + " with strides "
                                + Shape.format(st) + " is an expanded view (dim " + d
                                + " has stride 0): writing would store several values into one element; clone() it first");
                    }
                }
                yield new OutSpec(s, dst.dtype());
            }
            case CopyOp.ToDevice t -> {
                arity("to", in, 1);
                yield new OutSpec(in[0].shape(), in[0].dtype());
            }
        };
    }
}
