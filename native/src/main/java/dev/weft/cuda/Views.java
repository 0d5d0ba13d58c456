package dev.weft.cuda;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;

/**
 * Layout arithmetic on the host for the kernels: broadcasting a view to an output shape (stride 0 where it
 * repeats), the dims of a view split into kept and reduced ones, and the contiguous strides of a shape.
 */
final class Views {
    private Views() {}

    /** The view's strides aligned to outShape (right-aligned, PyTorch broadcasting): 0 on broadcast dims. */
    static int[] broadcastStrides(Strided v, int[] outShape) {
        int[] shape = v.shape(), stride = v.stride();
        int r = outShape.length, lead = r - shape.length;
        if (lead < 0) throw new IllegalArgumentException("cuda: cannot broadcast " + Shape.format(shape) + " to " + Shape.format(outShape));
        int[] out = new int[r];
        for (int d = 0; d < r; d++) {
            int k = d - lead;
            if (k < 0) out[d] = 0;
            else if (shape[k] == outShape[d]) out[d] = stride[k];
            else if (shape[k] == 1) out[d] = 0;
            else throw new IllegalArgumentException("cuda: cannot broadcast " + Shape.format(shape) + " to " + Shape.format(outShape));
        }
        return out;
    }

    static int[] contiguous(int[] shape) {
        return Shape.contiguousStrides(shape);
    }

    /** shape without the dims in (sorted) dims, or only those dims when keep is false. */
    static int[] pick(int[] values, int[] dims, boolean inDims) {
        boolean[] mark = new boolean[values.length];
        for (int d : dims) mark[d] = true;
        int n = 0;
        for (boolean m : mark) if (m == inDims) n++;
        int[] out = new int[n];
        int k = 0;
        for (int d = 0; d < values.length; d++) if (mark[d] == inDims) out[k++] = values[d];
        return out;
    }

    /** values without one dim. */
    static int[] without(int[] values, int dim) {
        return pick(values, new int[] {dim}, false);
    }

    static int prod(int[] shape) {
        long p = 1;
        for (int s : shape) p *= s;
        return Math.toIntExact(p);
    }
}
