package dev.weft.nn.onnx;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

/** Small helpers shared by the operators: integer tensors read on the host, axis normalization. */
final class Values {
    private Values() {}

    /** An integer tensor's values (shape inputs such as Reshape's shape, Slice's starts). */
    static long[] longs(Tensor t, String what) {
        if (t.dtype().isFloatingPoint()) throw new IllegalArgumentException(what + ": expected an integer tensor, got " + t.dtype());
        return t.toLongArray();
    }

    /** Like {@link #longs} but each value must fit an int. */
    static int[] ints(Tensor t, String what) {
        long[] v = longs(t, what);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = clampToInt(v[i]);
        return out;
    }

    /** Saturates a long to the int range (ONNX uses INT64_MAX / INT64_MIN for "to the end"). */
    static int clampToInt(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    /** An axis in [-rank, rank) made non-negative; errors name the node. */
    static int axis(String who, long axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw new IllegalArgumentException(who + ": axis " + axis + " is out of range for rank " + rank);
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }

    static String shape(Tensor t) {
        return Shape.format(t.shape());
    }
}
