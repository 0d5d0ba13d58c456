package dev.weft.nn.weightspace;

import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The permutation symmetry of an MLP: Linear layers 0..L-1 with elementwise activations (and other parameter-free
 * modules) between them. Reordering hidden layer l's units by a permutation p_l (new unit i = old unit p_l[i])
 * permutes W_l's rows and b_l, and W_{l+1}'s columns, and leaves the function unchanged:
 * W_{l+1} P_l^T sigma(P_l (W_l x + b_l)) = W_{l+1} sigma(W_l x + b_l) for elementwise sigma (Ainsworth et al. 2023,
 * Sec. 2). There are L-1 hidden layers; the input and output units are never permuted.
 *
 * @param linears      state-dict prefixes of the Linear layers in order ("0", "2", "4" for Linear, ReLU, Linear, ReLU, Linear)
 * @param hiddenSizes  the width of each hidden layer (the out features of linears 0..L-2)
 */
public record MlpPermutationSpec(List<String> linears, int[] hiddenSizes) {
    /**
     * Checks that there is one hidden size fewer than linear layers.
     *
     * @throws IllegalArgumentException when linears is empty or the counts do not fit
     */
    public MlpPermutationSpec {
        linears = List.copyOf(linears);
        hiddenSizes = hiddenSizes.clone();
        if (linears.isEmpty() || hiddenSizes.length != linears.size() - 1) {
            throw new IllegalArgumentException("MlpPermutationSpec: " + linears.size() + " linear layers need " + Math.max(0, linears.size() - 1)
                    + " hidden sizes, got " + hiddenSizes.length);
        }
    }

    /**
     * The spec of a Sequential whose children are Linear layers and parameter-free modules (activations, Dropout,
     * Flatten). A child with parameters or buffers of its own that is not a Linear (a norm layer) is an error,
     * and so are consecutive Linear layers' mismatched sizes.
     *
     * @param mlp the MLP
     * @return its spec
     * @throws IllegalArgumentException when a child is not supported or sizes do not chain
     */
    public static MlpPermutationSpec of(Sequential mlp) {
        List<String> names = new ArrayList<>();
        List<Integer> hidden = new ArrayList<>();
        int prevOut = -1;
        for (var e : mlp.namedChildren().entrySet()) {
            Module m = e.getValue();
            if (m instanceof Linear lin) {
                if (prevOut >= 0 && lin.inFeatures != prevOut) {
                    throw new IllegalArgumentException("MlpPermutationSpec.of: layer " + e.getKey() + " " + lin + " follows a layer with "
                            + prevOut + " outputs");
                }
                if (prevOut >= 0) hidden.add(prevOut);
                names.add(e.getKey());
                prevOut = lin.outFeatures;
            } else if (!m.namedParameters().isEmpty() || !m.namedBuffers().isEmpty()) {
                throw new IllegalArgumentException("MlpPermutationSpec.of: layer " + e.getKey() + " " + m
                        + " has parameters or buffers; only Linear layers and parameter-free elementwise modules are supported");
            }
        }
        if (names.isEmpty()) throw new IllegalArgumentException("MlpPermutationSpec.of: " + mlp.reprName() + " has no Linear layer");
        return new MlpPermutationSpec(names, hidden.stream().mapToInt(Integer::intValue).toArray());
    }

    /** {@return number of hidden layers, L - 1} */
    public int hiddenLayers() {
        return hiddenSizes.length;
    }

    /**
     * {@return the state-dict key of Linear layer {@code layer}'s weight, e.g. "0.weight"}
     *
     * @param layer the layer's index among the Linear layers
     */
    public String weightKey(int layer) {
        return linears.get(layer) + ".weight";
    }

    /**
     * {@return the state-dict key of Linear layer {@code layer}'s bias, e.g. "0.bias"}
     *
     * @param layer the layer's index among the Linear layers
     */
    public String biasKey(int layer) {
        return linears.get(layer) + ".bias";
    }

    /** {@return the identity permutation of every hidden layer} */
    public int[][] identity() {
        int[][] p = new int[hiddenSizes.length][];
        for (int l = 0; l < p.length; l++) {
            p[l] = new int[hiddenSizes[l]];
            for (int i = 0; i < p[l].length; i++) p[l][i] = i;
        }
        return p;
    }

    /**
     * {@return a uniformly random permutation of every hidden layer}
     *
     * @param g the generator of the permutations
     */
    public int[][] random(Generator g) {
        int[][] p = new int[hiddenSizes.length][];
        for (int l = 0; l < p.length; l++) {
            long[] r = Tensor.randperm(g, hiddenSizes[l]).toLongArray();
            p[l] = new int[r.length];
            for (int i = 0; i < r.length; i++) p[l][i] = (int) r[i];
        }
        return p;
    }

    /**
     * {@return the inverse of each layer's permutation: q[p[i]] = i}
     *
     * @param perms one permutation per layer
     */
    public static int[][] inverse(int[][] perms) {
        int[][] q = new int[perms.length][];
        for (int l = 0; l < perms.length; l++) {
            q[l] = new int[perms[l].length];
            for (int i = 0; i < perms[l].length; i++) q[l][perms[l][i]] = i;
        }
        return q;
    }

    /**
     * A new state with hidden layer l's units reordered by perms[l] (new unit i = old unit perms[l][i]):
     * W_l &lt;- W_l[p_l, :], b_l &lt;- b_l[p_l], W_{l+1} &lt;- W_{l+1}[:, p_l]. Keys of {@code state} outside the
     * Linear layers are copied unchanged; {@code state} is not modified.
     *
     * @param state the MLP's state dict
     * @param perms one permutation per hidden layer
     * @return the permuted state, the same function
     */
    public Map<String, Tensor> apply(Map<String, Tensor> state, int[][] perms) {
        checkPerms("apply", perms);
        checkState("apply", state);
        Map<String, Tensor> out = new LinkedHashMap<>(state);
        for (int l = 0; l < linears.size(); l++) {
            Tensor w = state.get(weightKey(l));
            if (l < hiddenSizes.length) w = w.indexSelect(0, index(perms[l]));
            if (l > 0) w = w.indexSelect(1, index(perms[l - 1]));
            out.put(weightKey(l), w.contiguous());
            Tensor b = state.get(biasKey(l));
            if (b != null && l < hiddenSizes.length) out.put(biasKey(l), b.indexSelect(0, index(perms[l])));
        }
        return out;
    }

    /** The I64 index tensor of a permutation. */
    static Tensor index(int[] perm) {
        long[] idx = new long[perm.length];
        for (int i = 0; i < perm.length; i++) idx[i] = perm[i];
        return Tensor.of(idx);
    }

    /** Checks that every Linear's weight is in {@code state} with the spec's sizes. */
    void checkState(String fn, Map<String, Tensor> state) {
        List<String> problems = new ArrayList<>();
        for (int l = 0; l < linears.size(); l++) {
            Tensor w = state.get(weightKey(l));
            if (w == null) {
                problems.add(weightKey(l) + " missing");
                continue;
            }
            if (w.dim() != 2 || (l < hiddenSizes.length && w.size(0) != hiddenSizes[l]) || (l > 0 && w.size(1) != hiddenSizes[l - 1])) {
                problems.add(weightKey(l) + " " + Shape.format(w.shape()) + " does not fit hidden sizes " + Arrays.toString(hiddenSizes));
            }
            Tensor b = state.get(biasKey(l));
            if (b != null && (b.dim() != 1 || b.size(0) != w.size(0))) {
                problems.add(biasKey(l) + " " + Shape.format(b.shape()) + " does not fit " + weightKey(l) + " " + Shape.format(w.shape()));
            }
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException("MlpPermutationSpec." + fn + ": " + String.join("; ", problems));
    }

    /** Checks that perms has one permutation of the right size per hidden layer. */
    void checkPerms(String fn, int[][] perms) {
        if (perms == null || perms.length != hiddenSizes.length) {
            throw new IllegalArgumentException("MlpPermutationSpec." + fn + ": expected " + hiddenSizes.length + " permutations, got "
                    + (perms == null ? "null" : String.valueOf(perms.length)));
        }
        for (int l = 0; l < perms.length; l++) {
            int n = hiddenSizes[l];
            if (perms[l] == null || perms[l].length != n) {
                throw new IllegalArgumentException("MlpPermutationSpec." + fn + ": permutation " + l + " must have " + n + " entries, got "
                        + (perms[l] == null ? "null" : String.valueOf(perms[l].length)));
            }
            boolean[] seen = new boolean[n];
            for (int v : perms[l]) {
                if (v < 0 || v >= n || seen[v]) {
                    throw new IllegalArgumentException("MlpPermutationSpec." + fn + ": permutation " + l + " " + Arrays.toString(perms[l])
                            + " is not a permutation of 0.." + (n - 1));
                }
                seen[v] = true;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpPermutationSpec s && linears.equals(s.linears) && Arrays.equals(hiddenSizes, s.hiddenSizes);
    }

    @Override
    public int hashCode() {
        return linears.hashCode() * 31 + Arrays.hashCode(hiddenSizes);
    }

    @Override
    public String toString() {
        return "MlpPermutationSpec(linears=" + linears + ", hidden=" + Arrays.toString(hiddenSizes) + ")";
    }
}
