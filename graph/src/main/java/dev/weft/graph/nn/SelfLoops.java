package dev.weft.graph.nn;

import dev.weft.tensor.Tensor;

/** Self-loop edits of an edge index the layers need (PyG's remove_self_loops + add_self_loops). */
final class SelfLoops {
    private SelfLoops() {}

    /** The edges without self loops, then one loop per node 0..n-1 (I64 (2, E')). */
    static Tensor replace(Tensor edgeIndex, int n) {
        long[] e = edgeIndex.contiguous().toLongArray();
        int m = edgeIndex.size(1), kept = 0;
        for (int p = 0; p < m; p++) if (e[p] != e[m + p]) kept++;
        long[] out = new long[2 * (kept + n)];
        int w = kept + n;
        for (int p = 0, q = 0; p < m; p++) {
            if (e[p] != e[m + p]) {
                out[q] = e[p];
                out[w + q++] = e[m + p];
            }
        }
        for (int i = 0; i < n; i++) {
            out[kept + i] = i;
            out[w + kept + i] = i;
        }
        return Tensor.of(out).reshape(2, w);
    }
}
