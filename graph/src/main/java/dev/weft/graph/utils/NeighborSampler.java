package dev.weft.graph.utils;

import dev.weft.graph.Graph;
import dev.weft.graph.HostTensors;
import dev.weft.tensor.Generator;
import java.util.Arrays;

/**
 * GraphSAGE neighbour sampling (Hamilton et al. 2017, sec. 3.1 / Appendix A), as PyG's NeighborLoader does it
 * for flow source_to_target: hop h takes each node added at hop h-1 and samples up to fanouts[h-1] of its
 * in-edges (u -> v), without replacement unless replace (fan-out -1: all in-edges); a source u not yet
 * sampled joins the node list. The sampled subgraph is returned with local ids and the maps back to the
 * graph ({@link SampledSubgraph}). Seeded: same graph, seeds, fan-outs and generator state, same sample.
 */
public final class NeighborSampler {
    private final Graph graph;
    private final Adjacency in;

    /**
     * A sampler over graph's in-edges (each node's neighbours are its sources).
     *
     * @param graph the graph to sample from
     */
    public NeighborSampler(Graph graph) {
        this.graph = graph;
        this.in = Adjacency.byTarget(graph);
    }

    /** {@return the graph sampled from} */
    public Graph graph() {
        return graph;
    }

    /**
     * Samples around seeds (distinct node ids); fanouts[h] per hop (at least 0, or -1 for all).
     *
     * @param seeds distinct node ids
     * @param fanouts the neighbours drawn per node at each hop, -1 for all
     * @param replace whether neighbours are drawn with replacement
     * @param gen the generator
     * @return the sampled nodes and edges, the seeds first
     */
    public SampledSubgraph sample(long[] seeds, int[] fanouts, boolean replace, Generator gen) {
        int n = graph.numNodes();
        int[] local = new int[n];
        Arrays.fill(local, -1);
        long[] nodes = new long[Math.max(16, seeds.length)];
        int count = 0;
        for (int i = 0; i < seeds.length; i++) {
            long s = seeds[i];
            if (s < 0 || s >= n) throw new IllegalArgumentException("NeighborSampler.sample: seeds[" + i + "] = " + s + " is outside [0, " + n + ")");
            if (local[(int) s] >= 0) throw new IllegalArgumentException("NeighborSampler.sample: seed " + s + " appears twice");
            local[(int) s] = count;
            nodes[count++] = s;
        }
        for (int h = 0; h < fanouts.length; h++) {
            if (fanouts[h] < -1) throw new IllegalArgumentException("NeighborSampler.sample: fanouts[" + h + "] = " + fanouts[h] + " must be >= -1");
        }
        RandomStream rng = new RandomStream(gen);
        int[] numNodes = new int[fanouts.length + 1];
        int[] numEdges = new int[fanouts.length + 1];
        numNodes[0] = count;
        LongList row = new LongList();
        LongList col = new LongList();
        LongList eid = new LongList();
        int frontierStart = 0;
        int[] scratch = new int[0];
        for (int h = 0; h < fanouts.length; h++) {
            int frontierEnd = count;
            int edgesBefore = eid.size;
            for (int f = frontierStart; f < frontierEnd; f++) {
                int v = (int) nodes[f];
                int deg = in.degree(v);
                int k = fanouts[h] < 0 ? deg : replace ? (deg == 0 ? 0 : fanouts[h]) : Math.min(fanouts[h], deg);
                if (scratch.length < deg) scratch = new int[deg];
                for (int i = 0; i < deg; i++) scratch[i] = i;
                for (int i = 0; i < k; i++) {
                    int pick;
                    if (fanouts[h] < 0 || (!replace && k == deg)) {
                        pick = i; // all in-edges, in order
                    } else if (replace) {
                        pick = rng.nextInt(deg);
                    } else { // partial Fisher-Yates over the in-edge slots
                        int j = i + rng.nextInt(deg - i);
                        int t = scratch[j];
                        scratch[j] = scratch[i];
                        scratch[i] = t;
                        pick = t;
                    }
                    int slot = in.start(v) + pick;
                    int u = in.neighbor(slot);
                    if (local[u] < 0) {
                        if (count == nodes.length) nodes = Arrays.copyOf(nodes, nodes.length * 2);
                        local[u] = count;
                        nodes[count++] = u;
                    }
                    row.add(local[u]);
                    col.add(f);
                    eid.add(in.edgeId(slot));
                }
            }
            numNodes[h + 1] = count - frontierEnd;
            numEdges[h + 1] = eid.size - edgesBefore;
            frontierStart = frontierEnd;
        }
        return new SampledSubgraph(HostTensors.longs(Arrays.copyOf(nodes, count), count),
                HostTensors.edgeIndex(row.toArray(), col.toArray()), HostTensors.longs(eid.toArray(), eid.size), numNodes, numEdges);
    }

    private static final class LongList {
        long[] a = new long[64];
        int size;

        void add(long v) {
            if (size == a.length) a = Arrays.copyOf(a, size * 2);
            a[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
