package dev.weft.graph.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.graph.Graph;
import dev.weft.graph.GraphAssert;
import dev.weft.graph.utils.Undirected;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Cora and CiteSeer from both formats give the same graph, with PyG's counts (Cora: 2708 nodes, 10556
 * edges, 1433 features, 7 classes, 140/500/1000 split; CiteSeer: 3327, 9104, 3703, 6, 120/500/1000, and
 * its 15 isolated test-range nodes with label -1 and zero features).
 */
class PlanetoidRealDataTest {
    static void check(String name, int n, int e, int f, int classes, int train, int minusOne) throws Exception {
        Path dir = SharedData.dir("planetoid/" + name);
        Graph text = PlanetoidText.load(dir, name);
        Graph raw = PlanetoidRaw.load(dir.resolve("raw"), name);
        assertEquals(n, raw.numNodes());
        assertEquals(e, raw.numEdges());
        assertArrayEquals(new int[] {n, f}, raw.x().shape());
        assertTrue(Undirected.isUndirected(raw.edgeIndex()));
        assertEquals(classes - 1, raw.y().max().itemLong());
        long[] y = raw.y().toLongArray();
        int neg = 0;
        for (long v : y) if (v == -1) neg++;
        assertEquals(minusOne, neg);
        assertEquals(train, raw.trainMask().sum().itemLong());
        assertEquals(500, raw.valMask().sum().itemLong());
        assertEquals(1000, raw.testMask().sum().itemLong());
        GraphAssert.assertSameGraph(text, raw);
    }

    @Test
    void cora() throws Exception {
        check("cora", 2708, 10556, 1433, 7, 140, 0);
    }

    @Test
    void citeseer() throws Exception {
        check("citeseer", 3327, 9104, 3703, 6, 120, 15);
    }
}
