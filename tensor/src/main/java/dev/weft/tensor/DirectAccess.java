package dev.weft.tensor;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.cpu.CpuStorage;

/**
 * Direct access to the elements of a contiguous CPU tensor, for fused kernels outside tensor/ (optimizer
 * steps, data loaders, KAN bases, sparse ops) instead of reaching into the CPU backend's storage.
 *
 * <p>The guarantee: for a tensor on the CPU that {@link Tensor#isContiguous()} and has the dtype asked for,
 * {@link #floats}, {@link #doubles}, {@link #ints} and {@link #longs} return the live backing array, and the
 * tensor's elements, in row-major order, are {@code array[offset(t) .. offset(t) + t.numel())}. Other
 * tensors may share the array outside that range (views of one storage). Reads see the current values.
 * A caller that writes must call {@link #written} afterwards (it bumps the version counter with which
 * autograd detects a saved tensor changed after recording) and must not write, in grad mode, into a tensor
 * the tape depends on. Anything else (another device, a strided view, another dtype) is an
 * IllegalArgumentException naming the tensor: make it contiguous, move it or convert it first.
 */
public final class DirectAccess {
    private DirectAccess() {}

    /**
     * {@return true when {@code t} is a contiguous CPU tensor of {@code dtype}, i.e. the accessors below accept it}
     *
     * @param t the tensor
     * @param dtype the element type
     */
    public static boolean available(Tensor t, DType dtype) {
        return t.storage() instanceof CpuStorage && t.dtype() == dtype && t.isContiguous();
    }

    /**
     * {@return the backing array of a contiguous CPU F32 tensor (read and write from {@link #offset})}
     *
     * @param t the tensor
     */
    public static float[] floats(Tensor t) {
        return (float[]) array(t, DType.F32);
    }

    /**
     * {@return the backing array of a contiguous CPU F64 tensor (read and write from {@link #offset})}
     *
     * @param t the tensor
     */
    public static double[] doubles(Tensor t) {
        return (double[]) array(t, DType.F64);
    }

    /**
     * {@return the backing array of a contiguous CPU I32 tensor (read and write from {@link #offset})}
     *
     * @param t the tensor
     */
    public static int[] ints(Tensor t) {
        return (int[]) array(t, DType.I32);
    }

    /**
     * {@return the backing array of a contiguous CPU I64 tensor (read and write from {@link #offset})}
     *
     * @param t the tensor
     */
    public static long[] longs(Tensor t) {
        return (long[]) array(t, DType.I64);
    }

    /**
     * {@return index of the tensor's first element in its backing array}
     *
     * @param t the tensor
     */
    public static int offset(Tensor t) {
        return t.storageOffset();
    }

    /**
     * Records that the caller wrote into {@code t}'s elements through its array.
     *
     * @param t the tensor
     */
    public static void written(Tensor t) {
        t.storage().bumpVersion();
    }

    /**
     * {@return a new zero-filled contiguous CPU tensor, to fill through the accessors (offset 0)}
     *
     * @param dtype the element type
     * @param shape the shape (sizes of each dim)
     */
    public static Tensor allocate(DType dtype, int... shape) {
        return Tensor.owning(Strided.contiguous(CpuStorage.allocate(dtype, Shape.numel(shape)), shape));
    }

    private static Object array(Tensor t, DType dtype) {
        t.storage().checkLive("DirectAccess");
        if (!available(t, dtype)) {
            String why = !(t.storage() instanceof CpuStorage) ? "it lives on " + t.device() + ", not on " + Device.CPU
                    : t.dtype() != dtype ? "it is " + t.dtype() + ", not " + dtype : "it is not contiguous (strides "
                    + java.util.Arrays.toString(t.stride()) + "); use contiguous() first";
            throw new IllegalArgumentException("DirectAccess: tensor " + t.dtype() + " " + Shape.format(t.shape()) + ": " + why);
        }
        return ((CpuStorage) t.storage()).array();
    }
}
