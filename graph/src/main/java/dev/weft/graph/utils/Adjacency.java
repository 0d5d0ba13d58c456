package dev.weft.graph.utils;

import dev.weft.graph.Graph;

/**
 * A host-side compressed adjacency of a graph for walks and samplers: for each node v, its edges
 * ptr[v] .. ptr[v+1]-1 (edge ids into the graph's edge list, in edge-list order) and the node at their other
 * end. {@link #bySource} lists out-edges (v -> nbr), {@link #byTarget} in-edges (nbr -> v), PyG's CSR / CSC.
 */
public final class Adjacency {
    private final int[] ptr;
    private final int[] nbr;
    private final int[] edge;

    private Adjacency(int[] ptr, int[] nbr, int[] edge) {
        this.ptr = ptr;
        this.nbr = nbr;
        this.edge = edge;
    }

    /**
     * Out-edges grouped by source (CSR): neighbour = target.
     *
     * @param g the graph
     * @return the out-edge adjacency
     */
    public static Adjacency bySource(Graph g) {
        return build(g.sources(), g.targets(), g.numNodes());
    }

    /**
     * In-edges grouped by target (CSC): neighbour = source.
     *
     * @param g the graph
     * @return the in-edge adjacency
     */
    public static Adjacency byTarget(Graph g) {
        return build(g.targets(), g.sources(), g.numNodes());
    }

    private static Adjacency build(long[] key, long[] other, int n) {
        int e = key.length;
        int[] ptr = new int[n + 1];
        for (long k : key) ptr[(int) k + 1]++;
        for (int v = 0; v < n; v++) ptr[v + 1] += ptr[v];
        int[] fill = java.util.Arrays.copyOf(ptr, n);
        int[] nbr = new int[e];
        int[] edge = new int[e];
        for (int i = 0; i < e; i++) {
            int at = fill[(int) key[i]]++;
            nbr[at] = (int) other[i];
            edge[at] = i;
        }
        return new Adjacency(ptr, nbr, edge);
    }

    /** {@return the number of nodes} */
    public int numNodes() { return ptr.length - 1; }
    /**
     * {@return the number of edges of node v in this adjacency's direction}
     *
     * @param v the node
     */
    public int degree(int v) { return ptr[v + 1] - ptr[v]; }
    /**
     * {@return the first slot of node v}; its neighbours are slots start(v) .. start(v) + degree(v) - 1.
     *
     * @param v the node
     */
    public int start(int v) { return ptr[v]; }
    /**
     * {@return the node at the other end of slot s}
     *
     * @param s the slot
     */
    public int neighbor(int s) { return nbr[s]; }
    /**
     * {@return the edge id (position in the graph's edge list) of slot s}
     *
     * @param s the slot
     */
    public int edgeId(int s) { return edge[s]; }

    /**
     * Whether u has an edge to v in this adjacency's direction (linear in deg(u)).
     *
     * @param u the node whose edges are searched
     * @param v the node at the other end
     * @return whether the edge exists
     */
    public boolean has(int u, int v) {
        for (int s = ptr[u]; s < ptr[u + 1]; s++) if (nbr[s] == v) return true;
        return false;
    }
}
