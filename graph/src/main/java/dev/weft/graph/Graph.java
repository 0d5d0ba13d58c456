package dev.weft.graph;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.Arrays;

/**
 * One graph in PyG's {@code Data} layout: N nodes, edge_index (2, E) I64 with row 0 the source and row 1
 * the target of each edge (flow source_to_target: a message travels edgeIndex[0][e] -> edgeIndex[1][e]),
 * and optional edge_weight (E), edge_attr (E, D), node features x (N, F), labels y, and BOOL (N) split masks.
 * Immutable: each {@code with*} returns a validated copy sharing the other tensors; every construction
 * checks shapes, dtypes and that every edge endpoint lies in [0, N).
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

    /** A graph with numNodes nodes and edges edgeIndex (2, E) I64; no features, labels or masks. */
    public static Graph of(int numNodes, Tensor edgeIndex) {
        return new Graph(null, numNodes, edgeIndex, null, null, null, null, null, null, null);
    }

    /** A graph from host arrays: edge e goes src[e] -> dst[e]. */
    public static Graph of(int numNodes, long[] src, long[] dst) {
        return of(numNodes, HostTensors.edgeIndex(src, dst));
    }

    /** A builder for a graph with all its parts set at once (one validation). */
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

        public Builder name(String n) { name = n; return this; }
        public Builder edgeWeight(Tensor w) { edgeWeight = w; return this; }
        public Builder edgeAttr(Tensor a) { edgeAttr = a; return this; }
        public Builder x(Tensor features) { x = features; return this; }
        public Builder y(Tensor labels) { y = labels; return this; }
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

    /** A graph with no edges. */
    public static Graph empty(int numNodes) {
        return of(numNodes, Tensor.zeros(DType.I64, 2, 0));
    }

    public String name() { return name; }
    /** N, the number of nodes (PyG {@code num_nodes}). */
    public int numNodes() { return numNodes; }
    /** E, the number of edges (PyG {@code num_edges}). */
    public int numEdges() { return edgeIndex.size(1); }
    /** edge_index (2, E) I64: row 0 sources, row 1 targets. */
    public Tensor edgeIndex() { return edgeIndex; }
    /** Sources edgeIndex[0] (E) as a host array. */
    public long[] sources() { return HostTensors.edgeRow(edgeIndex, 0); }
    /** Targets edgeIndex[1] (E) as a host array. */
    public long[] targets() { return HostTensors.edgeRow(edgeIndex, 1); }
    /** edge_weight (E), floating, or null. */
    public Tensor edgeWeight() { return edgeWeight; }
    /** edge_attr (E, D), or null. */
    public Tensor edgeAttr() { return edgeAttr; }
    /** Node features x (N, F), or null. */
    public Tensor x() { return x; }
    /** Labels, any shape: node-level (N, ...) or graph-level (a scalar, (1, ...), or (B, ...) in a batch); or null. */
    public Tensor y() { return y; }
    public Tensor trainMask() { return trainMask; }
    public Tensor valMask() { return valMask; }
    public Tensor testMask() { return testMask; }
    /** F, the number of node features (0 without x). */
    public int numFeatures() { return x == null ? 0 : x.dim() == 1 ? 1 : x.size(1); }

    public Graph withName(String n) {
        return new Graph(n, numNodes, edgeIndex, edgeWeight, edgeAttr, x, y, trainMask, valMask, testMask);
    }

    /** A copy with new edges; edge_weight and edge_attr are dropped unless given again (they belong to the old edges). */
    public Graph withEdgeIndex(Tensor ei) {
        return new Graph(name, numNodes, ei, null, null, x, y, trainMask, valMask, testMask);
    }

    /** A copy with new edges and their weight (E) and attributes (E, D); either may be null. */
    public Graph withEdges(Tensor ei, Tensor weight, Tensor attr) {
        return new Graph(name, numNodes, ei, weight, attr, x, y, trainMask, valMask, testMask);
    }

    public Graph withEdgeWeight(Tensor w) {
        return new Graph(name, numNodes, edgeIndex, w, edgeAttr, x, y, trainMask, valMask, testMask);
    }

    public Graph withEdgeAttr(Tensor a) {
        return new Graph(name, numNodes, edgeIndex, edgeWeight, a, x, y, trainMask, valMask, testMask);
    }

    public Graph withX(Tensor features) {
        return new Graph(name, numNodes, edgeIndex, edgeWeight, edgeAttr, features, y, trainMask, valMask, testMask);
    }

    public Graph withY(Tensor labels) {
        return new Graph(name, numNodes, edgeIndex, edgeWeight, edgeAttr, x, labels, trainMask, valMask, testMask);
    }

    /** A copy with the three BOOL (N) masks (PyG train_mask, val_mask, test_mask); any may be null. */
    public Graph withMasks(Tensor train, Tensor val, Tensor test) {
        return new Graph(name, numNodes, edgeIndex, edgeWeight, edgeAttr, x, y, train, val, test);
    }

    /** Node-level labels: y's first dim is N (a graph-level y is a scalar or has first dim 1). */
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
