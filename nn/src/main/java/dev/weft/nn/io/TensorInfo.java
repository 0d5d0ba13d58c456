package dev.weft.nn.io;

import dev.weft.tensor.core.Shape;

/**
 * One tensor's entry in a safetensors header, after validation: its dtype as stored in the file
 * (F16 stays F16 here even though it reads into F32), its shape, and its byte range
 * [dataBegin, dataEnd) relative to the start of the data region.
 *
 * @param name the tensor's name in the header
 * @param dtype its element type as stored
 * @param shape its dims (copied)
 * @param dataBegin the first byte, relative to the data region
 * @param dataEnd one past the last byte, relative to the data region
 */
public record TensorInfo(String name, SafetensorsDType dtype, int[] shape, long dataBegin, long dataEnd) {
    /** Copies the shape. */
    public TensorInfo {
        shape = shape.clone();
    }

    /** {@return the shape (a copy)} */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** {@return number of elements} */
    public int numel() {
        return Shape.numel(shape);
    }

    /** {@return the tensor's bytes in the file: dataEnd - dataBegin} */
    public long byteLength() {
        return dataEnd - dataBegin;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && name.equals(t.name) && dtype == t.dtype
                && java.util.Arrays.equals(shape, t.shape) && dataBegin == t.dataBegin && dataEnd == t.dataEnd;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, dtype, java.util.Arrays.hashCode(shape), dataBegin, dataEnd);
    }

    @Override
    public String toString() {
        return name + ": " + dtype + " " + Shape.format(shape) + " bytes [" + dataBegin + ", " + dataEnd + ")";
    }
}
