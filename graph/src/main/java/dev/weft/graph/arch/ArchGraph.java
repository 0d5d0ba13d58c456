package dev.weft.graph.arch;

import dev.weft.graph.Graph;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A network's computation graph in GHN-2's form (Knyazev et al. 2021, Sec. 3): a DAG whose nodes are operations
 * ({@link OpType}) — one node per parameter tensor (a Linear or Conv2d weight, a bias, a norm's scale) and per
 * parameter-free op — and whose directed edges carry activations from one op to the next, from the single
 * INPUT node (0) to the single OUTPUT node (N - 1). Nodes are numbered in a topological order (every edge
 * runs from a lower to a higher index), which is the order a sequential GatedGNN sweep visits them.
 *
 * <p>A layer with a weight and a bias is two nodes, weight then bias (Linear(4, 3): linear[(3, 4)] -> bias[(3)]);
 * a BatchNorm2d is batch_norm[(C)] -> bias[(C)]. {@link #toSpec} is the inverse of {@link #of(ArchSpec)}.
 * {@link #virtualEdges} adds GHN-2's virtual edges (Eq. 4): every pair (u, v) joined by a directed path of
 * length s, {@code 1 <= s <= cutoff}, with s.
 */
public final class ArchGraph {
    /**
     * Directed edges with their shortest-path length s (1 for a real edge).
     *
     * @param src the source node of each edge
     * @param dst the target node of each edge
     * @param dist the shortest-path length s of each edge
     */
    public record Edges(int[] src, int[] dst, int[] dist) {
        /** {@return the number of edges} */
        public int size() {
            return src.length;
        }
    }

    private final List<ArchNode> nodes;
    private final int[] src, dst;

    /**
     * A validated graph: INPUT first, OUTPUT last, each once; every edge u -> v with {@code 0 <= u < v < N}, no duplicates.
     *
     * @param nodes the operations in topological order, at least two
     * @param src the source node of each edge
     * @param dst the target node of each edge
     * @throws IllegalArgumentException if the nodes or edges break these rules
     */
    public ArchGraph(List<ArchNode> nodes, int[] src, int[] dst) {
        if (nodes == null || nodes.size() < 2) throw new IllegalArgumentException("ArchGraph: needs at least an input and an output node");
        int n = nodes.size();
        for (int i = 0; i < n; i++) {
            OpType op = nodes.get(i).op();
            boolean end = i == 0 || i == n - 1;
            if (end && op != (i == 0 ? OpType.INPUT : OpType.OUTPUT) || !end && (op == OpType.INPUT || op == OpType.OUTPUT)) {
                throw new IllegalArgumentException("ArchGraph: node " + i + " is " + op.label() + "; the input must be node 0 and the "
                        + "output node " + (n - 1) + ", each once");
            }
        }
        if (src.length != dst.length) throw new IllegalArgumentException("ArchGraph: " + src.length + " sources but " + dst.length + " targets");
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int e = 0; e < src.length; e++) {
            if (src[e] < 0 || dst[e] >= n || src[e] >= dst[e]) {
                throw new IllegalArgumentException("ArchGraph: edge " + e + " (" + src[e] + " -> " + dst[e] + ") must run forward "
                        + "inside [0, " + n + ") (nodes are in topological order)");
            }
            if (!seen.add((long) src[e] * n + dst[e])) {
                throw new IllegalArgumentException("ArchGraph: edge " + e + " (" + src[e] + " -> " + dst[e] + ") is repeated");
            }
        }
        this.nodes = List.copyOf(nodes);
        this.src = src.clone();
        this.dst = dst.clone();
    }

    /**
     * The chain graph of a Sequential spec: input -> each layer's nodes in order -> output.
     *
     * @param spec the layer list
     * @return the chain graph
     */
    public static ArchGraph of(ArchSpec spec) {
        List<ArchNode> n = new ArrayList<>();
        n.add(ArchNode.op(OpType.INPUT, -1));
        for (int i = 0; i < spec.layers().size(); i++) {
            String p = i + ".";
            switch (spec.layers().get(i)) {
                case LayerSpec.Linear l -> {
                    n.add(new ArchNode(OpType.LINEAR, i, p + "weight", new int[] {l.out(), l.in()}, null));
                    if (l.bias()) n.add(new ArchNode(OpType.BIAS, i, p + "bias", new int[] {l.out()}, null));
                }
                case LayerSpec.Conv2d c -> {
                    n.add(new ArchNode(OpType.CONV2D, i, p + "weight", new int[] {c.out(), c.in(), c.kernel(), c.kernel()},
                            new int[] {c.stride(), c.padding()}));
                    if (c.bias()) n.add(new ArchNode(OpType.BIAS, i, p + "bias", new int[] {c.out()}, null));
                }
                case LayerSpec.BatchNorm2d b -> {
                    n.add(new ArchNode(OpType.BATCH_NORM, i, p + "weight", new int[] {b.features()}, null));
                    n.add(new ArchNode(OpType.BIAS, i, p + "bias", new int[] {b.features()}, null));
                }
                case LayerSpec.Activation a -> n.add(ArchNode.op(a.op(), i));
                case LayerSpec.Flatten f -> n.add(ArchNode.op(OpType.FLATTEN, i));
            }
        }
        n.add(ArchNode.op(OpType.OUTPUT, -1));
        int e = n.size() - 1;
        int[] s = new int[e], d = new int[e];
        for (int k = 0; k < e; k++) {
            s[k] = k;
            d[k] = k + 1;
        }
        return new ArchGraph(n, s, d);
    }

    /**
     * The graph of a module: {@code of(ArchSpec.of(module))}.
     *
     * @param module the network
     * @return its computation graph
     */
    public static ArchGraph of(dev.weft.nn.Module module) {
        return of(ArchSpec.of(module));
    }

    /** {@return the number of nodes N} */
    public int numNodes() {
        return nodes.size();
    }

    /** {@return the real (1-hop) edges} */
    public int numEdges() {
        return src.length;
    }

    /** {@return the nodes in topological order} */
    public List<ArchNode> nodes() {
        return nodes;
    }

    /**
     * {@return node i}
     *
     * @param i the node index in [0, N)
     */
    public ArchNode node(int i) {
        return nodes.get(i);
    }

    /** {@return a copy of the source node of each real edge} */
    public int[] sources() {
        return src.clone();
    }

    /** {@return a copy of the target node of each real edge} */
    public int[] targets() {
        return dst.clone();
    }

    /** {@return each node's {@link OpType#ordinal()}: (N) indices into an operation embedding} */
    public long[] opIndex() {
        long[] out = new long[nodes.size()];
        for (int i = 0; i < out.length; i++) out[i] = nodes.get(i).op().ordinal();
        return out;
    }

    /** {@return the indices of the nodes that hold a parameter, in node order} */
    public int[] parameterNodes() {
        return java.util.stream.IntStream.range(0, nodes.size()).filter(i -> nodes.get(i).op().hasParameter()).toArray();
    }

    /**
     * {@return the direct successors of node {@code i}, ascending}
     *
     * @param i the node index in [0, N)
     */
    public int[] successors(int i) {
        java.util.Objects.checkIndex(i, nodes.size());
        return java.util.stream.IntStream.range(0, src.length).filter(e -> src[e] == i).map(e -> dst[e]).sorted().toArray();
    }

    /**
     * GHN-2 Eq. 4's edge set: every (u, v) with a directed path u -> v whose shortest length s satisfies
     * {@code 1 <= s <= cutoff}, with s (breadth-first search from each node); cutoff 1 gives the real edges. Ordered by
     * (u, v).
     *
     * @param cutoff the longest path length kept, at least 1
     * @return the edges with their lengths
     * @throws IllegalArgumentException if cutoff is below 1
     */
    public Edges virtualEdges(int cutoff) {
        if (cutoff < 1) throw new IllegalArgumentException("ArchGraph.virtualEdges: cutoff must be >= 1, got " + cutoff);
        int n = nodes.size();
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new ArrayList<>());
        for (int e = 0; e < src.length; e++) out.get(src[e]).add(dst[e]);
        List<int[]> found = new ArrayList<>();
        int[] dist = new int[n];
        for (int u = 0; u < n; u++) {
            Arrays.fill(dist, -1);
            dist[u] = 0;
            ArrayDeque<Integer> q = new ArrayDeque<>(List.of(u));
            while (!q.isEmpty()) {
                int a = q.poll();
                if (dist[a] == cutoff) continue;
                for (int b : out.get(a)) {
                    if (dist[b] < 0) {
                        dist[b] = dist[a] + 1;
                        q.add(b);
                    }
                }
            }
            for (int v = u + 1; v < n; v++) if (dist[v] > 0) found.add(new int[] {u, v, dist[v]});
        }
        int m = found.size();
        int[] s = new int[m], d = new int[m], l = new int[m];
        for (int k = 0; k < m; k++) {
            s[k] = found.get(k)[0];
            d[k] = found.get(k)[1];
            l[k] = found.get(k)[2];
        }
        return new Edges(s, d, l);
    }

    /**
     * A {@link Graph} for the GNN layers: x the one-hot operation type (N, {@link OpType#count()}) F32, edge_index the
     * edges of {@link #virtualEdges}(cutoff), edge_weight 1/s (GHN-2 Eq. 4's weighting; all 1 for cutoff 1).
     *
     * @param cutoff the longest path length kept, at least 1
     * @return the graph named "arch"
     */
    public Graph toGraph(int cutoff) {
        Edges e = virtualEdges(cutoff);
        long[] s = new long[e.size()], d = new long[e.size()];
        float[] w = new float[e.size()];
        for (int k = 0; k < e.size(); k++) {
            s[k] = e.src()[k];
            d[k] = e.dst()[k];
            w[k] = 1f / e.dist()[k];
        }
        int n = nodes.size(), v = OpType.count();
        float[] x = new float[n * v];
        for (int i = 0; i < n; i++) x[i * v + nodes.get(i).op().ordinal()] = 1;
        return Graph.builder(n, Tensor.of(new long[][] {s, d})).x(Tensor.of(x, n, v)).edgeWeight(Tensor.of(w)).name("arch").build();
    }

    /**
     * The inverse of {@link #of(ArchSpec)}: the layer list this graph describes, read from the nodes alone. Only chains
     * (edges i -> i + 1) with layers numbered 0, 1, ... in order are Sequential graphs; anything else is an error naming
     * the node.
     *
     * @return the layer list
     * @throws IllegalArgumentException if the graph is not a Sequential chain
     */
    public ArchSpec toSpec() {
        int n = nodes.size();
        if (src.length != n - 1) throw new IllegalArgumentException("ArchGraph.toSpec: only a chain is a Sequential; it has " + src.length
                + " edges for " + n + " nodes");
        for (int e = 0; e < src.length; e++) {
            if (src[e] + 1 != dst[e]) throw new IllegalArgumentException("ArchGraph.toSpec: only a chain is a Sequential; edge " + e + " is "
                    + src[e] + " -> " + dst[e]);
        }
        List<LayerSpec> layers = new ArrayList<>();
        int i = 1;
        while (i < n - 1) {
            ArchNode a = nodes.get(i);
            String where = "ArchGraph.toSpec: node " + i + " (" + a + ")";
            if (a.layer() != layers.size()) throw new IllegalArgumentException(where + " is in layer " + a.layer() + ", expected " + layers.size());
            ArchNode next = nodes.get(i + 1);
            boolean bias = next.op() == OpType.BIAS && next.layer() == a.layer();
            int[] s = a.shape();
            switch (a.op()) {
                case LINEAR -> {
                    need(where, s.length == 2 && (!bias || next.shape()[0] == s[0]), "a (out, in) weight and a bias of out");
                    layers.add(new LayerSpec.Linear(s[1], s[0], bias));
                }
                case CONV2D -> {
                    int[] at = a.attrs();
                    need(where, s.length == 4 && s[2] == s[3] && at.length == 2 && (!bias || next.shape()[0] == s[0]),
                            "a (out, in, K, K) weight with (stride, padding) and a bias of out");
                    layers.add(new LayerSpec.Conv2d(s[1], s[0], s[2], at[0], at[1], bias));
                }
                case BATCH_NORM -> {
                    need(where, s.length == 1 && bias && Arrays.equals(next.shape(), s), "a (C) scale followed by its (C) bias");
                    layers.add(new LayerSpec.BatchNorm2d(s[0]));
                }
                case FLATTEN -> layers.add(new LayerSpec.Flatten());
                case BIAS -> throw new IllegalArgumentException(where + ": a bias must follow its layer's weight");
                default -> layers.add(new LayerSpec.Activation(a.op()));
            }
            i += a.op().hasParameter() && bias ? 2 : 1;
        }
        return new ArchSpec(layers);
    }

    private static void need(String where, boolean ok, String what) {
        if (!ok) throw new IllegalArgumentException(where + ": needs " + what);
    }

    @Override
    public String toString() {
        return "ArchGraph(" + nodes.size() + " nodes, " + src.length + " edges: " + nodes + ")";
    }
}
