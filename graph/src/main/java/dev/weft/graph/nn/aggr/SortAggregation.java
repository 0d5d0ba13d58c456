package dev.weft.graph.nn.aggr;

import dev.weft.nn.OptionChecks;
import dev.weft.tensor.Tensor;

/**
 * The SortPool readout of Zhang et al., "An End-to-End Deep Learning Architecture for Graph Classification" (PyG's
 * SortAggregation): each graph's nodes sorted by their last feature channel, descending (ties in node order), the
 * first k kept, graphs with fewer than k nodes padded with zero rows, flattened: out (B, k * F). The sort is on
 * the values (no gradient through the order); the kept rows are gathered, so gradients reach x.
 */
public final class SortAggregation extends Aggregation {
    private final int k;

    /**
     * SortPool keeping k nodes per graph.
     *
     * @param k the number of nodes kept, at least 1
     */
    public SortAggregation(int k) {
        this.k = OptionChecks.atLeast("SortAggregation", "k", k, 1);
    }

    /**
     * One row per graph (size, k * F): x (N, F), batch (N) in [0, size) or null (one graph).
     *
     * @param x node features (N, F)
     * @param batch the graph of each node (N), or null
     * @param size the number of graphs B
     * @return the sorted, padded, flattened rows (B, k * F)
     */
    public Tensor forward(Tensor x, Tensor batch, int size) {
        Batches.features(reprName(), x, -1);
        Batches.Grouped g = Batches.of(reprName(), batch, x.size(0), size);
        return aggregate(x.indexSelect(0, g.perm()), g.rowPtr(), g.size());
    }

    @Override
    public Tensor aggregate(Tensor x, Tensor rowPtr, int numDst) {
        Batches.features(reprName(), x, -1);
        int n = x.size(0), f = x.size(1);
        double[] key = x.detach().select(1, f - 1).contiguous().to(dev.weft.tensor.core.DType.F64).toDoubleArray();
        long[] ptr = rowPtr.toLongArray();
        long[] pick = new long[numDst * k];
        java.util.Arrays.fill(pick, n);                                                   // row n: the zero padding row
        for (int b = 0; b < numDst; b++) {
            int lo = (int) ptr[b], cnt = (int) (ptr[b + 1] - ptr[b]);
            Integer[] order = new Integer[cnt];
            for (int i = 0; i < cnt; i++) order[i] = lo + i;
            java.util.Arrays.sort(order, (p, q) -> Double.compare(key[q], key[p]));       // stable: ties keep node order
            for (int i = 0; i < Math.min(k, cnt); i++) pick[b * k + i] = order[i];
        }
        Tensor padded = Tensor.cat(new Tensor[] {x, Tensor.zeros(x.dtype(), 1, f)}, 0);
        return padded.indexSelect(0, Tensor.of(pick)).reshape(numDst, k * f);
    }

    @Override
    public int outputWidth(int inputWidth) {
        return k * inputWidth;
    }

    @Override
    protected String extraRepr() {
        return "k=" + k;
    }
}
