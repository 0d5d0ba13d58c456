package dev.weft.graph.utils;

import dev.weft.tensor.Tensor;

/**
 * An edge list and the values that travel with it, as PyG's utils return them: {@code (edge_index,
 * edge_attr)}. edgeIndex (2, E) I64; edgeAttr (E) or (E, D), or null when the input had none.
 */
public record EdgeData(Tensor edgeIndex, Tensor edgeAttr) {
    /** E, the number of edges. */
    public int numEdges() {
        return edgeIndex.size(1);
    }
}
