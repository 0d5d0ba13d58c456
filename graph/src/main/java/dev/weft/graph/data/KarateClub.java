package dev.weft.graph.data;

import dev.weft.graph.Graph;
import dev.weft.graph.HostTensors;
import dev.weft.graph.utils.Undirected;
import dev.weft.graph.utils.EdgeData;
import dev.weft.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Zachary's karate club from DIR/karate.edges ("u v weight", 0-based, each undirected edge once) and
 * DIR/karate.labels (one club per node, in order; '#' comments): 34 nodes, both
 * directions, coalesced), edge_weight the number of contexts, y the club (0 = Mr. Hi, 1 = Officer), and x
 * the identity (N, N) as PyG's KarateClub. (PyG's own labels are a 4-way modularity split; these are the
 * two clubs of the networkx data.)
 */
public final class KarateClub {
    private KarateClub() {}

    /**
     * Reads DIR/karate.edges and DIR/karate.labels.
     *
     * @param dir the folder of the two files
     * @return the 34-node graph
     * @throws IOException if a file can not be read or is malformed
     */
    public static Graph load(Path dir) throws IOException {
        TextLines lab = TextLines.read(dir.resolve("karate.labels"), true);
        int n = lab.size();
        long[] y = new long[n];
        for (int i = 0; i < n; i++) y[i] = lab.integer(i, lab.fields(i, 1, false)[0], "label", 0, Integer.MAX_VALUE);
        TextLines ed = TextLines.read(dir.resolve("karate.edges"), true);
        int e = ed.size();
        long[] s = new long[e];
        long[] t = new long[e];
        float[] w = new float[e];
        for (int i = 0; i < e; i++) {
            String[] f = ed.fields(i, 3, false);
            s[i] = ed.integer(i, f[0], "node", 0, n);
            t[i] = ed.integer(i, f[1], "node", 0, n);
            w[i] = (float) ed.number(i, f[2], "weight");
            if (s[i] == t[i]) throw ed.error(i, "self loop at node " + s[i]);
        }
        EdgeData d = Undirected.toUndirected(HostTensors.edgeIndex(s, t), HostTensors.floats(w, e), n, "max");
        return Graph.builder(n, d.edgeIndex()).name("karate").edgeWeight(d.edgeAttr())
                .x(Tensor.eye(n)).y(HostTensors.longs(y, n)).build();
    }
}
