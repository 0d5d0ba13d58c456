package dev.weft.graph.nn;

import dev.weft.graph.utils.Loops;
import dev.weft.tensor.Tensor;

/** Small helpers the layers share for per-edge and per-node tensors. */
final class Messages {
    private Messages() {}

    /** A per-edge scalar (E) shaped (E, 1, ...) to broadcast against messages like m. */
    static Tensor perEdge(Tensor w, Tensor m) {
        int[] s = new int[m.dim()];
        java.util.Arrays.fill(s, 1);
        s[0] = w.size(0);
        return w.reshape(s);
    }

    /** PyG's remove_self_loops then add_self_loops: the edges without loops, then one loop per node 0..n-1. */
    static Tensor withSelfLoops(Tensor edgeIndex, int n) {
        return Loops.addSelfLoops(Loops.removeSelfLoops(edgeIndex, null).edgeIndex(), null, 1, n).edgeIndex();
    }

    /** Checks x is a floating (N, F) node feature matrix with F = want (want < 0: any). */
    static void nodeFeatures(Object layer, Tensor x, int want) {
        if (x.dim() != 2 || !x.dtype().isFloatingPoint() || (want >= 0 && x.size(1) != want)) {
            throw new IllegalArgumentException(layer + ": x must be a floating (N, " + (want >= 0 ? String.valueOf(want) : "F") + ") tensor, got "
                    + x.dtype() + " " + dev.weft.tensor.core.Shape.format(x.shape()));
        }
    }

    /** Aggregated messages h (N, H, C) to the output: heads concatenated (N, H C) or averaged (N, C), plus the bias. */
    static Tensor combineHeads(Tensor h, boolean concat, Tensor bias) {
        int n = h.size(0), heads = h.size(1), out = h.size(2);
        Tensor y = concat ? h.reshape(n, heads * out) : h.mean(1, false);
        return bias == null ? y : y.add(bias);
    }
}
