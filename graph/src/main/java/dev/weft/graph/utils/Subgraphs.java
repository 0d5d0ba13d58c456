package dev.weft.graph.utils;

import dev.weft.graph.HostTensors;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.Arrays;

/** Induced and k-hop subgraphs: PyG {@code subgraph} and {@code k_hop_subgraph}. */
public final class Subgraphs {
    private Subgraphs() {}

    /**
     * subgraph's result.
     *
     * @param edgeIndex the kept edges (2, E'), relabelled or not
     * @param edgeAttr their attributes, or null
     * @param edgeMask BOOL (E) over the input edges: which were kept
     */
    public record Result(Tensor edgeIndex, Tensor edgeAttr, Tensor edgeMask) {}

    /**
     * k_hop_subgraph's result.
     *
     * @param subset the sorted node ids reached
     * @param edgeIndex the kept edges (2, E')
     * @param mapping the seeds' positions in subset
     * @param edgeMask BOOL (E) over the input edges: which were kept
     */
    public record KHop(Tensor subset, Tensor edgeIndex, Tensor mapping, Tensor edgeMask) {}

    /**
     * PyG subgraph(subset, edge_index, edge_attr, relabel_nodes, num_nodes): keeps the edges with both ends in
     * subset. subset is an I64 list of node ids or a BOOL (N) mask. When relabel, node subset[i] becomes i
     * (for a mask: the i-th kept node in id order).
     *
     * @param subset I64 node ids or a BOOL (N) mask
     * @param edgeIndex the edges (2, E)
     * @param attr edge attributes (E, ...), or null
     * @param relabel whether to renumber the nodes 0 .. |subset|-1
     * @param numNodes the number of nodes N
     * @return the kept edges, attributes and mask
     */
    public static Result subgraph(Tensor subset, Tensor edgeIndex, Tensor attr, boolean relabel, int numNodes) {
        long[] row = HostTensors.edgeRow(edgeIndex, 0);
        long[] col = HostTensors.edgeRow(edgeIndex, 1);
        EdgeSort.checkRange("subgraph", row, col, numNodes);
        long[] newId = new long[numNodes];
        Arrays.fill(newId, -1);
        if (subset.dtype() == DType.BOOL) {
            boolean[] m = subset.toBooleanArray();
            if (m.length != numNodes) throw new IllegalArgumentException("subgraph: mask has " + m.length + " entries for " + numNodes + " nodes");
            long k = 0;
            for (int v = 0; v < numNodes; v++) if (m[v]) newId[v] = k++;
        } else {
            long[] s = subset.toLongArray();
            for (int i = 0; i < s.length; i++) {
                if (s[i] < 0 || s[i] >= numNodes) throw new IllegalArgumentException("subgraph: subset[" + i + "] = " + s[i] + " is outside [0, " + numNodes + ")");
                newId[(int) s[i]] = i;
            }
        }
        int e = row.length;
        boolean[] mask = new boolean[e];
        int kept = 0;
        for (int i = 0; i < e; i++) if (mask[i] = newId[(int) row[i]] >= 0 && newId[(int) col[i]] >= 0) kept++;
        long[] r = new long[kept];
        long[] c = new long[kept];
        long[] keep = new long[kept];
        int k = 0;
        for (int i = 0; i < e; i++) {
            if (!mask[i]) continue;
            r[k] = relabel ? newId[(int) row[i]] : row[i];
            c[k] = relabel ? newId[(int) col[i]] : col[i];
            keep[k++] = i;
        }
        Tensor a = attr == null ? null : attr.indexSelect(0, HostTensors.longs(keep, kept));
        return new Result(HostTensors.edgeIndex(r, c), a, HostTensors.bools(mask, e));
    }

    /**
     * PyG k_hop_subgraph(node_idx, num_hops, edge_index, relabel_nodes, num_nodes, flow, directed): the nodes
     * from which a seed is reached in at most numHops steps along the flow (source_to_target: the in-neighbours,
     * hop by hop), subset sorted; edges: all edges among subset, or (directed) only the edges walked.
     *
     * @param seeds the node ids to start from
     * @param numHops the number of hops
     * @param edgeIndex the edges (2, E)
     * @param relabel whether to renumber the edges' nodes by their positions in subset
     * @param numNodes the number of nodes N
     * @param flow "source_to_target" or "target_to_source"
     * @param directed whether to keep only the edges walked
     * @return the subset, edges, mapping and mask
     * @throws IllegalArgumentException if flow is unknown
     */
    public static KHop kHopSubgraph(long[] seeds, int numHops, Tensor edgeIndex, boolean relabel, int numNodes,
                                    String flow, boolean directed) {
        if (!flow.equals("source_to_target") && !flow.equals("target_to_source")) {
            throw new IllegalArgumentException("kHopSubgraph: flow must be source_to_target or target_to_source, got \"" + flow + "\"");
        }
        long[] src = HostTensors.edgeRow(edgeIndex, 0);
        long[] dst = HostTensors.edgeRow(edgeIndex, 1);
        EdgeSort.checkRange("kHopSubgraph", src, dst, numNodes);
        // PyG: for source_to_target, "row" (the side matched against the frontier) is the target.
        long[] row = flow.equals("source_to_target") ? dst : src;
        long[] col = flow.equals("source_to_target") ? src : dst;
        int e = row.length;
        boolean[] inSubset = new boolean[numNodes];
        boolean[] frontier = new boolean[numNodes];
        boolean[] walked = new boolean[e];
        for (long s : seeds) {
            if (s < 0 || s >= numNodes) throw new IllegalArgumentException("kHopSubgraph: seed " + s + " is outside [0, " + numNodes + ")");
            inSubset[(int) s] = true;
            frontier[(int) s] = true;
        }
        for (int h = 0; h < numHops; h++) {
            boolean[] next = new boolean[numNodes];
            for (int i = 0; i < e; i++) {
                if (frontier[(int) row[i]]) {
                    walked[i] = true;
                    next[(int) col[i]] = true;
                    inSubset[(int) col[i]] = true;
                }
            }
            frontier = next;
        }
        long[] newId = new long[numNodes];
        int count = 0;
        for (int v = 0; v < numNodes; v++) newId[v] = inSubset[v] ? count++ : -1;
        long[] subset = new long[count];
        for (int v = 0; v < numNodes; v++) if (inSubset[v]) subset[(int) newId[v]] = v;
        boolean[] mask = new boolean[e];
        int kept = 0;
        for (int i = 0; i < e; i++) {
            mask[i] = directed ? walked[i] : inSubset[(int) row[i]] && inSubset[(int) col[i]];
            if (mask[i]) kept++;
        }
        long[] r = new long[kept];
        long[] c = new long[kept];
        int k = 0;
        for (int i = 0; i < e; i++) {
            if (!mask[i]) continue;
            r[k] = relabel ? newId[(int) src[i]] : src[i];
            c[k++] = relabel ? newId[(int) dst[i]] : dst[i];
        }
        long[] mapping = new long[seeds.length];
        for (int i = 0; i < seeds.length; i++) mapping[i] = newId[(int) seeds[i]];
        return new KHop(HostTensors.longs(subset, count), HostTensors.edgeIndex(r, c), HostTensors.longs(mapping, mapping.length),
                HostTensors.bools(mask, e));
    }
}
