package dev.weft.nn.onnx;

import dev.weft.tensor.core.DType;

import java.util.Arrays;

/**
 * A graph input or output as the file declares it: name, dtype and dims, where a dim is -1 when it is symbolic
 * ({@code dimParams[i]} then holds its name, e.g. "batch") or unknown; {@code dims} is null when no shape is declared.
 *
 * @param name the value's name in the graph
 * @param dtype its element type
 * @param dims its dims, -1 for a symbolic or unknown dim; null without a declared shape
 * @param dimParams the symbolic dims' names, null entries for the others
 */
public record OnnxValue(String name, DType dtype, long[] dims, String[] dimParams) {
    /** {@return the shape as text, symbolic dims by name: {@code (batch, 3, 224, 224)}; "(?)" without a shape} */
    public String shapeText() {
        if (dims == null) return "(?)";
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) b.append(", ");
            b.append(dims[i] >= 0 ? String.valueOf(dims[i]) : dimParams[i] != null ? dimParams[i] : "?");
        }
        return b.append(')').toString();
    }

    /**
     * Whether a tensor shape fits: same rank and equal fixed dims.
     *
     * @param shape a tensor's shape
     * @return true if it fits (always, when no shape is declared)
     */
    public boolean accepts(int[] shape) {
        if (dims == null) return true;
        if (shape.length != dims.length) return false;
        for (int i = 0; i < dims.length; i++) if (dims[i] >= 0 && dims[i] != shape[i]) return false;
        return true;
    }

    @Override
    public String toString() {
        return name + ": " + dtype + " " + shapeText();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OnnxValue v && v.name.equals(name) && v.dtype == dtype && Arrays.equals(v.dims, dims)
                && Arrays.equals(v.dimParams, dimParams);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(dims);
    }
}
