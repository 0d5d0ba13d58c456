package dev.weft.graph.utils;

import dev.weft.graph.Graph;
import dev.weft.graph.HostTensors;

/**
 * Weakly connected components (edge direction ignored), as scipy's connected_components(directed=False)
 * that PyG's {@code LargestConnectedComponents} uses: components numbered 0, 1, ... in the order of their
 * smallest node id. Union-find with path halving, O(E alpha(N)).
 */
public final class Components {
    private Components() {}

    /**
     * The number of components and each node's component (N) I64.
     *
     * @param count the number of components
     * @param labels each node's component (N) I64, numbered by smallest node id
     */
    public record Result(int count, dev.weft.tensor.Tensor labels) {}

    /**
     * The weakly connected components of g.
     *
     * @param g the graph
     * @return the count and each node's component
     */
    public static Result connectedComponents(Graph g) {
        int n = g.numNodes();
        long[] row = g.sources();
        long[] col = g.targets();
        int[] parent = new int[n];
        for (int v = 0; v < n; v++) parent[v] = v;
        for (int i = 0; i < row.length; i++) {
            int a = find(parent, (int) row[i]);
            int b = find(parent, (int) col[i]);
            // The smaller id is the root, so a component's root is its smallest node.
            if (a < b) parent[b] = a;
            else if (b < a) parent[a] = b;
        }
        long[] labels = new long[n];
        int count = 0;
        for (int v = 0; v < n; v++) {
            int r = find(parent, v);
            labels[v] = r == v ? count++ : labels[r];
        }
        return new Result(count, HostTensors.longs(labels, n));
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }
}
