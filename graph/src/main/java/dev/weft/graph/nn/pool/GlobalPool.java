package dev.weft.graph.nn.pool;

import dev.weft.tensor.Segments;
import dev.weft.tensor.Tensor;

/**
 * Graph-level readouts over a batch vector (PyG's global_add_pool, global_mean_pool, global_max_pool): batch (N)
 * I64 maps each node to its graph in [0, size); out (size, F). A null batch means one graph. Deterministic (a
 * stable grouping and segment reductions).
 */
public final class GlobalPool {
    private GlobalPool() {}

    /**
     * PyG's global_add_pool: the sum of each graph's node rows.
     *
     * @param x node features (N, F)
     * @param batch the graph of each node (N) in [0, size), or null for one graph
     * @param size the number of graphs B
     * @return one row per graph (B, F), 1 row when batch is null
     */
    public static Tensor add(Tensor x, Tensor batch, int size) {
        return reduce(x, batch, size, "sum");
    }

    /**
     * PyG's global_mean_pool: the mean of each graph's node rows.
     *
     * @param x node features (N, F)
     * @param batch the graph of each node (N) in [0, size), or null for one graph
     * @param size the number of graphs B
     * @return one row per graph (B, F), 1 row when batch is null
     */
    public static Tensor mean(Tensor x, Tensor batch, int size) {
        return reduce(x, batch, size, "mean");
    }

    /**
     * PyG's global_max_pool: the featurewise max of each graph's node rows.
     *
     * @param x node features (N, F)
     * @param batch the graph of each node (N) in [0, size), or null for one graph
     * @param size the number of graphs B
     * @return one row per graph (B, F), 1 row when batch is null
     */
    public static Tensor max(Tensor x, Tensor batch, int size) {
        return reduce(x, batch, size, "max");
    }

    private static Tensor reduce(Tensor x, Tensor batch, int size, String how) {
        Tensor b = batch != null ? batch : Tensor.zeros(dev.weft.tensor.core.DType.I64, x.size(0));
        int n = batch != null ? size : 1;
        return how.equals("max") ? Segments.scatterMax(x, b, n).values() : Segments.scatter(x, b, n, how);
    }
}
