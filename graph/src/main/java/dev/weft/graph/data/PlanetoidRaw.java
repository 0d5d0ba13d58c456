package dev.weft.graph.data;

import dev.weft.graph.Graph;
import dev.weft.graph.data.pickle.PickleArrays;
import dev.weft.graph.data.pickle.PickleArrays.Dense;
import dev.weft.graph.data.pickle.PickleReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Planetoid from the original files PyG downloads, RAW/ind.NAME.{x,tx,allx,y,ty,ally,graph,test.index}
 * (Python 2 pickles read by the strict {@link PickleReader}, and a text list), assembled as PyG's
 * read_planetoid_data: x = [allx; tx] and y = argmax [ally; ty], then row test_index[i] takes row
 * sorted(test_index)[i]; where the test ids have gaps (CiteSeer's 15 isolated test nodes) tx / ty are padded
 * with zero rows first, and a padded node gets label -1 (PyG's argmax would say 0); train = the first |y|
 * nodes, val = the next 500, test = test_index; edges from the adjacency dict, self loops removed, coalesced
 * sorted by target.
 */
public final class PlanetoidRaw {
    private PlanetoidRaw() {}

    /**
     * Reads RAW/ind.NAME.*.
     *
     * @param rawDir the folder of PyG's raw files
     * @param name the data set, such as "cora" (the file infix)
     * @return the graph with x, y and the train/val/test masks
     * @throws IOException if a file can not be read or is malformed
     */
    public static Graph load(Path rawDir, String name) throws IOException {
        String p = "ind." + name.toLowerCase(java.util.Locale.ROOT) + ".";
        Dense allx = dense(rawDir, p + "allx");
        Dense tx = dense(rawDir, p + "tx");
        Dense ally = dense(rawDir, p + "ally");
        Dense ty = dense(rawDir, p + "ty");
        Dense y = dense(rawDir, p + "y");
        Dense x = dense(rawDir, p + "x");
        String gname = p + "graph";
        Map<Long, long[]> adj = PickleArrays.adjacency(PickleReader.read(Files.readAllBytes(rawDir.resolve(gname)), gname), gname);

        TextLines ti = TextLines.read(rawDir.resolve(p + "test.index"), false);
        long[] test = new long[ti.size()];
        for (int i = 0; i < test.length; i++) test[i] = ti.integer(i, ti.fields(i, 1, false)[0], "test index", 0, Integer.MAX_VALUE);
        int f = allx.cols();
        int c = ally.cols();
        check(tx.cols() == f && x.cols() == f, p + "tx", "feature widths differ: allx " + f + ", tx " + tx.cols() + ", x " + x.cols());
        check(ty.cols() == c && y.cols() == c, p + "ty", "class counts differ: ally " + c + ", ty " + ty.cols() + ", y " + y.cols());
        check(tx.rows() == test.length && ty.rows() == test.length, p + "test.index",
                test.length + " test ids for " + tx.rows() + " tx rows and " + ty.rows() + " ty rows");
        check(ally.rows() == allx.rows(), p + "ally", ally.rows() + " rows for " + allx.rows() + " allx rows");
        check(test.length > 0, p + "test.index", "no test ids");
        long[] sorted = test.clone();
        Arrays.sort(sorted);
        int a = allx.rows();
        long min = sorted[0];
        for (int i = 1; i < sorted.length; i++) check(sorted[i] != sorted[i - 1], p + "test.index", "test id " + sorted[i] + " repeats");
        check(min == a, p + "test.index", "test ids start at " + min + ", not right after the " + a + " allx rows");
        int n = a + (int) (sorted[sorted.length - 1] - min + 1);

        // old = [allx; tx_ext]; tx_ext[sorted[i] - min] = tx[i] (zero rows / label -1 elsewhere).
        float[] oldX = new float[n * f];
        long[] oldY = new long[n];
        System.arraycopy(allx.data(), 0, oldX, 0, a * f);
        for (int r = 0; r < a; r++) oldY[r] = argmax(ally, r);
        Arrays.fill(oldY, a, n, -1);
        for (int i = 0; i < test.length; i++) {
            int to = (int) sorted[i];
            System.arraycopy(tx.data(), i * f, oldX, to * f, f);
            oldY[to] = argmax(ty, i);
        }
        // x[test_index] = x[sorted_test_index]
        float[] xs = oldX.clone();
        long[] ys = oldY.clone();
        for (int i = 0; i < test.length; i++) {
            System.arraycopy(oldX, (int) sorted[i] * f, xs, (int) test[i] * f, f);
            ys[(int) test[i]] = oldY[(int) sorted[i]];
        }
        boolean[] train = new boolean[n];
        boolean[] val = new boolean[n];
        boolean[] testMask = new boolean[n];
        check(y.rows() + 500 <= n, p + "y", y.rows() + " training rows + 500 validation nodes exceed " + n + " nodes");
        for (int i = 0; i < y.rows(); i++) train[i] = true;
        for (int i = y.rows(); i < y.rows() + 500; i++) val[i] = true;
        for (long t : test) testMask[(int) t] = true;

        int e = 0;
        for (long[] nb : adj.values()) e += nb.length;
        long[] src = new long[e];
        long[] dst = new long[e];
        int k = 0;
        for (Map.Entry<Long, long[]> en : adj.entrySet()) {
            long u = en.getKey();
            check(u >= 0 && u < n, gname, "node " + u + " is outside [0, " + n + ")");
            for (long v : en.getValue()) {
                check(v >= 0 && v < n, gname, "neighbour " + v + " of node " + u + " is outside [0, " + n + ")");
                src[k] = u;
                dst[k++] = v;
            }
        }
        return PlanetoidAssembly.build(name, n, src, dst, xs, f, ys, train, val, testMask);
    }

    private static Dense dense(Path dir, String file) throws IOException {
        return PickleArrays.dense(PickleReader.read(Files.readAllBytes(dir.resolve(file)), file), file);
    }

    // torch.max(dim=1)[1]: the first largest entry.
    private static long argmax(Dense m, int r) {
        int best = 0;
        for (int j = 1; j < m.cols(); j++) if (m.get(r, j) > m.get(r, best)) best = j;
        return best;
    }

    private static void check(boolean ok, String file, String reason) throws IOException {
        if (!ok) throw new GraphDataException(file, reason);
    }
}
