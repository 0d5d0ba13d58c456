package dev.weft.tensor;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.op.BinaryFn;
import dev.weft.tensor.op.ElementwiseOp;
import dev.weft.tensor.op.UnaryFn;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The in-place elementwise ops (add_, mul_, clamp_, masked_fill_, ...): the kernel writes straight into the
 * destination's storage, no temporary and no copy, whenever {@link Dispatch#applyInPlace} allows it (nothing
 * to record, matching shape and dtype, no overlap). Otherwise — an op autograd must record, a result that
 * needs a wider dtype or a bigger shape, an operand overlapping the destination — the result is computed out
 * of place and copied in (CopyInto), which runs autograd's in-place checks before anything is written. Both
 * paths give the same bits as the out-of-place op.
 */
public final class InPlace {
    private InPlace() {}

    /** dst (fn)= other, other broadcast to dst's shape. */
    public static Tensor binary(String name, BinaryFn fn, Tensor dst, Tensor other) {
        DType t = Pointwise.operandDtype(fn, dst.dtype(), other.dtype());
        if (t == dst.dtype() && Dispatch.applyInPlace(new ElementwiseOp.Binary(fn), 0, dst, Pointwise.cast(other, t)) != null) {
            return dst;
        }
        return viaCopy(name, dst, () -> Pointwise.binary(fn, dst, other));
    }

    /** dst (fn)= s, a Java floating scalar. */
    public static Tensor binary(String name, BinaryFn fn, Tensor dst, double s) {
        DType t = Pointwise.operandDtype(fn, DType.promoteWithFloatScalar(dst.dtype()), DType.promoteWithFloatScalar(dst.dtype()));
        if (t == dst.dtype()
                && Dispatch.applyInPlace(new ElementwiseOp.Binary(fn), 0, dst, Create.full(Shape.SCALAR, s, t, dst.device())) != null) {
            return dst;
        }
        return viaCopy(name, dst, () -> Pointwise.binary(fn, dst, s));
    }

    /** dst = fn(dst) for a unary function of dst's own dtype (relu_, neg_, ...). */
    public static Tensor unary(String name, UnaryFn fn, Tensor dst) {
        if (fn.domain() != UnaryFn.Domain.FLOAT || dst.dtype().isFloatingPoint()) {
            if (Dispatch.applyInPlace(new ElementwiseOp.Unary(fn, 0, 0), 0, dst) != null) return dst;
        }
        return viaCopy(name, dst, () -> Pointwise.unary(fn, dst));
    }

    /** clamp_: dst = min(max(dst, min), max). */
    public static Tensor clamp(Tensor dst, double min, double max) {
        if (!Double.isNaN(min) && !Double.isNaN(max)
                && Dispatch.applyInPlace(new ElementwiseOp.Unary(UnaryFn.CLAMP, min, max), 0, dst) != null) {
            return dst;
        }
        return viaCopy("clamp_", dst, () -> Pointwise.clamp(dst, min, max));
    }

    /** masked_fill_: value where the BOOL mask (broadcast to dst's shape) is true. */
    public static Tensor maskedFill(Tensor dst, Tensor mask, double value) {
        if (mask.dtype() == DType.BOOL && Shape.broadcastsTo(mask.shape(), dst.shape())
                && Dispatch.applyInPlace(new ElementwiseOp.Where(), 2, mask, Create.full(Shape.SCALAR, value, dst.dtype(), dst.device()),
                dst) != null) {
            return dst;
        }
        return viaCopy("masked_fill_", dst, () -> Indexing.maskedFill(dst, mask, value));
    }

    /** addcmul_: dst += value * t1 * t2 (the product is a temporary; dst is updated in place). */
    public static Tensor addcmul(Tensor dst, Tensor t1, Tensor t2, double value) {
        return binary("addcmul_", BinaryFn.ADD, dst, t1.mul(t2).mul(value));
    }

    /** addcdiv_: dst += value * t1 / t2. */
    public static Tensor addcdiv(Tensor dst, Tensor t1, Tensor t2, double value) {
        return binary("addcdiv_", BinaryFn.ADD, dst, t1.div(t2).mul(value));
    }

    /**
     * Writes an out-of-place result back into dst (CopyInto, under the user's op name). The result must have
     * dst's shape and a dtype that casts into dst's by PyTorch's rule (torch.can_cast: a float result into an
     * F32 tensor yes, a float into an integer or anything but BOOL into BOOL no).
     */
    static Tensor viaCopy(String op, Tensor dst, Supplier<Tensor> outOfPlace) {
        Tensor result = outOfPlace.get();
        if (!Arrays.equals(result.shape(), dst.shape())) {
            throw new IllegalArgumentException(op + ": result shape " + Shape.format(result.shape())
                    + " does not match the in-place tensor's shape " + Shape.format(dst.shape()));
        }
        if (!canCast(result.dtype(), dst.dtype())) {
            throw new IllegalArgumentException(op + ": result dtype " + result.dtype() + " cannot be stored in the "
                    + dst.dtype() + " tensor " + Shape.format(dst.shape()));
        }
        return Copies.copyInto(op, dst, result);
    }

    /** torch.can_cast for in-place results: no float into an integer or BOOL tensor, no non-BOOL into BOOL. */
    static boolean canCast(DType from, DType to) {
        if (from.isFloatingPoint() && !to.isFloatingPoint()) return false;
        return to != DType.BOOL || from == DType.BOOL;
    }
}
