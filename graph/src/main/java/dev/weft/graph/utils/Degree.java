package dev.weft.graph.utils;

import dev.weft.graph.Graph;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;

/**
 * Node degrees, PyG {@code torch_geometric.utils.degree}: deg[v] = #{e : index[e] = v}, or with weights
 * deg[v] = sum over {e : index[e] = v} of weight[e]. In-degree counts targets (edgeIndex[1]), out-degree sources.
 */
public final class Degree {
    private Degree() {}

    /**
     * PyG degree(index, num_nodes, dtype): index (E) I64 -> (N) counts.
     *
     * @param index the node of each edge (E)
     * @param numNodes the number of nodes N
     * @param dtype the dtype of the counts
     * @return the degree of each node (N)
     */
    public static Tensor degree(Tensor index, int numNodes, DType dtype) {
        return Tensor.zeros(dtype, numNodes).indexAdd(0, index, Tensor.ones(dtype, index.size(0)));
    }

    /**
     * Weighted degree (PyG scatter(weight, index, reduce='sum')): index (E), weight (E) -> (N), weight's dtype.
     *
     * @param index the node of each edge (E)
     * @param weight the weight of each edge (E)
     * @param numNodes the number of nodes N
     * @return the summed weight at each node (N)
     * @throws IllegalArgumentException if weight is not one value per edge
     */
    public static Tensor degree(Tensor index, Tensor weight, int numNodes) {
        if (weight.dim() != 1 || weight.size(0) != index.size(0)) {
            throw new IllegalArgumentException("degree: weight must have shape (" + index.size(0) + ",), got "
                    + dev.weft.tensor.core.Shape.format(weight.shape()));
        }
        return Tensor.zeros(weight.dtype(), numNodes).indexAdd(0, index, weight);
    }

    /**
     * In-degree (N) I64: the number of edges ending at each node.
     *
     * @param g the graph
     * @return the in-degrees
     */
    public static Tensor inDegree(Graph g) {
        return degree(g.edgeIndex().select(0, 1), g.numNodes(), DType.I64);
    }

    /**
     * Out-degree (N) I64: the number of edges leaving each node.
     *
     * @param g the graph
     * @return the out-degrees
     */
    public static Tensor outDegree(Graph g) {
        return degree(g.edgeIndex().select(0, 0), g.numNodes(), DType.I64);
    }

    /**
     * Weighted in-degree: the sum of edgeWeight over the edges ending at each node (the graph must have weights).
     *
     * @param g the graph, with an edge weight
     * @return the weighted in-degrees (N)
     * @throws IllegalArgumentException if the graph has no edge weight
     */
    public static Tensor weightedInDegree(Graph g) {
        if (g.edgeWeight() == null) throw new IllegalArgumentException("weightedInDegree: graph '" + g.name() + "' has no edgeWeight");
        return degree(g.edgeIndex().select(0, 1), g.edgeWeight(), g.numNodes());
    }

    /**
     * Weighted out-degree: the sum of edgeWeight over the edges leaving each node.
     *
     * @param g the graph, with an edge weight
     * @return the weighted out-degrees (N)
     * @throws IllegalArgumentException if the graph has no edge weight
     */
    public static Tensor weightedOutDegree(Graph g) {
        if (g.edgeWeight() == null) throw new IllegalArgumentException("weightedOutDegree: graph '" + g.name() + "' has no edgeWeight");
        return degree(g.edgeIndex().select(0, 0), g.edgeWeight(), g.numNodes());
    }
}
