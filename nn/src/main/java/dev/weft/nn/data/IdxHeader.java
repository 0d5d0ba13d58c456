package dev.weft.nn.data;

import dev.weft.tensor.core.Shape;

/**
 * The header of an IDX file: element type and dims (all validated: 1..16 dims, each >= 0, the product
 * fits a tensor). The payload of numel() * type.byteSize() bytes starts at byte headerBytes().
 *
 * @param type the element type
 * @param dims the dims (copied)
 */
public record IdxHeader(IdxType type, int[] dims) {
    /** Copies the dims. */
    public IdxHeader {
        dims = dims.clone();
    }

    /** {@return the dims (a copy)} */
    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** {@return the header's length: 4 magic bytes plus 4 per dim} */
    public int headerBytes() {
        return 4 + 4 * dims.length;
    }

    /** {@return the number of elements, the product of the dims} */
    public int numel() {
        return Shape.numel(dims);
    }

    /** {@return the payload's length in bytes: numel() * type.byteSize()} */
    public long payloadBytes() {
        return (long) numel() * type.byteSize();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxHeader h && h.type == type && java.util.Arrays.equals(h.dims, dims);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + java.util.Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return "IdxHeader(" + type + ", " + Shape.format(dims) + ")";
    }
}
