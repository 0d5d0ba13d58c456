package dev.weft.nn.hyper;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.GradMode;
import dev.weft.nn.Sequential;
import dev.weft.nn.functional.F;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.Tanh;
import dev.weft.nn.optim.Adam;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ContinualLearningTest {
    private static TaskConditionedHyperNetwork model(Generator g, int tasks) {
        Sequential target = new Sequential(new Linear(1, 8, true, g), new Tanh(), new Linear(8, 1, true, g));
        HMLP h = new HMLP(HMLP.options(target, 4).hidden(16).activation(Tanh::new).init(HyperInit.TARGET_SCALE).generator(g));
        TaskConditionedHyperNetwork cl = new TaskConditionedHyperNetwork(h, tasks, g);
        cl.to(DType.F64);
        return cl;
    }

    // task 0: y = sin(2x), task 1: y = -x, task 2: y = x^2, on x in [-1, 1]
    private static Tensor task(int t, Tensor x) {
        return switch (t) {
            case 0 -> x.mul(2).sin();
            case 1 -> x.neg();
            default -> x.square();
        };
    }

    private static void train(TaskConditionedHyperNetwork cl, int t, Tensor x, double beta, int steps) {
        Adam opt = new Adam(cl.parametersForTask(t), 1e-2);
        for (int i = 0; i < steps; i++) {
            opt.zeroGrad();
            Tensor loss = F.mseLoss(cl.forward(t, x), task(t, x)).add(cl.regularizer(beta));
            Autograd.backward(loss);
            opt.step();
        }
    }

    private static double loss(TaskConditionedHyperNetwork cl, int t, Tensor x) {
        try (var s = GradMode.noGrad()) {
            return F.mseLoss(cl.forward(t, x), task(t, x)).item();
        }
    }

    @Test
    void theRegularizerIsZeroRightAfterASnapshotAndPositiveAfterAStepOnANewTask() {
        Generator g = new Generator(1);
        TaskConditionedHyperNetwork cl = model(g, 2);
        Tensor x = Tensor.linspace(-1, 1, 16, DType.F64).reshape(16, 1);
        assertEquals(0, cl.regularizer(1).item(), 0, "nothing to hold before the first snapshot");
        train(cl, 0, x, 0, 20);
        cl.snapshot(1);
        assertEquals(0, cl.regularizer(1).item(), 0, "h(e_0) equals its snapshot exactly");
        train(cl, 1, x, 0, 1);
        assertTrue(cl.regularizer(1).item() > 0, "one generator step on task 1 moves h(e_0)");
        assertTrue(cl.hnet().isTraining(), "snapshot restores the training mode");
    }

    @Test
    void thePenaltyIsBetaOverTheTaskCountTimesTheSquaredDistances() {
        Generator g = new Generator(2);
        TaskConditionedHyperNetwork cl = model(g, 3);
        Tensor x = Tensor.linspace(-1, 1, 16, DType.F64).reshape(16, 1);
        cl.snapshot(2);
        Tensor stored0 = cl.outputRegularizer().targets().select(0, 0).clone();
        Tensor stored1 = cl.outputRegularizer().targets().select(0, 1).clone();
        train(cl, 2, x, 0, 3);
        double d0, d1;
        try (var s = GradMode.noGrad()) {
            d0 = cl.hnet().generateFlat(cl.embeddings().get(0)).sub(stored0).square().sum().item();
            d1 = cl.hnet().generateFlat(cl.embeddings().get(1)).sub(stored1).square().sum().item();
        }
        double expected = 0.3 / 2 * (d0 + d1);
        assertTrue(d0 > 0 && d1 > 0 && Math.abs(d0 - d1) > 1e-9 * d0);
        assertEquals(expected, cl.regularizer(0.3).item(), 1e-12 * expected);
        // a subset of one task: beta * ||h(e_t) - theta*_t||^2 for the drawn t
        double one = cl.outputRegularizer().penalty(cl.hnet(), cl.embeddings().first(2), 0.3, 1, new Generator(7)).item();
        assertTrue(Math.abs(one - 0.3 * d0) <= 1e-12 * one || Math.abs(one - 0.3 * d1) <= 1e-12 * one, one + " vs " + 0.3 * d0 + ", " + 0.3 * d1);
    }

    @Test
    void gradcheckThroughTheRegularizer() {
        Generator g = new Generator(3);
        Sequential target = new Sequential(new Linear(1, 2, true, g), new Tanh(), new Linear(2, 1, true, g));
        HMLP h = new HMLP(HMLP.options(target, 2).hidden(3).activation(Tanh::new).generator(g));
        h.to(DType.F64);
        Tensor embs = Tensor.randn(g, DType.F64, 2, 2);
        OutputRegularizer reg = new OutputRegularizer();
        reg.snapshot(h, embs);
        // the stored targets are constants: the check moves the generator and the embeddings away from them
        HyperChecks.gradcheck("output regularizer", h, embs.add(0.1), (m, e) -> reg.penalty(m, e, 0.5));
    }

    @Test
    void theRegularizerKeepsEarlierTasksWhereFineTuningForgetsThem() {
        Tensor x = Tensor.linspace(-1, 1, 32, DType.F64).reshape(32, 1);
        double[] after = new double[2];
        double before = Double.NaN;
        for (int run = 0; run < 2; run++) {
            TaskConditionedHyperNetwork cl = model(new Generator(4), 2);
            train(cl, 0, x, 0, 300);
            before = loss(cl, 0, x);
            cl.snapshot(1);
            train(cl, 1, x, run == 0 ? 0 : 0.05, 300);
            after[run] = loss(cl, 0, x);
            assertTrue(loss(cl, 1, x) < 1e-3, "task 1 is learned in both runs");
        }
        assertTrue(before < 1e-2, "task 0 is learned: " + before);
        assertTrue(after[0] > 50 * before, "fine-tuning forgets task 0: " + after[0]);
        assertTrue(after[1] < 2 * before, "the regularizer keeps it: " + after[1] + " (before " + before + ")");
    }

    @Test
    void badEmbeddingsAndTasksAreNamed() {
        Generator g = new Generator(5);
        TaskConditionedHyperNetwork cl = model(g, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> cl.forward(2, Tensor.zeros(DType.F64, 1, 1)));
        assertEquals("TaskEmbeddings: task 2 is out of range for 2 tasks", e.getMessage());
        OutputRegularizer reg = new OutputRegularizer();
        e = assertThrows(IllegalArgumentException.class, () -> reg.snapshot(cl.hnet(), Tensor.zeros(DType.F64, 2, 3)));
        assertEquals("OutputRegularizer.snapshot: embeddings (2, 3) must be (T' >= 1, C=4)", e.getMessage());
        cl.snapshot(2);
        e = assertThrows(IllegalArgumentException.class,
                () -> cl.outputRegularizer().penalty(cl.hnet(), cl.embeddings().first(1), 1));
        assertEquals("OutputRegularizer.penalty: embeddings (1, 4) for 2 snapshotted tasks", e.getMessage());
    }
}
