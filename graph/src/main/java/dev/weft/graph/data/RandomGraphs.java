package dev.weft.graph.data;

import dev.weft.graph.Graph;
import dev.weft.graph.HostTensors;
import dev.weft.graph.utils.Loops;
import dev.weft.graph.utils.RandomStream;
import dev.weft.graph.utils.Undirected;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;

/**
 * Seeded random graph models, PyG's {@code erdos_renyi_graph}, {@code barabasi_albert_graph},
 * {@code stochastic_blockmodel_graph} and networkx's {@code random_geometric_graph}. Undirected results hold
 * both directions, coalesced (sorted by (row, col)). Same generator state, same graph; the draws are not
 * PyTorch's, so the graphs differ from PyG's for a given seed, the distributions do not.
 */
public final class RandomGraphs {
    private RandomGraphs() {}

    /** G(n, p): each pair {@code u < v} (each ordered pair {@code u != v} when directed) is an edge with probability p. O(n^2) draws.
     *
     * @param numNodes the number of nodes n
     * @param p the edge probability
     * @param directed whether each ordered pair is drawn on its own
     * @param gen the generator
     * @return the graph named "erdos_renyi"
     */
    public static Graph erdosRenyi(int numNodes, double p, boolean directed, Generator gen) {
        double[][] prob = {{p}};
        return stochasticBlockModel(new int[] {numNodes}, prob, directed, gen).withName("erdos_renyi");
    }

    /**
     * Stochastic block model: blocks of the given sizes (nodes numbered block by block), pair (u, v) an edge
     * with probability probs[b(u)][b(v)] (symmetric unless directed). y = each node's block.
     *
     * @param blockSizes the size of each block, at least 0
     * @param probs the (k, k) edge probabilities between blocks
     * @param directed whether each ordered pair is drawn on its own
     * @param gen the generator
     * @return the graph named "sbm", with y the blocks
     * @throws IllegalArgumentException if the sizes or probabilities are malformed
     */
    public static Graph stochasticBlockModel(int[] blockSizes, double[][] probs, boolean directed, Generator gen) {
        int k = blockSizes.length;
        if (probs.length != k) throw new IllegalArgumentException("stochasticBlockModel: " + k + " blocks but " + probs.length + " rows of probabilities");
        int n = 0;
        for (int b = 0; b < k; b++) {
            if (blockSizes[b] < 0) throw new IllegalArgumentException("stochasticBlockModel: block " + b + " has size " + blockSizes[b]);
            if (probs[b].length != k) throw new IllegalArgumentException("stochasticBlockModel: row " + b + " has " + probs[b].length + " probabilities, expected " + k);
            for (int c = 0; c < k; c++) {
                if (!(probs[b][c] >= 0 && probs[b][c] <= 1)) throw new IllegalArgumentException("stochasticBlockModel: probs[" + b + "][" + c + "] = " + probs[b][c] + " is not in [0, 1]");
                if (!directed && probs[b][c] != probs[c][b]) throw new IllegalArgumentException("stochasticBlockModel: probs must be symmetric when undirected: [" + b + "][" + c + "] != [" + c + "][" + b + "]");
            }
            n += blockSizes[b];
        }
        long[] block = new long[n];
        for (int b = 0, v = 0; b < k; b++) for (int i = 0; i < blockSizes[b]; i++) block[v++] = b;
        RandomStream rng = new RandomStream(gen);
        EdgeBuffer e = new EdgeBuffer();
        for (int u = 0; u < n; u++) {
            for (int v = directed ? 0 : u + 1; v < n; v++) {
                if (u != v && rng.nextDouble() < probs[(int) block[u]][(int) block[v]]) e.add(u, v);
            }
        }
        Tensor ei = e.tensor();
        if (!directed) ei = Undirected.toUndirected(ei, n);
        return Graph.builder(n, ei).name("sbm").y(HostTensors.longs(block, n)).build();
    }

    /**
     * Barabasi-Albert preferential attachment (PyG's construction): m initial edges i -> perm(i) among nodes
     * 0..m-1, then each new node i adds m edges to nodes drawn uniformly from the endpoint list so far (degree
     * proportional, with repeats); self loops dropped, symmetrised and coalesced. Requires {@code 0 < m < n}.
     *
     * @param numNodes the number of nodes n
     * @param m the edges each new node adds (PyG's num_edges)
     * @param gen the generator
     * @return the graph named "barabasi_albert"
     * @throws IllegalArgumentException unless {@code 0 < m < numNodes}
     */
    public static Graph barabasiAlbert(int numNodes, int m, Generator gen) {
        if (m <= 0 || m >= numNodes) throw new IllegalArgumentException("barabasiAlbert: need 0 < numEdges < numNodes, got numEdges=" + m + ", numNodes=" + numNodes);
        long[] perm = Tensor.randperm(gen, m).toLongArray();
        RandomStream rng = new RandomStream(gen);
        int total = m + (numNodes - m) * m;
        long[] row = new long[total];
        long[] col = new long[total];
        for (int i = 0; i < m; i++) {
            row[i] = i;
            col[i] = perm[i];
        }
        int len = m;
        for (int i = m; i < numNodes; i++) {
            // Targets come from the endpoints [row; col] of the edges before node i's.
            int pool = 2 * len;
            for (int j = 0; j < m; j++) {
                int pick = rng.nextInt(pool);
                row[len + j] = i;
                col[len + j] = pick < len ? row[pick] : col[pick - len];
            }
            len += m;
        }
        Tensor ei = Loops.removeSelfLoops(HostTensors.edgeIndex(row, col), null).edgeIndex();
        return Graph.of(numNodes, Undirected.toUndirected(ei, numNodes)).withName("barabasi_albert");
    }

    /**
     * Random geometric graph: n points uniform in [0, 1)^dim (x, F32 (n, dim)), an edge both ways between
     * points at Euclidean distance {@code <= radius} (networkx's rule), no self loops.
     *
     * @param numNodes the number of points n
     * @param radius the largest distance joined by an edge
     * @param dim the dimension of the unit cube, at least 1
     * @param gen the generator
     * @return the graph with x the points
     * @throws IllegalArgumentException if dim is below 1
     */
    public static Graph randomGeometric(int numNodes, double radius, int dim, Generator gen) {
        if (dim <= 0) throw new IllegalArgumentException("randomGeometric: dim must be > 0, got " + dim);
        Tensor pos = Tensor.rand(gen, DType.F64, numNodes, dim);
        double[] p = pos.toDoubleArray();
        double r2 = radius * radius;
        EdgeBuffer e = new EdgeBuffer();
        for (int u = 0; u < numNodes; u++) {
            for (int v = 0; v < numNodes; v++) {
                if (u == v) continue;
                double d = 0;
                for (int k = 0; k < dim; k++) {
                    double t = p[u * dim + k] - p[v * dim + k];
                    d += t * t;
                }
                if (d <= r2) e.add(u, v);
            }
        }
        return Graph.builder(numNodes, e.tensor()).name("random_geometric").x(pos.to(DType.F32)).build();
    }

    /** A growable edge list. */
    static final class EdgeBuffer {
        private long[] s = new long[64];
        private long[] t = new long[64];
        private int size;

        void add(long u, long v) {
            if (size == s.length) {
                s = java.util.Arrays.copyOf(s, size * 2);
                t = java.util.Arrays.copyOf(t, size * 2);
            }
            s[size] = u;
            t[size++] = v;
        }

        Tensor tensor() {
            return HostTensors.edgeIndex(java.util.Arrays.copyOf(s, size), java.util.Arrays.copyOf(t, size));
        }
    }
}
