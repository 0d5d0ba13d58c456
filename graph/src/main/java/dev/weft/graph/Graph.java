package dev.weft.graph;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.Arrays;

/**
 * One graph in PyG's {@code Data} layout: N nodes, edge_index (2, E) I64 with row 0 the source and row 1
 * the target of each edge (flow source_to_target: a message travels edgeIndex[0][e] -> edgeIndex[1][e]),
 * and optional edge_weight (E), edge_attr (E, D), node features x (N, F), labels y, and BOOL (N) split masks.
 * Immutable: each {@code with*} returns a validated copy sharing the other tensors; every construction
 * checks shapes, dtypes and that every edge endpoint lies in [0, N), and a graph that fails them is an
 * IllegalArgumentException naming the part.
 *
 * <pre>{@code
 * Graph g = Graph.builder(3, Tensor.of(new long[][] {{0, 1, 1, 2}, {1, 0, 2, 1}}))
 *         .x(Tensor.randn(new Generator(0), 3, 16))
 *         .y(Tensor.of(new long[] {0, 1, 0}))
 *         .build();
 * }</pre>
 */
public final class Graph {
    private final String name;
    private final int numNodes;
    private final Tensor edgeIndex;
    private final Tensor edgeWeight;
    private final Tensor edgeAttr;
    private final Tensor x;
    private final Tensor y;
    private final Tensor trainMask;
    private final Tensor valMask;
    private final Tensor testMask;

    private Graph(String name, int numNodes, Tensor edgeIndex, Tensor edgeWeight, Tensor edgeAttr, Tensor x, Tensor y,
                  Tensor trainMask, Tensor valMask, Tensor testMask) {
        this.name = name == null ? "graph" : name;
        this.numNodes = numNodes;
        this.edgeIndex = edgeIndex;
        this.edgeWeight = edgeWeight;
        this.edgeAttr = edgeAttr;
        this.x = x;
        this.y = y;
        this.trainMask = trainMask;
        this.valMask = valMask;
        this.testMask = testMask;
        GraphChecks.check(this);
    }

    /**
     * A graph with numNodes nodes and edges edgeIndex (2, E) I64; no features, labels or masks.
     *
     * @param numNodes N, at least 0
     * @param edgeIndex integer (2, E), endpoints in [0, N)
     * @return the validated graph
     */
    public static Graph of(int numNodes, Tensor edgeIndex) {
        return new Graph(null, numNodes, edgeIndex, null, null, null, null, null, null, null);
    }

    /**
     * A graph from host arrays: edge e goes src[e] -> dst[e].
     *
     * @param numNodes N, at least 0
     * @param src each edge's source
     * @param dst each edge's target, as many as src
     * @return the validated graph
     */
    public static Graph of(int numNodes, long[] src, long[] dst) {
        return of(numNodes, HostTensors.edgeIndex(src, dst));
    }

    /**
     * A builder for a graph with all its parts set at once (one validation).
     *
     * @param numNodes N, at least 0
     * @param edgeIndex integer (2, E), endpoints in [0, N)
     * @return a builder to set the optional parts on
     */
    public static Builder builder(int numNodes, Tensor edgeIndex) {
        return new Builder(numNodes, edgeIndex);
    }

    /** Sets any of a graph's optional parts, then {@link #build} validates once. */
    public static final class Builder {
        private final int numNodes;
        private final Tensor edgeIndex;
        private String name;
        private Tensor edgeWeight, edgeAttr, x, y, trainMask, valMask, testMask;

        private Builder(int numNodes, Tensor edgeIndex) {
            this.numNodes = numNodes;
            this.edgeIndex = edgeIndex;
        }

        /**
         * Sets the name used in messages.
         *
         * @param n the name
         * @return this builder
         */
        public Builder name(String n) { name = n; return this; }
        /**
         * Sets edge_weight.
         *
         * @param w floating (E)
         * @return this builder
         */
        public Builder edgeWeight(Tensor w) { edgeWeight = w; return this; }
        /**
         * Sets edge_attr.
         *
         * @param a (E, D)
         * @return this builder
         */
        public Builder edgeAttr(Tensor a) { edgeAttr = a; return this; }
        /**
         * Sets the node features.
         *
         * @param features x, (N, F)
         * @return this builder
         */
        public Builder x(Tensor features) { x = features; return this; }
        /**
         * Sets the labels.
         *
         * @param labels node-level (N, ...) or graph-level
         * @return this builder
         */
        public Builder y(Tensor labels) { y = labels; return this; }
        /**
         * Sets the split masks.
         *
         * @param train BOOL (N), or null
         * @param val BOOL (N), or null
         * @param test BOOL (N), or null
         * @return this builder
         */
        public Builder masks(Tensor train, Tensor val, Tensor test) {
            trainMask = train;
            valMask = val;
            testMask = test;
            return this;
        }

        /** {@return the validated graph (see {@link Graph} for the checks)} */
        public Graph build() {
            return new Graph(name, numNodes, edgeIndex, edgeWeight, edgeAttr, x, y, trainMask, valMask, testMask);
        }
    }

    /**
     * A graph with no edges.
     *
     * @param numNodes N
     * @return the graph with N nodes and E = 0
     */
    public static Graph empty(int numNodes) {
        return of(numNodes, Tensor.zeros(DType.I64, 2, 0));
    }

    /** {@return the name used in messages and toString ("graph" by default)} */
    public String name() { return name; }
    /** {@return N, the number of nodes (PyG {@code num_nodes})} */
    public int numNodes() { return numNodes; }
    /** {@return E, the number of edges (PyG {@code num_edges})} */
    public int numEdges() { return edgeIndex.size(1); }
    /** {@return edge_index (2, E) I64: row 0 sources, row 1 targets} */
    public Tensor edgeIndex() { return edgeIndex; }
    /** {@return the sources edgeIndex[0] (E) as a host array} */
    public long[] sources() { return HostTensors.edgeRow(edgeIndex, 0); }
    /** {@return the targets edgeIndex[1] (E) as a host array} */
    public long[] targets() { return HostTensors.edgeRow(edgeIndex, 1); }
    /** {@return edge_weight (E), floating, or null} */
    public Tensor edgeWeight() { return edgeWeight; }
    /** {@return edge_attr (E, D), or null} */
    public Tensor edgeAttr() { return edgeAttr; }
    /** {@return the node features x (N, F), or null} */
    public Tensor x() { return x; }
    /** {@return the labels, any shape: node-level (N, ...) or graph-level (a scalar, (1, ...), or (B, ...) in a batch); or null} */
    public Tensor y() { return y; }
    /** {@return the BOOL (N) training-node mask, or null} */
    public Tensor trainMask() { return trainMask; }
    /** {@return the BOOL (N) validation-node mask, or null} */
    public Tensor valMask() { return valMask; }
    /** {@return the BOOL (N) test-node mask, or null} */
    public Tensor testMask() { return testMask; }
    /** {@return F, the number of node features (0 without x)} */
    public int numFeatures() { return x == null ? 0 : x.dim() == 1 ? 1 : x.size(1); }

    /**
     * A copy with another name.
     *
     * @param n the name
     * @return the validated copy
     */
    public Graph withName(String n) {
        return new Graph(n, numNodes, edgeIndex, edgeWeight, edgeAttr, x, y, trainMask, valMask, testMask);
    }

    /**
     * A copy with new edges; edge_weight and edge_attr are dropped unless given again (they belong to the old edges).
     *
     * @param ei integer (2, E')
     * @return the validated copy
     */
    public Graph withEdgeIndex(Tensor ei) {
        return new Graph(name, numNodes, ei, null, null, x, y, trainMask, valMask, testMask);
    }

    /**
     * A copy with new edges and their weight (E) and attributes (E, D); either may be null.
     *
     * @param ei integer (2, E')
     * @param weight (E'), or null
     * @param attr (E', D), or null
     * @return the validated copy
     */
    public Graph withEdges(Tensor ei, Tensor weight, Tensor attr) {
        return new Graph(name, numNodes, ei, weight, attr, x, y, trainMask, valMask, testMask);
    }

    /**
     * A copy with another edge_weight.
     *
     * @param w floating (E), or null
     * @return the validated copy
     */
    public Graph withEdgeWeight(Tensor w) {
        return new Graph(name, numNodes, edgeIndex, w, edgeAttr, x, y, trainMask, valMask, testMask);
    }

    /**
     * A copy with another edge_attr.
     *
     * @param a (E, D), or null
     * @return the validated copy
     */
    public Graph withEdgeAttr(Tensor a) {
        return new Graph(name, numNodes, edgeIndex, edgeWeight, a, x, y, trainMask, valMask, testMask);
    }

    /**
     * A copy with other node features.
     *
     * @param features x, (N, F), or null
     * @return the validated copy
     */
    public Graph withX(Tensor features) {
        return new Graph(name, numNodes, edgeIndex, edgeWeight, edgeAttr, features, y, trainMask, valMask, testMask);
    }

    /**
     * A copy with other labels.
     *
     * @param labels y, or null
     * @return the validated copy
     */
    public Graph withY(Tensor labels) {
        return new Graph(name, numNodes, edgeIndex, edgeWeight, edgeAttr, x, labels, trainMask, valMask, testMask);
    }

    /**
     * A copy with the three BOOL (N) masks (PyG train_mask, val_mask, test_mask); any may be null.
     *
     * @param train BOOL (N), or null
     * @param val BOOL (N), or null
     * @param test BOOL (N), or null
     * @return the validated copy
     */
    public Graph withMasks(Tensor train, Tensor val, Tensor test) {
        return new Graph(name, numNodes, edgeIndex, edgeWeight, edgeAttr, x, y, train, val, test);
    }

    /** {@return whether y holds node-level labels: its first dim is N (a graph-level y is a scalar or has first dim 1)} */
    public boolean hasNodeLabels() {
        return y != null && y.dim() > 0 && y.size(0) == numNodes && !(numNodes == 1 && y.dim() == 1);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name).append("(num_nodes=").append(numNodes)
                .append(", edge_index=").append(Arrays.toString(edgeIndex.shape()));
        if (edgeWeight != null) b.append(", edge_weight=").append(Arrays.toString(edgeWeight.shape()));
        if (edgeAttr != null) b.append(", edge_attr=").append(Arrays.toString(edgeAttr.shape()));
        if (x != null) b.append(", x=").append(Arrays.toString(x.shape()));
        if (y != null) b.append(", y=").append(Arrays.toString(y.shape()));
        if (trainMask != null) b.append(", train_mask=").append(Arrays.toString(trainMask.shape()));
        if (valMask != null) b.append(", val_mask=").append(Arrays.toString(valMask.shape()));
        if (testMask != null) b.append(", test_mask=").append(Arrays.toString(testMask.shape()));
        return b.append(')').toString();
    }
}
