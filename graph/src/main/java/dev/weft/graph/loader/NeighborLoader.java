package dev.weft.graph.loader;

import dev.weft.graph.Graph;
import dev.weft.graph.utils.NeighborSampler;
import dev.weft.graph.utils.SampledSubgraph;
import dev.weft.nn.OptionChecks;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * PyG's {@code NeighborLoader}: mini-batches of seed nodes, each with the subgraph that GraphSAGE-style
 * neighbour sampling (fan-out numNeighbors[h] at hop h, {@link NeighborSampler}) reaches from them, so a graph
 * too large for full-batch training trains batch by batch. One pass over the loader is one epoch: the input
 * nodes (all nodes, a BOOL mask or an id list) in order, or in a fresh random order per epoch with shuffle,
 * cut into batches of batchSize (the last may be smaller). Each {@link Batch} is a {@link Graph} over the
 * sampled nodes, local ids, the seeds first (PyG's {@code batch.n_id[:batch_size]}), with x, y, edge weights
 * and edge attributes gathered from the input graph. A model runs on the whole batch graph and reads its
 * first batchSize rows: with fan-out -1 at every hop an L-layer model's outputs there equal the full graph's.
 * Seeded: the same graph, options and generator state give the same batches.
 */
public final class NeighborLoader implements Iterable<NeighborLoader.Batch> {

    /**
     * One mini-batch: the sampled graph, how many of its first nodes are seeds, and the maps back.
     *
     * @param graph the sampled subgraph, its seeds first
     * @param batchSize the number of seed nodes at its start
     * @param nodeIds the global id of each batch node
     * @param edgeIds the global id of each batch edge
     * @param sample the sampler's result it was built from
     */
    public record Batch(Graph graph, int batchSize, Tensor nodeIds, Tensor edgeIds, SampledSubgraph sample) {
        /** {@return the seeds' global ids (PyG's {@code input_id} as node ids): nodeIds[0 .. batchSize)} */
        public Tensor inputNodes() {
            return nodeIds.narrow(0, 0, batchSize);
        }

        /**
         * Rows [0, batchSize) of a per-node output of the batch graph: the seeds' rows.
         *
         * @param out a per-node output (numNodes, ...) of the batch graph
         * @return its first batchSize rows
         */
        public Tensor seedRows(Tensor out) {
            return out.narrow(0, 0, batchSize);
        }

        /** {@return the seeds' labels (the first batchSize entries of the batch graph's y)} */
        public Tensor seedLabels() {
            if (graph.y() == null) throw new IllegalStateException("NeighborLoader: the input graph has no labels y");
            return graph.y().narrow(0, 0, batchSize);
        }
    }

    /** Options with PyG's defaults: batchSize 1, shuffle false, replace false, every node an input node. */
    public static final class Options {
        private final Graph graph;
        private final int[] numNeighbors;
        private int batchSize = 1;
        private boolean shuffle;
        private boolean replace;
        private long[] inputNodes;
        private Generator generator;

        private Options(Graph graph, int[] numNeighbors) {
            this.graph = graph;
            this.numNeighbors = numNeighbors.clone();
        }

        /**
         * The number of seed nodes per batch (PyG's batch_size, default 1).
         *
         * @param n the batch size, at least 1
         * @return these options
         */
        public Options batchSize(int n) { batchSize = OptionChecks.atLeast("NeighborLoader", "batchSize", n, 1); return this; }
        /**
         * Whether each epoch visits the input nodes in a new random order (default false).
         *
         * @param v whether to shuffle
         * @return these options
         */
        public Options shuffle(boolean v) { shuffle = v; return this; }
        /**
         * Whether neighbours are sampled with replacement (default false).
         *
         * @param v whether to sample with replacement
         * @return these options
         */
        public Options replace(boolean v) { replace = v; return this; }
        /**
         * The seed nodes: a BOOL mask (N) such as a train mask, or a 1-d I64/I32 id list.
         *
         * @param nodes the mask or ids, or null for every node
         * @return these options
         */
        public Options inputNodes(Tensor nodes) { inputNodes = nodes == null ? null : ids(graph, nodes); return this; }
        /**
         * The generator for shuffling and sampling (default a generator seeded 0).
         *
         * @param g the generator
         * @return these options
         */
        public Options generator(Generator g) { generator = g; return this; }
    }

    /**
     * {@code NeighborLoader.options(graph, 25, 10).batchSize(512).shuffle(true).inputNodes(trainMask)}.
     *
     * @param graph the graph to sample from
     * @param numNeighbors the fan-out of each hop (PyG's num_neighbors); -1 takes all neighbours
     * @return the options
     * @throws IllegalArgumentException if graph is null, no fan-out is given or one is below -1
     */
    public static Options options(Graph graph, int... numNeighbors) {
        if (graph == null) throw new IllegalArgumentException("NeighborLoader: graph is null");
        if (numNeighbors.length == 0) throw new IllegalArgumentException("NeighborLoader: numNeighbors needs one fan-out per hop, got none");
        for (int h = 0; h < numNeighbors.length; h++) {
            if (numNeighbors[h] < -1) {
                throw new IllegalArgumentException("NeighborLoader: numNeighbors[" + h + "] = " + numNeighbors[h] + " must be >= -1 (-1: all)");
            }
        }
        return new Options(graph, numNeighbors);
    }

    private final Graph graph;
    private final NeighborSampler sampler;
    private final int[] numNeighbors;
    private final int batchSize;
    private final boolean shuffle, replace;
    private final long[] inputNodes;
    private final Generator generator;

    /**
     * A loader from its options.
     *
     * @param o the options, from {@link #options(Graph, int...)}
     */
    public NeighborLoader(Options o) {
        this.graph = o.graph;
        this.sampler = new NeighborSampler(o.graph);
        this.numNeighbors = o.numNeighbors.clone();
        this.batchSize = o.batchSize;
        this.shuffle = o.shuffle;
        this.replace = o.replace;
        long[] all = new long[o.graph.numNodes()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        this.inputNodes = o.inputNodes != null ? o.inputNodes : all;
        this.generator = o.generator != null ? o.generator : new Generator(0);
    }

    /** {@return the batches per epoch: ceil(inputs / batchSize)} */
    public int size() {
        return (inputNodes.length + batchSize - 1) / batchSize;
    }

    /** {@return the input (seed) nodes, in their given order} */
    public long[] inputNodes() {
        return inputNodes.clone();
    }

    /** One epoch: a new order of the input nodes when shuffling (drawn now from the generator), then its batches. */
    @Override
    public Iterator<Batch> iterator() {
        long[] order = inputNodes.clone();
        if (shuffle && order.length > 1) {
            long[] perm = Tensor.randperm(generator, order.length).toLongArray();
            for (int i = 0; i < order.length; i++) order[i] = inputNodes[(int) perm[i]];
        }
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public Batch next() {
                if (!hasNext()) throw new NoSuchElementException("NeighborLoader: the epoch's " + size() + " batches are done");
                int end = Math.min(order.length, next + batchSize);
                long[] seeds = Arrays.copyOfRange(order, next, end);
                next = end;
                return batch(seeds);
            }
        };
    }

    /**
     * The batch of these seeds (distinct node ids), sampled with the loader's fan-outs and generator.
     *
     * @param seeds distinct node ids
     * @return the sampled batch, the seeds first
     */
    public Batch batch(long[] seeds) {
        SampledSubgraph s = sampler.sample(seeds, numNeighbors, replace, generator);
        Tensor nodes = s.nodeIds(), edges = s.edgeIds();
        Graph.Builder b = Graph.builder(nodes.numel(), s.edgeIndex()).name(graph.name() + " batch");
        if (graph.x() != null) b.x(graph.x().indexSelect(0, nodes));
        if (graph.y() != null) b.y(graph.y().indexSelect(0, nodes));
        if (graph.edgeWeight() != null) b.edgeWeight(graph.edgeWeight().indexSelect(0, edges));
        if (graph.edgeAttr() != null) b.edgeAttr(graph.edgeAttr().indexSelect(0, edges));
        b.masks(maskOrNull(graph.trainMask(), nodes), maskOrNull(graph.valMask(), nodes), maskOrNull(graph.testMask(), nodes));
        return new Batch(b.build(), s.batchSize(), nodes, edges, s);
    }

    private static Tensor maskOrNull(Tensor mask, Tensor nodes) {
        return mask == null ? null : mask.indexSelect(0, nodes);
    }

    /** Node ids from a BOOL mask (N) or a 1-d integer id list, each checked in [0, N) and distinct. */
    static long[] ids(Graph graph, Tensor nodes) {
        int n = graph.numNodes();
        long[] ids;
        if (nodes.dtype() == DType.BOOL) {
            if (nodes.dim() != 1 || nodes.size(0) != n) {
                throw new IllegalArgumentException("NeighborLoader: an input mask must be BOOL (" + n + "), got " + Arrays.toString(nodes.shape()));
            }
            ids = nodes.nonzero().reshape(-1).toLongArray();
        } else if (nodes.dtype() == DType.I64 || nodes.dtype() == DType.I32) {
            if (nodes.dim() != 1) throw new IllegalArgumentException("NeighborLoader: input node ids must be 1-d, got " + Arrays.toString(nodes.shape()));
            ids = nodes.toLongArray();
        } else {
            throw new IllegalArgumentException("NeighborLoader: input nodes must be a BOOL mask or I64/I32 ids, got " + nodes.dtype());
        }
        boolean[] seen = new boolean[n];
        for (int i = 0; i < ids.length; i++) {
            long v = ids[i];
            if (v < 0 || v >= n) throw new IllegalArgumentException("NeighborLoader: input node " + v + " (entry " + i + ") is outside [0, " + n + ")");
            if (seen[(int) v]) throw new IllegalArgumentException("NeighborLoader: input node " + v + " appears twice");
            seen[(int) v] = true;
        }
        return ids;
    }
}
