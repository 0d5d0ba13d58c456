package dev.weft.tensor.backend;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import dev.weft.tensor.core.Storage;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.Op;

/**
 * A compute backend for one device: allocates storage, moves data to and from Java arrays, and runs
 * the primitive ops over {@link Strided} views (see the package comment for the full contract).
 * Dispatch has already validated every op (the op package's {@code Rules}), allocated the outputs
 * and checked that all views live on this backend's device. Only backends touch Java arrays.
 */
public interface Backend {
    /** {@return the device this backend serves} */
    Device device();

    /**
     * {@return a zero-filled storage of numel elements of dtype on {@link #device()}}
     *
     * @param dtype the element type
     * @param numel number of elements
     */
    Storage allocate(DType dtype, int numel);

    /**
     * {@return a storage holding a copy of a Java array: float[] (F32), double[] (F64), int[] (I32), long[] (I64)
     * or boolean[] (BOOL)} The array is not retained.
     *
     * @param array the Java array
     */
    Storage fromHost(Object array);

    /**
     * {@return a new contiguous Java array (as for {@link #fromHost}) with the view's elements in row-major order;
     * the view may have any strides (0 included) and offset}
     *
     * @param view the view to copy
     */
    Object toHost(Strided view);

    /**
     * Runs {@code op}: reads inputs, writes outputs. Outputs are fresh, zero-filled, contiguous, offset 0,
     * of the inferred shapes and dtypes, except CopyInto, whose one output is its destination input
     * (any strides but no stride-0 dim of size > 1). View ops never reach a backend.
     *
     * @param op the op
     * @param inputs the input tensors
     * @param outputs the output tensors
     */
    void execute(Op op, Strided[] inputs, Strided[] outputs);

    /**
     * {@return true if this backend runs an elementwise op in place: {@code execute} with its output being one of
     * its inputs (the same view: any strides and offset, no two elements at one address), every other
     * input either in other storage or that same view} Each element is read before it is written. The
     * dispatcher asks before it passes such an output (add_, mul_, clamp_, masked_fill_); false means it
     * computes out of place and copies. Default false.
     */
    default boolean inPlaceElementwise() {
        return false;
    }
}
