package dev.weft.nn.sparse;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.Gradcheck;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.prune.Prune;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparseLinearTest {
    private static Linear pruned(long seed, double amount) {
        Linear l = new Linear(12, 7, true, new Generator(seed));
        l.to(DType.F64);
        Prune.l1Unstructured(l, "weight", amount);
        return l;
    }

    @Test
    void aPrunedLinearStoredSparseComputesTheSameFunction() {
        Linear dense = pruned(1, 0.75);
        SparseLinear s = SparseLinear.fromDense(dense);
        assertEquals(21, s.nnz(), "a quarter of 84 weights kept");
        assertEquals(0.25, s.density(), 1e-12);
        Tensor x = Tensor.randn(new Generator(2), DType.F64, 2, 5, 12);
        double[] want = dense.forward(x).toDoubleArray(), got = s.forward(x).toDoubleArray();
        assertArrayEquals(want, got, 1e-12);
        assertArrayEquals(new int[] {2, 5, 7}, s.forward(x).shape());
        Tensor w = dense.ownParameters().get("weight_orig").mul(dense.ownBuffers().get("weight_mask"));
        assertArrayEquals(w.toDoubleArray(), s.toDenseWeight().toDoubleArray(), 0);
    }

    @Test
    void theGradientOfTheValuesIsTheDenseGradientAtTheNonzeros() {
        Linear dense = pruned(3, 0.5);
        SparseLinear s = SparseLinear.fromDense(dense);
        Tensor x = Tensor.randn(new Generator(4), DType.F64, 6, 12);
        Autograd.backward(dense.forward(x).square().sum());
        Autograd.backward(s.forward(x).square().sum());
        double[] gd = dense.ownParameters().get("weight_orig").grad().toDoubleArray();
        double[] gv = s.ownParameters().get("values").grad().toDoubleArray();
        long[] crow = s.ownBuffers().get("crow_indices").toLongArray(), col = s.ownBuffers().get("col_indices").toLongArray();
        for (int r = 0; r < 7; r++) {
            for (long q = crow[r]; q < crow[r + 1]; q++) assertEquals(gd[r * 12 + (int) col[(int) q]], gv[(int) q], 1e-12);
        }
        assertArrayEquals(dense.ownParameters().get("bias").grad().toDoubleArray(), s.ownParameters().get("bias").grad().toDoubleArray(), 1e-12);
    }

    @Test
    void gradcheckInValuesBiasAndInput() {
        SparseLinear s = SparseLinear.fromDense(pruned(5, 0.6));
        Tensor v = s.ownParameters().get("values").detach().clone().requiresGrad(true);
        Tensor b = s.ownParameters().get("bias").detach().clone().requiresGrad(true);
        Tensor x = Tensor.randn(new Generator(6), DType.F64, 3, 12).requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("SparseLinear", t -> FunctionalCall.call(s, Map.of("values", t[0], "bias", t[1]),
                m -> m.forward(t[2]).tanh().sum()), v, b, x));
    }

    @Test
    void theStateDictHoldsPatternAndValues() {
        SparseLinear a = SparseLinear.fromDense(pruned(7, 0.5)), b = SparseLinear.fromDense(pruned(8, 0.5));
        assertEquals(List.of("values", "bias", "crow_indices", "col_indices"), List.copyOf(a.stateDict().keySet()));
        b.loadStateDict(a.stateDict());
        Tensor x = Tensor.randn(new Generator(9), DType.F64, 4, 12);
        assertArrayEquals(a.forward(x).toDoubleArray(), b.forward(x).toDoubleArray(), 0, "the loaded pattern is the one used");
    }

    @Test
    void badInputIsRefused() {
        SparseLinear s = SparseLinear.fromDense(pruned(1, 0.5));
        var e = assertThrows(IllegalArgumentException.class, () -> s.forward(Tensor.zeros(DType.F64, 3, 11)));
        assertTrue(e.getMessage().contains("SparseLinear: input (3, 11) must end in in_features = 12"), e.getMessage());
        var w = s.weight();
        e = assertThrows(IllegalArgumentException.class, () -> new SparseLinear(w, Tensor.zeros(DType.F64, 6)));
        assertTrue(e.getMessage().contains("bias must be f64 (7)"), e.getMessage());
    }
}
