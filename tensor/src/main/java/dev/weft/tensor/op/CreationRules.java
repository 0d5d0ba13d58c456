package dev.weft.tensor.op;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;

/** Shape rules of {@link CreationOp}: no inputs; validates the parameters and gives the output spec. */
final class CreationRules {
    private CreationRules() {}

    static OutSpec[] infer(CreationOp op, Strided[] in) {
        RuleChecks.arity(op.name(), in, 0);
        return new OutSpec[] {spec(op)};
    }

    private static OutSpec spec(CreationOp op) {
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
}
