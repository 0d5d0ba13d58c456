package dev.weft.tensor.core;

/**
 * A strided view over a {@link Storage}: what the op rules and every backend see of a tensor. Element
 * {@code (i_0, ..., i_{r-1})} lives at {@code storageOffset + sum_d i_d * stride[d]} of the storage.
 * Strides are in elements, never negative, and may be 0 (an expanded dim); a view need not be
 * contiguous. {@link #shape()} and {@link #stride()} return copies, so a holder can never change a
 * view; {@link #of} checks that every element the view reaches lies inside its storage.
 *
 * @param storage the storage
 * @param shape the shape (sizes of each dim)
 * @param stride the stride
 * @param storageOffset index of the first element in the storage
 * @param numel number of elements
 */
public record Strided(Storage storage, int[] shape, int[] stride, int storageOffset, int numel) {

    /** Validates the record's invariants; use {@link #of}, which also copies the arrays. */
    public Strided {
        if (shape.length != stride.length) {
            throw new IllegalArgumentException("strided view: shape " + Shape.format(shape) + " and strides "
                    + Shape.format(stride) + " differ in rank");
        }
        if (numel != Shape.numel(shape)) {
            throw new IllegalArgumentException("strided view: numel " + numel + " != " + Shape.numel(shape)
                    + " for shape " + Shape.format(shape));
        }
        if (numel > 0) {
            long last = storageOffset;
            for (int d = 0; d < shape.length; d++) last += (long) (shape[d] - 1) * stride[d];
            if (storageOffset < 0 || last >= storage.length()) {
                throw new IllegalArgumentException("strided view: shape " + Shape.format(shape) + " strides "
                        + Shape.format(stride) + " offset " + storageOffset + " exceeds a storage of " + storage.length());
            }
        }
    }

    /**
     * {@return a view over a storage; the arrays are copied and the bounds checked}
     *
     * @param storage the storage
     * @param shape the shape (sizes of each dim)
     * @param stride the stride
     * @param storageOffset index of the first element in the storage
     */
    public static Strided of(Storage storage, int[] shape, int[] stride, int storageOffset) {
        return new Strided(storage, shape.clone(), stride.clone(), storageOffset, Shape.numel(shape));
    }

    /**
     * {@return the row-major view of a whole storage holding exactly numel(shape) elements from offset 0}
     *
     * @param storage the storage
     * @param shape the shape (sizes of each dim)
     */
    public static Strided contiguous(Storage storage, int[] shape) {
        return of(storage, shape, Shape.contiguousStrides(shape), 0);
    }

    /** {@return the shape (a copy)} */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** {@return the strides in elements (a copy)} */
    @Override
    public int[] stride() {
        return stride.clone();
    }

    /**
     * {@return size of one dim (negative dims count from the end)}
     *
     * @param dim the dim (negative counts from the end)
     */
    public int size(int dim) {
        return shape[Shape.dim("size", dim, shape.length)];
    }

    /**
     * {@return stride of one dim (negative dims count from the end)}
     *
     * @param dim the dim (negative counts from the end)
     */
    public int stride(int dim) {
        return stride[Shape.dim("stride", dim, shape.length)];
    }

    /** {@return number of dims} */
    public int dim() {
        return shape.length;
    }

    /** {@return the storage's element type} */
    public DType dtype() {
        return storage.dtype();
    }

    /** {@return the storage's device} */
    public Device device() {
        return storage.device();
    }

    /** {@return true if elements are laid out row-major without gaps} */
    public boolean isContiguous() {
        return Shape.isContiguous(shape, stride);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Strided s && s.storage == storage && s.storageOffset == storageOffset
                && java.util.Arrays.equals(s.shape, shape) && java.util.Arrays.equals(s.stride, stride);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(storage) * 31 + java.util.Arrays.hashCode(shape) * 17 + storageOffset;
    }

    @Override
    public String toString() {
        return "Strided" + Shape.format(shape) + " strides " + Shape.format(stride) + " offset " + storageOffset
                + " " + dtype() + " on " + device();
    }
}
