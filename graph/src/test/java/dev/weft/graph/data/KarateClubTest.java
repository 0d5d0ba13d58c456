package dev.weft.graph.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.graph.Graph;
import dev.weft.graph.GraphAssert;
import dev.weft.nn.data.DataFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KarateClubTest {
    @Test
    void fixture(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("karate.edges"), "# u v w\n0 1 4\n1 2 2\n");
        Files.writeString(dir.resolve("karate.labels"), "# clubs\n0\n0\n1\n");
        Graph g = KarateClub.load(dir);
        assertEquals("0->1 1->0 1->2 2->1", GraphAssert.edges(g.edgeIndex()));
        assertArrayEquals(new float[] {4, 4, 2, 2}, g.edgeWeight().toFloatArray());
        assertArrayEquals(new long[] {0, 0, 1}, g.y().toLongArray());
        assertArrayEquals(new int[] {3, 3}, g.x().shape());
        Files.writeString(dir.resolve("karate.edges"), "# u v w\n0 1 4\n1 3 2\n");
        assertEquals("karate.edges:3: node 3 is outside [0, 3)", assertThrows(DataFileException.class, () -> KarateClub.load(dir)).getMessage());
        Files.writeString(dir.resolve("karate.edges"), "0 1\n");
        assertEquals("karate.edges:1: expected 3 fields, got 2: \"0 1\"", assertThrows(DataFileException.class, () -> KarateClub.load(dir)).getMessage());
        Files.writeString(dir.resolve("karate.edges"), "0 1 w\n");
        assertEquals("karate.edges:1: weight \"w\" is not a number", assertThrows(DataFileException.class, () -> KarateClub.load(dir)).getMessage());
    }

    @Test
    void realData() throws Exception {
        Graph g = KarateClub.load(SharedData.dir("misc"));
        assertEquals(34, g.numNodes());
        assertEquals(154, g.numEdges(), "the file lists 77 undirected edges (its README says 78)");
        assertEquals(17, g.y().sum().itemLong(), "17 members follow the Officer");
    }
}
