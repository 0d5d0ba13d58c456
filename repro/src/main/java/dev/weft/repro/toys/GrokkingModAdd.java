package dev.weft.repro.toys;

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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Grokking on modular addition with corrupted labels (Doshi, Das and Gromov 2024, "To grok or not to grok"; grokking:
 * Power et al. 2022): a two-layer MLP with the quadratic activation on one-hot pairs (a, b) of Z_p fits its training
 * set, corrupted labels included, within a few hundred steps; with weight decay its accuracy on the held-out pairs
 * rises to near 100% long after, without weight decay it stays near 0 (a memorizing network is below chance on
 * modular addition). Data are generated.
 */
public final class GrokkingModAdd implements Reproduction {
    static final int P = 31, HIDDEN = 256, EVAL_EVERY = 50, FULL_STEPS = 6000, QUICK_STEPS = 1500;
    static final double TRAIN_FRACTION = 0.6, CORRUPTION = 0.05, LR = 3e-3, WEIGHT_DECAY = 1;

    static final String WD_TEST = "weight decay 1: test accuracy at the end", WD_TRAIN = "weight decay 1: train accuracy (given labels)",
            DELAY = "weight decay 1: step test >= 90% / step train >= 99.5%", NO_WD_TEST = "no weight decay: test accuracy at the end",
            NO_WD_TRAIN = "no weight decay: train accuracy (given labels)";

    @Override
    public String name() {
        return "grokking-modadd";
    }

    @Override
    public String description() {
        return "grokking on (a + b) mod 31 with 5% corrupted labels: test accuracy rises long after train reaches 100% with weight decay, not without";
    }

    @Override
    public Paper paper() {
        return new Paper("To grok or not to grok: Disentangling generalization and memorization on corrupted algorithmic datasets",
                "Darshil Doshi, Aritra Das, Tianyu He, Andrey Gromov", 2024, "ICLR 2024, arXiv:2310.13061");
    }

    @Override
    public String protocol() {
        return "All 961 pairs (a, b) of Z_31, label (a + b) mod 31, inputs one-hot(a) || one-hot(b) (62 values); 60% (577 pairs) "
                + "drawn for training, the other 384 the test set; 5% of the training pairs (29) get a uniformly drawn wrong label "
                + "(test labels are clean). Model: Linear(62, 256), phi(z) = z^2, Linear(256, 31) (the paper's 2-layer MLP with "
                + "quadratic activation; PyTorch-default initialization). Full-batch AdamW (lr 3e-3, betas 0.9/0.98), cross-entropy, "
                + FULL_STEPS + " steps, once with weight decay 1 and once with 0, the same data and initial weights; accuracies every "
                + EVAL_EVERY + " steps. Departures from the paper: p = 31 instead of 97, cross-entropy instead of MSE, one width and "
                + "one corruption level instead of the phase diagrams. The paper gives curves and phase diagrams, no single number; our "
                + "bounds, set from measured runs (seeds 0-2: with weight decay test 98-99% at 4,000 steps and >= 90% from step ~1,000 "
                + "while train is 100% by step ~200, 100% of the corrupted labels memorized; without weight decay test 0-2% through 6,000 "
                + "steps): with weight decay the test accuracy >= 95% at the end, the step where it first reaches 90% at least 3x the "
                + "step where train accuracy first reaches 99.5%; without it the test accuracy <= 20%; both fit the given training labels "
                + "(>= 99%, a check that they trained).";
    }

    @Override
    public String quickProtocol() {
        return QUICK_STEPS + " steps per run instead of " + FULL_STEPS + "; the grokking step (~1,000) is inside it, the bounds are looser.";
    }

    @Override
    public List<Claim> claims() {
        String fig = "Fig. 1 and 2 (curves; no table): with weight decay the network generalizes after fitting, without it it memorizes";
        return List.of(
                new Claim(WD_TEST, Unit.PERCENT, true, Double.NaN, Double.NaN, fig, 95, 85),
                new Claim(DELAY, Unit.RATIO, true, Double.NaN, Double.NaN, fig + "; grokking: Power et al. 2022, Fig. 1", 3, 3),
                new Claim(NO_WD_TEST, Unit.PERCENT, false, Double.NaN, Double.NaN, fig, 20, 20),
                new Claim(WD_TRAIN, Unit.PERCENT, true, Double.NaN, Double.NaN, "not a claim of the paper: a check that it trained", 99, 99),
                new Claim(NO_WD_TRAIN, Unit.PERCENT, true, Double.NaN, Double.NaN, "not a claim of the paper: a check that it trained", 99, 99));
    }

    @Override
    public List<Figure> figures() {
        return List.of(new Figure("accuracy", "(a + b) mod 31, 5% corrupted training labels: accuracy over steps", "step", "accuracy (%)",
                false, "Doshi et al. Fig. 1 / Power et al. Fig. 1: train and test accuracy over optimization steps"));
    }

    @Override
    public Budget time() {
        return new Budget(60, 25);
    }

    @Override
    public Outcome run(RunContext ctx) {
        int steps = ctx.quick() ? QUICK_STEPS : FULL_STEPS;
        Generator root = new Generator(ctx.seed());
        ModularAddition data = ModularAddition.make(P, TRAIN_FRACTION, CORRUPTION, root.split());
        long init = root.split().nextLong();
        StepProgress progress = ctx.steps(2L * steps);
        Map<String, Double> values = new HashMap<>();
        List<Curve> curves = new ArrayList<>();
        long t0 = System.nanoTime();
        for (double wd : new double[] {WEIGHT_DECAY, 0}) {
            long offset = wd == 0 ? steps : 0;
            String tag = wd == 0 ? "no weight decay" : "weight decay 1";
            GrokkingRun.History h = GrokkingRun.train(data, HIDDEN, true, LR, wd, steps, EVAL_EVERY, new Generator(init), s -> {
                progress.update(offset + s, tag);
                if (s % (steps / 5) == 0) progress.report(String.format(Locale.ROOT, "%s, step %d/%d (%.1f s)", tag, s, steps,
                        (System.nanoTime() - t0) / 1e9));
            });
            progress.report(String.format(Locale.ROOT, "%s: train %.1f%%, corrupted labels memorized %.1f%%, test %.1f%%", tag,
                    h.finalTrain(), h.finalMemorized(), h.finalTest()));
            if (wd == 0) {
                values.put(NO_WD_TEST, h.finalTest());
                values.put(NO_WD_TRAIN, h.finalTrain());
            } else {
                values.put(WD_TEST, h.finalTest());
                values.put(WD_TRAIN, h.finalTrain());
                values.put(DELAY, delayRatio(h));
                curves.add(new Curve("accuracy", "corrupted labels memorized, weight decay 1", h.steps(), h.memorized()));
            }
            curves.add(new Curve("accuracy", "train, " + tag, h.steps(), h.train()));
            curves.add(new Curve("accuracy", "test, " + tag, h.steps(), h.test()));
        }
        progress.done();
        return new Outcome(values, curves);
    }

    /** first step with test >= 90% over first step with train >= 99.5% (NaN when either never happens). */
    static double delayRatio(GrokkingRun.History h) {
        double test = GrokkingRun.History.firstReach(h.steps(), h.test(), 90), train = GrokkingRun.History.firstReach(h.steps(), h.train(), 99.5);
        return test / train;
    }
}
