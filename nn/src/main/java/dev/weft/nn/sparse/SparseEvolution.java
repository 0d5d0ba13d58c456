package dev.weft.nn.sparse;

import dev.weft.autograd.GradMode;
import dev.weft.tensor.Generator;
import dev.weft.tensor.SparseTensor;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sparse evolutionary training (Mocanu et al. 2018, "Scalable Training of Artificial Neural Networks with Adaptive
 * Sparse Connectivity inspired by Network Science"): a layer starts as an Erdős–Rényi random graph between its
 * inputs and outputs, each connection present with probability
 * <pre>  p = epsilon (in + out) / (in * out)  </pre>
 * and after each epoch {@link #evolve} removes the share zeta of the positive weights closest to zero and the same
 * share of the negative ones, then adds as many new connections at random empty positions, so the number of
 * weights stays fixed while the topology moves towards the inputs that matter. Weights stay stored and computed
 * sparse ({@link SparseLinear}).
 */
public final class SparseEvolution {
    private SparseEvolution() {}

    /**
     * An Erdős–Rényi sparse layer: each of the in x out connections drawn with probability p above (capped at 1),
     * weights U(-b, b) with b = 1 / sqrt(p * in), PyTorch's Linear init for the expected fan-in p * in; bias as
     * Linear's, U(-1/sqrt(in), 1/sqrt(in)), when {@code bias}.
     *
     * @param in the input features, at least 1
     * @param out the output features, at least 1
     * @param epsilon SET's density parameter, above 0
     * @param bias whether the layer has a bias
     * @param g the generator of the connections and initial values
     * @return the sparse layer
     * @throws IllegalArgumentException when a size is below 1, epsilon is not positive or no connection was drawn
     */
    public static SparseLinear erdosRenyi(int in, int out, double epsilon, boolean bias, Generator g) {
        if (in < 1 || out < 1) throw new IllegalArgumentException("SparseEvolution.erdosRenyi: in and out must be >= 1, got " + in + ", " + out);
        if (!(epsilon > 0)) throw new IllegalArgumentException("SparseEvolution.erdosRenyi: epsilon must be > 0, got " + epsilon);
        double p = Math.min(1, epsilon * (in + out) / ((double) in * out));
        double[] u = Tensor.rand(g, DType.F64, out, in).toDoubleArray();
        long[] crow = new long[out + 1];
        List<Long> cols = new ArrayList<>();
        for (int r = 0; r < out; r++) {
            for (int c = 0; c < in; c++) if (u[r * in + c] < p) cols.add((long) c);
            crow[r + 1] = cols.size();
        }
        if (cols.isEmpty()) throw new IllegalArgumentException("SparseEvolution.erdosRenyi: p = " + p + " drew no connection");
        double b = 1 / Math.sqrt(p * in);
        Tensor values = Tensor.rand(g, cols.size()).mul(2 * b).sub(b);
        Tensor biasT = bias ? Tensor.rand(g, out).mul(2 / Math.sqrt(in)).sub(1 / Math.sqrt(in)) : null;
        long[] col = cols.stream().mapToLong(Long::longValue).toArray();
        return new SparseLinear(SparseTensor.csr(Tensor.of(crow), Tensor.of(col), values, out, in), biasT);
    }

    /**
     * What one {@link #evolve} did.
     *
     * @param removed the connections removed
     * @param added the connections added (as many as removed)
     * @param nnz the layer's weight count afterwards
     */
    public record Step(int removed, int added, int nnz) {}

    /**
     * SET's prune-and-regrow on {@code layer} in place: among the positive weights the share {@code zeta} closest
     * to zero goes, and the same among the negative ones (rounded down each); then as many connections are added
     * at empty positions drawn uniformly from {@code g}, their weights from the layer's init range
     * U(-b, b), b = 1 / sqrt(density * in). The values' tensor and the index buffers keep their sizes and identity
     * (an optimizer's references stay valid), but its per-element state no longer matches the moved
     * connections: create the optimizer afresh after each evolution, as SET's reference implementation does. A
     * fully connected layer (an Erdős–Rényi probability capped at 1, as a 1000-10 output layer at epsilon 20) is left
     * as it is: regrowing there would only redraw the weights it removed.
     *
     * @param layer the layer, changed in place
     * @param zeta the share of each sign's weights to remove, in [0, 1)
     * @param g the generator of the new positions and weights
     * @return what was removed and added
     * @throws IllegalArgumentException when zeta is outside [0, 1)
     */
    public static Step evolve(SparseLinear layer, double zeta, Generator g) {
        return evolve(layer, zeta, 1, g);
    }

    /**
     * The same with the new weights drawn from U(-s b, s b), {@code regrowScale} = s (at least 0) times the init range: 0
     * starts them at zero (as RigL regrows), 1 is SET's fresh draw from the init distribution.
     *
     * @param layer the layer, changed in place
     * @param zeta the share of each sign's weights to remove, in [0, 1)
     * @param regrowScale s, at least 0
     * @param g the generator of the new positions and weights
     * @return what was removed and added
     * @throws IllegalArgumentException when zeta is outside [0, 1) or regrowScale is negative
     */
    public static Step evolve(SparseLinear layer, double zeta, double regrowScale, Generator g) {
        if (!(regrowScale >= 0)) throw new IllegalArgumentException("SparseEvolution.evolve: regrowScale must be >= 0, got " + regrowScale);
        if (!(zeta >= 0 && zeta < 1)) throw new IllegalArgumentException("SparseEvolution.evolve: zeta must be in [0, 1), got " + zeta);
        int in = layer.inFeatures(), out = layer.outFeatures(), nnz = layer.nnz();
        if (nnz == (long) in * out) return new Step(0, 0, nnz);       // fully connected: nowhere to move a weight to
        Tensor valuesT = layer.ownParameters().get("values"), crowT = layer.ownBuffers().get("crow_indices"), colT = layer.ownBuffers().get("col_indices");
        double[] v = valuesT.detach().toDoubleArray();
        long[] crow = crowT.toLongArray(), col = colT.toLongArray();
        boolean[] drop = new boolean[nnz];
        int removed = dropClosestToZero(v, zeta, true, drop) + dropClosestToZero(v, zeta, false, drop);
        if ((long) in * out - (nnz - removed) < removed) {
            throw new IllegalArgumentException("SparseEvolution.evolve: no room to regrow " + removed + " connections in a " + out + " x " + in + " layer");
        }
        Set<Long> present = new HashSet<>();
        for (int r = 0; r < out; r++) {
            for (long q = crow[r]; q < crow[r + 1]; q++) if (!drop[(int) q]) present.add((long) r * in + col[(int) q]);
        }
        double b = regrowScale / Math.sqrt((double) nnz / out);
        List<long[]> fresh = new ArrayList<>();              // {flat position, index into the new values}
        double[] newV = new double[removed];
        int k = 0;
        while (k < removed) {
            long pos = (long) Math.floor(uniform(g) * ((double) in * out));
            if (pos >= (long) in * out || !present.add(pos)) continue;
            newV[k] = (2 * uniform(g) - 1) * b;
            fresh.add(new long[] {pos, k});
            k++;
        }
        // the kept entries and the new ones, in (row, col) order
        long[][] entries = new long[nnz][];
        double[] allV = new double[nnz];
        int e = 0;
        for (int r = 0; r < out; r++) {
            for (long q = crow[r]; q < crow[r + 1]; q++) {
                if (drop[(int) q]) continue;
                entries[e] = new long[] {(long) r * in + col[(int) q], e};
                allV[e] = v[(int) q];
                e++;
            }
        }
        for (long[] f : fresh) {
            entries[e] = new long[] {f[0], e};
            allV[e] = newV[(int) f[1]];
            e++;
        }
        Arrays.sort(entries, (x, y) -> Long.compare(x[0], y[0]));
        long[] newCrow = new long[out + 1], newCol = new long[nnz];
        double[] sortedV = new double[nnz];
        for (int i = 0; i < nnz; i++) {
            int r = (int) (entries[i][0] / in);
            newCol[i] = entries[i][0] % in;
            sortedV[i] = allV[(int) entries[i][1]];
            newCrow[r + 1]++;
        }
        for (int r = 0; r < out; r++) newCrow[r + 1] += newCrow[r];
        try (var s = GradMode.noGrad()) {
            valuesT.copy_(Tensor.of(sortedV).to(valuesT.dtype()));
            crowT.copy_(Tensor.of(newCrow));
            colT.copy_(Tensor.of(newCol));
        }
        return new Step(removed, removed, nnz);
    }

    /** A double in [0, 1) from 53 of the generator's next 64 bits. */
    private static double uniform(Generator g) {
        return (g.nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Marks the share zeta (rounded down) of the positive (or negative) entries closest to zero; returns the count. */
    private static int dropClosestToZero(double[] v, double zeta, boolean positive, boolean[] drop) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < v.length; i++) if (positive ? v[i] > 0 : v[i] < 0) idx.add(i);
        idx.sort((a, b) -> {
            int c = Double.compare(Math.abs(v[a]), Math.abs(v[b]));
            return c != 0 ? c : Integer.compare(a, b);
        });
        int n = (int) Math.floor(zeta * idx.size());
        for (int i = 0; i < n; i++) drop[idx.get(i)] = true;
        return n;
    }
}
