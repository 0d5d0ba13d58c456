package dev.weft.tensor;

import dev.weft.tensor.core.Device;
import dev.weft.tensor.op.CopyOp;

/**
 * The Copy family's facade: clone, copy_ (the one in-place primitive; every {@code _} method ends in
 * it) and moves between devices, each one call of {@link Dispatch} over a {@link CopyOp}.
 */
public final class Copies {
    private Copies() {}

    /**
     * {@return a contiguous copy of x in new storage}
     *
     * @param x the input tensor
     */
    public static Tensor clone(Tensor x) {
        return Dispatch.apply1(new CopyOp.Clone(), x);
    }

    /**
     * Writes src (broadcast, converted to dst's dtype) into dst and bumps its storage version; returns dst.
     *
     * @param dst the tensor written in place
     * @param src the source tensor
     * @return dst
     */
    public static Tensor copyInto(Tensor dst, Tensor src) {
        return copyInto("copy_", dst, src);
    }

    /**
     * copyInto under the name of the in-place op the user called (add_, fill_, ...), which errors name.
     *
     * @param op the op
     * @param dst the tensor written in place
     * @param src the source tensor
     * @return dst
     */
    public static Tensor copyInto(String op, Tensor dst, Tensor src) {
        Dispatch.apply1(new CopyOp.CopyInto(op), dst, src);
        return dst;
    }

    /**
     * x on device (x itself if already there).
     *
     * @param x the input tensor
     * @param device the device
     * @return x on device
     */
    public static Tensor to(Tensor x, Device device) {
        return device.equals(x.device()) ? x : Dispatch.apply1(new CopyOp.ToDevice(device), x);
    }
}
