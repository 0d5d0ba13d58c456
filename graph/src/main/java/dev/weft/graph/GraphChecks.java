package dev.weft.graph;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

/** The validation every {@link Graph} passes on construction: dtypes, shapes, edge endpoints in range. */
final class GraphChecks {
    private GraphChecks() {}

    static void check(Graph g) {
        String who = "Graph '" + g.name() + "'";
        int n = g.numNodes();
        if (n < 0) throw new IllegalArgumentException(who + ": numNodes must be >= 0, got " + n);
        Tensor ei = g.edgeIndex();
        if (ei == null) throw new IllegalArgumentException(who + ": edgeIndex is null");
        if (ei.dtype() != DType.I64) throw new IllegalArgumentException(who + ": edgeIndex must be i64, got " + ei.dtype());
        if (ei.dim() != 2 || ei.size(0) != 2) {
            throw new IllegalArgumentException(who + ": edgeIndex must have shape (2, E), got " + Shape.format(ei.shape()));
        }
        int e = ei.size(1);
        long[] both = ei.contiguous().toLongArray();
        for (int r = 0; r < 2; r++) {
            for (int k = 0; k < e; k++) {
                long v = both[r * e + k];
                if (v < 0 || v >= n) {
                    throw new IllegalArgumentException(who + ": edgeIndex[" + r + "][" + k + "] = " + v + " ("
                            + (r == 0 ? "source" : "target") + " of edge " + k + ") is out of range [0, " + n + ")");
                }
            }
        }
        Tensor w = g.edgeWeight();
        if (w != null) {
            if (!w.dtype().isFloatingPoint()) throw new IllegalArgumentException(who + ": edgeWeight must be floating, got " + w.dtype());
            if (w.dim() != 1 || w.size(0) != e) {
                throw new IllegalArgumentException(who + ": edgeWeight must have shape (" + e + ",), got " + Shape.format(w.shape()));
            }
        }
        Tensor a = g.edgeAttr();
        if (a != null && (a.dim() != 2 || a.size(0) != e)) {
            throw new IllegalArgumentException(who + ": edgeAttr must have shape (" + e + ", D), got " + Shape.format(a.shape()));
        }
        Tensor x = g.x();
        if (x != null && (x.dim() != 2 || x.size(0) != n)) {
            throw new IllegalArgumentException(who + ": x must have shape (" + n + ", F), got " + Shape.format(x.shape()));
        }
        mask(who, "trainMask", g.trainMask(), n);
        mask(who, "valMask", g.valMask(), n);
        mask(who, "testMask", g.testMask(), n);
    }

    private static void mask(String who, String what, Tensor m, int n) {
        if (m == null) return;
        if (m.dtype() != DType.BOOL) throw new IllegalArgumentException(who + ": " + what + " must be bool, got " + m.dtype());
        if (m.dim() != 1 || m.size(0) != n) {
            throw new IllegalArgumentException(who + ": " + what + " must have shape (" + n + ",), got " + Shape.format(m.shape()));
        }
    }
}
