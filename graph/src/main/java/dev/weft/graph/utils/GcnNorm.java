package dev.weft.graph.utils;

import dev.weft.graph.Graph;
import dev.weft.tensor.SparseTensor;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;

/**
 * The GCN propagation weights of Kipf and Welling (2017), eq. 2: A_hat = D^-1/2 (A + I) D^-1/2, as PyG's
 * {@code gcn_norm} computes them on an edge list: self loops added with {@code add_remaining_self_loops}
 * (fill 1, or 2 when improved), deg[v] = sum of w over the edges whose target is v (flow source_to_target;
 * the source for target_to_source), w'[e] = deg[row]^-1/2 * w[e] * deg[col]^-1/2, with 0^-1/2 taken as 0.
 * Tensor ops throughout, so w' is differentiable in the input weights.
 */
public final class GcnNorm {
    private GcnNorm() {}

    /**
     * PyG gcn_norm(edge_index, edge_weight, num_nodes, improved, add_self_loops, flow, dtype). weight (E) or
     * null (all ones, of dtype); flow "source_to_target" or "target_to_source". Returns the (possibly
     * extended) edge_index and the normalised weights.
     *
     * @param edgeIndex the edges (2, E)
     * @param weight edge weights (E), or null for ones
     * @param numNodes the number of nodes N
     * @param improved whether self loops get weight 2 (A + 2I) instead of 1
     * @param addSelfLoops whether to add the remaining self loops first
     * @param flow "source_to_target" (degrees over targets) or "target_to_source"
     * @param dtype the dtype of the ones when weight is null
     * @return the edges and their weights d_i^-1/2 w_ji d_j^-1/2
     * @throws IllegalArgumentException if flow is unknown
     */
    public static EdgeData gcnNorm(Tensor edgeIndex, Tensor weight, int numNodes, boolean improved, boolean addSelfLoops,
                                   String flow, DType dtype) {
        if (!flow.equals("source_to_target") && !flow.equals("target_to_source")) {
            throw new IllegalArgumentException("gcnNorm: flow must be source_to_target or target_to_source, got \"" + flow + "\"");
        }
        double fill = improved ? 2 : 1;
        Tensor ei = edgeIndex;
        // NOTE: the weights default to ones before the loops are added (PyG <= 2.4's order), so improved
        // gives unweighted graphs A + 2I as documented; PyG's current edge-list path adds the loops first
        // and then fills every weight with 1, which drops the 2.
        Tensor w = weight != null ? weight : Tensor.ones(dtype, ei.size(1));
        if (addSelfLoops) {
            EdgeData d = Loops.addRemainingSelfLoops(ei, w, fill, numNodes);
            ei = d.edgeIndex();
            w = d.edgeAttr();
        }
        Tensor row = ei.select(0, 0).contiguous();
        Tensor col = ei.select(0, 1).contiguous();
        Tensor idx = flow.equals("source_to_target") ? col : row;
        Tensor deg = Degree.degree(idx, w, numNodes);
        Tensor empty = deg.le(0.0);
        Tensor inv = deg.maskedFill(empty, 1.0).pow(-0.5).maskedFill(empty, 0.0);   // 0^-1/2 as 0, with no inf for the backward
        Tensor out = inv.indexSelect(0, row).mul(w).mul(inv.indexSelect(0, col));
        return new EdgeData(ei, out);
    }

    /**
     * The normalized propagation matrix A_hat as an (N, N) CSR SparseTensor of dtype t, rows = targets (A_hat x sums
     * w'_ji x_j into i); duplicate edges are summed into one entry. What GCNConv, SGConv and APPNP multiply by.
     *
     * @param edgeIndex the edges (2, E)
     * @param weight edge weights (E), or null for ones
     * @param numNodes the number of nodes N
     * @param improved whether self loops get weight 2 instead of 1
     * @param addSelfLoops whether to add the remaining self loops
     * @param t the dtype of the values
     * @return the normalized (N, N) matrix
     */
    public static SparseTensor matrix(Tensor edgeIndex, Tensor weight, int numNodes, boolean improved, boolean addSelfLoops, DType t) {
        EdgeData d = gcnNorm(edgeIndex, weight == null ? null : weight.to(t), numNodes, improved, addSelfLoops, "source_to_target", t);
        Tensor ei = d.edgeIndex();
        return SparseTensor.coo(ei.select(0, 1), ei.select(0, 0), d.edgeAttr(), numNodes, numNodes).toSparseCsr();
    }

    /**
     * gcnNorm with PyG's defaults: self loops added, not improved, source_to_target, F32 when unweighted.
     *
     * @param edgeIndex the edges (2, E)
     * @param weight edge weights (E), or null for ones
     * @param numNodes the number of nodes N
     * @return the edges with self loops and their normalized weights
     */
    public static EdgeData gcnNorm(Tensor edgeIndex, Tensor weight, int numNodes) {
        return gcnNorm(edgeIndex, weight, numNodes, false, true, "source_to_target", DType.F32);
    }

    /**
     * The graph with gcn_norm's edges and weights (edge_attr dropped).
     *
     * @param g the graph; its edge weight, if any, is normalized
     * @param improved whether self loops get weight 2 instead of 1
     * @return the graph with self loops and normalized edge weights
     */
    public static Graph gcnNorm(Graph g, boolean improved) {
        EdgeData d = gcnNorm(g.edgeIndex(), g.edgeWeight(), g.numNodes(), improved, true, "source_to_target", DType.F32);
        return g.withEdges(d.edgeIndex(), d.edgeAttr(), null);
    }
}
