package dev.weft.nn.moe;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

import java.util.List;

/**
 * Sparse dispatch (Shazeer et al. 2017, sec. 3.1): group the batch rows by expert, run each expert once on its
 * rows, and add the outputs back weighted by the gates,
 * <pre>  y_n = sum_{i : kept(n, i)} G(x_n)_i E_i(x_n)  </pre>
 * with gather/scatter ops only (a loop over experts, never over rows): rows_i = nonzero(kept[:, i]), then
 * x.indexSelect(0, rows_i), and y.indexAdd(0, rows_i, G[rows_i, i] * E_i(x[rows_i])). Gradients reach the experts,
 * the gates and x through those ops.
 *
 * <p>Capacity (GShard/Switch's token dropping): an expert takes at most {@code capacity} rows, the first ones in
 * batch order; a row's assignment past that is dropped (its term is left out, the other terms are not
 * re-normalized). capacity 0 means unlimited.
 */
public final class ExpertDispatch {
    private ExpertDispatch() {}

    // x: (N, C_in), gates: (N, E), topIndices: (N, k) -> kept (N, E) bool
    /**
     * Which (row, expert) pairs run: the top-k picks, less those past each expert's capacity.
     *
     * @param gates the gates (N, E)
     * @param topIndices each row's top-k experts (N, k)
     * @param capacity the most rows per expert (0 = no limit)
     * @return kept (N, E), boolean
     */
    public static Tensor kept(Tensor gates, Tensor topIndices, int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("ExpertDispatch: capacity must be >= 0 (0 = unlimited), got " + capacity);
        int n = gates.size(0), e = gates.size(1);
        Tensor picked = Tensor.zeros(gates.dtype(), n, e).scatter(1, topIndices, 1.0);
        if (capacity > 0) {
            // 1-based arrival order of the row at its expert: rows past capacity are dropped
            Tensor position = picked.cumsum(0).mul(picked);
            picked = picked.mul(position.le((double) capacity).to(gates.dtype()));
        }
        return picked.gt(0.0);
    }

    // x: (N, C_in), gates: (N, E), kept: (N, E) bool -> (N, C_out)
    /**
     * y = sum over kept pairs of gate * expert(row); each expert runs once, on its gathered rows.
     *
     * @param x the rows (N, C_in)
     * @param gates the gates (N, E)
     * @param kept the pairs that run (N, E), boolean
     * @param experts the E experts, each mapping (n, C_in) to (n, outFeatures)
     * @param outFeatures C_out
     * @return y (N, C_out)
     */
    public static Tensor combine(Tensor x, Tensor gates, Tensor kept, List<? extends Module> experts, int outFeatures) {
        int n = x.size(0), e = gates.dim() == 2 ? gates.size(1) : -1;
        if (gates.dim() != 2 || gates.size(0) != n || e != experts.size() || !java.util.Arrays.equals(kept.shape(), gates.shape())) {
            throw new IllegalArgumentException("ExpertDispatch.combine: x " + Shape.format(x.shape()) + ", gates " + Shape.format(gates.shape())
                    + ", kept " + Shape.format(kept.shape()) + ", " + experts.size() + " experts: expected gates and kept (N, E)");
        }
        Tensor y = Tensor.zeros(x.dtype(), n, outFeatures);
        for (int i = 0; i < e; i++) {
            Tensor rows = kept.select(1, i).nonzero().reshape(-1);
            int m = rows.size(0);
            if (m == 0) continue;
            Tensor out = experts.get(i).forward(x.indexSelect(0, rows));
            if (out.dim() != 2 || out.size(0) != m || out.size(1) != outFeatures) {
                throw new IllegalArgumentException("ExpertDispatch: expert " + i + " (" + experts.get(i).reprName() + ") maps "
                        + Shape.format(new int[] {m, x.size(1)}) + " to " + Shape.format(out.shape()) + ", expected (" + m + ", "
                        + outFeatures + ")");
            }
            Tensor g = gates.select(1, i).indexSelect(0, rows).unsqueeze(1);
            y = y.indexAdd(0, rows, out.mul(g));
        }
        return y;
    }
}
