package dev.weft.graph.data;

import dev.weft.graph.Graph;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Planetoid citation graphs (Cora, CiteSeer, PubMed) from the plain-text conversion in DIR/NAME.*:
 * NAME.features ("nodes features nnz" header, then "node feature value" triplets), NAME.edges ("u v" per
 * undirected edge), NAME.labels (one class per node, -1 = none), NAME.split ("train|val|test id ...").
 * '#' lines are comments. The graph equals {@link PlanetoidRaw}'s: both directions of every edge, self
 * loops removed, coalesced and sorted by target as PyG's Planetoid. Malformed input: file:line and why.
 */
public final class PlanetoidText {
    private PlanetoidText() {}

    /**
     * Reads DIR/NAME.*.
     *
     * @param dir the folder of the text files
     * @param name the data set, such as "Cora"
     * @return the graph with x, y and the train/val/test masks
     * @throws IOException if a file can not be read or is malformed
     */
    public static Graph load(Path dir, String name) throws IOException {
        TextLines feat = TextLines.read(dir.resolve(name + ".features"), true);
        if (feat.size() == 0) throw feat.fileError("no \"nodes features nnz\" header");
        String[] h = feat.fields(0, 3, false);
        int n = (int) feat.integer(0, h[0], "node count", 0, Integer.MAX_VALUE);
        int f = (int) feat.integer(0, h[1], "feature count", 0, Integer.MAX_VALUE);
        long nnz = feat.integer(0, h[2], "nonzero count", 0, Long.MAX_VALUE);
        if ((long) n * f > Integer.MAX_VALUE) throw feat.error(0, n + " x " + f + " features are too many for a dense matrix");
        if (feat.size() - 1 != nnz) throw feat.fileError("header says " + nnz + " nonzeros, the file has " + (feat.size() - 1));
        float[] x = new float[n * f];
        for (int i = 1; i < feat.size(); i++) {
            String[] t = feat.fields(i, 3, false);
            int node = (int) feat.integer(i, t[0], "node", 0, n);
            int col = (int) feat.integer(i, t[1], "feature", 0, f);
            x[node * f + col] += (float) feat.number(i, t[2], "value");
        }

        TextLines lab = TextLines.read(dir.resolve(name + ".labels"), true);
        if (lab.size() != n) throw lab.fileError("expected " + n + " labels (one per node), got " + lab.size());
        long[] y = new long[n];
        for (int i = 0; i < n; i++) y[i] = lab.integer(i, lab.fields(i, 1, false)[0], "label", -1, Integer.MAX_VALUE);

        TextLines edges = TextLines.read(dir.resolve(name + ".edges"), true);
        int e = edges.size();
        long[] src = new long[2 * e];
        long[] dst = new long[2 * e];
        for (int i = 0; i < e; i++) {
            String[] t = edges.fields(i, 2, false);
            src[i] = dst[e + i] = edges.integer(i, t[0], "node", 0, n);
            dst[i] = src[e + i] = edges.integer(i, t[1], "node", 0, n);
        }

        TextLines split = TextLines.read(dir.resolve(name + ".split"), true);
        boolean[][] masks = new boolean[3][n];
        boolean[] seen = new boolean[3];
        for (int i = 0; i < split.size(); i++) {
            String[] t = split.fields(i, -1, false);
            int which = switch (t[0]) {
                case "train" -> 0;
                case "val" -> 1;
                case "test" -> 2;
                default -> throw split.error(i, "expected train, val or test, got \"" + t[0] + "\"");
            };
            if (seen[which]) throw split.error(i, t[0] + " is listed twice");
            seen[which] = true;
            for (int k = 1; k < t.length; k++) masks[which][(int) split.integer(i, t[k], "node", 0, n)] = true;
        }
        for (int k = 0; k < 3; k++) {
            if (!seen[k]) throw split.fileError("no " + new String[] {"train", "val", "test"}[k] + " line");
        }
        return PlanetoidAssembly.build(name, n, src, dst, x, f, y, masks[0], masks[1], masks[2]);
    }
}
