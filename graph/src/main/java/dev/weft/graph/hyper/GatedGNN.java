package dev.weft.graph.hyper;

import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.rnn.GRUCell;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

import java.util.List;

/**
 * GHN-2's gated graph network (Knyazev et al. 2021, Eq. 3-4, after Zhang et al. 2019): node states are updated one
 * node at a time in topological order (forward sweep), then in reverse order over the reversed edges (backward
 * sweep), T times. Node v's update reads its neighbours' current states, so information crosses the whole graph in
 * one sweep:
 * <pre>{@code
 *   m_v = sum_{u in N(v), s(u,v) = 1} MLP(h_u) + sum_{u : 1 <= s(u,v) <= cutoff} MLP_sp(h_u) / s(u,v)   (Eq. 4)
 *   h_v = GRUCell(m_v, h_v)                                                                          (Eq. 3)
 * }</pre>
 * N(v) is the predecessors in the forward sweep and the successors in the backward one; the second sum (virtual
 * edges weighted by the inverse shortest-path length) is on when {@code virtualEdges} is. MLP and MLP_sp are
 * Linear-ReLU-Linear-ReLU (C -> C or C/2 -> C); one GRU cell is shared by every node and both sweeps. Node p of
 * every graph in a batch is updated together.
 */
public final class GatedGNN extends Module {
    private final int features, steps;
    private final boolean virtualEdges;
    private final Sequential mlp, mlpSp;
    private final GRUCell gru;

    /**
     * C = {@code features} node state width; T = {@code steps} forward + backward sweeps.
     *
     * @param features the node state width C
     * @param virtualEdges whether the MLP_sp sum over virtual edges is on
     * @param steps the number T of forward + backward sweep pairs
     * @param g the generator for the weights
     */
    public GatedGNN(int features, boolean virtualEdges, int steps, Generator g) {
        if (features < 2) throw new IllegalArgumentException("GatedGNN: features must be >= 2, got " + features);
        if (steps < 1) throw new IllegalArgumentException("GatedGNN: steps must be >= 1, got " + steps);
        this.features = features;
        this.steps = steps;
        this.virtualEdges = virtualEdges;
        int mid = virtualEdges ? features / 2 : features;
        this.mlp = registerModule("mlp", mlp(features, mid, g));
        this.mlpSp = virtualEdges ? registerModule("mlp_sp", mlp(features, features / 2, g)) : null;
        this.gru = registerModule("gru", new GRUCell(GRUCell.options(features, features).generator(g)));
    }

    private static Sequential mlp(int c, int mid, Generator g) {
        return new Sequential(new Linear(c, mid, true, g), new ReLU(), new Linear(mid, c, true, g), new ReLU());
    }

    // x: (N, C) initial node states of the batch's union -> (N, C)
    /**
     * Runs T forward + backward sweeps over {@code batch}'s graphs.
     *
     * @param x the initial node states (N, C) of the batch's union
     * @param batch the graphs and their sweep schedules
     * @return the final node states (N, C)
     */
    public Tensor forward(Tensor x, ArchBatch batch) {
        if (x.dim() != 2 || x.size(0) != batch.numNodes() || x.size(1) != features) {
            throw new IllegalArgumentException("GatedGNN: x " + Shape.format(x.shape()) + " must be (N=" + batch.numNodes() + ", C="
                    + features + ")");
        }
        Tensor[] h = new Tensor[x.size(0)];
        for (int i = 0; i < h.length; i++) h[i] = x.select(0, i);
        for (int t = 0; t < steps; t++) {
            sweep(h, batch.forwardSteps(), x);
            sweep(h, batch.backwardSteps(), x);
        }
        return Tensor.stack(h, 0);
    }

    private void sweep(Tensor[] h, List<ArchBatch.Step> schedule, Tensor x) {
        for (ArchBatch.Step s : schedule) {
            Tensor m = Tensor.zeros(x.dtype(), s.nodes().length, features);
            int[] oneHop = java.util.stream.IntStream.range(0, s.dist().length).filter(k -> s.dist()[k] == 1).toArray();
            if (oneHop.length > 0) {
                Tensor from = rows(h, oneHop, s.source());
                m = m.indexAdd(0, Tensor.of(pick(s.slot(), oneHop)), mlp.forward(from));
            }
            if (virtualEdges && s.dist().length > 0) {
                int[] all = java.util.stream.IntStream.range(0, s.dist().length).toArray();
                double[] inv = new double[all.length];
                for (int k = 0; k < all.length; k++) inv[k] = 1.0 / s.dist()[k];
                Tensor w = Tensor.of(inv).to(x.dtype()).unsqueeze(1);
                m = m.indexAdd(0, Tensor.of(s.slot()), mlpSp.forward(rows(h, all, s.source())).mul(w));
            }
            Tensor hv = gru.forward(m, rows(h, null, s.nodes()));
            for (int j = 0; j < s.nodes().length; j++) h[(int) s.nodes()[j]] = hv.select(0, j);
        }
    }

    // the states h[ids[k]] for k in which (all k when null), stacked: (K, C)
    private static Tensor rows(Tensor[] h, int[] which, long[] ids) {
        int n = which == null ? ids.length : which.length;
        Tensor[] out = new Tensor[n];
        for (int k = 0; k < n; k++) out[k] = h[(int) ids[which == null ? k : which[k]]];
        return Tensor.stack(out, 0);
    }

    private static long[] pick(long[] a, int[] which) {
        long[] out = new long[which.length];
        for (int k = 0; k < which.length; k++) out[k] = a[which[k]];
        return out;
    }

    @Override
    protected String extraRepr() {
        return "features=" + features + ", virtualEdges=" + virtualEdges + ", steps=" + steps;
    }
}
