package dev.weft.graph.utils;

import dev.weft.graph.Graph;
import dev.weft.graph.HostTensors;
import dev.weft.tensor.Tensor;
import java.util.HashSet;
import java.util.Set;

/** Symmetrising an edge list: PyG {@code to_undirected} and {@code is_undirected}. */
public final class Undirected {
    private Undirected() {}

    /**
     * PyG to_undirected: the edges (row, col) and (col, row) together, coalesced (sorted by (row, col),
     * duplicates merged with reduce: "sum"/"add" (PyG's default), "mean", "min", "max", "mul").
     * NOTE: with "sum", an already symmetric weighted graph gets each weight doubled, as in PyG.
     *
     * @param edgeIndex the edges (2, E)
     * @param attr edge attributes (E) or (E, D), or null
     * @param numNodes the number of nodes N, or null for 1 + the largest node id
     * @param reduce how duplicate attributes combine
     * @return the symmetric, coalesced edges and attributes
     */
    public static EdgeData toUndirected(Tensor edgeIndex, Tensor attr, Integer numNodes, String reduce) {
        Tensor row = edgeIndex.select(0, 0);
        Tensor col = edgeIndex.select(0, 1);
        Tensor both = Tensor.stack(new Tensor[] {Tensor.cat(new Tensor[] {row, col}, 0), Tensor.cat(new Tensor[] {col, row}, 0)}, 0);
        Tensor a = attr == null ? null : Tensor.cat(new Tensor[] {attr, attr}, 0);
        return Coalesce.coalesce(both, a, numNodes, reduce, true);
    }

    /**
     * The edge set made symmetric, without attributes.
     *
     * @param edgeIndex the edges (2, E)
     * @param numNodes the number of nodes N, or null for 1 + the largest node id
     * @return the symmetric, coalesced edges
     */
    public static Tensor toUndirected(Tensor edgeIndex, Integer numNodes) {
        return toUndirected(edgeIndex, null, numNodes, "sum").edgeIndex();
    }

    /**
     * The graph symmetrised; its edge weight (if any) reduced with reduce, edge_attr dropped.
     *
     * @param g the graph
     * @param reduce how duplicate weights combine: "sum", "mean", "min", "max" or "mul"
     * @return the undirected graph
     */
    public static Graph toUndirected(Graph g, String reduce) {
        EdgeData d = toUndirected(g.edgeIndex(), g.edgeWeight(), g.numNodes(), reduce);
        return g.withEdges(d.edgeIndex(), d.edgeAttr(), null);
    }

    /**
     * PyG is_undirected (structure only): for every edge (u, v) the edge (v, u) exists.
     *
     * @param edgeIndex the edges (2, E)
     * @return whether every edge has its reverse
     */
    public static boolean isUndirected(Tensor edgeIndex) {
        long[] row = HostTensors.edgeRow(edgeIndex, 0);
        long[] col = HostTensors.edgeRow(edgeIndex, 1);
        Set<Long> pairs = new HashSet<>();
        // Pairs packed as two 32-bit halves: node ids are ints (Graph sizes are int).
        for (int i = 0; i < row.length; i++) pairs.add(row[i] << 32 | col[i]);
        for (int i = 0; i < row.length; i++) if (!pairs.contains(col[i] << 32 | row[i])) return false;
        return true;
    }
}
