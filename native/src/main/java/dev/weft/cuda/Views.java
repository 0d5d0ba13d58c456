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

    /**
     * Merges dims that every view walks as one (stride[d] == shape[d+1] * stride[d+1] in all of them) and drops
     * size-1 dims, keeping the row-major element order; shape and strides come back as {shape, strides_0, ...}.
     * A 9-d contiguous elementwise op becomes 1-d, so the kernels' 8-dim limit binds only truly strided views.
     */
    static int[][] coalesce(int[] shape, int[]... strides) {
        int r = shape.length, k = strides.length;
        int[] sh = new int[r];
        int[][] st = new int[k][r];
        int n = 0;
        for (int d = 0; d < r; d++) {
            if (shape[d] == 1) continue;
            boolean merge = n > 0;
            for (int v = 0; v < k && merge; v++) merge = st[v][n - 1] == shape[d] * strides[v][d];
            if (merge) {
                sh[n - 1] *= shape[d];
                for (int v = 0; v < k; v++) st[v][n - 1] = strides[v][d];
            } else {
                sh[n] = shape[d];
                for (int v = 0; v < k; v++) st[v][n] = strides[v][d];
                n++;
            }
        }
        int[][] out = new int[k + 1][];
        out[0] = java.util.Arrays.copyOf(sh, n);
        for (int v = 0; v < k; v++) out[v + 1] = java.util.Arrays.copyOf(st[v], n);
        return out;
    }
}
