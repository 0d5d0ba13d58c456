package dev.weft.nn.kan;

import dev.weft.autograd.GradMode;
import dev.weft.nn.kan.symbolic.SymbolicKANLayer;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * pykan's prune_node and prune_edge over {@link KanAttribution} scores: which hidden nodes stay (score &gt; threshold),
 * the masking of the rest, and the smaller model made of the kept rows and columns of every layer.
 */
final class KanPruning {
    private KanPruning() {}

    static KAN pruneNode(KAN m, KanAttribution a, double threshold) {
        int depth = m.depth();
        int[] width = m.width();
        int[][] keep = new int[depth + 1][];
        keep[0] = all(width[0]);
        keep[depth] = all(width[depth]);
        for (int l = 1; l < depth; l++) {
            double[] score = a.nodeScores().get(l).toDoubleArray();
            keep[l] = above(score, threshold);
            if (keep[l].length == 0) {
                throw new IllegalArgumentException("KAN.pruneNode: threshold " + threshold + " removes every node of layer " + l
                        + " (scores " + Arrays.toString(score) + ")");
            }
        }
        for (int l = 1; l < depth; l++) {
            boolean[] kept = new boolean[width[l]];
            for (int i : keep[l]) kept[i] = true;
            for (int i = 0; i < width[l]; i++) if (!kept[i]) m.removeNode(l, i);
        }
        List<KANLayer> layers = new ArrayList<>();
        List<SymbolicKANLayer> symbolic = new ArrayList<>();
        int[] newWidth = new int[depth + 1];
        for (int l = 0; l <= depth; l++) newWidth[l] = keep[l].length;
        for (int l = 0; l < depth; l++) {
            layers.add(m.layer(l).subset(keep[l], keep[l + 1]));
            symbolic.add(m.symbolic(l).subset(keep[l], keep[l + 1]));
        }
        return KAN.fromLayers(m.options().withWidth(newWidth), layers, symbolic);
    }

    static void pruneEdge(KAN m, KanAttribution a, double threshold) {
        try (var s = GradMode.noGrad()) {
            for (int l = 0; l < m.depth(); l++) {
                Tensor mask = m.layer(l).mask();
                Tensor alive = a.edgeScores().get(l).gt(threshold).t().to(mask.dtype());           // (in, out)
                mask.copy_(mask.mul(alive));
            }
        }
    }

    private static int[] all(int n) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) ids[i] = i;
        return ids;
    }

    private static int[] above(double[] score, double threshold) {
        return java.util.stream.IntStream.range(0, score.length).filter(i -> score[i] > threshold).toArray();
    }
}
