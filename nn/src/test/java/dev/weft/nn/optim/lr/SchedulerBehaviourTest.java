package dev.weft.nn.optim.lr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.nn.optim.Adagrad;
import dev.weft.nn.optim.Optimizer;
import dev.weft.nn.optim.OptimizerStateDict;
import dev.weft.nn.optim.SGD;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Scheduler state dicts resume the same sequence; misuse is an error naming the scheduler. */
class SchedulerBehaviourTest {
    private static Optimizer sgd() {
        return new SGD(List.of(Tensor.zeros(2).requiresGrad(true)), SGD.options().lr(0.2).momentum(0.9));
    }

    private static List<Double> run(LRScheduler s, int n) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            s.step();
            out.add(s.optimizer().paramGroups().get(0).lr());
        }
        return out;
    }

    @Test
    void stateDictResumesTheSequence() {
        List<Function<Optimizer, LRScheduler>> makers = List.of(
                o -> new CosineAnnealingLR(o, 6, 0.001),
                o -> new OneCycleLR(o, 1.0, 20),
                o -> SequentialLR.withWarmup(o, 3, 0.2, x -> new StepLR(x, 2, 0.5)),
                o -> new MultiStepLR(o, new int[] {3, 7}));
        for (var make : makers) {
            Optimizer a = sgd();
            LRScheduler sa = make.apply(a);
            run(sa, 5);
            OptimizerStateDict optState = a.stateDict();
            Map<String, Object> schedState = sa.stateDict();
            List<Double> want = run(sa, 10);

            Optimizer b = sgd();
            LRScheduler sb = make.apply(b);
            b.loadStateDict(optState);
            sb.loadStateDict(schedState);
            assertEquals(want, run(sb, 10), sa.getClass().getSimpleName());
        }
    }

    @Test
    void oneCycleRefusesToRunPastItsTotalSteps() {
        OneCycleLR s = new OneCycleLR(sgd(), 1.0, 3);
        s.step();
        s.step();
        s.step();
        String m = assertThrows(IllegalStateException.class, s::step).getMessage();
        assertTrue(m.contains("total steps is 3"), m);
    }

    @Test
    void oneCycleNeedsMomentumToCycleIt() {
        Optimizer ada = new Adagrad(List.of(Tensor.zeros(2).requiresGrad(true)));
        String m = assertThrows(IllegalArgumentException.class, () -> new OneCycleLR(ada, 1.0, 10)).getMessage();
        assertTrue(m.contains("momentum"), m);
        new OneCycleLR(ada, OneCycleLR.options(1.0, 10).cycleMomentum(false));
    }

    @Test
    void argumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new StepLR(sgd(), 0));
        assertThrows(IllegalArgumentException.class, () -> new LinearLR(sgd(), 0.0, 1.0, 5));
        Optimizer o = sgd();
        LRScheduler a = new StepLR(o, 2);
        assertThrows(IllegalArgumentException.class, () -> new SequentialLR(o, List.of(a), new int[] {3}));
        assertThrows(IllegalArgumentException.class, () -> new SequentialLR(o, List.of(a, new StepLR(sgd(), 2)), new int[] {3}));
    }

    @Test
    void firstLrIsSetAtConstruction() {
        Optimizer o = sgd();
        new LinearLR(o, 0.5, 1.0, 4);
        assertEquals(0.1, o.paramGroups().get(0).lr(), 1e-15);
        assertEquals(0.2, o.paramGroups().get(0).getDouble("initialLr"), 0.0);
    }
}
