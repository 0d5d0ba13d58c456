package dev.weft.autograd;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.Joining;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.Create;

/** Small tensor-op helpers shared by the structural rules (zeros on a device, padding, triangles, eye). */
final class Structural {
    private Structural() {}

    /** Zeros of the shape with t's dtype and device. */
    static Tensor zeros(int[] shape, Tensor like) {
        return Create.full(shape, 0, like.dtype(), like.device());
    }

    /** t padded with zeros at the end of each dim up to shape (t's sizes are <= shape's). */
    static Tensor padTo(Tensor t, int[] shape) {
        int r = shape.length;
        int[] pads = new int[2 * r];
        boolean any = false;
        for (int i = 0; i < r; i++) {
            int d = r - 1 - i;
            pads[2 * i + 1] = shape[d] - t.size(d);
            any |= pads[2 * i + 1] != 0;
        }
        return any ? Joining.pad(t, pads) : t;
    }

    /** The leading block of t with the given (smaller or equal) sizes, as a view. */
    static Tensor narrowTo(Tensor t, int[] shape) {
        for (int d = 0; d < shape.length; d++) if (t.size(d) != shape[d]) t = t.narrow(d, 0, shape[d]);
        return t;
    }

    /** A BOOL (n, n) mask of the lower (col <= row) or upper (col >= row) triangle, diagonal included or not. */
    static Tensor triangle(int n, boolean lower, boolean withDiagonal, Tensor like) {
        Tensor row = Tensor.arange(n).to(like.device()).unsqueeze(1), col = Tensor.arange(n).to(like.device()).unsqueeze(0);
        if (lower) return withDiagonal ? col.le(row) : col.lt(row);
        return withDiagonal ? col.ge(row) : col.gt(row);
    }

    /** x with everything outside the mask (broadcast over batch dims) set to 0. */
    static Tensor keep(Tensor x, Tensor mask) {
        return Tensor.where(mask, x, 0.0);
    }

    /** The (n, n) identity as a BOOL mask. */
    static Tensor eyeMask(int n, Tensor like) {
        Tensor i = Tensor.arange(n).to(like.device());
        return i.unsqueeze(1).eq(i.unsqueeze(0));
    }

    /** I64 indices on t's device. */
    static Tensor longs(long[] v, Tensor like) {
        return Tensor.of(v).to(DType.I64).to(like.device());
    }
}
