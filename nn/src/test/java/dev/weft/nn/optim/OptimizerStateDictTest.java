package dev.weft.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.autograd.Autograd;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Save after k steps, keep going, then restore into a fresh optimizer over fresh parameters: the
 * resumed run must give the same bits. Also: the flat tensor form round-trips, and mismatched dicts
 * are refused with every problem named, leaving the optimizer untouched.
 */
class OptimizerStateDictTest {
    private static final Tensor X = Tensor.randn(new Generator(11), DType.F64, 16, 4);
    private static final Tensor Y = Tensor.randn(new Generator(12), DType.F64, 16, 2);

    private static List<Tensor> params() {
        Generator g = new Generator(13);
        return List.of(Tensor.randn(g, DType.F64, 4, 2).requiresGrad(true), Tensor.randn(g, DType.F64, 2).requiresGrad(true));
    }

    private static Tensor loss(List<Tensor> ps) {
        return X.matmul(ps.get(0)).add(ps.get(1)).sub(Y).square().mean();
    }

    private static void steps(Optimizer opt, List<Tensor> ps, int n) {
        for (int i = 0; i < n; i++) {
            opt.step(() -> {
                opt.zeroGrad();
                Tensor l = loss(ps);
                Autograd.backward(l);
                return l;
            });
        }
    }

    private static List<Function<List<Tensor>, Optimizer>> makers() {
        return List.of(
                ps -> new SGD(ps, Map.of("lr", 0.05, "momentum", 0.9, "nesterov", true)),
                ps -> new Adam(ps, Map.of("lr", 0.05, "amsgrad", true)),
                ps -> new AdamW(ps, Map.of("lr", 0.05, "fused", false)),
                ps -> new RMSprop(ps, Map.of("lr", 0.01, "momentum", 0.5, "centered", true)),
                ps -> new Adagrad(ps, Map.of("lr", 0.1, "lrDecay", 0.01)),
                ps -> new LBFGS(ps, Map.of("maxIter", 3, "historySize", 3)),
                ps -> new LBFGS(ps, Map.of("maxIter", 3, "lineSearchFn", "strong_wolfe")));
    }

    @Test
    void resumeIsBitIdentical() {
        for (boolean flat : new boolean[] {false, true}) {
            for (var make : makers()) {
                List<Tensor> a = params();
                Optimizer oa = make.apply(a);
                steps(oa, a, 3);
                OptimizerStateDict saved = oa.stateDict();
                List<Tensor> snapshot = new ArrayList<>();
                for (Tensor p : a) snapshot.add(p.detach().clone());
                steps(oa, a, 4);

                List<Tensor> b = params();
                try (var s = Autograd.noGrad()) {
                    for (int i = 0; i < b.size(); i++) b.get(i).copy_(snapshot.get(i));
                }
                Optimizer ob = make.apply(b);
                ob.loadStateDict(flat ? OptimizerStateDict.fromTensors(saved.toTensors()) : saved);
                steps(ob, b, 4);
                for (int i = 0; i < a.size(); i++) {
                    assertArrayEquals(a.get(i).toDoubleArray(), b.get(i).toDoubleArray(), oa.name() + " parameter " + i + (flat ? " (flat)" : ""));
                }
            }
        }
    }

    @Test
    void stateDictIsADeepCopyInPyTorchLayout() {
        List<Tensor> ps = params();
        Adam opt = new Adam(List.of(new ParamGroup(List.of(ps.get(0))), new ParamGroup(List.of(ps.get(1)), Map.of("lr", 0.5))), Map.of());
        steps(opt, ps, 2);
        OptimizerStateDict sd = opt.stateDict();
        assertEquals(List.of(0), sd.paramGroups().get(0).get("params"));
        assertEquals(List.of(1), sd.paramGroups().get(1).get("params"));
        assertEquals(0.5, sd.paramGroups().get(1).get("lr"));
        assertEquals(2L, sd.state().get(1).get("step"));
        Tensor m = (Tensor) sd.state().get(0).get("expAvg");
        double before = m.get(0, 0);
        steps(opt, ps, 1);
        assertEquals(before, m.get(0, 0), 0.0);
        assertTrue(((Tensor) opt.state(ps.get(0)).get("expAvg")).get(0, 0) != before);
    }

    @Test
    void mismatchesAreAllReportedAndNothingChanges() {
        List<Tensor> ps = params();
        Adam opt = new Adam(ps, 0.1);
        steps(opt, ps, 1);
        OptimizerStateDict good = opt.stateDict();
        Adam other = new Adam(List.of(Tensor.zeros(DType.F64, 3, 3).requiresGrad(true)), 0.2);
        String msg = assertThrows(IllegalArgumentException.class, () -> other.loadStateDict(good)).getMessage();
        assertTrue(msg.contains("doesn't match the size") && msg.contains("2 parameters there, 1 here"), msg);
        assertTrue(msg.contains("state for parameter index 1"), msg);
        assertTrue(msg.contains("'expAvg' of parameter 0 is (4, 2), parameter is (3, 3)"), msg);
        assertEquals(0.2, other.paramGroups().get(0).lr());
        assertTrue(other.state(other.paramGroups().get(0).params().get(0)).isEmpty());
    }

    @Test
    void adagradStateExistsBeforeTheFirstStep() {
        List<Tensor> ps = params();
        Adagrad opt = new Adagrad(ps, Map.of("initialAccumulatorValue", 0.25));
        OptimizerStateDict sd = opt.stateDict();
        assertEquals(0L, sd.state().get(0).get("step"));
        assertEquals(0.25, ((Tensor) sd.state().get(1).get("sum")).get(0), 0.0);
    }
}
