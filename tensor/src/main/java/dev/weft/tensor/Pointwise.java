package dev.weft.tensor;

import dev.weft.tensor.op.BinaryFn;
import dev.weft.tensor.op.CompareFn;
import dev.weft.tensor.op.ElementwiseOp;
import dev.weft.tensor.op.UnaryFn;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import java.util.Arrays;

/**
 * Elementwise ops with PyTorch's dtype promotion, written over the primitives in {@link ElementwiseOp}:
 * inputs are cast to a common dtype (Cast ops, so autograd sees them), Java scalars become 0-d tensors
 * that do not widen a floating tensor, and float-only functions promote integer inputs to F32.
 * NOTE: BOOL arithmetic (add/mul/... of two BOOL tensors) is done in I64, unlike PyTorch's logical result.
 */
public final class Pointwise {
    private Pointwise() {}

    /**
     * x as dtype t (x itself if it already is): a Cast op, so autograd sees it.
     *
     * @param x the input tensor
     * @param t the target dtype
     * @return x as dtype t
     */
    public static Tensor cast(Tensor x, DType t) {
        return x.dtype() == t ? x : Dispatch.apply1(new ElementwiseOp.Cast(t), x);
    }

    /**
     * {@return fn(x) elementwise (for a parameterized fn, its default parameters 0, 0)}
     *
     * @param fn the function to apply
     * @param x the input tensor
     */
    public static Tensor unary(UnaryFn fn, Tensor x) {
        return unary(fn, x, 0, 0);
    }

    /**
     * {@return fn(x; p0, p1) elementwise}
     *
     * @param fn the function to apply
     * @param x the input tensor
     * @param p0 the function's first scalar parameter (unused by most functions)
     * @param p1 the function's second scalar parameter (unused by most functions)
     */
    public static Tensor unary(UnaryFn fn, Tensor x, double p0, double p1) {
        if (fn.domain() == UnaryFn.Domain.FLOAT && !x.dtype().isFloatingPoint()) x = cast(x, DType.F32);
        if (fn.domain() == UnaryFn.Domain.BOOL) x = cast(x, DType.BOOL);
        return Dispatch.apply1(new ElementwiseOp.Unary(fn, p0, p1), x);
    }

    /**
     * GELU with approximate "none" (erf form) or "tanh".
     *
     * @param x the input tensor
     * @param approximate "none" (exact erf form) or "tanh" (the tanh approximation)
     * @return the result, same shape
     */
    public static Tensor gelu(Tensor x, String approximate) {
        return switch (approximate) {
            case "none" -> unary(UnaryFn.GELU, x);
            case "tanh" -> unary(UnaryFn.GELU_TANH, x);
            default -> throw new IllegalArgumentException("gelu: approximate must be \"none\" or \"tanh\", got \"" + approximate + "\"");
        };
    }

    /**
     * min(max(x, min), max); NaN bounds are an error; min > max gives max everywhere, as in PyTorch.
     *
     * @param x the input tensor
     * @param min the lower bound (inclusive)
     * @param max the upper bound (inclusive)
     * @return the clamped tensor
     */
    public static Tensor clamp(Tensor x, double min, double max) {
        if (Double.isNaN(min) || Double.isNaN(max)) {
            throw new IllegalArgumentException("clamp: bounds must not be NaN, got min " + min + ", max " + max);
        }
        return Dispatch.apply1(new ElementwiseOp.Unary(UnaryFn.CLAMP, min, max), x);
    }

    /**
     * Clamp by tensor bounds (either may be null): minimum(maximum(x, min), max).
     *
     * @param x the input tensor
     * @param min the lower bound (inclusive)
     * @param max the upper bound (inclusive)
     * @return the clamped tensor
     */
    public static Tensor clamp(Tensor x, Tensor min, Tensor max) {
        Tensor y = x;
        if (min != null) y = binary(BinaryFn.MAXIMUM, y, min);
        if (max != null) y = binary(BinaryFn.MINIMUM, y, max);
        return y;
    }

    /** The dtype both operands of fn are cast to before the primitive runs. */
    static DType operandDtype(BinaryFn fn, DType a, DType b) {
        if (fn.logical()) return DType.BOOL;
        DType t = DType.promote(a, b);
        if (t == DType.BOOL) t = DType.I64;
        if ((fn == BinaryFn.DIV || fn.floatOnly()) && !t.isFloatingPoint()) t = DType.F32;
        return t;
    }

    /**
     * {@return a (fn) b elementwise, broadcast, in the promoted dtype}
     *
     * @param fn the function to apply
     * @param a the first operand
     * @param b the second operand
     */
    public static Tensor binary(BinaryFn fn, Tensor a, Tensor b) {
        DType t = operandDtype(fn, a.dtype(), b.dtype());
        return Dispatch.apply1(new ElementwiseOp.Binary(fn), cast(a, t), cast(b, t));
    }

    /**
     * a (fn) s with a Java floating scalar: an integer or BOOL tensor becomes F32.
     *
     * @param fn the function to apply
     * @param a the first operand
     * @param s the scalar operand
     * @return the result, shaped like a
     */
    public static Tensor binary(BinaryFn fn, Tensor a, double s) {
        DType t = operandDtype(fn, DType.promoteWithFloatScalar(a.dtype()), DType.promoteWithFloatScalar(a.dtype()));
        return Dispatch.apply1(new ElementwiseOp.Binary(fn), cast(a, t), Create.full(Shape.SCALAR, s, t, a.device()));
    }

    /**
     * a (fn) s with a Java integral scalar: keeps an integer tensor's dtype (BOOL becomes I64).
     *
     * @param fn the function to apply
     * @param a the first operand
     * @param s the scalar operand
     * @return the result, shaped like a
     */
    public static Tensor binary(BinaryFn fn, Tensor a, long s) {
        DType t = operandDtype(fn, DType.promoteWithIntScalar(a.dtype()), DType.promoteWithIntScalar(a.dtype()));
        return Dispatch.apply1(new ElementwiseOp.Binary(fn), cast(a, t), Create.full(Shape.SCALAR, s, t, a.device()));
    }

    /**
     * {@return BOOL: a (fn) b elementwise, broadcast, compared in the promoted dtype}
     *
     * @param fn the function to apply
     * @param a the first operand
     * @param b the second operand
     */
    public static Tensor compare(CompareFn fn, Tensor a, Tensor b) {
        DType t = DType.promote(a.dtype(), b.dtype());
        return Dispatch.apply1(new ElementwiseOp.Compare(fn), cast(a, t), cast(b, t));
    }

    /**
     * {@return BOOL: a (fn) s elementwise, with a Java floating scalar}
     *
     * @param fn the function to apply
     * @param a the first operand
     * @param s the scalar operand
     */
    public static Tensor compare(CompareFn fn, Tensor a, double s) {
        DType t = DType.promoteWithFloatScalar(a.dtype());
        return Dispatch.apply1(new ElementwiseOp.Compare(fn), cast(a, t), Create.full(Shape.SCALAR, s, t, a.device()));
    }

    /**
     * {@return BOOL: a (fn) s elementwise, with a Java integral scalar}
     *
     * @param fn the function to apply
     * @param a the first operand
     * @param s the scalar operand
     */
    public static Tensor compare(CompareFn fn, Tensor a, long s) {
        DType t = DType.promoteWithIntScalar(a.dtype());
        return Dispatch.apply1(new ElementwiseOp.Compare(fn), cast(a, t), Create.full(Shape.SCALAR, s, t, a.device()));
    }

    /**
     * cond ? a : b; cond is read as value != 0 when not BOOL.
     *
     * @param cond the condition, BOOL (broadcast)
     * @param a the first operand
     * @param b the second operand
     * @return the selected values, broadcast
     */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        DType t = DType.promote(a.dtype(), b.dtype());
        return Dispatch.apply1(new ElementwiseOp.Where(), cast(cond, DType.BOOL), cast(a, t), cast(b, t));
    }

    /**
     * {@return cond ? a : b with a scalar b, broadcast}
     *
     * @param cond the condition, BOOL (broadcast)
     * @param a the first operand
     * @param b the second operand
     */
    public static Tensor where(Tensor cond, Tensor a, double b) {
        DType t = DType.promoteWithFloatScalar(a.dtype());
        return where(cond, cast(a, t), Create.full(Shape.SCALAR, b, t, a.device()));
    }

    /**
     * torch.addcmul: x + value * t1 * t2 (broadcast).
     *
     * @param x the input tensor
     * @param t1 the first factor tensor
     * @param t2 the second factor tensor
     * @param value the scalar value
     * @return x + value * t1 * t2 (broadcast)
     */
    public static Tensor addcmul(Tensor x, Tensor t1, Tensor t2, double value) {
        return x.add(t1.mul(t2).mul(value));
    }

    /**
     * torch.addcdiv: x + value * t1 / t2 (broadcast; true division).
     *
     * @param x the input tensor
     * @param t1 the first factor tensor
     * @param t2 the second factor tensor
     * @param value the scalar value
     * @return the result, broadcast
     */
    public static Tensor addcdiv(Tensor x, Tensor t1, Tensor t2, double value) {
        return x.add(t1.div(t2).mul(value));
    }

    /**
     * torch.isclose: {@code |a - b| <= atol + rtol * |b|} (BOOL, broadcast), with infinities close only to the same
     * infinity and NaN close to NaN only when equalNan. rtol and atol must be >= 0.
     *
     * @param a the first operand
     * @param b the second operand
     * @param rtol relative tolerance
     * @param atol absolute tolerance
     * @param equalNan count NaN as equal to NaN
     * @return {@code |a - b| <= atol + rtol * |b|} (BOOL, broadcast), with infinities close only to the same infinity and NaN close to NaN only when equalNan
     */
    public static Tensor isclose(Tensor a, Tensor b, double rtol, double atol, boolean equalNan) {
        if (!(rtol >= 0) || !(atol >= 0)) {
            throw new IllegalArgumentException("isclose: rtol and atol must be >= 0, got rtol " + rtol + ", atol " + atol);
        }
        DType t = DType.promote(a.dtype(), b.dtype());
        if (t == DType.BOOL) t = DType.I64;
        Tensor x = cast(a, t), y = cast(b, t);
        Tensor exact = x.eq(y);
        if (!t.isFloatingPoint()) {
            return exact.logicalOr(x.sub(y).abs().to(DType.F64).le(y.abs().to(DType.F64).mul(rtol).add(atol)));
        }
        Tensor finite = y.sub(y).eq(0.0);                         // x - x is 0 exactly for finite x
        Tensor close = x.sub(y).abs().le(y.abs().mul(rtol).add(atol)).logicalAnd(finite);
        Tensor out = exact.logicalOr(close);
        return equalNan ? out.logicalOr(x.ne(x).logicalAnd(y.ne(y))) : out;
    }

    /**
     * torch.nan_to_num: NaN to nan, +inf to posinf, -inf to neginf; null posinf/neginf mean the dtype's
     * largest and lowest finite values. Integer and BOOL tensors come back unchanged. The gradient is 1 at
     * finite entries and 0 at replaced ones.
     *
     * @param x the input tensor
     * @param nan the value replacing NaN
     * @param posinf the value replacing +inf (null: the dtype's largest value)
     * @param neginf the value replacing -inf (null: the dtype's lowest value)
     * @return NaN to nan, +inf to posinf, -inf to neginf
     */
    public static Tensor nanToNum(Tensor x, double nan, Double posinf, Double neginf) {
        if (!x.dtype().isFloatingPoint()) return x;
        double big = x.dtype() == DType.F64 ? Double.MAX_VALUE : Float.MAX_VALUE;
        double hi = posinf == null ? big : posinf, lo = neginf == null ? -big : neginf;
        return x.maskedFill(x.ne(x), nan).maskedFill(x.eq(Double.POSITIVE_INFINITY), hi).maskedFill(x.eq(Double.NEGATIVE_INFINITY), lo);
    }
}
