package dev.weft.nn.optim.lr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.nn.loss.GoldenFile;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.optim.Optimizer;
import dev.weft.nn.optim.ParamGroup;
import dev.weft.nn.optim.SGD;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Scheduler lr sequences against PyTorch (golden/optim_lr.txt, made by nn/src/test/python/optim_golden.py):
 * two param groups (lr 0.1 and 0.5), 30 steps, lr of both groups, momentum/beta1, and getLastLr, within 1e-12.
 */
class SchedulerGoldenTest {
    private static final GoldenFile GOLDEN = GoldenFile.load("/golden/optim_lr.txt");

    private static List<ParamGroup> twoGroups() {
        return List.of(new ParamGroup(List.of(Tensor.zeros(DType.F64, 2).requiresGrad(true)), SGD.options().lr(0.1)),
                new ParamGroup(List.of(Tensor.zeros(DType.F64, 2).requiresGrad(true)), SGD.options().lr(0.5)));
    }

    private static Optimizer sgd2() {
        return new SGD(twoGroups(), SGD.options().lr(0.1).momentum(0.9));
    }

    private static Optimizer adam2() {
        return new Adam(twoGroups(), Adam.options().lr(0.1));
    }

    private record Case(Supplier<Optimizer> opt, Function<Optimizer, LRScheduler> sched) {}

    private static Map<String, Case> cases() {
        Map<String, Case> c = new LinkedHashMap<>();
        c.put("step", new Case(SchedulerGoldenTest::sgd2, o -> new StepLR(o, 3, 0.5)));
        c.put("multistep", new Case(SchedulerGoldenTest::sgd2, o -> new MultiStepLR(o, new int[] {2, 5, 5, 9}, 0.3)));
        c.put("exponential", new Case(SchedulerGoldenTest::sgd2, o -> new ExponentialLR(o, 0.9)));
        c.put("cosine", new Case(SchedulerGoldenTest::sgd2, o -> new CosineAnnealingLR(o, 7, 0.01)));
        c.put("linear", new Case(SchedulerGoldenTest::sgd2, o -> new LinearLR(o, 0.1, 1.0, 6)));
        c.put("linear_default", new Case(SchedulerGoldenTest::sgd2, LinearLR::new));
        c.put("onecycle_cos", new Case(SchedulerGoldenTest::sgd2, o -> new OneCycleLR(o, 1.0, 30)));
        c.put("onecycle_linear_adam", new Case(SchedulerGoldenTest::adam2, o -> new OneCycleLR(o,
                OneCycleLR.options(new double[] {0.5, 2.0}, 30).pctStart(0.25).annealStrategy("linear").divFactor(10).finalDivFactor(100))));
        c.put("onecycle_three_phase", new Case(SchedulerGoldenTest::sgd2, o -> new OneCycleLR(o,
                OneCycleLR.options(1.0, 30).threePhase(true).momentum(0.8, 0.9))));
        c.put("sequential_warmup_cosine", new Case(SchedulerGoldenTest::sgd2, o -> SequentialLR.withWarmup(o, 4, 0.1,
                x -> new CosineAnnealingLR(x, 10))));
        c.put("sequential_exp_step", new Case(SchedulerGoldenTest::sgd2, o -> {
            LRScheduler a = new ExponentialLR(o, 0.9);
            LRScheduler b = new StepLR(o, 3, 0.5);
            return new SequentialLR(o, List.of(a, b), new int[] {5});
        }));
        return c;
    }

    @Test
    void everyGoldenCaseIsReplayed() {
        assertEquals(new TreeSet<>(GOLDEN.cases().keySet()), new TreeSet<>(cases().keySet()));
    }

    @TestFactory
    List<DynamicTest> lrSequencesMatchPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        cases().forEach((name, c) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            Optimizer opt = c.opt().get();
            LRScheduler s = c.sched().apply(opt);
            Map<String, Tensor> want = GOLDEN.get(name);
            double[] lr0 = want.get("lr0").toDoubleArray(), lr1 = want.get("lr1").toDoubleArray();
            double[] mom0 = want.get("mom0").toDoubleArray(), last0 = want.get("last0").toDoubleArray();
            for (int k = 0; k < lr0.length; k++) {
                if (k > 0) s.step();
                ParamGroup g0 = opt.paramGroups().get(0);
                assertEquals(lr0[k], g0.lr(), 1e-12 * Math.abs(lr0[k]) + 1e-15, name + " lr0 at step " + k);
                assertEquals(lr1[k], opt.paramGroups().get(1).lr(), 1e-12 * Math.abs(lr1[k]) + 1e-15, name + " lr1 at step " + k);
                double m = g0.has("betas") ? g0.getDoubles("betas")[0] : g0.getDouble("momentum");
                assertEquals(mom0[k], m, 1e-12, name + " momentum at step " + k);
                assertEquals(last0[k], s.getLastLr().get(0), 1e-12 * Math.abs(last0[k]) + 1e-15, name + " getLastLr at step " + k);
            }
        })));
        return tests;
    }
}
