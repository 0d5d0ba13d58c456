package dev.weft.nn.prune;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.Gradcheck;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Sequential;
import dev.weft.nn.functional.F;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PruneTest {
    /** A Linear(3, 2) with the given weight (row-major) and bias 0. */
    private static Linear linear(double... w) {
        Linear l = new Linear(3, 2, true, new Generator(0));
        l.to(DType.F64);
        l.ownParameters().get("weight").detach().copy_(Tensor.of(w, 2, 3));
        l.ownParameters().get("bias").detach().copy_(Tensor.zeros(DType.F64, 2));
        return l;
    }

    private static double[] mask(Linear l) {
        return l.ownBuffers().get("weight_mask").toDoubleArray();
    }

    @Test
    void l1UnstructuredZeroesTheSmallestMagnitudesTiesToTheLowerIndex() {
        Linear l = linear(0.5, -0.1, 0.3, -0.3, 0.05, 2.0);
        Prune.l1Unstructured(l, "weight", 0.5);     // 3 of 6: 0.05, -0.1, then the first of the tied 0.3 / -0.3
        assertArrayEquals(new double[] {1, 0, 0, 1, 0, 1}, mask(l));
        assertTrue(l.isMasked("weight"));
        assertEquals(List.of("bias", "weight_orig"), List.copyOf(l.ownParameters().keySet()), "torch's names, weight_orig last");
        assertEquals(List.of("bias", "weight_orig", "weight_mask"), List.copyOf(l.stateDict().keySet()));
        Tensor y = l.forward(Tensor.of(new double[] {1, 1, 1}, 1, 3));
        assertArrayEquals(new double[] {0.5, -0.3 + 2.0}, y.toDoubleArray(), 1e-15, "forward sees orig * mask");
    }

    @Test
    void pruningAgainPrunesAmongTheUnprunedAndCombinesTheMasks() {
        Linear l = new Linear(10, 10, false, new Generator(3));
        Prune.l1Unstructured(l, "weight", 0.2);
        assertEquals(80, Prune.unpruned(l, "weight", "test"));
        Prune.l1Unstructured(l, "weight", 0.2);
        assertEquals(64, Prune.unpruned(l, "weight", "test"), "0.8 * 0.8 of 100");
        assertEquals(0.36, Prune.sparsity(l, "weight"), 1e-12);
        // the survivors are the 64 largest |w| of the original weights
        double[] w = l.ownParameters().get("weight_orig").toDoubleArray(), m = l.ownBuffers().get("weight_mask").toDoubleArray();
        double minKept = Double.MAX_VALUE, maxPruned = 0;
        for (int i = 0; i < w.length; i++) {
            if (m[i] == 1) minKept = Math.min(minKept, Math.abs(w[i]));
            else maxPruned = Math.max(maxPruned, Math.abs(w[i]));
        }
        assertTrue(maxPruned <= minKept, "pruned " + maxPruned + " > kept " + minKept);
    }

    @Test
    void maskedEntriesGetZeroGradientAndTheMaskedLinearPassesGradcheck() {
        Linear l = linear(0.5, -0.1, 0.3, -0.3, 0.05, 2.0);
        Prune.l1Unstructured(l, "weight", 2);
        Tensor x = Tensor.randn(new Generator(1), DType.F64, 4, 3);
        Autograd.backward(l.forward(x).square().sum());
        double[] g = l.ownParameters().get("weight_orig").grad().toDoubleArray(), m = mask(l);
        for (int i = 0; i < g.length; i++) if (m[i] == 0) assertEquals(0, g[i], 0, "gradient of pruned entry " + i);
        Tensor orig = l.ownParameters().get("weight_orig").detach().clone().requiresGrad(true);
        Tensor bias = l.ownParameters().get("bias").detach().clone().requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("masked linear", t -> FunctionalCall.call(l, Map.of("weight_orig", t[0], "bias", t[1]),
                m2 -> m2.forward(x).tanh().sum()), orig, bias));
    }

    @Test
    void removeBakesTheMaskIntoAPlainParameter() {
        Linear l = linear(0.5, -0.1, 0.3, -0.3, 0.05, 2.0);
        Prune.l1Unstructured(l, "weight", 0.5);
        Prune.remove(l, "weight");
        assertFalse(l.isMasked("weight"));
        assertEquals(List.of("bias", "weight"), List.copyOf(l.stateDict().keySet()));
        assertArrayEquals(new double[] {0.5, 0, 0, -0.3, 0, 2.0}, l.ownParameters().get("weight").toDoubleArray(), 0);
        assertTrue(l.ownParameters().get("weight").requiresGrad());
        assertFalse(Prune.isPruned(l));
    }

    @Test
    void aPrunedModelSavesAndLoadsItsMask() {
        Generator g = new Generator(5);
        Sequential a = new Sequential(new Linear(4, 6, true, g), new ReLU(), new Linear(6, 2, true, g));
        Sequential b = new Sequential(new Linear(4, 6, true, g), new ReLU(), new Linear(6, 2, true, g));
        Prune.l1Unstructured((Linear) a.child("0"), "weight", 0.5);
        Prune.identity((Linear) b.child("0"), "weight");
        b.loadStateDict(a.stateDict());
        Tensor x = Tensor.randn(g, 3, 4);
        assertArrayEquals(a.forward(x).toFloatArray(), b.forward(x).toFloatArray(), 0);
        assertEquals(0.5, Prune.sparsity(b.child("0"), "weight"), 0);
    }

    @Test
    void globalPruningTakesMoreFromTheLayerWithSmallerWeights() {
        Linear big = linear(1, 2, 3, 4, 5, 6), small = linear(0.1, 0.2, 0.3, 0.4, 0.5, 0.6);
        Prune.globalUnstructured(List.of(new Prune.Target(big, "weight"), new Prune.Target(small, "weight")), 0.5);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1}, mask(big));
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0}, mask(small));
        Prune.globalUnstructured(List.of(new Prune.Target(big, "weight"), new Prune.Target(small, "weight")), 2);
        assertArrayEquals(new double[] {0, 0, 1, 1, 1, 1}, mask(big), "a count; the already pruned entries are not counted again");
    }

    @Test
    void lnStructuredPrunesWholeRowsOrColumnsByTheirNorm() {
        Linear l = linear(3, 0, 0, 1, 1, 1);        // row norms L2: 3 vs sqrt(3); L1: 3 vs 3 (tie: row 0)
        Prune.lnStructured(l, "weight", 0.5, 2, 0);
        assertArrayEquals(new double[] {1, 1, 1, 0, 0, 0}, mask(l));
        Linear c = linear(3, 0, 0, 1, 1, 1);         // column norms L1: 4, 1, 1; prune 2 of 3 -> columns 1, 2
        Prune.lnStructured(c, "weight", 2.0 / 3, 1, 1);
        assertArrayEquals(new double[] {1, 0, 0, 1, 0, 0}, mask(c));
        Linear tie = linear(3, 0, 0, 1, 1, 1);
        Prune.lnStructured(tie, "weight", 0.5, 1, 0);
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 1}, mask(tie), "an L1 tie goes to the lower row");
        Linear inf = linear(3, 0, 0, 1, 1, 1);
        Prune.lnStructured(inf, "weight", 0.5, Double.POSITIVE_INFINITY, 0);
        assertArrayEquals(new double[] {1, 1, 1, 0, 0, 0}, mask(inf), "max norms 3 and 1");
    }

    @Test
    void randomPruningPrunesTheExactCountAndTheSameSeedGivesTheSameMask() {
        Linear a = new Linear(8, 8, false, new Generator(1)), b = new Linear(8, 8, false, new Generator(1));
        Prune.randomUnstructured(a, "weight", 0.25, new Generator(9));
        Prune.randomUnstructured(b, "weight", 0.25, new Generator(9));
        assertEquals(48, Prune.unpruned(a, "weight", "test"));
        assertArrayEquals(a.ownBuffers().get("weight_mask").toFloatArray(), b.ownBuffers().get("weight_mask").toFloatArray(), 0);
        Prune.randomStructured(a, "weight", 0.5, 0, new Generator(2));
        double[] m = a.ownBuffers().get("weight_mask").toDoubleArray();
        int deadRows = 0;
        for (int r = 0; r < 8; r++) {
            double s = 0;
            for (int c = 0; c < 8; c++) s += m[r * 8 + c];
            if (s == 0) deadRows++;
        }
        assertTrue(deadRows >= 4, deadRows + " rows pruned; 4 of the 8 unpruned rows were drawn");
    }

    @Test
    void badInputIsRefusedWithNothingChanged() {
        Linear l = linear(0.5, -0.1, 0.3, -0.3, 0.05, 2.0);
        var e = assertThrows(IllegalArgumentException.class, () -> Prune.l1Unstructured(l, "weight", 1.5));
        assertTrue(e.getMessage().contains("amount must be a fraction in [0, 1], got 1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Prune.l1Unstructured(l, "kernel", 0.5));
        assertTrue(e.getMessage().contains("has no parameter 'kernel'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> l.maskParameter("weight", Tensor.full(0.5, DType.F64, 2, 3)));
        assertTrue(e.getMessage().contains("only 0 and 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> l.maskParameter("weight", Tensor.ones(DType.F64, 3, 2)));
        assertTrue(e.getMessage().contains("must be f64 (2, 3), got f64 (3, 2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Prune.l1Unstructured(l, "weight", 7));
        assertTrue(e.getMessage().contains("cannot prune 7 entries, 6 are unpruned"), e.getMessage());
        assertFalse(l.isMasked("weight"));
        assertEquals(List.of("weight", "bias"), List.copyOf(l.stateDict().keySet()));
        e = assertThrows(IllegalArgumentException.class, () -> Prune.remove(l, "weight"));
        assertTrue(e.getMessage().contains("is not masked"), e.getMessage());
    }

    @Test
    void aLotteryTicketResetsToTheStoredWeightsAndKeepsItsMasks() {
        Generator g = new Generator(4);
        Linear a = new Linear(5, 4, true, g), b = new Linear(4, 3, true, g);
        Sequential model = new Sequential(a, new ReLU(), b);
        float[] w0 = a.ownParameters().get("weight").toFloatArray(), b0 = b.ownParameters().get("bias").toFloatArray();
        LotteryTicket ticket = LotteryTicket.of(model, List.of(new Prune.Target(a, "weight"), new Prune.Target(b, "weight")));
        var opt = new dev.weft.nn.optim.Adam(model.parameters(), 0.1);
        Tensor x = Tensor.randn(g, 8, 5);
        for (int i = 0; i < 3; i++) {
            opt.zeroGrad();
            Autograd.backward(F.mseLoss(model.forward(x), Tensor.zeros(8, 3)));
            opt.step();
        }
        ticket.prune(List.of(0.2, 0.1));
        assertEquals(16, Prune.unpruned(a, "weight", "t"));
        assertEquals(11, Prune.unpruned(b, "weight", "t"), "round(0.1 * 12) = 1 pruned");
        assertEquals((16 + 11) / 32.0, ticket.remaining(), 1e-12);
        ticket.reset();
        assertArrayEquals(w0, a.ownParameters().get("weight_orig").toFloatArray(), 0, "theta_0 restored under the mask");
        assertArrayEquals(b0, b.ownParameters().get("bias").toFloatArray(), 0, "unpruned parameters are reset too");
        assertTrue(a.isMasked("weight") && b.isMasked("weight"));
        assertEquals(1, ticket.round());
    }
}
