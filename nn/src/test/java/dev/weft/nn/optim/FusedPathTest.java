package dev.weft.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.nn.loss.GoldenFile;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The fused array path of SGD, Adam and AdamW equals their tensor-op path: bit for bit in F64, within
 * float rounding in F32, over several steps with random gradients. Also: a non-contiguous gradient or
 * parameter still gives the same result (copied, or run as tensor ops), and the fused path bumps the
 * parameter's storage version.
 */
class FusedPathTest {
    private static final int STEPS = 5;

    private static List<Function<Map<String, Object>, Function<List<Tensor>, Optimizer>>> makers() {
        return List.of(
                o -> ps -> new SGD(ps, merge(o, Map.of("lr", 0.05, "momentum", 0.9, "weightDecay", 0.01, "nesterov", true))),
                o -> ps -> new SGD(ps, merge(o, Map.of("lr", 0.05, "momentum", 0.5, "dampening", 0.3, "maximize", true))),
                o -> ps -> new SGD(ps, merge(o, Map.of("lr", 0.05))),
                o -> ps -> new Adam(ps, merge(o, Map.of("lr", 0.01, "weightDecay", 0.1))),
                o -> ps -> new Adam(ps, merge(o, Map.of("lr", 0.01, "amsgrad", true, "maximize", true))),
                o -> ps -> new AdamW(ps, merge(o, Map.of("lr", 0.01, "amsgrad", true))));
    }

    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new HashMap<>(b);
        m.putAll(a);
        return m;
    }

    /** Runs STEPS steps with seeded random gradients; returns the parameters' values. */
    private static List<double[]> run(Function<List<Tensor>, Optimizer> make, DType dtype, boolean transposedGrad) {
        Generator g = new Generator(99);
        List<Tensor> ps = List.of(Tensor.randn(g, dtype, 37, 5).requiresGrad(true), Tensor.randn(g, dtype, 1023).requiresGrad(true),
                Tensor.randn(g, dtype, 3).requiresGrad(true));
        Optimizer opt = make.apply(ps);
        for (int s = 0; s < STEPS; s++) {
            for (Tensor p : ps) {
                Tensor grad = Tensor.randn(g, dtype, p.shape());
                if (transposedGrad && p.dim() == 2) grad = Tensor.randn(g, dtype, p.size(1), p.size(0)).t();
                p.setGrad(grad);
            }
            opt.step();
        }
        List<double[]> out = new ArrayList<>();
        for (Tensor p : ps) out.add(p.toDoubleArray());
        return out;
    }

    @Test
    void fusedEqualsTensorOpsBitForBitInF64() {
        for (var m : makers()) {
            List<double[]> a = run(m.apply(Map.of("fused", true)), DType.F64, false);
            List<double[]> b = run(m.apply(Map.of("fused", false)), DType.F64, false);
            for (int i = 0; i < a.size(); i++) assertArrayEquals(b.get(i), a.get(i), "parameter " + i);
        }
    }

    @Test
    void fusedEqualsTensorOpsInF32() {
        for (var m : makers()) {
            List<double[]> a = run(m.apply(Map.of("fused", true)), DType.F32, false);
            List<double[]> b = run(m.apply(Map.of("fused", false)), DType.F32, false);
            for (int i = 0; i < a.size(); i++) {
                GoldenFile.assertClose("parameter " + i, Tensor.of(b.get(i)), Tensor.of(a.get(i)), 1e-5, 1e-6);
            }
        }
    }

    @Test
    void nonContiguousGradientGivesTheSameResult() {
        for (var m : makers()) {
            List<double[]> a = run(m.apply(Map.of("fused", true)), DType.F64, true);
            List<double[]> b = run(m.apply(Map.of("fused", false)), DType.F64, true);
            for (int i = 0; i < a.size(); i++) assertArrayEquals(b.get(i), a.get(i), "parameter " + i);
        }
    }

    @Test
    void nonContiguousParameterRunsAsTensorOps() {
        Generator g = new Generator(3);
        Tensor base = Tensor.randn(g, DType.F64, 4, 6);
        Tensor view = base.clone().t().requiresGrad(true);              // (6, 4), strides (1, 6)
        Tensor dense = base.clone().t().contiguous().requiresGrad(true);
        Tensor grad = Tensor.randn(g, DType.F64, 6, 4);
        Adam a = new Adam(List.of(view), 0.1), b = new Adam(List.of(dense), 0.1);
        for (int s = 0; s < 3; s++) {
            view.setGrad(grad);
            dense.setGrad(grad);
            a.step();
            b.step();
        }
        assertArrayEquals(dense.toDoubleArray(), view.toDoubleArray());
        assertTrue(!view.isContiguous());
    }

    @Test
    void fusedStepBumpsTheParameterVersion() {
        Tensor p = Tensor.randn(new Generator(1), 8).requiresGrad(true);
        p.setGrad(Tensor.ones(8));
        int before = p.version();
        new SGD(List.of(p), 0.1).step();
        assertEquals(before + 1, p.version());
    }
}
