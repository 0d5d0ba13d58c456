package dev.weft.nn.weightspace;

import dev.weft.nn.Sequential;
import dev.weft.nn.layers.LayerNorm;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.layers.Tanh;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The hidden-unit permutation symmetry of MLPs (outputs unchanged, inverse undoes), and weight and activation
 * matching recovering a known permutation of a model exactly, in F64.
 */
class PermutationMatchingTest {
    private static Sequential mlp(long seed, int... sizes) {
        Generator g = new Generator(seed);
        Sequential s = new Sequential();
        for (int i = 0; i + 1 < sizes.length; i++) {
            s.append(new Linear(sizes[i], sizes[i + 1], true, g));
            if (i + 2 < sizes.length) s.append(i % 2 == 0 ? new ReLU() : new Tanh());
        }
        s.to(DType.F64);
        return s;
    }

    private static Sequential withState(Sequential shape, Map<String, Tensor> state) {
        shape.loadStateDict(state);
        return shape;
    }

    private static void assertSameState(Map<String, Tensor> want, Map<String, Tensor> got) {
        assertEquals(want.keySet(), got.keySet());
        for (String k : want.keySet()) assertArrayEquals(want.get(k).toDoubleArray(), got.get(k).toDoubleArray(), 0, k);
    }

    @Test
    void specOfSequential() {
        MlpPermutationSpec spec = MlpPermutationSpec.of(mlp(1, 5, 8, 7, 3));
        assertEquals(java.util.List.of("0", "2", "4"), spec.linears());
        assertArrayEquals(new int[] {8, 7}, spec.hiddenSizes());
        var e = assertThrows(IllegalArgumentException.class, () -> MlpPermutationSpec.of(new Sequential(new Linear(4, 6), new LayerNorm(6), new Linear(6, 2))));
        assertTrue(e.getMessage().contains("MlpPermutationSpec.of") && e.getMessage().contains("layer 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MlpPermutationSpec.of(new Sequential(new Linear(4, 6), new Linear(5, 2))));
        assertThrows(IllegalArgumentException.class, () -> MlpPermutationSpec.of(new Sequential(new ReLU())));
    }

    @Test
    void permutingHiddenUnitsLeavesTheFunctionUnchanged() {
        for (long seed = 0; seed < 4; seed++) {
            Sequential a = mlp(seed, 6, 9, 8, 7, 3);
            MlpPermutationSpec spec = MlpPermutationSpec.of(a);
            int[][] p = spec.random(new Generator(50 + seed));
            Map<String, Tensor> permuted = spec.apply(a.stateDict(), p);
            Tensor x = Tensor.randn(new Generator(seed), DType.F64, 11, 6);
            Tensor ya = a.forward(x);
            Sequential b = withState(mlp(99, 6, 9, 8, 7, 3), permuted);
            assertArrayEquals(ya.toDoubleArray(), b.forward(x).toDoubleArray(), 1e-12);
            // the state did change (a permutation that is not the identity), and the inverse undoes it exactly
            assertNotEquals(0, Math.abs(permuted.get("0.weight").sub(a.stateDict().get("0.weight")).abs().sum().item()));
            assertSameState(a.stateDict(), spec.apply(permuted, MlpPermutationSpec.inverse(p)));
        }
    }

    @Test
    void applyChecksItsArguments() {
        Sequential a = mlp(1, 5, 4, 3);
        MlpPermutationSpec spec = MlpPermutationSpec.of(a);
        var e = assertThrows(IllegalArgumentException.class, () -> spec.apply(a.stateDict(), new int[][] {{0, 1, 1, 2}}));
        assertTrue(e.getMessage().contains("not a permutation"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> spec.apply(a.stateDict(), new int[][] {{0, 1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> spec.apply(a.stateDict(), new int[0][]));
        e = assertThrows(IllegalArgumentException.class, () -> spec.apply(mlp(1, 5, 6, 3).stateDict(), spec.identity()));
        assertTrue(e.getMessage().contains("0.weight (6, 5)"), e.getMessage());
    }

    @Test
    void weightMatchingRecoversAKnownPermutation() {
        for (long seed = 0; seed < 5; seed++) {
            Sequential a = mlp(seed, 12, 16, 14, 10, 4);
            MlpPermutationSpec spec = MlpPermutationSpec.of(a);
            int[][] p = spec.random(new Generator(200 + seed));
            Map<String, Tensor> b = spec.apply(a.stateDict(), p);
            WeightMatching.Result r = WeightMatching.weightMatching(spec, a.stateDict(), b, new Generator(seed));
            assertTrue(r.converged());
            int[][] q = r.permutations(), inv = MlpPermutationSpec.inverse(p);
            for (int l = 0; l < q.length; l++) assertArrayEquals(inv[l], q[l], "seed " + seed + " layer " + l);
            assertSameState(a.stateDict(), spec.apply(b, q));
        }
    }

    @Test
    void weightMatchingRaisesTheInnerProductOfIndependentModels() {
        Sequential a = mlp(1, 10, 20, 20, 5), b = mlp(2, 10, 20, 20, 5);
        MlpPermutationSpec spec = MlpPermutationSpec.of(a);
        WeightMatching.Result r = WeightMatching.weightMatching(spec, a.stateDict(), b.stateDict(), new Generator(3));
        assertTrue(r.converged() && r.sweeps() >= 2, "sweeps " + r.sweeps());
        double before = inner(a.stateDict(), b.stateDict()), after = inner(a.stateDict(), spec.apply(b.stateDict(), r.permutations()));
        assertTrue(after > before, before + " -> " + after);
        // a fixed point: no single layer's assignment improves it further
        for (int l = 0; l < spec.hiddenLayers(); l++) {
            double[][] s = WeightMatching.similarity(spec, a.stateDict(), b.stateDict(), r.permutations(), l);
            double here = LinearAssignment.total(s, r.permutations()[l]), best = LinearAssignment.total(s, LinearAssignment.maximize(s));
            assertEquals(best, here, 1e-9 * Math.abs(best));
        }
        // same seed, same permutations
        assertArrayEquals(r.permutations(), WeightMatching.weightMatching(spec, a.stateDict(), b.stateDict(), new Generator(3)).permutations());
    }

    private static double inner(Map<String, Tensor> a, Map<String, Tensor> b) {
        double s = 0;
        for (String k : a.keySet()) s += a.get(k).mul(b.get(k)).sum().item();
        return s;
    }

    @Test
    void activationMatchingRecoversAKnownPermutation() {
        for (long seed = 0; seed < 3; seed++) {
            Sequential a = mlp(seed, 12, 16, 14, 4);
            MlpPermutationSpec spec = MlpPermutationSpec.of(a);
            int[][] p = spec.random(new Generator(300 + seed));
            Sequential b = withState(mlp(77, 12, 16, 14, 4), spec.apply(a.stateDict(), p));
            Tensor x = Tensor.randn(new Generator(seed), DType.F64, 256, 12);
            int[][] q = ActivationMatching.activationMatching(a, b, x), inv = MlpPermutationSpec.inverse(p);
            for (int l = 0; l < q.length; l++) assertArrayEquals(inv[l], q[l], "seed " + seed + " layer " + l);
            assertSameState(a.stateDict(), spec.apply(b.stateDict(), q));
        }
    }

    @Test
    void correlationOfColumns() {
        // b's column 0 = 2 a's column 1 + 3 (corr 1), b's column 1 = -a's column 0 (corr -1)
        Tensor a = Tensor.of(new double[][] {{1, 0}, {2, 5}, {4, 1}});
        Tensor b = Tensor.of(new double[][] {{3, -1}, {13, -2}, {5, -4}});
        double[][] c = ActivationMatching.correlation(a, b);
        assertEquals(1, c[1][0], 1e-9);   // eps in the std moves it by ~1e-12
        assertEquals(-1, c[0][1], 1e-9);
        assertThrows(IllegalArgumentException.class, () -> ActivationMatching.correlation(a, Tensor.zeros(DType.F64, 3, 3)));
    }
}
