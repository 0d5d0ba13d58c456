package dev.weft.graph.nn.aggr;

import dev.weft.nn.layers.Linear;
import dev.weft.nn.rnn.GRUCell;
import dev.weft.tensor.Tensor;

/**
 * The learnable commutative monoid aggregator (Ong and Veličković, "Learnable Commutative Monoids for Graph
 * Neural Networks", PyG's LCMAggregation): each target's messages (optionally projected, relu(lin(m)), in ->
 * out) are padded with zeros to the largest in-degree D and combined pairwise by a learned commutative binary
 * operator, (GRU(l, r) + GRU(r, l)) / 2 with a GRU cell (input, hidden), as a balanced binary tree of depth
 * ceil(log2 D): O(log D) sequential steps, each one GRU call over all pairs of all targets. An odd element at a
 * level moves up unchanged.
 */
public final class LCMAggregation extends Aggregation {
    private final int in, out;
    private final boolean project;

    /**
     * PyG's LCMAggregation(in_channels, out_channels, project).
     *
     * @param in the message width
     * @param out the output width
     * @param project whether messages go through relu(lin(m)) first; needed when in differs from out
     * @throws IllegalArgumentException if in differs from out without project
     */
    public LCMAggregation(int in, int out, boolean project) {
        if (!project && in != out) throw new IllegalArgumentException("LCMAggregation: in " + in + " != out " + out + " needs project = true");
        this.in = in;
        this.out = out;
        this.project = project;
        if (project) registerModule("lin", new Linear(in, out));
        registerModule("gru_cell", new GRUCell(out, out));
    }

    @Override
    public Tensor aggregate(Tensor m, Tensor rowPtr, int numDst) {
        if (m.dim() != 2 || m.size(1) != in) throw new IllegalArgumentException(this + ": messages must be (E, " + in + ")");
        Tensor x = project ? child("lin").forward(m).relu() : m;
        long[] ptr = rowPtr.toLongArray();
        int maxDeg = 0;
        for (int i = 0; i < numDst; i++) maxDeg = (int) Math.max(maxDeg, ptr[i + 1] - ptr[i]);
        if (maxDeg == 0) return Tensor.zeros(x.dtype(), numDst, out);
        long[] slot = new long[(int) ptr[numDst]];                 // edge q -> (position in its target's list) * numDst + target
        for (int i = 0; i < numDst; i++) for (long q = ptr[i]; q < ptr[i + 1]; q++) slot[(int) q] = (q - ptr[i]) * numDst + i;
        Tensor dense = Tensor.zeros(x.dtype(), maxDeg * numDst, out).indexAdd(0, Tensor.of(slot), x).reshape(maxDeg, numDst, out);
        GRUCell op = (GRUCell) child("gru_cell");
        while (dense.size(0) > 1) {
            int n = dense.size(0), pairs = n / 2;
            Tensor left = dense.slice(0, 0, 2 * pairs, 2).reshape(pairs * numDst, out);
            Tensor right = dense.slice(0, 1, 2 * pairs, 2).reshape(pairs * numDst, out);
            Tensor both = op.forward(Tensor.cat(java.util.List.of(left, right), 0), Tensor.cat(java.util.List.of(right, left), 0));
            Tensor merged = both.reshape(2, pairs, numDst, out).mean(0, false);
            dense = n % 2 == 1 ? Tensor.cat(java.util.List.of(merged, dense.narrow(0, n - 1, 1)), 0) : merged;
        }
        return dense.reshape(numDst, out);
    }

    @Override
    public int outputWidth(int inputWidth) {
        return out;
    }

    @Override
    protected String extraRepr() {
        return in + ", " + out + ", project=" + project;
    }
}
