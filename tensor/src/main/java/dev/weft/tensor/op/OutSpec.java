package dev.weft.tensor.op;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

/**
 * The shape and dtype of one op output, as {@link Rules#infer} computes it.
 *
 * @param shape the shape (sizes of each dim)
 * @param dtype the element type
 */
public record OutSpec(int[] shape, DType dtype) {
    /** Keeps a copy of shape. */
    public OutSpec {
        shape = shape.clone();
    }

    @Override
    public String toString() {
        return Shape.format(shape) + " " + dtype;
    }
}
