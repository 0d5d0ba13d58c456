package dev.weft.tensor.cpu;

import dev.weft.tensor.core.Strided;

/** Strides that read a tensor broadcast to a larger shape (stride 0 on new and stretched dims), without a view op. */
final class Broadcast {
    private Broadcast() {}

    /** Strides of x expanded to shape (x's shape must broadcast to it; checked by ShapeRules). */
    static int[] strides(Strided x, int[] shape) {
        int[] xs = x.shape(), st = x.stride();
        int[] out = new int[shape.length];
        int lead = shape.length - xs.length;
        for (int d = lead; d < shape.length; d++) {
            out[d] = xs[d - lead] == shape[d] ? st[d - lead] : 0;
        }
        return out;
    }
}
