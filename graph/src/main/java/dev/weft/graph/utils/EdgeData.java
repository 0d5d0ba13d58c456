package dev.weft.graph.utils;

import dev.weft.tensor.Tensor;

/**
 * An edge list and the values that travel with it, as PyG's utils return them: {@code (edge_index,
 * edge_attr)}. edgeIndex (2, E) I64; edgeAttr (E) or (E, D), or null when the input had none.
 *
 * @param edgeIndex the edges (2, E) I64
 * @param edgeAttr the edge values (E) or (E, D), or null
 */
public record EdgeData(Tensor edgeIndex, Tensor edgeAttr) {
    /** {@return E, the number of edges} */
    public int numEdges() {
        return edgeIndex.size(1);
    }
}
