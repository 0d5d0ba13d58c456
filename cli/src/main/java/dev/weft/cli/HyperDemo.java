package dev.weft.cli;

import dev.weft.autograd.Autograd;
import dev.weft.nn.Sequential;
import dev.weft.nn.hyper.HMLP;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's hypernetwork part: an {@link HMLP} maps a task code (one-hot, 2 tasks) to all the weights of a small MLP
 * 2-32-2, theta_t = h(code_t), and is trained on two generated 2-D classification tasks at once (quadrants: x0 x1 > 0;
 * ring: |x| < 1.2; x ~ U(-1.5, 1.5)^2, seeded). Then one batch that mixes both tasks runs with one weight set per sample
 * (per-sample codes, batched matmuls).
 */
final class HyperDemo {
    private HyperDemo() {}

    static final int POINTS = 2000, BATCH = 256, TASKS = 2, STEPS = 300;
    static final String[] NAMES = {"quadrants (x0 x1 > 0)", "ring (|x| < 1.2)"};

    /** Task t's points: x (n, 2), labels (n). */
    static Tensor[] task(int t, int n, Generator g) {
        Tensor x = Tensor.rand(g, DType.F32, n, 2).mul(3).sub(1.5);
        Tensor x0 = x.narrow(1, 0, 1).squeeze(1), x1 = x.narrow(1, 1, 1).squeeze(1);
        Tensor y = t == 0 ? x0.mul(x1).gt(0.0) : x0.square().add(x1.square()).lt(1.44);
        return new Tensor[] {x, y.to(DType.I64)};
    }

    static Tensor code(int t) {
        float[] c = new float[TASKS];
        c[t] = 1;
        return Tensor.of(c);
    }

    /** Trains for {@code steps} Adam steps; returns the test accuracy per task, then that of the mixed batch. */
    static double[] run(PrintStream out, int steps) {
        out.println("\n== A hypernetwork: one generator, a task code in, all the weights of a small MLP out");
        long t0 = System.nanoTime();
        Generator g = new Generator(11);
        Sequential target = new Sequential(new Linear(2, 32, true, g), new ReLU(), new Linear(32, 2, true, g));
        HMLP hyper = new HMLP(HMLP.options(target, TASKS).hidden(32).generator(g));
        List<Tensor> params = new ArrayList<>();
        hyper.namedParameters().forEach((k, v) -> {
            if (!k.startsWith("target.")) params.add(v);
        });
        Tensor[][] train = new Tensor[TASKS][], test = new Tensor[TASKS][];
        for (int t = 0; t < TASKS; t++) {
            train[t] = task(t, POINTS, g);
            test[t] = task(t, POINTS, g);
        }
        out.printf(Locale.ROOT, "target MLP 2-32-2 (%d weights, all generated); HMLP code %d -> 32 -> heads: %d parameters; tasks: %s, %s%n",
                hyper.layout().numel(), TASKS, hyper.numGeneratorParameters(), NAMES[0], NAMES[1]);
        Adam opt = new Adam(params, 1e-2);
        for (int s = 0; s < steps; s++) {
            opt.zeroGrad();
            Tensor loss = null;
            for (int t = 0; t < TASKS; t++) {
                Tensor idx = Tensor.randint(g, 0, POINTS, BATCH);
                Tensor l = Losses.crossEntropy(hyper.forward(code(t), train[t][0].indexSelect(0, idx)), train[t][1].indexSelect(0, idx));
                loss = loss == null ? l : loss.add(l);
            }
            Autograd.backward(loss);
            opt.step();
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        double[] acc = new double[TASKS + 1];
        try (var ng = Autograd.noGrad()) {
            for (int t = 0; t < TASKS; t++) {
                acc[t] = accuracy(hyper.forward(code(t), test[t][0]), test[t][1]);
                out.printf(Locale.ROOT, "task %d, %-22s test accuracy %5.1f%% with theta = h(code_%d)%n", t, NAMES[t] + ":", 100 * acc[t], t);
            }
            // one mixed batch: the first half from task 0, the second from task 1, one code (and weight set) per sample
            int half = 200;
            Tensor x = Tensor.cat(new Tensor[] {test[0][0].narrow(0, 0, half), test[1][0].narrow(0, 0, half)}, 0);
            Tensor y = Tensor.cat(new Tensor[] {test[0][1].narrow(0, 0, half), test[1][1].narrow(0, 0, half)}, 0);
            Tensor codes = Tensor.cat(new Tensor[] {code(0).unsqueeze(0).expand(half, TASKS), code(1).unsqueeze(0).expand(half, TASKS)}, 0);
            acc[TASKS] = accuracy(hyper.forward(codes, x), y);
            out.printf(Locale.ROOT, "a mixed batch of %d points (both tasks), one generated weight set per sample: accuracy %.1f%%%n",
                    2 * half, 100 * acc[TASKS]);
        }
        out.printf(Locale.ROOT, "trained %d Adam steps on both tasks in %.2f s (%.1f ms per step)%n", steps, trainSeconds,
                1000 * trainSeconds / Math.max(1, steps));
        return acc;
    }

    private static double accuracy(Tensor logits, Tensor y) {
        return logits.argmax(1).eq(y).to(DType.F64).mean().item();
    }
}
