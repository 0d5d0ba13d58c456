package dev.weft.repro.prune;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.GradMode;
import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.data.Mnist;
import dev.weft.nn.functional.F;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.prune.LotteryTicket;
import dev.weft.nn.prune.Prune;
import dev.weft.repro.Accuracy;
import dev.weft.repro.BatchOrder;
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
 * The lottery ticket experiment on LeNet-300-100 (Frankle and Carbin 2019, Fig. 3): iterative magnitude pruning
 * with reset to the original initialization finds subnetworks ("winning tickets") that train to the dense net's
 * accuracy at a fraction of its weights, while the same subnetworks with freshly drawn weights ("random
 * re-initialization") do worse as the pruning goes on.
 */
public final class LthLenet implements Reproduction {
    static final int BATCH = 60, VALIDATION = 5000;
    static final double LR = 1.2e-3, HIDDEN_RATE = 0.2, OUTPUT_RATE = 0.1;
    /** Round 7 leaves 0.8^7 = 21.0% of the hidden weights and 0.9^7 = 47.8% of the output layer's: 21.1% in all. */
    static final int ROUND_21 = 7;
    static final String DENSE = "dense LeNet-300-100 test accuracy", TICKET_21 = "winning ticket test accuracy, round 7 (21.1% of weights)",
            VS_DENSE = "winning ticket minus dense, round 7",
            VS_RANDOM = "winning ticket minus random re-init, last round (quick: round 7, 21.1%; full: round 15, 3.6%)",
            FIGURE = "accuracy";

    @Override
    public String name() {
        return "lth-lenet";
    }

    @Override
    public String description() {
        return "Lottery tickets in LeNet-300-100 on MNIST: iterative magnitude pruning with reset to init vs random re-initialization";
    }

    @Override
    public Paper paper() {
        return new Paper("The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks", "Jonathan Frankle, Michael Carbin",
                2019, "ICLR 2019 (arXiv:1803.03635)");
    }

    @Override
    public String protocol() {
        return "LeNet-300-100 (Linear 784-300-100-10, ReLU) on the first 55,000 MNIST training images, normalized, the last "
                + "5,000 held out for validation as in the paper; Adam lr 1.2e-3, batch 60, "
                + "5 epochs (5,000 iterations) per round. Round 0 trains the dense net from theta_0. After each round the weights of "
                + "the two hidden layers lose 20% and the output layer 10% of their unpruned weights, smallest |w| per layer "
                + "(biases are not pruned), and every parameter is reset to theta_0: the winning ticket of the next round. Rounds "
                + "0..15 (15 prunings: 3.6% of the weights left, the paper's smallest point but one). Random re-initialization: each round's mask on weights drawn "
                + "afresh from the same init distribution (another seed), trained the same way. Accuracy: on the 10,000 test images at "
                + "the early-stopping iteration, the one of the evaluations every 500 iterations with the lowest validation loss, "
                + "as in the paper. Departures from the paper: 5,000 instead of 50,000 iterations per round; the paper also "
                + "averages five trials.";
    }

    @Override
    public String quickProtocol() {
        return "2 epochs (2,000 iterations) per round and rounds 0..7 (21.1% of the weights left), random re-initialization at round 7 "
                + "only; the rest as in the full protocol.";
    }

    @Override
    public List<Claim> claims() {
        String fig = "Fig. 3 (LeNet-300-100, iterative pruning)";
        return List.of(
                new Claim(DENSE, Unit.PERCENT, true, 98.0, Double.NaN, fig + ": the unpruned net, about 98%", 97.5, 96.0),
                new Claim(TICKET_21, Unit.PERCENT, true, 98.3, Double.NaN, fig + ": about 98.3% at 21.1% of the weights", 97.5, 96.0),
                new Claim(VS_DENSE, Unit.PERCENT, true, 0.3, Double.NaN, fig + ": tickets match or beat the dense net down to ~20%", -0.3, -0.5),
                new Claim(VS_RANDOM, Unit.PERCENT, true, Double.NaN, Double.NaN,
                        fig + ": random re-initialization falls below the ticket as pruning goes on; our bound on the gap", 0.5, 0.0));
    }

    @Override
    public List<Figure> figures() {
        return List.of(new Figure(FIGURE, "LeNet-300-100 on MNIST: test accuracy vs percent of weights remaining", "percent of weights remaining",
                "test accuracy (%)", false, "Fig. 3: winning tickets (reset to theta_0) and random re-initialization of the same masks"));
    }

    @Override
    public List<DataSet> data() {
        return List.of(DataSets.MNIST);
    }

    @Override
    public Budget time() {
        return new Budget(600, 35);
    }

    static Sequential lenet(Generator g) {
        return new Sequential(new Linear(784, 300, true, g), new ReLU(), new Linear(300, 100, true, g), new ReLU(), new Linear(100, 10, true, g));
    }

    static List<Prune.Target> targets(Sequential m) {
        return List.of(new Prune.Target(m.child("0"), "weight"), new Prune.Target(m.child("2"), "weight"), new Prune.Target(m.child("4"), "weight"));
    }

    /** Validation and test sets for the early-stopping read-out. */
    record Eval(Tensor valX, Tensor valY, Tensor testX, Tensor testY) {}

    static final int EVAL_EVERY = 500;

    /**
     * Trains for {@code iterations} steps from the model's current weights, evaluating the validation loss every
     * {@link #EVAL_EVERY} steps; returns the test accuracy in percent at the evaluation with the lowest
     * validation loss (the paper's early-stopping iteration).
     */
    static double train(Module model, Tensor x, Tensor y, Eval eval, int iterations, Generator batches, StepProgress progress, long[] done,
                        String label) {
        Adam opt = new Adam(model.parameters(), LR);
        BatchOrder order = new BatchOrder(batches, x.size(0), BATCH);
        double bestVal = Double.POSITIVE_INFINITY, bestTest = Double.NaN;
        for (int i = 1; i <= iterations; i++) {
            Tensor pick = order.next();
            opt.zeroGrad();
            Tensor loss = F.crossEntropy(model.forward(x.indexSelect(0, pick)), y.indexSelect(0, pick));
            Autograd.backward(loss);
            opt.step();
            if (i % 50 == 0) progress.update(done[0] + i, String.format(Locale.ROOT, "%s loss %.4f", label, loss.item()));
            if (i % EVAL_EVERY == 0 || i == iterations) {
                try (var s = GradMode.noGrad()) {
                    double val = F.crossEntropy(model.forward(eval.valX()), eval.valY()).item();
                    if (val < bestVal) {
                        bestVal = val;
                        bestTest = Accuracy.percent(model.forward(eval.testX()), eval.testY());
                    }
                }
            }
        }
        done[0] += iterations;
        return bestTest;
    }

    /** A fresh LeNet from {@code g} carrying the ticket's masks: the random re-initialization of the same subnetwork. */
    static Sequential reinitialized(Sequential ticket, Generator g) {
        Sequential fresh = lenet(g);
        for (String layer : List.of("0", "2", "4")) {
            Module from = ticket.child(layer);
            fresh.child(layer).maskParameter("weight", from.ownBuffers().get("weight_mask").clone());
        }
        return fresh;
    }

    @Override
    public Outcome run(RunContext ctx) throws Exception {
        Path dir = DataSets.MNIST.require(name(), ctx.data());
        Mnist train = Mnist.loadNormalized(dir, true), test = Mnist.loadNormalized(dir, false);
        Tensor all = train.images().reshape(train.size(), 784);
        int fit = train.size() - VALIDATION;
        Tensor x = all.narrow(0, 0, fit), y = train.labels().narrow(0, 0, fit);
        Eval eval = new Eval(all.narrow(0, fit, VALIDATION), train.labels().narrow(0, fit, VALIDATION), test.images().reshape(test.size(), 784),
                test.labels());
        boolean quick = ctx.quick();
        int rounds = quick ? ROUND_21 : 15, iterations = quick ? 2000 : 5000;
        int trainings = rounds + 1 + (quick ? 1 : rounds);
        StepProgress progress = ctx.steps((long) trainings * iterations);
        long[] done = {0};
        Generator root = new Generator(ctx.seed());
        Sequential model = lenet(root.split());
        Generator reinitSeeds = root.split();
        long batchSeed = root.split().nextLong();
        LotteryTicket ticket = LotteryTicket.of(model, targets(model));
        List<Double> px = new ArrayList<>(), ticketAcc = new ArrayList<>(), rx = new ArrayList<>(), randomAcc = new ArrayList<>();
        double dense = Double.NaN, t21 = Double.NaN, lastTicket = Double.NaN, lastRandom = Double.NaN;
        for (int r = 0; r <= rounds; r++) {
            if (r > 0) {
                ticket.prune(List.of(HIDDEN_RATE, HIDDEN_RATE, OUTPUT_RATE));
                ticket.reset();
            }
            double remaining = 100 * ticket.remaining();
            // the same batch order in every round and for both kinds of network
            double acc = train(model, x, y, eval, iterations, new Generator(batchSeed), progress, done,
                    String.format(Locale.ROOT, "round %d ticket (%.1f%%)", r, remaining));
            px.add(remaining);
            ticketAcc.add(acc);
            if (r == 0) dense = acc;
            if (r == ROUND_21) t21 = acc;
            lastTicket = acc;
            String line = String.format(Locale.ROOT, "round %2d: %5.1f%% of weights, winning ticket %.2f%%", r, remaining, acc);
            if (r > 0 && (!quick || r == rounds)) {
                Sequential random = reinitialized(model, reinitSeeds.split());
                double racc = train(random, x, y, eval, iterations, new Generator(batchSeed), progress, done,
                        String.format(Locale.ROOT, "round %d random re-init", r));
                rx.add(remaining);
                randomAcc.add(racc);
                lastRandom = racc;
                line += String.format(Locale.ROOT, ", random re-init %.2f%%", racc);
            }
            progress.report(line);
        }
        progress.done();
        Map<String, Double> values = new HashMap<>();
        values.put(DENSE, dense);
        values.put(TICKET_21, t21);
        values.put(VS_DENSE, t21 - dense);
        values.put(VS_RANDOM, lastTicket - lastRandom);
        return new Outcome(values, List.of(new Curve(FIGURE, "winning ticket (reset to theta_0)", px, ticketAcc),
                new Curve(FIGURE, "random re-initialization", rx, randomAcc)));
    }
}
