package dev.weft.graph.arch;

import dev.weft.tensor.core.Shape;

import java.util.Arrays;

/**
 * One node of an {@link ArchGraph}: its operation, the Sequential layer it belongs to (-1 for the input and
 * output nodes), and for a parameter node the dotted parameter name ("2.weight") and its shape. {@code attrs}
 * holds what the shape does not say but rebuilding needs: (stride, padding) for a Conv2d weight, else empty.
 */
public record ArchNode(OpType op, int layer, String param, int[] shape, int[] attrs) {
    public ArchNode {
        if (op == null) throw new IllegalArgumentException("ArchNode: op is null");
        if (op.hasParameter() != (param != null) || op.hasParameter() != (shape != null)) {
            throw new IllegalArgumentException("ArchNode: a " + op.label() + " node " + (op.hasParameter() ? "needs" : "has no")
                    + " parameter name and shape, got " + param + " " + (shape == null ? "null" : Shape.format(shape)));
        }
        shape = shape == null ? null : shape.clone();
        attrs = attrs == null ? new int[0] : attrs.clone();
    }

    /** A parameter-free node. */
    public static ArchNode op(OpType op, int layer) {
        return new ArchNode(op, layer, null, null, null);
    }

    @Override
    public int[] shape() {
        return shape == null ? null : shape.clone();
    }

    @Override
    public int[] attrs() {
        return attrs.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArchNode n && op == n.op && layer == n.layer && java.util.Objects.equals(param, n.param)
                && Arrays.equals(shape, n.shape) && Arrays.equals(attrs, n.attrs);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(op, layer, param, Arrays.hashCode(shape), Arrays.hashCode(attrs));
    }

    @Override
    public String toString() {
        return op.label() + (param == null ? "" : "[" + param + " " + Shape.format(shape) + "]");
    }
}
