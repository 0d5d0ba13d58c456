package dev.weft.nn.moe;

import dev.weft.autograd.GradMode;
import dev.weft.autograd.Gradcheck;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.layers.BatchNorm1d;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.Tanh;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Mixtures of experts: the balancing losses against hand-computed values, noisy top-k picks, the smooth load
 * against a scalar reference of Shazeer et al.'s eq. 8-10, sparse dispatch against a loop over rows, capacity,
 * dense gating and SMEAR against their equations written out, F64 gradchecks (noise fixed), and bad options.
 */
class MoeTest {
    private static Tensor randn(long seed, int... shape) {
        return Tensor.randn(new Generator(seed), DType.F64, shape);
    }

    private static Supplier<Module> mlp(int in, int hidden, int out, Generator g) {
        return () -> new Sequential(new Linear(in, hidden, true, g), new Tanh(), new Linear(hidden, out, true, g));
    }

    private static void set(Module m, String name, Tensor value) {
        try (var s = GradMode.noGrad()) {
            m.namedParameters().get(name).copy_(value);
        }
    }

    /** gradcheck of run over the leading inputs and every parameter of m (bound through a functional call). */
    private static void gradcheckWithParameters(String name, Module m, Function<Tensor[], Tensor> run, Tensor... leading) {
        String[] params = m.namedParameters().keySet().toArray(String[]::new);
        Tensor[] all = new Tensor[leading.length + params.length];
        System.arraycopy(leading, 0, all, 0, leading.length);
        for (int i = 0; i < params.length; i++) {
            Tensor p = m.namedParameters().get(params[i]);
            all[leading.length + i] = p.detach().clone().add(randn(70 + i, p.shape()).mul(0.3)).requiresGrad(true);
        }
        assertTrue(Gradcheck.gradcheck(name, xs -> {
            Map<String, Tensor> bound = new LinkedHashMap<>();
            for (int i = 0; i < params.length; i++) bound.put(params[i], xs[leading.length + i]);
            return FunctionalCall.call(m, bound, mod -> run.apply(xs));
        }, all));
    }

    // ---------------------------------------------------------------- balancing losses

    @Test
    void cvSquaredAndLossMatchHandValues() {
        // v = [1, 2, 3]: mean 2, unbiased var 1 -> CV^2 = 1/4; w = [2, 2, 2] -> 0
        assertEquals(0.25, LoadBalancing.cvSquared(Tensor.of(1.0, 2.0, 3.0)).item(), 1e-10);
        assertEquals(0, LoadBalancing.cvSquared(Tensor.of(2.0, 2.0, 2.0)).item(), 1e-15);
        assertEquals(0, LoadBalancing.cvSquared(Tensor.of(5.0)).item());
        // importance [0, 4] (mean 2, var 8 -> 2), load [1, 3] (mean 2, var 2 -> 0.5): 0.1 * 2 + 0.3 * 0.5
        assertEquals(0.35, LoadBalancing.loss(Tensor.of(0.0, 4.0), Tensor.of(1.0, 3.0), 0.1, 0.3).item(), 1e-9);
        Tensor gates = Tensor.of(new double[][] {{0.7, 0.3, 0}, {0, 1, 0}, {0.5, 0, 0.5}});
        assertArrayEquals(new double[] {1.2, 1.3, 0.5}, LoadBalancing.importance(gates).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {2, 2, 1}, LoadBalancing.countLoad(gates).toDoubleArray(), 0);
    }

    // ---------------------------------------------------------------- gating

    @Test
    void topKKeepsTheLargestAndSoftmaxesThem() {
        NoisyTopKGate g = new NoisyTopKGate(2, 4, 2, false, 0, new Generator(1));
        g.to(DType.F64);
        // x W_g: row 0 = [1, 3, 2, 0], row 1 = [0, -1, 5, 4]
        set(g, "w_gate", Tensor.of(new double[][] {{1, 3, 2, 0}, {0, -1, 5, 4}}));
        GateOutput out = g.gate(Tensor.of(new double[][] {{1, 0}, {0, 1}}));
        double a = Math.exp(3) / (Math.exp(3) + Math.exp(2)), b = Math.exp(5) / (Math.exp(5) + Math.exp(4));
        assertArrayEquals(new double[] {0, a, 1 - a, 0, 0, 0, b, 1 - b}, out.gates().toDoubleArray(), 1e-14);
        assertArrayEquals(new long[] {1, 2, 2, 3}, out.topIndices().toLongArray());
        assertArrayEquals(new double[] {0, a, 1 - a + b, 1 - b}, out.importance().toDoubleArray(), 1e-14);
        assertArrayEquals(new double[] {0, 1, 2, 1}, out.load().toDoubleArray(), 0);

        // random rows: exactly k nonzero gates, summing to 1, on the k largest logits
        NoisyTopKGate h = new NoisyTopKGate(5, 6, 3, false, 0, new Generator(1));
        h.to(DType.F64);
        set(h, "w_gate", randn(2, 5, 6));
        Tensor x = randn(3, 20, 5);
        Tensor gates = h.gate(x).gates();
        Tensor logits = x.matmul(h.namedParameters().get("w_gate"));
        assertArrayEquals(Tensor.full(3, DType.F64, 20).toDoubleArray(), gates.gt(0.0).to(DType.F64).sum(1).toDoubleArray(), 0);
        assertTrue(gates.sum(1).allclose(Tensor.ones(DType.F64, 20), 0, 1e-14));
        Tensor third = logits.topk(3, 1).values().narrow(1, 2, 1);
        assertTrue(gates.gt(0.0).eq(logits.ge(third)).all().item() == 1);
    }

    /** Phi by Abramowitz-Stegun 7.1.26 (|error| < 1.5e-7), independent of the tensor erf. */
    private static double phi(double z) {
        double x = Math.abs(z) / Math.sqrt(2), t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
        return 0.5 * (1 + (z >= 0 ? erf : -erf));
    }

    @Test
    void smoothLoadFollowsEquationTen() {
        int n = 4, e = 3, c = 2, k = 1;
        NoisyTopKGate g = new NoisyTopKGate(c, e, k, true, 1e-2, new Generator(1));
        g.to(DType.F64);
        Tensor wg = randn(5, c, e), wn = randn(6, c, e).mul(0.5), x = randn(7, n, c), noise = randn(8, n, e);
        set(g, "w_gate", wg);
        set(g, "w_noise", wn);
        GateOutput out = g.gate(x, noise);
        double[] xs = x.toDoubleArray(), g1 = wg.toDoubleArray(), n1 = wn.toDoubleArray(), eps = noise.toDoubleArray();
        double[] load = new double[e], importance = new double[e];
        for (int r = 0; r < n; r++) {
            double[] clean = new double[e], std = new double[e], h = new double[e];
            for (int i = 0; i < e; i++) {
                double zc = 0, zn = 0;
                for (int j = 0; j < c; j++) {
                    zc += xs[r * c + j] * g1[j * e + i];
                    zn += xs[r * c + j] * n1[j * e + i];
                }
                clean[i] = zc;
                std[i] = Math.log1p(Math.exp(zn)) + 1e-2;
                h[i] = zc + eps[r * e + i] * std[i];
            }
            double[] sorted = h.clone();
            java.util.Arrays.sort(sorted);
            double first = sorted[e - 1], second = sorted[e - 2];
            for (int i = 0; i < e; i++) {
                boolean kept = h[i] == first;
                load[i] += phi((clean[i] - (kept ? second : first)) / std[i]);
                if (kept) importance[i] += 1;    // k = 1: the kept gate is softmax of one value
            }
        }
        assertArrayEquals(load, out.load().toDoubleArray(), 1e-6);
        assertArrayEquals(importance, out.importance().toDoubleArray(), 1e-14);
        double want = 0.1 * cv2(importance) + 0.2 * cv2(load);
        assertEquals(want, out.loss(0.1, 0.2).item(), 1e-6);
    }

    private static double cv2(double[] v) {
        double mean = 0, var = 0;
        for (double d : v) mean += d / v.length;
        for (double d : v) var += (d - mean) * (d - mean) / (v.length - 1);
        return var / (mean * mean + 1e-10);
    }

    @Test
    void gateNoiseIsSeededAndOffInEval() {
        NoisyTopKGate a = new NoisyTopKGate(3, 4, 2, true, 1e-2, new Generator(9));
        NoisyTopKGate b = new NoisyTopKGate(3, 4, 2, true, 1e-2, new Generator(9));
        for (NoisyTopKGate m : new NoisyTopKGate[] {a, b}) {
            m.to(DType.F64);
            set(m, "w_gate", randn(1, 3, 4));
            set(m, "w_noise", randn(2, 3, 4));
        }
        Tensor x = randn(3, 6, 3);
        assertArrayEquals(a.gate(x).gates().toDoubleArray(), b.gate(x).gates().toDoubleArray(), 0);
        a.eval();
        GateOutput clean = a.gate(x);
        assertArrayEquals(a.gate(x, null).gates().toDoubleArray(), clean.gates().toDoubleArray(), 0);
        assertArrayEquals(LoadBalancing.countLoad(clean.gates()).toDoubleArray(), clean.load().toDoubleArray(), 0);
    }

    @Test
    void gradcheckNoisyGateWithFixedNoise() {
        NoisyTopKGate g = new NoisyTopKGate(3, 4, 2, true, 1e-2, new Generator(1));
        g.to(DType.F64);
        set(g, "w_gate", randn(11, 3, 4));
        set(g, "w_noise", randn(12, 3, 4));
        Tensor x = randn(13, 5, 3).requiresGrad(true), noise = randn(14, 5, 4);
        gradcheckWithParameters("NoisyTopKGate gates + load", g, xs -> {
            GateOutput o = g.gate(xs[0], noise);
            return o.gates().mul(randn(15, 5, 4)).sum().add(o.load().mul(Tensor.of(1.0, -2.0, 0.5, 3.0)).sum())
                    .add(o.loss(0.7, 1.3));
        }, x);
    }

    // ---------------------------------------------------------------- sparse dispatch

    private static SparseMoE sparse(int k, double capacityFactor) {
        Generator g = new Generator(21);
        SparseMoE m = new SparseMoE(SparseMoE.options(4, 3, 5, k, mlp(4, 6, 3, g)).capacityFactor(capacityFactor)
                .wImportance(0.1).wLoad(0.2).generator(new Generator(4)));
        m.to(DType.F64);
        set(m, "gate.w_gate", randn(22, 4, 5));
        set(m, "gate.w_noise", randn(23, 4, 5).mul(0.3));
        return m;
    }

    @Test
    void dispatchEqualsALoopOverRowsAndExperts() {
        SparseMoE m = sparse(2, 0);
        Tensor x = randn(24, 9, 4), noise = randn(25, 9, 5);
        MoeOutput out = m.forwardWithLoss(x, noise);
        Tensor gates = out.gate().gates();
        Tensor want = Tensor.zeros(DType.F64, 9, 3);
        for (int r = 0; r < 9; r++) {
            Tensor row = Tensor.zeros(DType.F64, 1, 3);
            for (int i = 0; i < 5; i++) {
                double gi = gates.select(0, r).select(0, i).item();
                if (gi > 0) row = row.add(m.expert(i).forward(x.narrow(0, r, 1)).mul(gi));
            }
            want = want.indexAdd(0, Tensor.of((long) r), row);
        }
        assertTrue(out.output().allclose(want, 0, 1e-13));
        assertEquals(out.gate().loss(0.1, 0.2).item(), out.auxLoss().item(), 0);
        // leading dims are rows: (3, 3, 4) gives the same numbers as (9, 4)
        Tensor y3 = m.forwardWithLoss(x.reshape(3, 3, 4), noise).output();
        assertArrayEquals(new int[] {3, 3, 3}, y3.shape());
        assertArrayEquals(out.output().toDoubleArray(), y3.toDoubleArray(), 0);
    }

    @Test
    void capacityDropsRowsPastTheLimitInBatchOrder() {
        // capacityFactor 1, k 1, N 10, E 5: two rows per expert; every row prefers expert 3
        SparseMoE m = sparse(1, 1.0);
        assertEquals(2, m.capacity(10));
        set(m, "gate.w_gate", Tensor.zeros(DType.F64, 4, 5).indexAdd(1, Tensor.of(3L), Tensor.full(10, DType.F64, 4, 1)));
        Tensor x = randn(26, 10, 4).abs();
        MoeOutput out = m.forwardWithLoss(x, null);
        Tensor kept = ExpertDispatch.kept(out.gate().gates(), out.gate().topIndices(), m.capacity(10));
        Tensor col = kept.select(1, 3).to(DType.F64);
        assertArrayEquals(new double[] {1, 1, 0, 0, 0, 0, 0, 0, 0, 0}, col.toDoubleArray(), 0);
        assertEquals(2, kept.to(DType.F64).sum().item());
        Tensor y = out.output();
        assertTrue(y.narrow(0, 0, 2).allclose(m.expert(3).forward(x.narrow(0, 0, 2)), 0, 1e-9));
        assertEquals(0, y.narrow(0, 2, 8).abs().sum().item());
        // no limit: all ten go to expert 3
        assertEquals(10, ExpertDispatch.kept(out.gate().gates(), out.gate().topIndices(), 0).to(DType.F64).sum().item());
    }

    @Test
    void gradcheckSparseMoE() {
        SparseMoE m = sparse(2, 0);
        Tensor x = randn(27, 6, 4).requiresGrad(true), noise = randn(28, 6, 5), w = randn(29, 6, 3);
        gradcheckWithParameters("SparseMoE output + aux loss", m, xs -> {
            MoeOutput o = m.forwardWithLoss(xs[0], noise);
            return o.output().mul(w).sum().add(o.auxLoss());
        }, x);
    }

    // ---------------------------------------------------------------- dense gating (Eigen et al.)

    @Test
    void denseMixtureIsTheGateWeightedSum() {
        Generator g = new Generator(31);
        DenseMoE m = new DenseMoE(4, 3, mlp(4, 5, 2, g), g);
        m.to(DType.F64);
        Tensor x = randn(32, 7, 4);
        Tensor p = m.gates(x);
        Tensor want = Tensor.zeros(DType.F64, 7, 2);
        for (int i = 0; i < 3; i++) want = want.add(m.expert(i).forward(x).mul(p.narrow(1, i, 1)));
        assertTrue(m.forward(x).allclose(want, 0, 1e-14));
        assertTrue(p.sum(1).allclose(Tensor.ones(DType.F64, 7), 0, 1e-14));
        gradcheckWithParameters("DenseMoE", m, xs -> m.forward(xs[0]).square().sum(), x.requiresGrad(true));
        // Eigen et al.'s deep mixture: two gated layers stacked
        Sequential deep = new Sequential(new DenseMoE(4, 3, mlp(4, 5, 6, g), g), new Tanh(), new DenseMoE(6, 2, mlp(6, 5, 2, g), g));
        deep.to(DType.F64);
        assertArrayEquals(new int[] {7, 2}, deep.forward(x).shape());
        gradcheckWithParameters("deep DenseMoE", deep, xs -> deep.forward(xs[0]).sum(), randn(33, 3, 4).requiresGrad(true));
    }

    // ---------------------------------------------------------------- SMEAR

    @Test
    void smearMergesParametersWithTheRoutingProbabilities() {
        Generator g = new Generator(41);
        SmearMoE m = new SmearMoE(4, 3, mlp(4, 5, 2, g), false, g);
        SmearMoE b = new SmearMoE(4, 3, mlp(4, 5, 2, g), true, g);
        m.to(DType.F64);
        b.to(DType.F64);
        Tensor x = randn(42, 6, 4);
        Tensor p = m.routing(x), y = m.forward(x);
        for (int r = 0; r < 6; r++) {
            Map<String, Tensor> merged = new LinkedHashMap<>();
            for (String name : m.expert(0).namedParameters().keySet()) {
                Tensor t = Tensor.zerosLike(m.expert(0).namedParameters().get(name));
                for (int i = 0; i < 3; i++) t = t.add(m.expert(i).namedParameters().get(name).mul(p.select(0, r).select(0, i).item()));
                merged.put(name, t);
            }
            Tensor want = FunctionalCall.call(m.expert(0), merged, x.narrow(0, r, 1));
            assertTrue(y.narrow(0, r, 1).allclose(want, 0, 1e-13), "row " + r);
        }
        // per batch: one merge with the mean probabilities
        Map<String, Tensor> mean = b.merge(b.routing(x).mean(0));
        assertTrue(b.forward(x).allclose(FunctionalCall.call(b.expert(0), mean, x), 0, 0));
        gradcheckWithParameters("SmearMoE per example", m, xs -> m.forward(xs[0]).square().sum(), x.requiresGrad(true));
        gradcheckWithParameters("SmearMoE per batch", b, xs -> b.forward(xs[0]).square().sum(), randn(43, 5, 4).requiresGrad(true));
    }

    // ---------------------------------------------------------------- errors

    @Test
    void badOptionsAreRefusedWithTheirValues() {
        Supplier<Module> lin = () -> new Linear(4, 3);
        assertMessage("k must be <= numExperts 3, got 4", () -> new SparseMoE(SparseMoE.options(4, 3, 3, 4, lin)));
        assertMessage("noisy gating needs k < numExperts", () -> new SparseMoE(SparseMoE.options(4, 3, 3, 3, lin)));
        new SparseMoE(SparseMoE.options(4, 3, 3, 3, lin).noisyGating(false));   // k = E is fine without noise
        assertMessage("k must be >= 1, got 0", () -> new NoisyTopKGate(4, 3, 0));
        assertMessage("numExperts must be >= 1, got 0", () -> new DenseMoE(4, 0, lin));
        assertMessage("capacityFactor must be >= 0, got -1.0", () -> new SparseMoE(SparseMoE.options(4, 3, 3, 1, lin).capacityFactor(-1)));
        assertMessage("wLoad must be >= 0", () -> new SparseMoE(SparseMoE.options(4, 3, 3, 1, lin).wLoad(Double.NaN)));
        assertMessage("supplier returned null for expert 0", () -> new SparseMoE(SparseMoE.options(4, 3, 3, 1, () -> null)));
        SparseMoE m = new SparseMoE(SparseMoE.options(4, 3, 3, 1, lin));
        assertMessage("input (2, 5) must be (..., 4)", () -> m.forward(Tensor.zeros(2, 5)));
        assertMessage("noise (2, 2) for input (2, 4): expected (2, 3)", () -> m.forwardWithLoss(Tensor.zeros(2, 4), Tensor.zeros(2, 2)));
        SparseMoE wrongOut = new SparseMoE(SparseMoE.options(4, 2, 3, 1, lin));
        assertMessage("(Linear) maps (", () -> wrongOut.forward(Tensor.ones(2, 4)));
        assertMessage("module '0' (BatchNorm1d) is not supported",
                () -> new SmearMoE(4, 2, () -> new Sequential(new BatchNorm1d(4), new Linear(4, 2))));
        int[] size = {3};
        assertMessage("merging needs the same names and shapes", () -> new SmearMoE(4, 2, () -> new Linear(4, size[0]++)));
        assertMessage("input (3, 5) must be (N, 4)", () -> new SmearMoE(4, 2, lin).forward(Tensor.zeros(3, 5)));
        assertMessage("capacity must be >= 0", () -> ExpertDispatch.kept(Tensor.zeros(2, 3), Tensor.zeros(DType.I64, 2, 1), -1));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable run) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
