package dev.weft.graph.utils;

import dev.weft.graph.Graph;
import dev.weft.graph.HostTensors;
import dev.weft.tensor.Tensor;

/**
 * Sorting and de-duplicating edge lists, PyG {@code torch_geometric.utils.coalesce} and
 * {@code sort_edge_index}. The permutation is computed on the host (stable), the attribute values move and
 * reduce through tensor ops (index_select, index_add / scatter_reduce), so they keep their autograd history.
 */
public final class Coalesce {
    private Coalesce() {}

    /**
     * PyG sort_edge_index: edges ordered by (row, col) when sortByRow, else by (col, row) (grouped by target);
     * ties keep their order. attr (E, ...) is permuted the same way; may be null.
     *
     * @param edgeIndex the edges (2, E)
     * @param attr edge attributes (E, ...), or null
     * @param numNodes the number of nodes N, or null for 1 + the largest node id
     * @param sortByRow whether to sort by (row, col) rather than (col, row)
     * @return the sorted edges and attributes
     */
    public static EdgeData sortEdgeIndex(Tensor edgeIndex, Tensor attr, Integer numNodes, boolean sortByRow) {
        long[] row = HostTensors.edgeRow(edgeIndex, 0);
        long[] col = HostTensors.edgeRow(edgeIndex, 1);
        int n = EdgeSort.numNodes(row, col, numNodes);
        EdgeSort.checkRange("sortEdgeIndex", row, col, n);
        int[] perm = sortByRow ? EdgeSort.permutation(row, col, n) : EdgeSort.permutation(col, row, n);
        long[] r = new long[perm.length];
        long[] c = new long[perm.length];
        long[] p = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            r[i] = row[perm[i]];
            c[i] = col[perm[i]];
            p[i] = perm[i];
        }
        Tensor a = attr == null ? null : attr.indexSelect(0, HostTensors.longs(p, p.length));
        return new EdgeData(HostTensors.edgeIndex(r, c), a);
    }

    /**
     * {@link #coalesce(Tensor, Tensor, Integer, String, boolean)} with reduce "sum", sorted by row.
     *
     * @param edgeIndex the edges (2, E)
     * @param attr edge attributes (E) or (E, D), or null
     * @param numNodes the number of nodes N, or null for 1 + the largest node id
     * @return the distinct edges, sorted, with summed attributes
     */
    public static EdgeData coalesce(Tensor edgeIndex, Tensor attr, Integer numNodes) {
        return coalesce(edgeIndex, attr, numNodes, "sum", true);
    }

    /**
     * PyG coalesce: sorts as {@link #sortEdgeIndex} and merges duplicate edges into one, reducing their
     * attributes with reduce: "sum" (or "add"), "mean", "min", "max" or "mul". attr (E) or (E, D), may be null.
     *
     * @param edgeIndex the edges (2, E)
     * @param attr edge attributes (E) or (E, D), or null
     * @param numNodes the number of nodes N, or null for 1 + the largest node id
     * @param reduce how duplicate attributes combine
     * @param sortByRow whether to sort by (row, col) rather than (col, row)
     * @return the distinct edges, sorted, with reduced attributes
     * @throws IllegalArgumentException if reduce is unknown or attr has not one row per edge
     */
    public static EdgeData coalesce(Tensor edgeIndex, Tensor attr, Integer numNodes, String reduce, boolean sortByRow) {
        String torchReduce = switch (reduce) {
            case "sum", "add" -> "sum";
            case "mean" -> "mean";
            case "min" -> "amin";
            case "max" -> "amax";
            case "mul" -> "prod";
            default -> throw new IllegalArgumentException("coalesce: reduce must be one of sum, add, mean, min, max, mul, got \"" + reduce + "\"");
        };
        if (attr != null && attr.size(0) != edgeIndex.size(1)) {
            throw new IllegalArgumentException("coalesce: attr has " + attr.size(0) + " rows for " + edgeIndex.size(1) + " edges");
        }
        EdgeData sorted = sortEdgeIndex(edgeIndex, attr, numNodes, sortByRow);
        long[] row = HostTensors.edgeRow(sorted.edgeIndex(), 0);
        long[] col = HostTensors.edgeRow(sorted.edgeIndex(), 1);
        int e = row.length;
        long[] segment = new long[e];
        int m = 0;
        for (int i = 0; i < e; i++) {
            if (i > 0 && (row[i] != row[i - 1] || col[i] != col[i - 1])) m++;
            segment[i] = m;
        }
        int unique = e == 0 ? 0 : m + 1;
        if (unique == e) return sorted;
        long[] r = new long[unique];
        long[] c = new long[unique];
        for (int i = 0; i < e; i++) {
            r[(int) segment[i]] = row[i];
            c[(int) segment[i]] = col[i];
        }
        Tensor a = null;
        if (attr != null) {
            Tensor seg = HostTensors.longs(segment, e);
            int[] outShape = sorted.edgeAttr().shape().clone();
            outShape[0] = unique;
            Tensor zeros = Tensor.zeros(attr.dtype(), outShape);
            if (torchReduce.equals("sum")) {
                a = zeros.indexAdd(0, seg, sorted.edgeAttr());
            } else {
                Tensor idx = seg;
                if (attr.dim() > 1) {
                    int[] view = new int[attr.dim()];
                    java.util.Arrays.fill(view, 1);
                    view[0] = e;
                    idx = seg.view(view).expand(sorted.edgeAttr().shape()).contiguous();
                }
                a = zeros.scatterReduce(0, idx, sorted.edgeAttr(), torchReduce, false);
            }
        }
        return new EdgeData(HostTensors.edgeIndex(r, c), a);
    }

    /**
     * PyG is_coalesced: sorted by (row, col) with no duplicate edge.
     *
     * @param edgeIndex the edges (2, E)
     * @return whether the edges are strictly increasing in (row, col)
     */
    public static boolean isCoalesced(Tensor edgeIndex) {
        long[] row = HostTensors.edgeRow(edgeIndex, 0);
        long[] col = HostTensors.edgeRow(edgeIndex, 1);
        for (int i = 1; i < row.length; i++) {
            if (row[i] < row[i - 1] || (row[i] == row[i - 1] && col[i] <= col[i - 1])) return false;
        }
        return true;
    }

    /**
     * The graph with its edges coalesced ("sum" of duplicate weights and attributes), other parts kept.
     *
     * @param g the graph
     * @return the graph with distinct, sorted edges
     */
    public static Graph coalesce(Graph g) {
        EdgeData w = coalesce(g.edgeIndex(), g.edgeWeight(), g.numNodes());
        EdgeData a = coalesce(g.edgeIndex(), g.edgeAttr(), g.numNodes());
        return g.withEdges(w.edgeIndex(), w.edgeAttr(), a.edgeAttr());
    }
}
