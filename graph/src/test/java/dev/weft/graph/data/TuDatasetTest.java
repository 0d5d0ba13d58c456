package dev.weft.graph.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.graph.Graph;
import dev.weft.graph.GraphAssert;
import dev.weft.graph.GraphBatch;
import dev.weft.nn.data.DataFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TUDataset text format: a two-graph fixture in PyG's conventions, malformed inputs, and the real sets' counts. */
class TuDatasetTest {
    static void write(Path dir) throws Exception {
        // Graph 1: nodes 1-3, path 1-2-3 both ways plus a self loop and a duplicate; graph 2: nodes 4-5, 4 -> 5.
        Files.writeString(dir.resolve("T_A.txt"), "1, 2\n2, 1\n2, 3\n3, 2\n2, 2\n1, 2\n4, 5\n");
        Files.writeString(dir.resolve("T_graph_indicator.txt"), "1\n1\n1\n2\n2\n");
        Files.writeString(dir.resolve("T_graph_labels.txt"), "1\n-1\n");
        Files.writeString(dir.resolve("T_node_labels.txt"), "3\n5\n3\n4\n5\n");
        Files.writeString(dir.resolve("T_edge_labels.txt"), "0\n0\n1\n1\n0\n1\n0\n");
    }

    @Test
    void readsAsPyG(@TempDir Path dir) throws Exception {
        write(dir);
        TuDataset d = TuDataset.load(dir, "T");
        assertEquals(2, d.size());
        assertEquals(2, d.numClasses());
        assertEquals(3, d.numNodeLabels(), "labels 3..5 -> 0..2");
        assertEquals(2, d.numEdgeLabels());
        Graph g0 = d.get(0);
        assertEquals("0->1 1->0 1->2 2->1", GraphAssert.edges(g0.edgeIndex()), "loop removed, duplicate merged, sorted");
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1, 1, 0, 0}, g0.x().toFloatArray());
        // Edge (1,2) appears twice with labels 0 and 1: the one-hots are summed, as PyG's coalesce does.
        assertArrayEquals(new float[] {1, 1, 1, 0, 0, 1, 0, 1}, g0.edgeAttr().toFloatArray());
        assertArrayEquals(new long[] {1}, g0.y().toLongArray(), "label 1 -> class 1 (sorted: -1, 1)");
        Graph g1 = d.get(1);
        assertEquals("0->1", GraphAssert.edges(g1.edgeIndex()));
        assertArrayEquals(new long[] {0}, g1.y().toLongArray());
        GraphBatch b = GraphBatch.collate(d.graphs());
        assertArrayEquals(new long[] {1, 0}, b.graph().y().toLongArray());
    }

    static String error(Path dir, String file, String content) throws Exception {
        write(dir);
        Files.writeString(dir.resolve(file), content);
        return assertThrows(DataFileException.class, () -> TuDataset.load(dir, "T")).getMessage();
    }

    @Test
    void malformedInputNamesFileAndLine(@TempDir Path dir) throws Exception {
        assertEquals("T_A.txt:2: node 6 is outside [1, 6)", error(dir, "T_A.txt", "1, 2\n5, 6\n"));
        assertEquals("T_A.txt:1: expected 2 fields, got 3: \"1, 2, 3\"", error(dir, "T_A.txt", "1, 2, 3\n"));
        assertEquals("T_A.txt:1: edge (3, 4) joins graphs 1 and 2", error(dir, "T_A.txt", "3, 4\n"));
        assertEquals("T_node_labels.txt:4: expected 5 lines, got 4", error(dir, "T_node_labels.txt", "1\n2\n3\n4\n"));
        assertEquals("T_node_labels.txt:2: label \"a\" is not an integer", error(dir, "T_node_labels.txt", "1\na\n3\n4\n5\n"));
        assertEquals("T_graph_indicator.txt:3: graph id 1 after 2: nodes must be grouped by graph",
                error(dir, "T_graph_indicator.txt", "1\n2\n1\n2\n2\n"));
        assertEquals("T_graph_indicator.txt:5: graph id 3 but T_graph_labels.txt has 2 labels",
                error(dir, "T_graph_indicator.txt", "1\n1\n1\n2\n3\n"));
    }

    @Test
    void realSets() throws Exception {
        Path tu = SharedData.dir("tu");
        check(TuDataset.load(tu.resolve("MUTAG"), "MUTAG"), 188, 2, 7, 3371, 7442);
        check(TuDataset.load(tu.resolve("ENZYMES"), "ENZYMES"), 600, 6, 3, 19580, 74564);
        TuDataset imdb = TuDataset.load(tu.resolve("IMDB-BINARY"), "IMDB-BINARY");
        assertEquals(1000, imdb.size());
        assertTrue(imdb.get(0).x() == null, "no node labels: x is absent, as in PyG");
    }

    static void check(TuDataset d, int graphs, int classes, int nodeLabels, int nodes, int edges) {
        assertEquals(graphs, d.size());
        assertEquals(classes, d.numClasses());
        assertEquals(nodeLabels, d.numNodeLabels());
        GraphBatch b = GraphBatch.collate(d.graphs());
        assertEquals(nodes, b.graph().numNodes());
        assertEquals(edges, b.graph().numEdges());
        assertEquals(classes - 1, b.graph().y().max().itemLong());
        assertEquals(0, b.graph().y().min().itemLong());
    }
}
