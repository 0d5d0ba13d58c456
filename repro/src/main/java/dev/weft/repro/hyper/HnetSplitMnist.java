package dev.weft.repro.hyper;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.GradMode;
import dev.weft.nn.Sequential;
import dev.weft.nn.data.Mnist;
import dev.weft.nn.functional.F;
import dev.weft.nn.hyper.ChunkedHMLP;
import dev.weft.nn.hyper.HyperInit;
import dev.weft.nn.hyper.TaskConditionedHyperNetwork;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.optim.Adam;
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
 * Continual learning with a task-conditioned hypernetwork on Split-MNIST (von Oswald, Henning, Sacramento and
 * Grewe 2020, Table 1, CL1): five two-class tasks (digits 0/1, 2/3, ..., 8/9) learned one after another; the
 * task id is given at test time (task-incremental). A chunked hypernetwork generates all weights of the target
 * MLP 784-100-100-2 from a learned embedding per task; while learning task t the output regularizer
 * beta / t * sum_{t' < t} ||h(e_t') - h*(e_t')||^2 keeps the weights it generated for the earlier tasks. The
 * fine-tuning baseline is the same model trained the same way with beta = 0: nothing holds the earlier tasks'
 * weights, and what it forgets is the regularizer's effect.
 */
public final class HnetSplitMnist implements Reproduction {
    static final int TASKS = 5, HIDDEN = 100, EMBEDDING = 32, CHUNK = 4000, CHUNK_EMBEDDING = 32, BATCH = 128;
    static final double LR = 1e-3, BETA = 0.01;
    static final String HNET = "average accuracy after the last task (hypernetwork)",
            FINETUNE = "average accuracy after the last task (fine-tuning, beta = 0)",
            GAIN = "hypernetwork minus fine-tuning (forgetting prevented)", FIGURE = "accuracy";

    @Override
    public String name() {
        return "hnet-split-mnist";
    }

    @Override
    public String description() {
        return "Task-conditioned hypernetwork on Split-MNIST (5 tasks, task-incremental) beside fine-tuning without the regularizer";
    }

    @Override
    public Paper paper() {
        return new Paper("Continual learning with hypernetworks", "Johannes von Oswald, Christian Henning, Joao Sacramento, Benjamin F. Grewe",
                2020, "ICLR 2020 (arXiv:1906.00695)");
    }

    @Override
    public String protocol() {
        return "Split-MNIST: task t holds the digits 2t and 2t + 1 (labels 0 and 1), all of their training images, normalized "
                + "(mean 0.1307, std 0.3081); tasks learned in order 0..4. Target: MLP 784-100-100-2, ReLU, every parameter "
                + "generated (88,802). Hypernetwork: ChunkedHMLP, chunks of 4,000 from 32-wide chunk embeddings, trunk 100-100 "
                + "ReLU, target-scale init; task embeddings of 32, N(0, 1). Per task: 2,000 Adam steps (lr 1e-3) on batches of "
                + "128 over the generator and the current task's embedding, cross-entropy plus the output regularizer (beta 0.01, "
                + "averaged over the earlier tasks, all of them each step); after each task the generated weights are stored. "
                + "Evaluation: each task's test images with its own embedding, after the last task; the metric is the mean over "
                + "the five tasks. Fine-tuning: the same with beta = 0. Departures from the paper: a smaller target (paper "
                + "400-400) and hypernetwork, 2,000 instead of 4,000 steps per task, no lookahead term in the regularizer.";
    }

    @Override
    public String quickProtocol() {
        return "300 Adam steps per task (instead of 2,000), the rest as in the full protocol.";
    }

    @Override
    public List<Claim> claims() {
        return List.of(
                new Claim(HNET, Unit.PERCENT, true, 99.79, 0.01, "Table 1, Split MNIST CL1 (HNET)", 97.0, 95.0),
                new Claim(FINETUNE, Unit.PERCENT, false, Double.NaN, Double.NaN,
                        "not in the paper's table: the baseline forgets (2 classes: 50% is chance); our bound says it does", 95, 95),
                new Claim(GAIN, Unit.PERCENT, true, Double.NaN, Double.NaN,
                        "Sec. 4.1: the output regularizer is what prevents forgetting; our bound on the gap", 10, 5));
    }

    @Override
    public List<Figure> figures() {
        return List.of(new Figure(FIGURE, "Split-MNIST: mean test accuracy over the tasks learned so far", "tasks learned",
                "mean accuracy over tasks 1..t (%)", false, "Table 1 gives the final average only; the curve shows when forgetting sets in"));
    }

    @Override
    public List<DataSet> data() {
        return List.of(DataSets.MNIST);
    }

    @Override
    public Budget time() {
        return new Budget(240, 45);
    }

    /** One task's images (n, 784) and 0/1 labels (n). */
    record Split(Tensor x, Tensor y) {}

    /** The images of digits 2t and 2t + 1, flattened, labels 0 and 1. */
    static List<Split> split(Mnist m) {
        long[] labels = m.labels().toLongArray();
        Tensor flat = m.images().reshape(m.images().size(0), 784);
        List<Split> out = new ArrayList<>();
        for (int t = 0; t < TASKS; t++) {
            List<Long> keep = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) if (labels[i] / 2 == t) keep.add((long) i);
            long[] idx = new long[keep.size()], y = new long[keep.size()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = keep.get(i);
                y[i] = labels[(int) idx[i]] - 2L * t;
            }
            out.add(new Split(flat.indexSelect(0, Tensor.of(idx)), Tensor.of(y)));
        }
        return out;
    }

    static TaskConditionedHyperNetwork model(Generator g) {
        Sequential target = new Sequential(new Linear(784, HIDDEN, true, g), new ReLU(), new Linear(HIDDEN, HIDDEN, true, g), new ReLU(),
                new Linear(HIDDEN, 2, true, g));
        ChunkedHMLP h = new ChunkedHMLP(ChunkedHMLP.options(target, EMBEDDING, CHUNK).chunkEmbSize(CHUNK_EMBEDDING)
                .hidden(HIDDEN, HIDDEN).init(HyperInit.TARGET_SCALE).generator(g));
        return new TaskConditionedHyperNetwork(h, TASKS, g);
    }

    /** Accuracy in percent of task {@code t}'s test split with its own embedding. */
    static double accuracy(TaskConditionedHyperNetwork cl, int t, Split test) {
        cl.eval();
        try (var s = GradMode.noGrad()) {
            return Accuracy.percent(cl.forward(t, test.x()), test.y());
        } finally {
            cl.train();
        }
    }

    /** Learns the five tasks in order with regularizer weight beta; returns acc[after task k][task j] for j <= k. */
    static double[][] learn(double beta, int steps, List<Split> train, List<Split> test, long seed, StepProgress progress, String label,
                            long[] done) {
        Generator g = new Generator(seed);
        TaskConditionedHyperNetwork cl = model(g.split());
        Generator batches = g.split();
        double[][] acc = new double[TASKS][];
        for (int t = 0; t < TASKS; t++) {
            Split s = train.get(t);
            int n = s.x().size(0);
            Adam opt = new Adam(cl.parametersForTask(t), LR);
            BatchOrder order = new BatchOrder(batches, n, BATCH);
            for (int i = 0; i < steps; i++) {
                Tensor pick = order.next();
                opt.zeroGrad();
                Tensor loss = F.crossEntropy(cl.forward(t, s.x().indexSelect(0, pick)), s.y().indexSelect(0, pick));
                if (beta > 0) loss = loss.add(cl.regularizer(beta));
                Autograd.backward(loss);
                opt.step();
                progress.update(++done[0], String.format(Locale.ROOT, "%s task %d loss %.4f", label, t + 1, loss.item()));
            }
            cl.snapshot(t + 1);
            acc[t] = new double[t + 1];
            for (int j = 0; j <= t; j++) acc[t][j] = accuracy(cl, j, test.get(j));
            progress.report(String.format(Locale.ROOT, "%s after task %d: %s", label, t + 1, java.util.Arrays.toString(round(acc[t]))));
        }
        return acc;
    }

    private static double[] round(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) r[i] = Math.round(v[i] * 100) / 100.0;
        return r;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    static Curve curve(String series, double[][] acc) {
        List<Double> x = new ArrayList<>(), y = new ArrayList<>();
        for (int t = 0; t < acc.length; t++) {
            x.add(t + 1.0);
            y.add(mean(acc[t]));
        }
        return new Curve(FIGURE, series, x, y);
    }

    @Override
    public Outcome run(RunContext ctx) throws Exception {
        Path dir = DataSets.MNIST.require(name(), ctx.data());
        List<Split> train = split(Mnist.loadNormalized(dir, true)), test = split(Mnist.loadNormalized(dir, false));
        int steps = ctx.quick() ? 300 : 2000;
        StepProgress progress = ctx.steps(2L * TASKS * steps);
        long[] done = {0};
        double[][] hnet = learn(BETA, steps, train, test, ctx.seed(), progress, "hypernetwork", done);
        double[][] fine = learn(0, steps, train, test, ctx.seed(), progress, "fine-tuning", done);
        progress.done();
        Map<String, Double> values = new HashMap<>();
        values.put(HNET, mean(hnet[TASKS - 1]));
        values.put(FINETUNE, mean(fine[TASKS - 1]));
        values.put(GAIN, mean(hnet[TASKS - 1]) - mean(fine[TASKS - 1]));
        return new Outcome(values, List.of(curve("hypernetwork, beta = " + BETA, hnet), curve("fine-tuning, beta = 0", fine)));
    }
}
