package dev.weft.graph.nn.aggr;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.tensor.Segments;
import dev.weft.tensor.Tensor;

/**
 * The soft attention readout of Li et al., "Gated Graph Sequence Neural Networks" (PyG's AttentionalAggregation,
 * formerly GlobalAttention): r_i = sum_{n in segment i} softmax_n(h_gate(x_n)) * h_theta(x_n), the softmax taken
 * over each segment (graph); gate_nn maps (E, F) to (E, 1) or (E, F'), nn (optional, identity when null) to (E, F').
 * As a readout: forward(x, batch, size); as a message aggregation: aggregate(messages, rowPtr, numDst).
 */
public final class AttentionalAggregation extends Aggregation {
    private final boolean hasNn;

    /**
     * Attention with h_theta the identity.
     *
     * @param gateNn the module h_gate, (E, F) to (E, 1) or (E, F)
     */
    public AttentionalAggregation(Module gateNn) {
        this(gateNn, null);
    }

    /**
     * Attention with both modules (PyG's gate_nn and nn).
     *
     * @param gateNn the module h_gate, (E, F) to (E, 1) or (E, F')
     * @param nn the module h_theta, (E, F) to (E, F'), or null for the identity
     */
    public AttentionalAggregation(Module gateNn, Module nn) {
        registerModule("gate_nn", OptionChecks.nonNull("AttentionalAggregation", "gate_nn", gateNn));
        hasNn = nn != null;
        if (hasNn) registerModule("nn", nn);
    }

    /**
     * One row per graph (size, F'): x (N, F), batch (N) in [0, size) or null (one graph).
     *
     * @param x node features (N, F)
     * @param batch the graph of each node (N), or null
     * @param size the number of graphs B
     * @return one readout row per graph (B, F')
     */
    public Tensor forward(Tensor x, Tensor batch, int size) {
        Batches.features(reprName(), x, -1);
        Batches.Grouped g = Batches.of(reprName(), batch, x.size(0), size);
        return aggregate(x.indexSelect(0, g.perm()), g.rowPtr(), g.size());
    }

    @Override
    public Tensor aggregate(Tensor x, Tensor rowPtr, int numDst) {
        Tensor gate = child("gate_nn").forward(x);
        Tensor h = hasNn ? child("nn").forward(x) : x;
        if (gate.dim() != 2 || gate.size(0) != x.size(0) || (gate.size(1) != 1 && gate.size(1) != h.size(1))) {
            throw new IllegalArgumentException(this + ": gate_nn gives " + dev.weft.tensor.core.Shape.format(gate.shape()) + ", expected ("
                    + x.size(0) + ", 1) or (" + x.size(0) + ", " + h.size(1) + ")");
        }
        return Segments.segment(Segments.softmax(gate, rowPtr).mul(h), rowPtr, "sum");
    }

    @Override
    protected String extraRepr() {
        return "gate_nn=" + child("gate_nn") + ", nn=" + (hasNn ? child("nn") : "None");
    }
}
