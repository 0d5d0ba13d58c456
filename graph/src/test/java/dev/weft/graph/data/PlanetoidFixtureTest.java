package dev.weft.graph.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.graph.Graph;
import dev.weft.graph.GraphAssert;
import dev.weft.nn.data.DataFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small Planetoid-like set written in both formats: 503 labelled-pool nodes (2 of them the training set),
 * test ids 506, 503, 507, 504 (unsorted, 505 missing: CiteSeer's padding case), 2 features, 3 classes.
 * Both readers must give the same graph; the text reader's malformed inputs fail with file:line.
 */
class PlanetoidFixtureTest {
    static final int A = 503;
    static final long[] TEST = {506, 503, 507, 504};
    static final int N = 508;

    static float[] features(int node) {
        return new float[] {node % 3 == 0 ? 1 : 0, node % 5 == 0 ? 2 : 0};
    }

    static int label(int node) {
        return node % 3;
    }

    static void writeRaw(Path raw) throws IOException {
        Files.createDirectories(raw);
        double[] allx = new double[A * 2];
        double[] ally = new double[A * 3];
        for (int v = 0; v < A; v++) {
            allx[2 * v] = features(v)[0];
            allx[2 * v + 1] = features(v)[1];
            ally[3 * v + label(v)] = 1;
        }
        double[] tx = new double[TEST.length * 2];
        double[] ty = new double[TEST.length * 3];
        for (int i = 0; i < TEST.length; i++) { // tx row i belongs to node TEST[i]
            int v = (int) TEST[i];
            tx[2 * i] = features(v)[0];
            tx[2 * i + 1] = features(v)[1];
            ty[3 * i + label(v)] = 1;
        }
        Files.write(raw.resolve("ind.tiny.allx"), new PickleBytes().csr(A, 2, allx).done());
        Files.write(raw.resolve("ind.tiny.x"), new PickleBytes().csr(2, 2, java.util.Arrays.copyOf(allx, 4)).done());
        Files.write(raw.resolve("ind.tiny.tx"), new PickleBytes().csr(TEST.length, 2, tx).done());
        Files.write(raw.resolve("ind.tiny.ally"), new PickleBytes().ndarray("i4", new int[] {A, 3}, ally).done());
        Files.write(raw.resolve("ind.tiny.y"), new PickleBytes().ndarray("i4", new int[] {2, 3}, java.util.Arrays.copyOf(ally, 6)).done());
        Files.write(raw.resolve("ind.tiny.ty"), new PickleBytes().ndarray("i4", new int[] {TEST.length, 3}, ty).done());
        Map<Integer, int[]> adj = new LinkedHashMap<>();
        adj.put(0, new int[] {1, 506, 0}); // a self loop, removed
        adj.put(1, new int[] {0, 0});      // a duplicate, merged
        adj.put(506, new int[] {0, 507});
        adj.put(507, new int[] {506});
        Files.write(raw.resolve("ind.tiny.graph"), new PickleBytes().adjacency(adj).done());
        StringBuilder ti = new StringBuilder();
        for (long t : TEST) ti.append(t).append('\n');
        Files.writeString(raw.resolve("ind.tiny.test.index"), ti);
    }

    static void writeText(Path dir) throws IOException {
        StringBuilder f = new StringBuilder("# features\n");
        StringBuilder body = new StringBuilder();
        int nnz = 0;
        StringBuilder labels = new StringBuilder("# labels\n");
        for (int v = 0; v < N; v++) {
            boolean padded = v == 505;
            float[] x = padded ? new float[2] : features(v);
            for (int j = 0; j < 2; j++) {
                if (x[j] != 0) {
                    body.append(v).append(' ').append(j).append(' ').append(x[j]).append('\n');
                    nnz++;
                }
            }
            labels.append(padded ? -1 : label(v)).append('\n');
        }
        Files.writeString(dir.resolve("tiny.features"), f.append(N).append(" 2 ").append(nnz).append('\n').append(body));
        Files.writeString(dir.resolve("tiny.labels"), labels);
        Files.writeString(dir.resolve("tiny.edges"), "# edges\n0 1\n0 506\n506 507\n");
        StringBuilder split = new StringBuilder("train 0 1\nval");
        for (int v = 2; v < 502; v++) split.append(' ').append(v);
        Files.writeString(dir.resolve("tiny.split"), split.append("\ntest 503 504 506 507\n"));
    }

    @Test
    void bothFormatsGiveTheSameGraph(@TempDir Path dir) throws Exception {
        writeRaw(dir.resolve("raw"));
        writeText(dir);
        Graph raw = PlanetoidRaw.load(dir.resolve("raw"), "tiny");
        Graph text = PlanetoidText.load(dir, "tiny");
        GraphAssert.assertSameGraph(text, raw);
        assertEquals(N, raw.numNodes());
        assertEquals("1->0 506->0 0->1 0->506 507->506 506->507", GraphAssert.edges(raw.edgeIndex()), "sorted by target");
        assertEquals(-1, raw.y().get(505));
        assertEquals(label(506), (int) raw.y().get(506));
        assertEquals(0.0, raw.x().get(505, 0), "node 505 padded with zeros");
        assertEquals(0.0, raw.x().get(505, 1), "node 505 padded with zeros");
        assertEquals(features(506)[1], raw.x().get(506, 1));
        assertEquals(2, raw.trainMask().sum().itemLong());
        assertEquals(500, raw.valMask().sum().itemLong());
        assertTrue(!raw.testMask().toBooleanArray()[505]);
    }

    static String error(Path dir, String file, String content) throws IOException {
        writeText(dir);
        Files.writeString(dir.resolve(file), content);
        DataFileException e = assertThrows(DataFileException.class, () -> PlanetoidText.load(dir, "tiny"));
        return e.getMessage();
    }

    @Test
    void malformedTextNamesFileLineAndReason(@TempDir Path dir) throws Exception {
        assertEquals("tiny.edges:3: node 508 is outside [0, 508)", error(dir, "tiny.edges", "# c\n0 1\n2 508\n"));
        assertEquals("tiny.edges:2: expected 2 fields, got 3: \"0 1 2\"", error(dir, "tiny.edges", "# c\n0 1 2\n"));
        assertEquals("tiny.edges:1: node \"x\" is not an integer", error(dir, "tiny.edges", "x 1\n"));
        assertEquals("tiny.labels:2: expected " + N + " labels (one per node), got 2", error(dir, "tiny.labels", "0\n1\n"));
        assertEquals("tiny.features:2: header says 5 nonzeros, the file has 1", error(dir, "tiny.features", "3 2 5\n0 1 1.0\n"));
        assertEquals("tiny.features:2: value \"abc\" is not a number", error(dir, "tiny.features", "3 2 1\n0 1 abc\n"));
        assertEquals("tiny.split:2: expected train, val or test, got \"dev\"", error(dir, "tiny.split", "train 0\ndev 1\n"));
        assertEquals("tiny.split:1: node 9999 is outside [0, 508)", error(dir, "tiny.split", "train 9999\nval 1\ntest 2\n"));
    }

    @Test
    void inconsistentRawFilesAreRefused(@TempDir Path dir) throws Exception {
        writeRaw(dir);
        Files.writeString(dir.resolve("ind.tiny.test.index"), "506\n503\n507\n");
        var e = assertThrows(GraphDataException.class, () -> PlanetoidRaw.load(dir, "tiny"));
        assertEquals("ind.tiny.test.index: 3 test ids for 4 tx rows and 4 ty rows", e.getMessage());
        writeRaw(dir);
        Files.writeString(dir.resolve("ind.tiny.test.index"), "506\n503\nseven\n504\n");
        assertEquals("ind.tiny.test.index:3: test index \"seven\" is not an integer",
                assertThrows(DataFileException.class, () -> PlanetoidRaw.load(dir, "tiny")).getMessage());
        writeRaw(dir);
        Files.write(dir.resolve("ind.tiny.graph"), new PickleBytes().global("os", "system").done());
        assertTrue(assertThrows(DataFileException.class, () -> PlanetoidRaw.load(dir, "tiny")).getMessage()
                .startsWith("ind.tiny.graph: byte 2: opcode GLOBAL: global os.system is not allowed"));
    }
}
