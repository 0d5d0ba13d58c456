package dev.weft.graph;

import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Several graphs as one block-diagonal graph (PyG {@code Batch.from_data_list}): node sets concatenated,
 * graph i's edge endpoints shifted by ptr[i] = N_0 + ... + N_{i-1}, node/edge tensors concatenated along
 * dim 0, graph-level labels stacked. {@code batch} (N) I64 maps each node to its graph, {@code ptr} (B + 1)
 * holds the node offsets. {@link #split} inverts {@link #collate}: split(collate(gs)) equals gs.
 */
public final class GraphBatch {
    private final Graph graph;
    private final Tensor batch;
    private final Tensor ptr;
    private final long[] nodePtr;
    private final long[] edgePtr;
    private final int[] ySizes;
    private final List<String> names;

    private GraphBatch(Graph graph, Tensor batch, long[] nodePtr, long[] edgePtr, int[] ySizes, List<String> names) {
        this.graph = graph;
        this.batch = batch;
        this.ptr = HostTensors.longs(nodePtr, nodePtr.length);
        this.nodePtr = nodePtr;
        this.edgePtr = edgePtr;
        this.ySizes = ySizes;
        this.names = List.copyOf(names);
    }

    /**
     * Collates graphs into one. Every optional tensor (edge weight/attr, x, y, masks) must be present in all
     * graphs or in none, with equal trailing dims and dtypes. A graph-level y (a scalar) becomes one row of
     * a (B) y; y's with a first dim are concatenated along it.
     *
     * @param graphs the graphs, at least one
     * @return the batch
     * @throws IllegalArgumentException if graphs is empty or their optional tensors do not match
     */
    public static GraphBatch collate(List<Graph> graphs) {
        if (graphs.isEmpty()) throw new IllegalArgumentException("GraphBatch.collate: no graphs");
        int b = graphs.size();
        long[] nodePtr = new long[b + 1];
        long[] edgePtr = new long[b + 1];
        for (int i = 0; i < b; i++) {
            nodePtr[i + 1] = nodePtr[i] + graphs.get(i).numNodes();
            edgePtr[i + 1] = edgePtr[i] + graphs.get(i).numEdges();
        }
        if (nodePtr[b] > Integer.MAX_VALUE) throw new IllegalArgumentException("GraphBatch.collate: " + nodePtr[b] + " nodes in all");
        List<Tensor> eis = new ArrayList<>(b);
        long[] batchHost = new long[(int) nodePtr[b]];
        List<String> names = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            eis.add(graphs.get(i).edgeIndex().add(nodePtr[i]));
            java.util.Arrays.fill(batchHost, (int) nodePtr[i], (int) nodePtr[i + 1], i);
            names.add(graphs.get(i).name());
        }
        int[] ySizes = new int[b];
        Tensor y = catOptional(graphs, "y", Graph::y, true, ySizes);
        Tensor ei = Tensor.cat(eis, 1);
        Graph g = Graph.builder((int) nodePtr[b], ei).name("batch")
                .edgeWeight(catOptional(graphs, "edgeWeight", Graph::edgeWeight, false, null))
                .edgeAttr(catOptional(graphs, "edgeAttr", Graph::edgeAttr, false, null))
                .x(catOptional(graphs, "x", Graph::x, false, null))
                .y(y)
                .masks(catOptional(graphs, "trainMask", Graph::trainMask, false, null),
                        catOptional(graphs, "valMask", Graph::valMask, false, null),
                        catOptional(graphs, "testMask", Graph::testMask, false, null))
                .build();
        return new GraphBatch(g, HostTensors.longs(batchHost, batchHost.length), nodePtr, edgePtr, ySizes, names);
    }

    // The tensors of one attribute, concatenated along dim 0 (scalars stacked when stackScalars); null when absent in all.
    private static Tensor catOptional(List<Graph> graphs, String what, Function<Graph, Tensor> get, boolean stackScalars, int[] sizes) {
        Tensor first = get.apply(graphs.get(0));
        List<Tensor> parts = new ArrayList<>(graphs.size());
        for (int i = 0; i < graphs.size(); i++) {
            Tensor t = get.apply(graphs.get(i));
            if ((t == null) != (first == null)) {
                throw new IllegalArgumentException("GraphBatch.collate: graph " + i + (t == null ? " has no " : " has ") + what
                        + " but graph 0 " + (first == null ? "has none" : "has one"));
            }
            if (t == null) continue;
            if (t.dtype() != first.dtype()) {
                throw new IllegalArgumentException("GraphBatch.collate: graph " + i + "'s " + what + " is " + t.dtype()
                        + ", graph 0's is " + first.dtype());
            }
            if (stackScalars && t.dim() == 0) {
                t = t.reshape(1);
                sizes[i] = -1;
            } else if (sizes != null) {
                sizes[i] = t.size(0);
            }
            parts.add(t);
        }
        return first == null ? null : Tensor.cat(parts, 0);
    }

    /** {@return the block-diagonal graph holding all nodes and edges} */
    public Graph graph() { return graph; }
    /** {@return batch (N) I64: the graph each node belongs to (PyG {@code batch})} */
    public Tensor batch() { return batch; }
    /** {@return ptr (B + 1) I64: graph i's nodes are ptr[i] .. ptr[i+1]-1 (PyG {@code ptr})} */
    public Tensor ptr() { return ptr; }
    /** {@return B, the number of graphs} */
    public int numGraphs() { return names.size(); }

    /**
     * {@return graph i as it was before collation} (PyG {@code Batch.get_example}).
     *
     * @param i the graph index in [0, B)
     * @throws IndexOutOfBoundsException if i is outside [0, B)
     */
    public Graph get(int i) {
        if (i < 0 || i >= numGraphs()) throw new IndexOutOfBoundsException("GraphBatch.get: graph " + i + " of " + numGraphs());
        int n0 = (int) nodePtr[i];
        int n = (int) (nodePtr[i + 1] - n0);
        int e0 = (int) edgePtr[i];
        int e = (int) (edgePtr[i + 1] - e0);
        Graph g = graph;
        Tensor ei = g.edgeIndex().narrow(1, e0, e).sub(nodePtr[i]).contiguous();
        Tensor yi = null;
        if (g.y() != null) {
            int y0 = 0;
            for (int k = 0; k < i; k++) y0 += Math.max(ySizes[k], 1);
            yi = (ySizes[i] < 0 ? g.y().select(0, y0) : g.y().narrow(0, y0, ySizes[i])).contiguous();
        }
        return Graph.builder(n, ei).name(names.get(i))
                .edgeWeight(narrow(g.edgeWeight(), e0, e)).edgeAttr(narrow(g.edgeAttr(), e0, e))
                .x(narrow(g.x(), n0, n)).y(yi)
                .masks(narrow(g.trainMask(), n0, n), narrow(g.valMask(), n0, n), narrow(g.testMask(), n0, n))
                .build();
    }

    /** {@return all graphs back} (PyG {@code Batch.to_data_list}). */
    public List<Graph> split() {
        List<Graph> out = new ArrayList<>(numGraphs());
        for (int i = 0; i < numGraphs(); i++) out.add(get(i));
        return out;
    }

    private static Tensor narrow(Tensor t, int start, int len) {
        return t == null ? null : t.narrow(0, start, len).contiguous();
    }
}
