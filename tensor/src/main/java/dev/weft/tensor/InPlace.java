package dev.weft.tensor;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.op.BinaryFn;
import dev.weft.tensor.op.ElementwiseOp;
import dev.weft.tensor.op.UnaryFn;
import java.util.Arrays;
import java.util.function.UnaryOperator;

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

    /**
     * dst (fn)= other, other broadcast to dst's shape.
     *
     * @param name the name used in error messages
     * @param fn the function to apply
     * @param dst the tensor written in place
     * @param other the other operand (broadcast against this)
     * @return dst
     */
    public static Tensor binary(String name, BinaryFn fn, Tensor dst, Tensor other) {
        DType t = Pointwise.operandDtype(fn, dst.dtype(), other.dtype());
        if (t == dst.dtype() && Dispatch.applyInPlace(new ElementwiseOp.Binary(fn), 0, dst, Pointwise.cast(other, t)) != null) {
            return dst;
        }
        return viaCopy(name, dst, self -> Pointwise.binary(fn, self, other));
    }

    /**
     * dst (fn)= s, a Java floating scalar.
     *
     * @param name the name used in error messages
     * @param fn the function to apply
     * @param dst the tensor written in place
     * @param s the scalar operand
     * @return dst
     */
    public static Tensor binary(String name, BinaryFn fn, Tensor dst, double s) {
        DType t = Pointwise.operandDtype(fn, DType.promoteWithFloatScalar(dst.dtype()), DType.promoteWithFloatScalar(dst.dtype()));
        if (t == dst.dtype()
                && Dispatch.applyInPlace(new ElementwiseOp.Binary(fn), 0, dst, Create.full(Shape.SCALAR, s, t, dst.device())) != null) {
            return dst;
        }
        return viaCopy(name, dst, self -> Pointwise.binary(fn, self, s));
    }

    /**
     * dst = fn(dst) for a unary function of dst's own dtype (relu_, neg_, ...).
     *
     * @param name the name used in error messages
     * @param fn the function to apply
     * @param dst the tensor written in place
     * @return dst
     */
    public static Tensor unary(String name, UnaryFn fn, Tensor dst) {
        if (fn.domain() != UnaryFn.Domain.FLOAT || dst.dtype().isFloatingPoint()) {
            if (Dispatch.applyInPlace(new ElementwiseOp.Unary(fn, 0, 0), 0, dst) != null) return dst;
        }
        return viaCopy(name, dst, self -> Pointwise.unary(fn, self));
    }

    /**
     * clamp_: dst = min(max(dst, min), max).
     *
     * @param dst the tensor written in place
     * @param min the lower bound (inclusive)
     * @param max the upper bound (inclusive)
     * @return dst
     */
    public static Tensor clamp(Tensor dst, double min, double max) {
        if (!Double.isNaN(min) && !Double.isNaN(max)
                && Dispatch.applyInPlace(new ElementwiseOp.Unary(UnaryFn.CLAMP, min, max), 0, dst) != null) {
            return dst;
        }
        return viaCopy("clamp_", dst, self -> Pointwise.clamp(self, min, max));
    }

    /**
     * masked_fill_: value where the BOOL mask (broadcast to dst's shape) is true.
     *
     * @param dst the tensor written in place
     * @param mask the BOOL mask (broadcast)
     * @param value the scalar value
     * @return dst
     */
    public static Tensor maskedFill(Tensor dst, Tensor mask, double value) {
        if (mask.dtype() == DType.BOOL && Shape.broadcastsTo(mask.shape(), dst.shape())
                && Dispatch.applyInPlace(new ElementwiseOp.Where(), 2, mask, Create.full(Shape.SCALAR, value, dst.dtype(), dst.device()),
                dst) != null) {
            return dst;
        }
        return viaCopy("masked_fill_", dst, self -> Indexing.maskedFill(self, mask, value));
    }

    /**
     * addcmul_: dst += value * t1 * t2 (the product is a temporary; dst is updated in place).
     *
     * @param dst the tensor written in place
     * @param t1 the first factor tensor
     * @param t2 the second factor tensor
     * @param value the scalar value
     * @return dst
     */
    public static Tensor addcmul(Tensor dst, Tensor t1, Tensor t2, double value) {
        return binary("addcmul_", BinaryFn.ADD, dst, t1.mul(t2).mul(value));
    }

    /**
     * addcdiv_: dst += value * t1 / t2.
     *
     * @param dst the tensor written in place
     * @param t1 the first factor tensor
     * @param t2 the second factor tensor
     * @param value the scalar value
     * @return dst
     */
    public static Tensor addcdiv(Tensor dst, Tensor t1, Tensor t2, double value) {
        return binary("addcdiv_", BinaryFn.ADD, dst, t1.div(t2).mul(value));
    }

    /**
     * index_put_ along dim 0 (x[index] = values, or += with accumulate): index holds row indices (I64/I32, any
     * shape, negative from the end) or is a BOOL mask over dst's leading dims; values broadcast to the indexed
     * rows' shape (index.shape + dst.shape[1:], or (N, rest) for a mask). Without accumulate a row indexed twice
     * gets one of its values (unspecified which, as in PyTorch). Computed by scatter / index_add and written
     * back through CopyInto, so it is differentiable in dst's history and in values.
     *
     * @param dst the tensor written in place
     * @param index the indices (I64)
     * @param values the values
     * @param accumulate add into the indexed elements instead of overwriting them
     * @return dst
     */
    public static Tensor indexPut(Tensor dst, Tensor index, Tensor values, boolean accumulate) {
        String op = "index_put_";
        if (dst.dim() == 0) throw new IllegalArgumentException(op + ": cannot index a 0-d tensor");
        int[] xs = dst.shape();
        Tensor rowsIdx;
        int lead;
        if (index.dtype() == DType.BOOL) {
            lead = index.dim();
            if (lead == 0 || lead > xs.length || !Arrays.equals(Arrays.copyOf(xs, lead), index.shape())) {
                throw new IllegalArgumentException(op + ": mask " + Shape.format(index.shape()) + " must match the leading dims of "
                        + Shape.format(xs));
            }
            rowsIdx = Indexing.nonzero(index.reshape(-1)).reshape(-1);
        } else if (!index.dtype().isFloatingPoint()) {
            lead = 1;
            rowsIdx = Indexing.wrappedRows(op + ": input " + Shape.format(xs), Indexing.longIndex(index).reshape(-1), xs[0]);
        } else {
            throw new IllegalArgumentException(op + ": index must be i64, i32 or bool, got " + index.dtype());
        }
        int[] rest = Arrays.copyOfRange(xs, lead, xs.length);
        int[] flat = new int[rest.length + 1];
        flat[0] = -1;
        System.arraycopy(rest, 0, flat, 1, rest.length);
        int[] picked = concat(new int[] {rowsIdx.numel()}, rest);               // (indexed rows, *rest)
        if (!Shape.broadcastsTo(values.shape(), picked) && !(index.dtype() != DType.BOOL
                && Shape.broadcastsTo(values.shape(), concat(index.shape(), rest)))) {
            throw new IllegalArgumentException(op + ": values " + Shape.format(values.shape()) + " do not broadcast to the indexed "
                    + "shape " + Shape.format(picked) + " of " + Shape.format(xs));
        }
        Tensor v0 = values.to(dst.dtype());
        Tensor v = (Shape.broadcastsTo(v0.shape(), picked) ? v0 : v0.expand(concat(index.shape(), rest)).reshape(picked)).expand(picked);
        return viaCopy(op, dst, self -> {
            Tensor base = self.reshape(flat);
            if (accumulate) return Indexing.indexAdd(base, 0, rowsIdx, v).reshape(xs);
            int[] one = new int[picked.length];
            Arrays.fill(one, 1);
            one[0] = picked[0];
            return Indexing.scatter(base, 0, rowsIdx.reshape(one).expand(picked), v).reshape(xs);
        });
    }

    /**
     * Writes an out-of-place result back into dst (CopyInto, under the user's op name); when autograd records,
     * the result is computed from a clone of dst, so a backward that reads the op's input (mul_, clamp_, relu_)
     * reads the values before the write, as PyTorch's in-place ops do. The result must have
     * dst's shape and a dtype that casts into dst's by PyTorch's rule (torch.can_cast: a float result into an
     * F32 tensor yes, a float into an integer or anything but BOOL into BOOL no).
     */
    static Tensor viaCopy(String op, Tensor dst, UnaryOperator<Tensor> outOfPlace) {
        // recorded: compute from a clone of dst, so what the op saves for backward is not the tensor overwritten below
        Tensor result = outOfPlace.apply(Dispatch.recordsInPlace(dst) ? Copies.clone(dst) : dst);
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

    private static int[] concat(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
