package dev.weft.tensor;

import dev.weft.tensor.op.ViewLayout;
import dev.weft.tensor.op.ViewOp;


import dev.weft.tensor.core.Shape;
import java.util.Arrays;

/**
 * View ops with PyTorch semantics (negative dims, -1 sizes, clamped slices), normalized here into
 * {@link ViewOp} records. Only reshape/contiguous/flatten may copy, and only when strides force it.
 */
public final class Views {
    private Views() {}

    /**
     * {@return the same data under a new shape (one -1 inferred); an error if the strides do not allow it}
     *
     * @param x the input tensor
     * @param shape the shape (sizes of each dim)
     */
    public static Tensor view(Tensor x, int[] shape) {
        return Dispatch.apply1(new ViewOp.Reshape(Shape.infer("view", shape, x.shape())), x);
    }

    /**
     * {@return a view when strides allow it, else a view of a contiguous copy}
     *
     * @param x the input tensor
     * @param shape the shape (sizes of each dim)
     */
    public static Tensor reshape(Tensor x, int[] shape) {
        int[] s = Shape.infer("reshape", shape, x.shape());
        if (Arrays.equals(s, x.shape())) return x;
        if (ViewLayout.reshapeStrides(x.shape(), x.stride(), s) == null) x = Copies.clone(x);
        return Dispatch.apply1(new ViewOp.Reshape(s), x);
    }

    /**
     * {@return the view with dims dim0 and dim1 swapped}
     *
     * @param dim0 the first dim to swap
     * @param dim1 the second dim to swap
     * @param x the input tensor
     */
    public static Tensor transpose(Tensor x, int dim0, int dim1) {
        int r = x.dim();
        if (r == 0) {
            Shape.dim("transpose", dim0, r);
            Shape.dim("transpose", dim1, r);
            return x;
        }
        int a = Shape.dim("transpose", dim0, r), b = Shape.dim("transpose", dim1, r);
        int[] p = new int[r];
        for (int i = 0; i < r; i++) p[i] = i;
        p[a] = b;
        p[b] = a;
        return Dispatch.apply1(new ViewOp.Permute(p), x);
    }

    /**
     * {@return the transpose of a tensor with at most 2 dims}
     *
     * @param x the input tensor
     */
    public static Tensor t(Tensor x) {
        if (x.dim() > 2) {
            throw new IllegalArgumentException("t: expects a tensor with <= 2 dims, got " + Shape.format(x.shape())
                    + " (use transpose or mT)");
        }
        return x.dim() < 2 ? x : transpose(x, 0, 1);
    }

    /**
     * {@return the view with dim i of the result being dim dims[i] of x}
     *
     * @param x the input tensor
     * @param dims the dims (negatives count from the end)
     */
    public static Tensor permute(Tensor x, int[] dims) {
        int r = x.dim();
        if (dims.length != r) {
            throw new IllegalArgumentException("permute: " + Arrays.toString(dims) + " has " + dims.length
                    + " dims but the input " + Shape.format(x.shape()) + " has " + r);
        }
        int[] p = new int[r];
        for (int i = 0; i < r; i++) p[i] = Shape.dim("permute", dims[i], r);
        return Dispatch.apply1(new ViewOp.Permute(p), x);
    }

    /**
     * {@return the view of length entries from start along dim}
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param start the first value or index
     * @param length length of the array
     */
    public static Tensor narrow(Tensor x, int dim, int start, int length) {
        int d = Shape.dim("narrow", dim, x.dim());
        int size = x.size(d);
        int s = start < 0 ? start + size : start;
        if (s < 0 || length < 0 || s + (long) length > size) {
            throw new IllegalArgumentException("narrow: start " + start + " length " + length + " out of range for dim "
                    + dim + " of size " + size + " in " + Shape.format(x.shape()));
        }
        return Dispatch.apply1(new ViewOp.Slice(d, s, s + length, 1), x);
    }

    /**
     * Python-style x[start:end:step] along dim: negative bounds count from the end, then clamp to [0, size].
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param start the first value or index
     * @param end the end (exclusive)
     * @param step the step between consecutive values or indices
     * @return the view
     */
    public static Tensor slice(Tensor x, int dim, int start, int end, int step) {
        int d = Shape.dim("slice", dim, x.dim());
        if (step < 1) throw new IllegalArgumentException("slice: step must be >= 1, got " + step);
        int size = x.size(d);
        int s = clampIndex(start, size), e = clampIndex(end, size);
        if (e < s) e = s;
        return Dispatch.apply1(new ViewOp.Slice(d, s, e, step), x);
    }

    private static int clampIndex(int i, int size) {
        long v = i < 0 ? (long) i + size : i;
        return (int) Math.max(0, Math.min(size, v));
    }

    /**
     * {@return the index-th entry along dim (negative counts from the end); the dim disappears}
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param index the indices (I64)
     */
    public static Tensor select(Tensor x, int dim, int index) {
        if (x.dim() == 0) throw new IllegalArgumentException("select: cannot select from a 0-d tensor");
        int d = Shape.dim("select", dim, x.dim());
        int size = x.size(d);
        int i = index < 0 ? index + size : index;
        if (i < 0 || i >= size) {
            throw new IllegalArgumentException("select: index " + index + " out of range for dim " + dim + " of size "
                    + size + " in " + Shape.format(x.shape()));
        }
        return Dispatch.apply1(new ViewOp.Select(d, i), x);
    }

    /**
     * Broadcast view; -1 keeps the input's size of an existing dim.
     *
     * @param x the input tensor
     * @param sizes the sizes
     * @return the broadcast view
     */
    public static Tensor expand(Tensor x, int[] sizes) {
        int[] in = x.shape();
        if (sizes.length < in.length) {
            throw new IllegalArgumentException("expand: cannot expand shape " + Shape.format(in) + " to "
                    + Shape.format(sizes) + " (fewer dims)");
        }
        int[] s = sizes.clone();
        int lead = s.length - in.length;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (i < lead) {
                    throw new IllegalArgumentException("expand: -1 is not allowed for a new leading dim in "
                            + Shape.format(sizes) + " (input " + Shape.format(in) + ")");
                }
                s[i] = in[i - lead];
            }
        }
        if (Arrays.equals(s, in)) return x;
        return Dispatch.apply1(new ViewOp.Expand(s), x);
    }

    /**
     * {@return the view without any size-1 dim}
     *
     * @param x the input tensor
     */
    public static Tensor squeeze(Tensor x) {
        int[] in = x.shape();
        int n = 0;
        for (int s : in) if (s != 1) n++;
        if (n == in.length) return x;
        int[] out = new int[n];
        int j = 0;
        for (int s : in) if (s != 1) out[j++] = s;
        return Dispatch.apply1(new ViewOp.Reshape(out), x);
    }

    /**
     * {@return the view without dim if its size is 1, else x}
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     */
    public static Tensor squeeze(Tensor x, int dim) {
        if (x.dim() == 0) {
            Shape.dim("squeeze", dim, 0);
            return x;
        }
        int d = Shape.dim("squeeze", dim, x.dim());
        if (x.size(d) != 1) return x;
        return Dispatch.apply1(new ViewOp.Squeeze(d), x);
    }

    /**
     * {@return the view with a size-1 dim inserted at dim}
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     */
    public static Tensor unsqueeze(Tensor x, int dim) {
        return Dispatch.apply1(new ViewOp.Unsqueeze(Shape.dim("unsqueeze", dim, x.dim() + 1)), x);
    }

    /**
     * {@return dims startDim..endDim merged into one (a view when the strides allow it)}
     *
     * @param startDim the first dim to merge
     * @param endDim the last dim to merge (inclusive)
     * @param x the input tensor
     */
    public static Tensor flatten(Tensor x, int startDim, int endDim) {
        if (x.dim() == 0) return reshape(x, new int[] {1});
        int a = Shape.dim("flatten", startDim, x.dim()), b = Shape.dim("flatten", endDim, x.dim());
        if (a > b) {
            throw new IllegalArgumentException("flatten: start dim " + startDim + " comes after end dim " + endDim
                    + " for " + Shape.format(x.shape()));
        }
        if (a == b) return x;
        int[] in = x.shape();
        int[] out = new int[in.length - (b - a)];
        int j = 0;
        for (int i = 0; i < a; i++) out[j++] = in[i];
        long p = 1;
        for (int i = a; i <= b; i++) p *= in[i];
        out[j++] = (int) p;
        for (int i = b + 1; i < in.length; i++) out[j++] = in[i];
        return reshape(x, out);
    }

    /**
     * {@return the view with dim split into sizes (one -1 inferred)}
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param sizes the sizes
     */
    public static Tensor unflatten(Tensor x, int dim, int[] sizes) {
        int d = Shape.dim("unflatten", dim, x.dim());
        int[] in = x.shape();
        int[] part = Shape.infer("unflatten", sizes, new int[] {in[d]});
        int[] out = new int[in.length - 1 + part.length];
        System.arraycopy(in, 0, out, 0, d);
        System.arraycopy(part, 0, out, d, part.length);
        System.arraycopy(in, d + 1, out, d + part.length, in.length - d - 1);
        return reshape(x, out);
    }

    /**
     * {@return the view of x's storage with the given shape, strides and offset (torch.as_strided)}
     *
     * @param x the input tensor
     * @param shape the shape (sizes of each dim)
     * @param strides the strides, in elements
     * @param offset index of the first element in the storage
     */
    public static Tensor asStrided(Tensor x, int[] shape, int[] strides, int offset) {
        return Dispatch.apply1(new ViewOp.AsStrided(shape, strides, offset), x);
    }

    /**
     * {@return x if contiguous, else a contiguous copy}
     *
     * @param x the input tensor
     */
    public static Tensor contiguous(Tensor x) {
        return x.isContiguous() ? x : x.clone();
    }
}
