package dev.weft.graph.utils;

import dev.weft.graph.Graph;
import dev.weft.graph.HostTensors;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * Random walks along out-edges (source -> target): torch_cluster's {@code random_walk} as PyG's Node2Vec
 * calls it. A walk from s is s, then walkLength steps; a node with no out-edge repeats itself (torch_cluster's
 * rule). {@link #node2vec} biases each step as Grover and Leskovec (2016), sec. 3.2.2, with alias tables.
 * Seeded: same graph, starts, parameters and generator state, same walks.
 */
public final class RandomWalks {
    private RandomWalks() {}

    /** Uniform walks (p = q = 1): each step picks one of the current node's out-edges uniformly. Result (S, walkLength + 1) I64.
     *
     * @param g the graph
     * @param starts the S start nodes
     * @param walkLength the number of steps per walk
     * @param gen the generator
     * @return the walks (S, walkLength + 1) I64, each starting at its start node
     */
    public static Tensor randomWalk(Graph g, long[] starts, int walkLength, Generator gen) {
        checkArgs("randomWalk", g, starts, walkLength);
        Adjacency adj = Adjacency.bySource(g);
        RandomStream rng = new RandomStream(gen);
        long[] out = new long[starts.length * (walkLength + 1)];
        for (int w = 0; w < starts.length; w++) {
            int cur = (int) starts[w];
            int base = w * (walkLength + 1);
            out[base] = cur;
            for (int step = 1; step <= walkLength; step++) {
                int d = adj.degree(cur);
                if (d > 0) cur = adj.neighbor(adj.start(cur) + rng.nextInt(d));
                out[base + step] = cur;
            }
        }
        return HostTensors.longs(out, starts.length, walkLength + 1);
    }

    /**
     * node2vec second-order walks: having come from t to v, the next node x among v's out-neighbours is drawn
     * with weight w(v, x) * alpha, alpha = 1/p if x = t, 1 if t has an edge to x, 1/q otherwise; the first step
     * is drawn by w(s, x). w is the graph's edgeWeight, or 1 when it has none. Result (S, walkLength + 1) I64.
     *
     * @param g the graph
     * @param starts the S start nodes
     * @param walkLength the number of steps per walk
     * @param p the return parameter, finite and positive
     * @param q the in-out parameter, finite and positive
     * @param gen the generator
     * @return the walks (S, walkLength + 1) I64
     * @throws IllegalArgumentException if p or q is not finite and positive
     */
    public static Tensor node2vec(Graph g, long[] starts, int walkLength, double p, double q, Generator gen) {
        checkArgs("node2vec", g, starts, walkLength);
        if (!(p > 0) || !(q > 0) || Double.isInfinite(p) || Double.isInfinite(q)) {
            throw new IllegalArgumentException("node2vec: p and q must be finite and > 0, got p=" + p + ", q=" + q);
        }
        Adjacency adj = Adjacency.bySource(g);
        double[] w = g.edgeWeight() == null ? null : g.edgeWeight().toDoubleArray();
        int n = g.numNodes();
        AliasTable[] first = new AliasTable[n];
        AliasTable[] second = new AliasTable[g.numEdges()]; // by slot of the edge t -> v, built on first use
        boolean[] nbrOfT = new boolean[n];
        RandomStream rng = new RandomStream(gen);
        long[] out = new long[starts.length * (walkLength + 1)];
        for (int k = 0; k < starts.length; k++) {
            int base = k * (walkLength + 1);
            int cur = (int) starts[k];
            int prevSlot = -1;
            int prev = -1;
            out[base] = cur;
            for (int step = 1; step <= walkLength; step++) {
                int d = adj.degree(cur);
                if (d > 0) {
                    int pick;
                    if (prevSlot < 0) {
                        if (first[cur] == null) first[cur] = firstTable(adj, w, cur);
                        pick = first[cur].sample(rng);
                    } else {
                        if (second[prevSlot] == null) second[prevSlot] = biasedTable(adj, w, prev, prevSlot, p, q, nbrOfT);
                        pick = second[prevSlot].sample(rng);
                    }
                    prevSlot = adj.start(cur) + pick;
                    prev = cur;
                    cur = adj.neighbor(prevSlot);
                } else {
                    prevSlot = -1; // a dead end keeps the walk in place; the next step starts afresh from here
                }
                out[base + step] = cur;
            }
        }
        return HostTensors.longs(out, starts.length, walkLength + 1);
    }

    private static AliasTable firstTable(Adjacency adj, double[] w, int v) {
        double[] ws = new double[adj.degree(v)];
        for (int i = 0; i < ws.length; i++) ws[i] = w == null ? 1 : w[adj.edgeId(adj.start(v) + i)];
        return new AliasTable(ws);
    }

    // The slot's edge is t -> v; the table ranges over v's out-neighbours x.
    private static AliasTable biasedTable(Adjacency adj, double[] w, int t, int slot, double p, double q, boolean[] nbrOfT) {
        int v = adj.neighbor(slot);
        for (int s = adj.start(t); s < adj.start(t) + adj.degree(t); s++) nbrOfT[adj.neighbor(s)] = true;
        double[] ws = new double[adj.degree(v)];
        for (int i = 0; i < ws.length; i++) {
            int s = adj.start(v) + i;
            int x = adj.neighbor(s);
            double base = w == null ? 1 : w[adj.edgeId(s)];
            ws[i] = x == t ? base / p : nbrOfT[x] ? base : base / q;
        }
        for (int s = adj.start(t); s < adj.start(t) + adj.degree(t); s++) nbrOfT[adj.neighbor(s)] = false;
        return new AliasTable(ws);
    }

    private static void checkArgs(String op, Graph g, long[] starts, int walkLength) {
        if (walkLength < 0) throw new IllegalArgumentException(op + ": walkLength must be >= 0, got " + walkLength);
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] < 0 || starts[i] >= g.numNodes()) {
                throw new IllegalArgumentException(op + ": starts[" + i + "] = " + starts[i] + " is outside [0, " + g.numNodes() + ")");
            }
        }
    }
}
