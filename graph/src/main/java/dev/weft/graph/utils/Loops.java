package dev.weft.graph.utils;

import dev.weft.graph.Graph;
import dev.weft.graph.HostTensors;
import dev.weft.tensor.Tensor;

/** Self loops (i, i): PyG {@code add_self_loops}, {@code add_remaining_self_loops}, {@code remove_self_loops}. */
public final class Loops {
    private Loops() {}

    /**
     * PyG add_self_loops: appends the N loops (0,0) .. (N-1,N-1) after the existing edges (existing loops are
     * kept); the loops' attributes are fill (attr (E) or (E, D); null attr stays null).
     *
     * @param edgeIndex the edges (2, E)
     * @param attr edge attributes (E) or (E, D), or null
     * @param fill the attribute value of the new loops
     * @param numNodes the number of nodes N
     * @return the E + N edges and their attributes
     */
    public static EdgeData addSelfLoops(Tensor edgeIndex, Tensor attr, double fill, int numNodes) {
        Tensor loops = Tensor.arange(numNodes).view(1, numNodes).expand(2, numNodes);
        Tensor ei = Tensor.cat(new Tensor[] {edgeIndex, loops}, 1).contiguous();
        return new EdgeData(ei, attr == null ? null : Tensor.cat(new Tensor[] {attr, loopAttr(attr, fill, numNodes)}, 0));
    }

    /**
     * PyG add_remaining_self_loops: drops the existing loops, then appends all N loops; a node that had a loop
     * keeps that loop's attribute (the last one if it had several), the others get fill.
     *
     * @param edgeIndex the edges (2, E)
     * @param attr edge attributes (E) or (E, D), or null
     * @param fill the attribute value of a loop the node did not have
     * @param numNodes the number of nodes N
     * @return the non-loop edges followed by the N loops, with their attributes
     * @throws IllegalArgumentException if a node index lies outside [0, numNodes)
     */
    public static EdgeData addRemainingSelfLoops(Tensor edgeIndex, Tensor attr, double fill, int numNodes) {
        long[] row = HostTensors.edgeRow(edgeIndex, 0);
        long[] col = HostTensors.edgeRow(edgeIndex, 1);
        EdgeSort.checkRange("addRemainingSelfLoops", row, col, numNodes);
        int kept = 0;
        for (int i = 0; i < row.length; i++) if (row[i] != col[i]) kept++;
        long[] r = new long[kept + numNodes];
        long[] c = new long[kept + numNodes];
        long[] keep = new long[kept];
        long[] loopSource = new long[numNodes]; // edge whose attr the loop of node v takes; -1: fill
        java.util.Arrays.fill(loopSource, -1);
        int k = 0;
        for (int i = 0; i < row.length; i++) {
            if (row[i] != col[i]) {
                r[k] = row[i];
                c[k] = col[i];
                keep[k++] = i;
            } else {
                loopSource[(int) row[i]] = i;
            }
        }
        for (int v = 0; v < numNodes; v++) {
            r[kept + v] = v;
            c[kept + v] = v;
        }
        Tensor ei = HostTensors.edgeIndex(r, c);
        if (attr == null) return new EdgeData(ei, null);
        Tensor loopAttr = loopAttr(attr, fill, numNodes);
        int had = 0;
        for (long s : loopSource) if (s >= 0) had++;
        if (had > 0) {
            long[] nodes = new long[had];
            long[] edges = new long[had];
            int j = 0;
            for (int v = 0; v < numNodes; v++) {
                if (loopSource[v] >= 0) {
                    nodes[j] = v;
                    edges[j++] = loopSource[v];
                }
            }
            Tensor nodeIdx = HostTensors.longs(nodes, had);
            Tensor old = attr.indexSelect(0, HostTensors.longs(edges, had));
            // Zero the rows that are replaced, then add the kept loop values: a differentiable index_put.
            Tensor mask = Tensor.ones(attr.dtype(), numNodes).indexAdd(0, nodeIdx, Tensor.ones(attr.dtype(), had).neg());
            if (attr.dim() > 1) mask = mask.view(numNodes, 1);
            loopAttr = loopAttr.mul(mask).indexAdd(0, nodeIdx, old);
        }
        Tensor kept0 = attr.indexSelect(0, HostTensors.longs(keep, kept));
        return new EdgeData(ei, Tensor.cat(new Tensor[] {kept0, loopAttr}, 0));
    }

    /**
     * PyG remove_self_loops: keeps the edges with row != col, in order, and their attributes.
     *
     * @param edgeIndex the edges (2, E)
     * @param attr edge attributes (E, ...), or null
     * @return the kept edges and their attributes
     */
    public static EdgeData removeSelfLoops(Tensor edgeIndex, Tensor attr) {
        long[] row = HostTensors.edgeRow(edgeIndex, 0);
        long[] col = HostTensors.edgeRow(edgeIndex, 1);
        int kept = 0;
        for (int i = 0; i < row.length; i++) if (row[i] != col[i]) kept++;
        if (kept == row.length) return new EdgeData(edgeIndex, attr);
        long[] r = new long[kept];
        long[] c = new long[kept];
        long[] keep = new long[kept];
        int k = 0;
        for (int i = 0; i < row.length; i++) {
            if (row[i] != col[i]) {
                r[k] = row[i];
                c[k] = col[i];
                keep[k++] = i;
            }
        }
        Tensor a = attr == null ? null : attr.indexSelect(0, HostTensors.longs(keep, kept));
        return new EdgeData(HostTensors.edgeIndex(r, c), a);
    }

    /**
     * PyG contains_self_loops.
     *
     * @param edgeIndex the edges (2, E)
     * @return whether some edge is a loop (i, i)
     */
    public static boolean containsSelfLoops(Tensor edgeIndex) {
        long[] row = HostTensors.edgeRow(edgeIndex, 0);
        long[] col = HostTensors.edgeRow(edgeIndex, 1);
        for (int i = 0; i < row.length; i++) if (row[i] == col[i]) return true;
        return false;
    }

    /**
     * The graph with N self loops appended; an edge weight (if any) gets fill for the loops, edge_attr is dropped.
     *
     * @param g the graph
     * @param fill the edge weight of the loops
     * @return the graph with the loops
     */
    public static Graph addSelfLoops(Graph g, double fill) {
        EdgeData d = addSelfLoops(g.edgeIndex(), g.edgeWeight(), fill, g.numNodes());
        return g.withEdges(d.edgeIndex(), d.edgeAttr(), null);
    }

    /**
     * The graph without its self loops; edge weight and attributes follow the kept edges.
     *
     * @param g the graph
     * @return the graph without loops
     */
    public static Graph removeSelfLoops(Graph g) {
        EdgeData w = removeSelfLoops(g.edgeIndex(), g.edgeWeight());
        Tensor a = removeSelfLoops(g.edgeIndex(), g.edgeAttr()).edgeAttr();
        return g.withEdges(w.edgeIndex(), w.edgeAttr(), a);
    }

    private static Tensor loopAttr(Tensor attr, double fill, int numNodes) {
        int[] shape = attr.shape().clone();
        shape[0] = numNodes;
        return Tensor.full(fill, attr.dtype(), shape);
    }
}
