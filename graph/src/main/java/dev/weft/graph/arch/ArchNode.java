package dev.weft.graph.arch;

import dev.weft.tensor.core.Shape;

import java.util.Arrays;

/**
 * One node of an {@link ArchGraph}: its operation, the Sequential layer it belongs to (-1 for the input and
 * output nodes), and for a parameter node the dotted parameter name ("2.weight") and its shape. {@code attrs}
 * holds what the shape does not say but rebuilding needs: (stride, padding) for a Conv2d weight, else empty.
 *
 * @param op the operation
 * @param layer the Sequential layer index, -1 for the input and output nodes
 * @param param the dotted parameter name ("2.weight"), null for a parameter-free node
 * @param shape the parameter's shape, null for a parameter-free node
 * @param attrs extra rebuilding attributes, empty when none (null becomes empty)
 */
public record ArchNode(OpType op, int layer, String param, int[] shape, int[] attrs) {
    /** Checks that param and shape are given exactly for a parameter node (IllegalArgumentException otherwise); copies the arrays. */
    public ArchNode {
        if (op == null) throw new IllegalArgumentException("ArchNode: op is null");
        if (op.hasParameter() != (param != null) || op.hasParameter() != (shape != null)) {
            throw new IllegalArgumentException("ArchNode: a " + op.label() + " node " + (op.hasParameter() ? "needs" : "has no")
                    + " parameter name and shape, got " + param + " " + (shape == null ? "null" : Shape.format(shape)));
        }
        shape = shape == null ? null : shape.clone();
        attrs = attrs == null ? new int[0] : attrs.clone();
    }

    /**
     * A parameter-free node.
     *
     * @param op the operation, one without a parameter
     * @param layer the Sequential layer index, -1 for the input and output nodes
     * @return the node
     */
    public static ArchNode op(OpType op, int layer) {
        return new ArchNode(op, layer, null, null, null);
    }

    /** {@return a copy of the parameter's shape, or null for a parameter-free node} */
    @Override
    public int[] shape() {
        return shape == null ? null : shape.clone();
    }

    /** {@return a copy of the extra rebuilding attributes} */
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
