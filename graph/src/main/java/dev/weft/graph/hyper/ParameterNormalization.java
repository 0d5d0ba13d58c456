package dev.weft.graph.hyper;

import dev.weft.graph.arch.ArchGraph;
import dev.weft.graph.arch.OpType;
import dev.weft.tensor.Tensor;

/**
 * GHN-2's operation-dependent normalization of predicted parameters (Knyazev et al. 2021, Sec. 4, "parameter
 * normalization"; ppuda's {@code _normalize}), which puts them at the scale of a standard init so the predicted
 * network's activations neither explode nor vanish whatever its depth and widths:
 * <pre>
 *   weight (C_out, C_in, ...):  w = p * sqrt(beta / fan_in),  fan_in = C_in * K * K   (He's fan-in init)
 *   norm scale (C):             w = 2 sigmoid(0.5 p)          in (0, 2)
 *   bias (C):                   w = tanh(0.2 p)               in (-1, 1)
 * </pre>
 * beta = 2 (He's ReLU gain squared) when the layer feeds a ReLU-like activation (relu, gelu, silu; read from the
 * graph, past the layer's own bias and norm nodes), else 1. (ppuda guesses beta from the tensor's shape; the graph
 * says it.)
 */
public final class ParameterNormalization {
    private ParameterNormalization() {}

    // p: the node's parameter shape -> same shape
    /**
     * The normalized parameter of node {@code v} of {@code graph}.
     *
     * @param p the predicted raw parameter, of the node's parameter shape
     * @param graph the architecture graph
     * @param v the parameter node
     * @return the normalized parameter, same shape
     */
    public static Tensor apply(Tensor p, ArchGraph graph, int v) {
        OpType op = graph.node(v).op();
        return switch (op) {
            case LINEAR, CONV2D -> p.mul(Math.sqrt(beta(graph, v) / (p.numel() / (double) p.size(0))));
            case BATCH_NORM -> p.mul(0.5).sigmoid().mul(2);
            case BIAS -> p.mul(0.2).tanh();
            default -> throw new IllegalArgumentException("ParameterNormalization: node " + v + " (" + op.label() + ") holds no parameter");
        };
    }

    /** beta of node v: 2 when the chain after it (past bias and norm nodes) reaches a relu, gelu or silu, else 1. */
    static double beta(ArchGraph graph, int v) {
        int u = v;
        while (true) {
            int[] next = graph.successors(u);
            if (next.length != 1) return 1;
            OpType op = graph.node(next[0]).op();
            if (op == OpType.RELU || op == OpType.GELU || op == OpType.SILU) return 2;
            if (op != OpType.BIAS && op != OpType.BATCH_NORM) return 1;
            u = next[0];
        }
    }
}
