package dev.weft.tensor.backend;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import dev.weft.tensor.core.Storage;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.Op;

/**
 * A compute backend for one device: allocates storage, moves data to and from Java arrays, and runs
 * the primitive ops. Dispatch has already validated every op (see ShapeRules), allocated the outputs
 * and checked that all tensors live on this backend's device. Only backends and toHost/fromHost touch
 * Java arrays; nothing above may assume one.
 */
public interface Backend {
    /** The device this backend serves. */
    Device device();

    /** A zero-filled storage of numel elements. */
    Storage allocate(DType dtype, int numel);

    /**
     * A storage holding a copy of a Java array: float[] (F32), double[] (F64), int[] (I32), long[] (I64)
     * or boolean[] (BOOL). The array is not retained.
     */
    Storage fromHost(Object array);

    /** A new contiguous Java array (as for {@link #fromHost}) with t's elements in row-major order. */
    Object toHost(Tensor t);

    /**
     * Runs {@code op}: reads inputs, writes outputs (already allocated, contiguous, of the inferred shapes
     * and dtypes, except CopyInto whose output is its destination input). View ops never reach a backend.
     */
    void execute(Op op, Tensor[] inputs, Tensor[] outputs);
}
