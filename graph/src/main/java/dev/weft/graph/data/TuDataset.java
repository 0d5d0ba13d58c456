package dev.weft.graph.data;

import dev.weft.graph.Graph;
import dev.weft.graph.HostTensors;
import dev.weft.graph.utils.Coalesce;
import dev.weft.graph.utils.EdgeData;
import dev.weft.graph.utils.Loops;
import dev.weft.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A TUDataset graph-classification set in the official text format (DIR/NAME_A.txt: "i, j" 1-based edges;
 * NAME_graph_indicator.txt: each node's 1-based graph; NAME_graph_labels.txt; optional NAME_node_labels.txt,
 * NAME_node_attributes.txt, NAME_edge_labels.txt, NAME_edge_attributes.txt), read as PyG's read_tu_data:
 * x = [node attributes, one-hot node labels] (each label column shifted by its minimum, one-hot of width
 * max + 1), edge_attr likewise, graph labels mapped to 0 .. C-1 in sorted order (so MUTAG's -1/1, 0/1 and
 * 0/2 releases all become 0/1), self loops removed, edges coalesced (duplicates' attributes summed), then
 * split into one Graph per graph with y of shape (1,).
 *
 * @param name the data set's name, such as "MUTAG"
 * @param graphs the graphs, in file order
 * @param numClasses the number of graph classes C
 * @param numNodeLabels the width of the one-hot node labels in x (0 without node labels)
 * @param numNodeAttributes the number of node attribute columns in x
 * @param numEdgeLabels the width of the one-hot edge labels in edge_attr
 * @param numEdgeAttributes the number of edge attribute columns in edge_attr
 */
public record TuDataset(String name, List<Graph> graphs, int numClasses, int numNodeLabels, int numNodeAttributes,
                        int numEdgeLabels, int numEdgeAttributes) {

    /** Keeps an unmodifiable copy of the graphs. */
    public TuDataset {
        graphs = List.copyOf(graphs);
    }

    /** {@return the number of graphs} */
    public int size() {
        return graphs.size();
    }

    /**
     * {@return graph i}
     *
     * @param i the graph index
     */
    public Graph get(int i) {
        return graphs.get(i);
    }

    /**
     * Reads the data set NAME from the folder DIR.
     *
     * @param dir the folder of the text files
     * @param name the file prefix, such as "MUTAG"
     * @return the data set
     * @throws IOException if a file can not be read or is malformed
     */
    public static TuDataset load(Path dir, String name) throws IOException {
        TextLines ind = TextLines.read(dir.resolve(name + "_graph_indicator.txt"), false);
        int n = ind.size();
        long[] batch = new long[n];
        for (int i = 0; i < n; i++) {
            batch[i] = ind.integer(i, ind.fields(i, 1, true)[0], "graph id", 1, Integer.MAX_VALUE) - 1;
            if (i > 0 && batch[i] < batch[i - 1]) throw ind.error(i, "graph id " + (batch[i] + 1) + " after " + (batch[i - 1] + 1) + ": nodes must be grouped by graph");
        }
        TextLines gl = TextLines.read(dir.resolve(name + "_graph_labels.txt"), false);
        int numGraphs = gl.size();
        if (n > 0 && batch[n - 1] + 1 > numGraphs) {
            throw ind.error(n - 1, "graph id " + (batch[n - 1] + 1) + " but " + gl.file + " has " + numGraphs + " labels");
        }
        long[] rawLabels = new long[numGraphs];
        for (int i = 0; i < numGraphs; i++) rawLabels[i] = gl.integer(i, gl.fields(i, 1, true)[0], "graph label");
        long[] classes = java.util.Arrays.stream(rawLabels).distinct().sorted().toArray();
        long[] y = new long[numGraphs];
        for (int i = 0; i < numGraphs; i++) y[i] = java.util.Arrays.binarySearch(classes, rawLabels[i]);

        TextLines a = TextLines.read(dir.resolve(name + "_A.txt"), false);
        int e = a.size();
        long[] src = new long[e];
        long[] dst = new long[e];
        for (int i = 0; i < e; i++) {
            String[] f = a.fields(i, 2, true);
            src[i] = a.integer(i, f[0], "node", 1, n + 1L) - 1;
            dst[i] = a.integer(i, f[1], "node", 1, n + 1L) - 1;
            if (batch[(int) src[i]] != batch[(int) dst[i]]) {
                throw a.error(i, "edge (" + (src[i] + 1) + ", " + (dst[i] + 1) + ") joins graphs " + (batch[(int) src[i]] + 1) + " and " + (batch[(int) dst[i]] + 1));
            }
        }
        TuColumns nodeAttr = TuColumns.attributes(dir.resolve(name + "_node_attributes.txt"), n);
        TuColumns nodeLab = TuColumns.oneHotLabels(dir.resolve(name + "_node_labels.txt"), n);
        TuColumns edgeAttr = TuColumns.attributes(dir.resolve(name + "_edge_attributes.txt"), e);
        TuColumns edgeLab = TuColumns.oneHotLabels(dir.resolve(name + "_edge_labels.txt"), e);
        Tensor x = TuColumns.concat(nodeAttr, nodeLab, n);
        Tensor ea = TuColumns.concat(edgeAttr, edgeLab, e);

        EdgeData noLoops = Loops.removeSelfLoops(HostTensors.edgeIndex(src, dst), ea);
        EdgeData c = Coalesce.coalesce(noLoops.edgeIndex(), noLoops.edgeAttr(), n);
        long[] row = HostTensors.edgeRow(c.edgeIndex(), 0);
        long[] col = HostTensors.edgeRow(c.edgeIndex(), 1);

        List<Graph> graphs = new ArrayList<>(numGraphs);
        int node0 = 0;
        int edge0 = 0;
        for (int gi = 0; gi < numGraphs; gi++) {
            int node1 = node0;
            while (node1 < n && batch[node1] == gi) node1++;
            int edge1 = edge0;
            while (edge1 < row.length && batch[(int) row[edge1]] == gi) edge1++;
            long[] s = new long[edge1 - edge0];
            long[] t = new long[edge1 - edge0];
            for (int k = edge0; k < edge1; k++) {
                s[k - edge0] = row[k] - node0;
                t[k - edge0] = col[k] - node0;
            }
            graphs.add(Graph.builder(node1 - node0, HostTensors.edgeIndex(s, t)).name(name + "[" + gi + "]")
                    .x(x == null ? null : x.narrow(0, node0, node1 - node0).contiguous())
                    .edgeAttr(c.edgeAttr() == null ? null : c.edgeAttr().narrow(0, edge0, edge1 - edge0).contiguous())
                    .y(HostTensors.longs(new long[] {y[gi]}, 1))
                    .build());
            node0 = node1;
            edge0 = edge1;
        }
        return new TuDataset(name, graphs, classes.length, nodeLab.width(), nodeAttr.width(), edgeLab.width(), edgeAttr.width());
    }

    /**
     * Whether DIR holds NAME_A.txt.
     *
     * @param dir the folder
     * @param name the file prefix
     * @return whether the edge file exists
     */
    public static boolean exists(Path dir, String name) {
        return Files.isRegularFile(dir.resolve(name + "_A.txt"));
    }
}
