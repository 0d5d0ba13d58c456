package dev.weft.repro.seq;

import dev.weft.autograd.Autograd;
import dev.weft.nn.Module;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.optim.GradClip;
import dev.weft.nn.rnn.LSTM;
import dev.weft.repro.Reproduction;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The adding problem (Hochreiter and Schmidhuber 1997, experiment 4): a sequence of T pairs
 * (u_t, m_t), u_t ~ U(0, 1), with m_t = 1 at one step in each half; the target is the sum of the two
 * marked values. Predicting the mean gives MSE 1/6 ~ 0.167; the paper counts a sequence solved when
 * the absolute error is below 0.04. An LSTM (hidden 32) with a linear read-out of its last state,
 * Adam and gradient clipping, on fresh random batches; data are generated, so no files are needed.
 * Full: T = 50; quick: T = 20.
 */
public final class LstmAdding implements Reproduction {
    @Override
    public String name() {
        return "lstm-adding";
    }

    @Override
    public String description() {
        return "LSTM on the adding problem (Hochreiter & Schmidhuber 1997), T=50: held-out MSE (mean predictor: 0.167)";
    }

    /** {x (n, T, 2) F32, y (n, 1) F32}. */
    static Tensor[] batch(Generator g, int n, int T) {
        double[] u = Tensor.rand(g, DType.F64, n, T).toDoubleArray();
        long[] first = Tensor.randint(g, 0, T / 2, n).toLongArray();
        long[] second = Tensor.randint(g, T / 2, T, n).toLongArray();
        float[] x = new float[n * T * 2], y = new float[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < T; t++) x[(i * T + t) * 2] = (float) u[i * T + t];
            x[(i * T + (int) first[i]) * 2 + 1] = 1;
            x[(i * T + (int) second[i]) * 2 + 1] = 1;
            y[i] = (float) (u[i * T + (int) first[i]] + u[i * T + (int) second[i]]);
        }
        return new Tensor[] {Tensor.of(x, n, T, 2), Tensor.of(y, n, 1)};
    }

    /** LSTM + linear read-out of the last step. */
    static final class Model extends Module {
        final LSTM lstm;
        final Linear head;

        Model(int hidden, Generator g) {
            lstm = registerModule("lstm", new LSTM(LSTM.options(2, hidden).batchFirst(true).generator(g)));
            head = registerModule("head", new Linear(hidden, 1, true, g));
        }

        @Override
        public Tensor forward(Tensor x) {
            Tensor out = lstm.forward(x);
            return head.forward(out.select(1, out.size(1) - 1));
        }
    }

    @Override
    public List<Metric> run(Path data, boolean quick, long seed, PrintStream log) {
        int T = quick ? 20 : 50, hidden = 32, batch = 64, maxSteps = quick ? 1500 : 4000;
        Generator g = new Generator(seed);
        Model model = new Model(hidden, g.split());
        Adam opt = new Adam(model.parameters(), 1e-2);
        Generator stream = g.split();
        Tensor[] heldOut = batch(g.split(), 1000, T);
        double mse = Double.NaN, solved = 0;
        long t0 = System.nanoTime();
        for (int step = 1; step <= maxSteps; step++) {
            Tensor[] xy = batch(stream, batch, T);
            opt.zeroGrad();
            Tensor loss = model.forward(xy[0]).sub(xy[1]).square().mean();
            Autograd.backward(loss);
            GradClip.clipGradNorm(model.parameters(), 1.0);
            opt.step();
            if (step % 100 == 0 || step == maxSteps) {
                try (var s = Autograd.noGrad()) {
                    Tensor err = model.forward(heldOut[0]).sub(heldOut[1]);
                    mse = err.square().mean().item();
                    solved = 100 * err.abs().lt(0.04).to(DType.F64).mean().item();
                }
                log.printf(Locale.ROOT, "step %5d  train MSE %.5f  held-out MSE %.5f  |err| < 0.04: %.1f%%  (%.1f s)%n",
                        step, loss.item(), mse, solved, (System.nanoTime() - t0) / 1e9);
                if (mse < 2e-4 && solved >= 99) break;
            }
        }
        return List.of(new Metric("held-out MSE", Double.NaN, mse, "mse", false),
                new Metric("sequences with |err| < 0.04", 100.0, solved, "%", true));
    }
}
