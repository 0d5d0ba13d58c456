package dev.weft.nn.kan;

import dev.weft.autograd.GradMode;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Importance scores of a KAN's nodes and edges on a batch of samples (pykan's attribute(), the scores its pruning
 * reads). From the outputs back: every output node scores 1 / n_L, and for layer l (n_l -> n_{l+1})
 * <pre>
 *   edge[l][o, i] = std_b(postacts_l[b, o, i]) * node[l+1][o] / (std_b(out_l[b, o]) + 1e-4)
 *   node[l][i]    = sum_o edge[l][o, i]
 * </pre>
 * with sample standard deviations over the batch, postacts the edge activations (spline and symbolic branches)
 * and out_l the layer's output. pykan propagates a score per output (an identity matrix) and averages at the
 * end; the propagation is linear, so propagating the average is the same number.
 *
 * @param nodeScores per node layer l = 0..L, shape (n_l)
 * @param edgeScores per layer l = 0..L-1, shape (n_{l+1}, n_l): edge i -> o at [o, i], pykan's layout
 */
public record KanAttribution(List<Tensor> nodeScores, List<Tensor> edgeScores) {
    /** Copies both lists (unmodifiable). */
    public KanAttribution {
        nodeScores = List.copyOf(nodeScores);
        edgeScores = List.copyOf(edgeScores);
    }

    /** The scores from one forward pass with every edge's activation ({@link KAN#forwardActivations}). */
    static KanAttribution of(KAN.Activations acts) {
        int depth = acts.layers().size();
        List<Tensor> nodes = new ArrayList<>(), edges = new ArrayList<>();
        try (var s = GradMode.noGrad()) {
            Tensor y = acts.y();
            int nOut = y.size(1);
            Tensor node = Tensor.full(1.0 / nOut, y.dtype(), nOut);
            nodes.add(node);
            for (int l = depth - 1; l >= 0; l--) {
                Tensor edgeStd = acts.postacts(l).std(0);                                   // (out, in)
                Tensor outStd = acts.output(l).std(0).add(1e-4);                            // (out)
                Tensor edge = edgeStd.mul(node.div(outStd).unsqueeze(1));
                node = edge.sum(0);
                edges.add(edge);
                nodes.add(node);
            }
        }
        Collections.reverse(nodes);
        Collections.reverse(edges);
        return new KanAttribution(nodes, edges);
    }
}
