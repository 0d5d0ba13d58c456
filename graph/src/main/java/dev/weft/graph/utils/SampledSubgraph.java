package dev.weft.graph.utils;

import dev.weft.graph.HostTensors;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of {@link NeighborSampler#sample}, laid out as PyG's NeighborLoader batch: nodeIds (M) the
 * global ids of the sampled nodes, the seeds first, then each hop's new nodes; edgeIndex (2, K) local
 * (positions in nodeIds), row = sampled neighbour (source), col = the node it sends to; edgeIds (K) the
 * sampled edges' positions in the input edge list; the edges in hop order. numSampledNodes[h] /
 * numSampledEdges[h]: how many were added at hop h (hop 0: the seeds, no edges).
 *
 * @param nodeIds the global ids of the sampled nodes (M), the seeds first
 * @param edgeIndex the sampled edges (2, K) in local ids
 * @param edgeIds the sampled edges' positions in the input edge list (K)
 * @param numSampledNodes the nodes added at each hop, hop 0 the seeds
 * @param numSampledEdges the edges added at each hop, 0 at hop 0
 */
public record SampledSubgraph(Tensor nodeIds, Tensor edgeIndex, Tensor edgeIds, int[] numSampledNodes, int[] numSampledEdges) {

    /** {@return the number of seed nodes (PyG batch_size): nodeIds[0 .. batchSize-1] are the seeds in order} */
    public int batchSize() {
        return numSampledNodes[0];
    }

    /**
     * One GNN layer's bipartite block: messages flow from the first numSrc nodes of nodeIds to the first
     * numDst (a prefix of them), along edgeIndex (2, K_l) local and edgeIds (K_l).
     *
     * @param numSrc the number of source nodes, a prefix of nodeIds
     * @param numDst the number of target nodes, a prefix of the sources
     * @param edgeIndex the block's edges (2, K_l) in local ids
     * @param edgeIds the block's edges' positions in the input edge list (K_l)
     */
    public record Block(int numSrc, int numDst, Tensor edgeIndex, Tensor edgeIds) {}

    /**
     * The blocks for an L-layer model (L = the number of hops), the input layer first (PyG's trim_to_layer
     * order): layer l (0-based) computes the nodes within L-1-l hops of the seeds from those within L-l hops,
     * using the edges sampled in hops 1 .. L-l.
     *
     * @return the L blocks, input layer first
     */
    public List<Block> blocks() {
        int hops = numSampledNodes.length - 1;
        List<Block> out = new ArrayList<>(hops);
        long[] row = HostTensors.edgeRow(edgeIndex, 0);
        long[] col = HostTensors.edgeRow(edgeIndex, 1);
        long[] ids = edgeIds.toLongArray();
        for (int l = 0; l < hops; l++) {
            int reach = hops - l;
            int numSrc = 0;
            int numDst = 0;
            int k = 0;
            for (int h = 0; h <= reach; h++) numSrc += numSampledNodes[h];
            for (int h = 0; h < reach; h++) numDst += numSampledNodes[h];
            for (int h = 1; h <= reach; h++) k += numSampledEdges[h];
            out.add(new Block(numSrc, numDst, HostTensors.edgeIndex(java.util.Arrays.copyOf(row, k), java.util.Arrays.copyOf(col, k)),
                    HostTensors.longs(java.util.Arrays.copyOf(ids, k), k)));
        }
        return out;
    }
}
