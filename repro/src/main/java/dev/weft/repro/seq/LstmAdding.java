package dev.weft.repro.seq;

import dev.weft.autograd.Autograd;
import dev.weft.nn.Module;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.optim.GradClip;
import dev.weft.nn.rnn.LSTM;
import dev.weft.repro.Budget;
import dev.weft.repro.Claim;
import dev.weft.repro.Curve;
import dev.weft.repro.Figure;
import dev.weft.repro.Outcome;
import dev.weft.repro.Paper;
import dev.weft.repro.Reproduction;
import dev.weft.repro.RunContext;
import dev.weft.repro.StepProgress;
import dev.weft.repro.Unit;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The adding problem (Hochreiter and Schmidhuber 1997, experiment 4, Table 7): a sequence of T pairs
 * (u_t, m_t), u_t ~ U(0, 1), with m_t = 1 at one step in each half; the target is the sum of the two
 * marked values. Predicting the mean gives MSE 1/6 ~ 0.167; the paper counts a sequence solved when the
 * absolute error is below 0.04. An LSTM (hidden 32) with a linear read-out of its last state, Adam and
 * gradient clipping, on fresh random batches; data are generated, so no files are needed.
 * Full: T = 50; quick: T = 20.
 */
public final class LstmAdding implements Reproduction {
    static final String MSE = "held-out MSE", SOLVED = "held-out sequences with |err| < 0.04", FIGURE = "learning-curve";

    @Override
    public String name() {
        return "lstm-adding";
    }

    @Override
    public String description() {
        return "LSTM on the adding problem (generated data): share of sequences solved, held-out MSE";
    }

    @Override
    public Paper paper() {
        return new Paper("Long short-term memory", "Sepp Hochreiter, Jürgen Schmidhuber", 1997,
                "Neural Computation 9(8), 1735-1780");
    }

    @Override
    public String protocol() {
        return "Sequences of T = 50 pairs (u_t ~ U(0, 1), marker m_t), one marker in each half, target the sum of the two "
                + "marked values; an LSTM with 32 hidden units (one layer) and a linear read-out of its last state; Adam lr "
                + "1e-2, gradient norm clipped at 1, batches of 64 fresh sequences, at most 4,000 steps, stopping early once "
                + "the held-out MSE is below 2e-4 with >= 99% solved; measured on 1,000 held-out sequences every 100 steps "
                + "(a sequence is solved when |error| < 0.04, the paper's criterion). Departures from the paper: T = 50 (the "
                + "paper's shortest is T = 100), values in [0, 1] and a plain sum as target (the paper: values in [-1, 1], "
                + "target 0.5 + (x1 + x2) / 4), a modern LSTM with forget gate and Adam (the paper: no forget gate, "
                + "truncated gradients, plain gradient descent).";
    }

    @Override
    public String quickProtocol() {
        return "T = 20 and at most 1,500 steps, the rest as in the full protocol.";
    }

    @Override
    public List<Claim> claims() {
        return List.of(
                new Claim(SOLVED, Unit.PERCENT, true, 100 * (1 - 1 / 2560.0), Double.NaN,
                        "Table 7 (T = 100: 1 wrong of 2,560 test sequences)", 99.0, 90.0),
                new Claim(MSE, Unit.MSE, false, Double.NaN, Double.NaN,
                        "the paper reports no MSE; the mean predictor's MSE is 1/6 = 0.167", 1e-3, 1e-2));
    }

    @Override
    public List<Figure> figures() {
        return List.of(new Figure(FIGURE, "LSTM on the adding problem: mean squared error", "training step",
                "mean squared error (log scale)", true, "not a figure of the paper (it reports tables only): Weft's learning "
                        + "curve, held-out MSE on 1,000 sequences and the training batch's MSE every 100 steps"));
    }

    @Override
    public Budget time() {
        return new Budget(30, 12);
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
    public Outcome run(RunContext ctx) {
        int T = ctx.quick() ? 20 : 50, hidden = 32, batch = 64, maxSteps = ctx.quick() ? 1500 : 4000;
        Generator g = new Generator(ctx.seed());
        Model model = new Model(hidden, g.split());
        Adam opt = new Adam(model.parameters(), 1e-2);
        Generator stream = g.split();
        Tensor[] heldOut = batch(g.split(), 1000, T);
        double mse = Double.NaN, solved = 0;
        List<Double> steps = new ArrayList<>(), heldMse = new ArrayList<>(), trainMse = new ArrayList<>();
        StepProgress progress = ctx.steps(maxSteps);
        long t0 = System.nanoTime();
        for (int step = 1; step <= maxSteps; step++) {
            Tensor[] xy = batch(stream, batch, T);
            opt.zeroGrad();
            Tensor loss = model.forward(xy[0]).sub(xy[1]).square().mean();
            Autograd.backward(loss);
            GradClip.clipGradNorm(model.parameters(), 1.0);
            opt.step();
            double train = loss.item();
            progress.update(step, String.format(Locale.ROOT, "train MSE %.2e", train));
            if (step % 100 == 0 || step == maxSteps) {
                try (var s = Autograd.noGrad()) {
                    Tensor err = model.forward(heldOut[0]).sub(heldOut[1]);
                    mse = err.square().mean().item();
                    solved = 100 * err.abs().lt(0.04).to(DType.F64).mean().item();
                }
                steps.add((double) step);
                heldMse.add(mse);
                trainMse.add(train);
                progress.report(String.format(Locale.ROOT,
                        "step %4d/%d  train MSE %.2e  held-out MSE %.2e  solved (|err| < 0.04) %.2f%%  (%.1f s)", step,
                        maxSteps, train, mse, solved, (System.nanoTime() - t0) / 1e9));
                if (mse < 2e-4 && solved >= 99) break;
            }
        }
        progress.done();
        return new Outcome(Map.of(MSE, mse, SOLVED, solved), List.of(new Curve(FIGURE, "held-out MSE", steps, heldMse),
                new Curve(FIGURE, "training batch MSE", steps, trainMse)));
    }
}
