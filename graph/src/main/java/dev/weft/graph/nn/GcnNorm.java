package dev.weft.graph.nn;

import dev.weft.tensor.Segments;
import dev.weft.tensor.SparseTensor;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;

/**
 * PyG's gcn_norm: the symmetric normalization D^-1/2 (A + fill I) D^-1/2 of a graph's adjacency (Kipf and
 * Welling), with D the weighted in-degree (at the target, flow source_to_target) after self loops were added.
 * Self loops are "remaining" ones (PyG's add_remaining_self_loops): a node that already has a loop keeps it and
 * its weight, the others get weight fill (1, or 2 for the improved GCN). Degree-0 nodes get 0 (not inf).
 * Differentiable in the edge weights.
 */
public final class GcnNorm {
    private GcnNorm() {}

    /** The normalized (N, N) CSR matrix (rows = targets) in dtype t; edgeWeight (E) or null for ones. */
    public static SparseTensor matrix(Tensor edgeIndex, Tensor edgeWeight, int numNodes, double fill, boolean addSelfLoops, DType t) {
        Tensor[] ew = addSelfLoops ? addRemainingSelfLoops(edgeIndex, edgeWeight, fill, numNodes, t)
                : new Tensor[] {edgeIndex, edgeWeight == null ? Tensor.ones(t, edgeIndex.size(1)) : edgeWeight.to(t)};
        Adjacency adj = Adjacency.of(ew[0], numNodes);
        Tensor w = adj.sortEdges(ew[1]);
        Tensor deg = Segments.segment(w, adj.rowPtr(), "sum");
        Tensor empty = deg.le(0.0);
        Tensor inv = deg.maskedFill(empty, 1.0).pow(-0.5).maskedFill(empty, 0.0);     // no inf, so no NaN in the backward
        Tensor norm = adj.gatherSrc(inv).mul(w).mul(adj.gatherDst(inv));
        return adj.matrix(norm);
    }

    /** PyG's add_remaining_self_loops: {edge index with one loop per node, weights (E')} in dtype t. */
    public static Tensor[] addRemainingSelfLoops(Tensor edgeIndex, Tensor edgeWeight, double fill, int numNodes, DType t) {
        long[] e = edgeIndex.contiguous().toLongArray();
        int m = edgeIndex.size(1), kept = 0;
        long[] lastLoop = new long[numNodes];                     // the edge whose weight a node's loop keeps (the last, as PyG)
        java.util.Arrays.fill(lastLoop, -1);
        for (int p = 0; p < m; p++) {
            if (e[p] != e[m + p]) kept++;
            else lastLoop[(int) e[p]] = p;
        }
        long[] keep = new long[kept], row = new long[kept + numNodes], col = new long[kept + numNodes];
        for (int p = 0, a = 0; p < m; p++) {
            if (e[p] != e[m + p]) {
                keep[a] = p;
                row[a] = e[p];
                col[a++] = e[m + p];
            }
        }
        int withLoop = 0;
        for (long q : lastLoop) if (q >= 0) withLoop++;
        long[] loops = new long[withLoop], loopNode = new long[withLoop];
        for (int i = 0, b = 0; i < numNodes; i++) {
            row[kept + i] = i;
            col[kept + i] = i;
            if (lastLoop[i] >= 0) {
                loops[b] = lastLoop[i];
                loopNode[b++] = i;
            }
        }
        Tensor index = Tensor.stack(new Tensor[] {Tensor.of(row), Tensor.of(col)}, 0);
        Tensor w = edgeWeight == null ? Tensor.ones(t, m) : edgeWeight.to(t);
        Tensor loopW = Tensor.full(fill, t, numNodes);
        if (loops.length > 0) loopW = loopW.scatter(0, Tensor.of(loopNode), w.indexSelect(0, Tensor.of(loops)));
        return new Tensor[] {index, Tensor.cat(java.util.List.of(w.indexSelect(0, Tensor.of(keep)), loopW), 0)};
    }
}
