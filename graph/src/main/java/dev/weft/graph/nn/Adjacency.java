package dev.weft.graph.nn;

import dev.weft.tensor.Segments;
import dev.weft.tensor.SparseStructure;
import dev.weft.tensor.SparseTensor;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

/**
 * An edge index (2, E) (row 0 the source j, row 1 the target i: PyG's flow "source_to_target") grouped by
 * target: the edges in stable target order, the permutation from the given order, and the CSR row pointers
 * over targets, so that message passing aggregates with the segment kernels (sorted segments, no atomics:
 * same bits whatever the thread count) and a weighted sum is one SpMM. Built once per edge set in O(E + N) on
 * the host; immutable. Sizes: numSrc source nodes, numDst target nodes (equal for an ordinary graph).
 */
public final class Adjacency {
    private final int numSrc, numDst, numEdges;
    private final Tensor perm, src, dst, rowPtr;

    private Adjacency(int numSrc, int numDst, Tensor perm, Tensor src, Tensor dst, Tensor rowPtr) {
        this.numSrc = numSrc;
        this.numDst = numDst;
        this.numEdges = perm.numel();
        this.perm = perm;
        this.src = src;
        this.dst = dst;
        this.rowPtr = rowPtr;
    }

    /**
     * The edges of a graph of numNodes nodes.
     *
     * @param edgeIndex integer (2, E) edge index, row 0 sources, row 1 targets
     * @param numNodes the number of nodes, both as sources and targets
     * @return the edges grouped by target
     * @throws IllegalArgumentException if edgeIndex is not an integer (2, E) tensor
     * @throws IndexOutOfBoundsException if a node index lies outside [0, numNodes)
     */
    public static Adjacency of(Tensor edgeIndex, int numNodes) {
        return of(edgeIndex, numNodes, numNodes);
    }

    /**
     * A bipartite edge set: sources in [0, numSrc), targets in [0, numDst). Refuses a malformed edge index
     * with the edge position and value.
     *
     * @param edgeIndex integer (2, E) edge index, row 0 sources, row 1 targets
     * @param numSrc the number of source nodes
     * @param numDst the number of target nodes
     * @return the edges grouped by target
     * @throws IllegalArgumentException if edgeIndex is not an integer (2, E) tensor
     * @throws IndexOutOfBoundsException if a source or target lies outside its range
     */
    public static Adjacency of(Tensor edgeIndex, int numSrc, int numDst) {
        if (edgeIndex.dim() != 2 || edgeIndex.size(0) != 2 || edgeIndex.dtype().isFloatingPoint() || edgeIndex.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("edge_index must be an integer (2, E) tensor, got " + edgeIndex.dtype() + " "
                    + Shape.format(edgeIndex.shape()));
        }
        long[] e = edgeIndex.contiguous().toLongArray();
        int m = edgeIndex.size(1);
        long[] target = new long[m];
        for (int p = 0; p < m; p++) {
            long j = e[p], i = e[m + p];
            if (j < 0 || j >= numSrc) throw new IndexOutOfBoundsException("edge_index: source " + j + " of edge " + p + " outside [0, " + numSrc + ")");
            if (i < 0 || i >= numDst) throw new IndexOutOfBoundsException("edge_index: target " + i + " of edge " + p + " outside [0, " + numDst + ")");
            target[p] = i;
        }
        SparseStructure.Groups byTarget = SparseStructure.group(target, numDst);
        long[] perm = byTarget.perm(), count = byTarget.rowPtr(), src = new long[m], dst = new long[m];
        for (int q = 0; q < m; q++) {
            src[q] = e[(int) perm[q]];
            dst[q] = target[(int) perm[q]];
        }
        return new Adjacency(numSrc, numDst, Tensor.of(perm), Tensor.of(src), Tensor.of(dst), Tensor.of(count));
    }

    /** {@return the number of source nodes} */
    public int numSrc() { return numSrc; }
    /** {@return the number of target nodes} */
    public int numDst() { return numDst; }
    /** {@return the number of edges E} */
    public int numEdges() { return numEdges; }
    /** {@return the source node of each edge, in target order (I64, E)} */
    public Tensor src() { return src; }
    /** {@return the target node of each edge, in target order (I64, E): nondecreasing} */
    public Tensor dst() { return dst; }
    /** {@return the target row pointers (I64, numDst + 1): target i's edges are positions rowPtr[i] .. rowPtr[i+1]-1} */
    public Tensor rowPtr() { return rowPtr; }
    /** {@return the permutation (I64, E): perm[q] = the given position of the edge at target-order position q} */
    public Tensor perm() { return perm; }

    /**
     * Per-edge data (E, ...) given in the edge index's order, in target order; null stays null.
     *
     * @param perEdge per-edge data (E, ...) in the given edge order, or null
     * @return the rows permuted into target order, or null
     * @throws IllegalArgumentException if perEdge does not have one row per edge
     */
    public Tensor sortEdges(Tensor perEdge) {
        if (perEdge == null) return null;
        if (perEdge.dim() < 1 || perEdge.size(0) != numEdges) {
            throw new IllegalArgumentException("per-edge tensor " + Shape.format(perEdge.shape()) + " must have one row per edge (" + numEdges + ")");
        }
        return perEdge.indexSelect(0, perm);
    }

    /**
     * x_j: the source row of every edge.
     *
     * @param x source node features (numSrc, ...)
     * @return the rows x_j (E, ...) in target order
     */
    public Tensor gatherSrc(Tensor x) {
        return x.indexSelect(0, src);
    }

    /**
     * x_i: the target row of every edge.
     *
     * @param x target node features (numDst, ...)
     * @return the rows x_i (E, ...) in target order
     */
    public Tensor gatherDst(Tensor x) {
        return x.indexSelect(0, dst);
    }

    /**
     * The number of incoming edges per target.
     *
     * @param t the dtype of the result
     * @return the in-degrees (numDst)
     */
    public Tensor inDegree(DType t) {
        return Segments.counts(rowPtr, t);
    }

    /**
     * Softmax of per-edge scores over each target's incoming edges.
     *
     * @param scores per-edge scores (E, ...) in target order
     * @return the normalized scores (E, ...), summing to 1 over each target's edges
     */
    public Tensor softmax(Tensor scores) {
        return Segments.softmax(scores, rowPtr);
    }

    /**
     * The (numDst, numSrc) CSR matrix with the weights as values: A x sums w_ji x_j into i.
     *
     * @param weights per-edge values (E) in target order
     * @return the sparse adjacency matrix
     */
    public SparseTensor matrix(Tensor weights) {
        return SparseTensor.csr(rowPtr, src, weights, numDst, numSrc);
    }

    /**
     * The (numDst, numSrc) CSR matrix of the edge weights.
     *
     * @param edgeWeight per-edge weights (E) in the given order, or null for ones
     * @param t the dtype of the values
     * @return the sparse weighted adjacency matrix
     */
    public SparseTensor weightedMatrix(Tensor edgeWeight, DType t) {
        return matrix(edgeWeight == null ? Tensor.ones(t, numEdges) : sortEdges(edgeWeight).to(t));
    }

    @Override
    public String toString() {
        return "Adjacency(src=" + numSrc + ", dst=" + numDst + ", edges=" + numEdges + ")";
    }
}
