package dev.weft.repro.weightspace;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.GradMode;
import dev.weft.nn.Sequential;
import dev.weft.nn.data.Mnist;
import dev.weft.nn.functional.F;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.weightspace.ActivationMatching;
import dev.weft.nn.weightspace.Interpolation;
import dev.weft.nn.weightspace.MlpPermutationSpec;
import dev.weft.nn.weightspace.WeightMatching;
import dev.weft.repro.Budget;
import dev.weft.repro.Claim;
import dev.weft.repro.Curve;
import dev.weft.repro.DataSet;
import dev.weft.repro.DataSets;
import dev.weft.repro.Figure;
import dev.weft.repro.Outcome;
import dev.weft.repro.Paper;
import dev.weft.repro.Reproduction;
import dev.weft.repro.RunContext;
import dev.weft.repro.StepProgress;
import dev.weft.repro.Unit;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Linear mode connectivity modulo permutations (Ainsworth, Hayase and Srinivasa 2023, "Git Re-Basin", Sec. 2-3,
 * Fig. 2 MNIST MLP): two MLPs 784-512-512-512-10 trained from different seeds (init and batch order) on MNIST are
 * interpolated, theta_lambda = (1 - lambda) theta_A + lambda theta_B, and the test loss along the path is compared
 * with the chord between the end points (the loss barrier, eq. 1). Naively the midpoint is much worse than either
 * model; after permuting B's hidden units onto A's, by weight matching (Algorithm 1) or by activation matching
 * (Sec. 3.1), the path stays near the chord.
 */
public final class RebasinMnist implements Reproduction {
    static final DataSet MNIST = DataSets.MNIST;
    static final int WIDTH = 512, BATCH = 128, MATCH_BATCH = 2000, EVAL_BATCH = 1000;
    static final double LR = 1e-3;
    static final String NAIVE = "test loss barrier, naive interpolation", WM = "test loss barrier after weight matching",
            AM = "test loss barrier after activation matching", RATIO = "weight-matched / naive barrier",
            ACC = "test accuracy of model A", LOSS_FIG = "loss", ACC_FIG = "accuracy";

    @Override
    public String name() {
        return "rebasin-mnist";
    }

    @Override
    public String description() {
        return "Git Re-Basin on MNIST: loss barrier between two independently trained MLPs, naive vs after weight / activation matching";
    }

    @Override
    public Paper paper() {
        return new Paper("Git Re-Basin: Merging Models modulo Permutation Symmetries", "Samuel K. Ainsworth, Jonathan Hayase, Siddhartha Srinivasa",
                2023, "ICLR 2023 (arXiv:2209.04836)");
    }

    @Override
    public String protocol() {
        return "Two MLPs 784-512-512-512-10 (ReLU, PyTorch default init) from seeds s and s + 1 (init and batch order), trained "
                + "on the 60,000 MNIST training images (normalized, mean 0.1307, std 0.3081) for 3 epochs of Adam (lr 1e-3, batches of "
                + "128), cross-entropy. Matching B onto A: weight matching (Algorithm 1, coordinate descent over the three hidden "
                + "layers in a seeded random order until a sweep changes nothing, each step an exact linear assignment) and "
                + "activation matching (Pearson correlation of the post-ReLU activations on 2,000 training images, one assignment "
                + "per layer). Interpolation at 21 lambdas 0, 0.05, ..., 1 of the naive, weight-matched and activation-matched "
                + "pairs; barrier = max over lambda of test loss minus the chord (eq. 1), on the 10,000 test images. Departures "
                + "from the paper: 3 epochs instead of training to convergence, one seed pair, no STE matching.";
    }

    @Override
    public String quickProtocol() {
        return "2 epochs of training on 20,000 training images per model, 11 lambdas, the barrier measured on 2,000 test images; "
                + "the rest as in the full protocol. Bounds are set from measured runs, loose but far from what a broken matching gives.";
    }

    @Override
    public List<Claim> claims() {
        return List.of(
                new Claim(NAIVE, Unit.LOSS, true, Double.NaN, Double.NaN,
                        "Fig. 2 (MNIST, MLP): naive interpolation rises well above the chord; our bound says it does (seed 0: 1.80 full; quick seeds 0-2: 1.47 ± 0.03)", 1.0, 0.8),
                new Claim(WM, Unit.LOSS, false, Double.NaN, Double.NaN,
                        "Fig. 2 (MNIST, MLP): after weight matching the barrier is near zero (seed 0: 0.0028 full; quick seeds 0-2: 0.017, 0.030, 0.034)", 0.03, 0.06),
                new Claim(AM, Unit.LOSS, false, Double.NaN, Double.NaN,
                        "Fig. 2 (MNIST, MLP): activation matching, likewise near zero (seed 0: 0.011 full; quick seeds 0-2: 0.0090 ± 0.0061)", 0.05, 0.05),
                new Claim(RATIO, Unit.RATIO, false, Double.NaN, Double.NaN,
                        "Fig. 2: matching removes nearly all of the barrier; our bound on the ratio (seed 0: 0.0016 full; quick seeds 0-2: 0.018 ± 0.006)", 0.03, 0.05),
                new Claim(ACC, Unit.PERCENT, true, Double.NaN, Double.NaN,
                        "not a claim of the paper: the end points must be trained models for the barrier to mean anything (seed 0: 97.65 full; quick seeds 0-2: 94.83 ± 0.35)", 97.0, 93.5));
    }

    @Override
    public List<Figure> figures() {
        return List.of(
                new Figure(LOSS_FIG, "MNIST MLP 512x3: test loss along (1 - lambda) theta_A + lambda theta_B", "lambda", "test loss", false,
                        "Fig. 2 (MNIST, MLP), left: loss along the path, naive vs matched"),
                new Figure(ACC_FIG, "MNIST MLP 512x3: test accuracy along the interpolation path", "lambda", "test accuracy (%)", false,
                        "Fig. 2 shows loss; accuracy along the same paths"));
    }

    @Override
    public List<DataSet> data() {
        return List.of(MNIST);
    }

    @Override
    public Budget time() {
        return new Budget(180, 50);
    }

    static Sequential mlp(Generator g) {
        return new Sequential(new Linear(784, WIDTH, true, g), new ReLU(), new Linear(WIDTH, WIDTH, true, g), new ReLU(),
                new Linear(WIDTH, WIDTH, true, g), new ReLU(), new Linear(WIDTH, 10, true, g));
    }

    /** Trains an MLP from {@code seed} for {@code epochs} passes over (x, y). */
    static Sequential train(long seed, Tensor x, Tensor y, int epochs, StepProgress progress, long[] done, String label) {
        Generator g = new Generator(seed);
        Sequential m = mlp(g.split());
        Generator batches = g.split();
        Adam opt = new Adam(m.parameters(), LR);
        int n = x.size(0);
        for (int e = 0; e < epochs; e++) {
            Tensor order = Tensor.randperm(batches, n);
            for (int at = 0; at + BATCH <= n; at += BATCH) {
                Tensor pick = order.narrow(0, at, BATCH);
                opt.zeroGrad();
                Tensor loss = F.crossEntropy(m.forward(x.indexSelect(0, pick)), y.indexSelect(0, pick));
                Autograd.backward(loss);
                opt.step();
                progress.update(++done[0], String.format(Locale.ROOT, "%s epoch %d loss %.4f", label, e + 1, loss.item()));
            }
        }
        return m;
    }

    /** Mean test cross-entropy and accuracy (%) of {@code m}. */
    static double[] evaluate(Sequential m, Tensor x, Tensor y) {
        m.eval();
        double loss = 0, correct = 0;
        int n = x.size(0);
        try (var s = GradMode.noGrad()) {
            for (int at = 0; at < n; at += EVAL_BATCH) {
                int len = Math.min(EVAL_BATCH, n - at);
                Tensor logits = m.forward(x.narrow(0, at, len)), yy = y.narrow(0, at, len);
                loss += F.crossEntropy(logits, yy).item() * len;
                correct += logits.argmax(1).eq(yy).sum().item();
            }
        }
        m.train();
        return new double[] {loss / n, 100 * correct / n};
    }

    /** Test loss and accuracy at each lambda of the path from a to b: [0][k] losses, [1][k] accuracies. */
    static double[][] path(Map<String, Tensor> a, Map<String, Tensor> b, double[] lambdas, Tensor x, Tensor y, Generator g) {
        Sequential probe = mlp(g);
        double[][] out = new double[2][lambdas.length];
        for (int k = 0; k < lambdas.length; k++) {
            probe.loadStateDict(Interpolation.lerp(a, b, lambdas[k]));
            double[] e = evaluate(probe, x, y);
            out[0][k] = e[0];
            out[1][k] = e[1];
        }
        return out;
    }

    static Curve curve(String fig, String series, double[] x, double[] y) {
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            xs.add(x[i]);
            ys.add(y[i]);
        }
        return new Curve(fig, series, xs, ys);
    }

    @Override
    public Outcome run(RunContext ctx) throws Exception {
        Path dir = MNIST.require(name(), ctx.data());
        Mnist train = Mnist.loadNormalized(dir, true), test = Mnist.loadNormalized(dir, false);
        int nTrain = ctx.quick() ? 20_000 : train.size(), nTest = ctx.quick() ? 2_000 : test.size(), epochs = ctx.quick() ? 2 : 3;
        Tensor xTrain = train.images().reshape(train.size(), 784).narrow(0, 0, nTrain).contiguous(), yTrain = train.labels().narrow(0, 0, nTrain);
        Tensor xTest = test.images().reshape(test.size(), 784).narrow(0, 0, nTest).contiguous(), yTest = test.labels().narrow(0, 0, nTest);
        double[] lambdas = Interpolation.lambdas(ctx.quick() ? 10 : 20);

        StepProgress progress = ctx.steps(2L * epochs * (nTrain / BATCH));
        long[] done = {0};
        Sequential a = train(ctx.seed(), xTrain, yTrain, epochs, progress, done, "model A");
        Sequential b = train(ctx.seed() + 1, xTrain, yTrain, epochs, progress, done, "model B");
        progress.done();

        MlpPermutationSpec spec = MlpPermutationSpec.of(a);
        Map<String, Tensor> sa = a.stateDict(), sb = b.stateDict();
        WeightMatching.Result wm = WeightMatching.weightMatching(spec, sa, sb, new Generator(ctx.seed() + 2));
        ctx.log().println("weight matching: " + wm.sweeps() + " sweeps" + (wm.converged() ? "" : " (not converged)"));
        Map<String, Tensor> sbWeight = spec.apply(sb, wm.permutations());
        Map<String, Tensor> sbAct = spec.apply(sb, ActivationMatching.activationMatching(a, b, xTrain.narrow(0, 0, MATCH_BATCH)));

        Generator probe = new Generator(ctx.seed() + 3);
        double[][] naive = path(sa, sb, lambdas, xTest, yTest, probe), weight = path(sa, sbWeight, lambdas, xTest, yTest, probe),
                act = path(sa, sbAct, lambdas, xTest, yTest, probe);
        double bNaive = Interpolation.lossBarrier(lambdas, naive[0]), bWeight = Interpolation.lossBarrier(lambdas, weight[0]),
                bAct = Interpolation.lossBarrier(lambdas, act[0]);
        ctx.log().println(String.format(Locale.ROOT, "loss barrier: naive %.4f, weight matching %.4f, activation matching %.4f "
                + "(midpoint loss %.4f / %.4f / %.4f; end points %.4f, %.4f)", bNaive, bWeight, bAct, naive[0][lambdas.length / 2],
                weight[0][lambdas.length / 2], act[0][lambdas.length / 2], naive[0][0], naive[0][lambdas.length - 1]));

        Map<String, Double> values = new HashMap<>();
        values.put(NAIVE, bNaive);
        values.put(WM, bWeight);
        values.put(AM, bAct);
        values.put(RATIO, bWeight / bNaive);
        values.put(ACC, naive[1][0]);
        List<Curve> curves = List.of(
                curve(LOSS_FIG, "naive", lambdas, naive[0]), curve(LOSS_FIG, "weight matching", lambdas, weight[0]),
                curve(LOSS_FIG, "activation matching", lambdas, act[0]),
                curve(ACC_FIG, "naive", lambdas, naive[1]), curve(ACC_FIG, "weight matching", lambdas, weight[1]),
                curve(ACC_FIG, "activation matching", lambdas, act[1]));
        return new Outcome(values, curves);
    }
}
