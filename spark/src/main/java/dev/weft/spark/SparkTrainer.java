package dev.weft.spark;

import dev.weft.autograd.Autograd;
import dev.weft.nn.Module;
import dev.weft.nn.optim.Optimizer;
import dev.weft.nn.train.Batch;
import dev.weft.nn.train.FlatOptimizerState;
import dev.weft.nn.train.FlatParameters;
import dev.weft.tensor.Tensor;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Synchronous data-parallel SGD on Spark. Each step: the driver broadcasts the flat parameters; every
 * partition (one task each) computes the gradient of its next batch on an executor; {@code treeAggregate}
 * sums {@code n_p * g_p} (flat float arrays, zero value {@code new float[0]}); the driver divides by
 * {@code sum_p n_p} (the mean over the global batch, whatever the partitions' batch sizes) and takes the
 * optimizer step. Step s's global batch is the s-th batch of every partition that has one.
 * With {@link Builder#averageEvery(int) averageEvery(k)} each partition instead runs k steps of its own
 * and the driver averages the parameters, weighted by examples: k times fewer exchanges, for steps too short to pay
 * for one (under ~150 ms a step gains nothing from Spark). The optimizer state carries across rounds as local SGD
 * with averaged optimizer state does it: each partition returns its flat optimizer state ({@link FlatOptimizerState}:
 * Adam's moments and step, momentum buffers) beside its parameters, the driver averages both with the same weights
 * and broadcasts both, and the next round's executor-side optimizer starts from that state (not from zero moments).
 * The same update as {@link dev.weft.nn.train.Trainer.Builder#parameterAveraging} with in-process replicas.
 * A failed task (a lost executor) is retried by Spark; the task recomputes from the broadcast values, so
 * the result does not change.
 */
public final class SparkTrainer {
    /** Per-epoch figures; times in seconds summed over the epoch's steps. */
    public record Epoch(int epoch, double loss, double accuracy, int steps, double seconds, double broadcastSeconds,
                        double computeSeconds, double aggregateSeconds, double driverStepSeconds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "epoch %d: loss %.4f acc %.4f, %d steps, %.2f s (broadcast %.2f, compute %.2f, "
                    + "aggregate+scheduling %.2f, driver step %.2f)", epoch, loss, accuracy, steps, seconds, broadcastSeconds,
                    computeSeconds, aggregateSeconds, driverStepSeconds);
        }
    }

    /**
     * The trained driver-side model and its epochs.
     *
     * @param model the model, with the final parameters
     * @param epochs one entry per epoch
     */
    public record Result(Module model, List<Epoch> epochs) {}

    private final Builder b;

    private SparkTrainer(Builder b) {
        this.b = b;
    }

    /** {@return a builder: 1 epoch, synchronous gradients, no log} */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of a {@link SparkTrainer}. */
    public static final class Builder {
        private int epochs = 1;
        private int averageEvery;
        private PrintStream log;
        private IntConsumer onStep = s -> {};

        private Builder() {}

        /**
         * Passes over the data (default 1).
         *
         * @param epochs at least 1
         * @return this builder
         */
        public Builder epochs(int epochs) {
            if (epochs < 1) throw new IllegalArgumentException("SparkTrainer: epochs must be >= 1, got " + epochs);
            this.epochs = epochs;
            return this;
        }

        /**
         * Parameter averaging every k local steps instead of a gradient all-reduce every step (0: off, the default).
         *
         * @param k local steps per round, 0 or more
         * @return this builder
         */
        public Builder averageEvery(int k) {
            if (k < 0) throw new IllegalArgumentException("SparkTrainer: averageEvery must be >= 0, got " + k);
            this.averageEvery = k;
            return this;
        }

        /**
         * Prints one line per epoch to {@code log}.
         *
         * @param log where the lines go
         * @return this builder
         */
        public Builder log(PrintStream log) {
            this.log = log;
            return this;
        }

        /**
         * Called on the driver before each exchange (step, or round), with its index from 0.
         *
         * @param onStep the callback
         * @return this builder
         */
        public Builder onStep(IntConsumer onStep) {
            this.onStep = onStep;
            return this;
        }

        /** {@return the trainer} */
        public SparkTrainer build() {
            return new SparkTrainer(this);
        }
    }

    // a task's result: [ n*g (or n*params, n*optimizer state) ..., n, n*loss, correct, broadcast ms, compute ms ]
    private static final int N = 0, LOSS = 1, CORRECT = 2, BCAST_MS = 3, COMPUTE_MS = 4, EXTRA = 5;

    /** What each exchange broadcasts: the flat parameters and (parameter averaging) the averaged optimizer state. */
    private record Shared(float[] params, String stateLayout, float[] state) implements Serializable {}

    /**
     * Partitions' summed results: the flat float sums and the optimizer-state layout they share ("" when none); the
     * zero value is an empty array. Partitions whose state layouts differ are an error (they took different steps).
     */
    private record Partial(float[] sums, String layout) implements Serializable {
        static final Partial ZERO = new Partial(new float[0], "");

        static Partial add(Partial a, Partial b) {
            if (a.sums.length == 0) return b;
            if (b.sums.length == 0) return a;
            if (!a.layout.equals(b.layout)) {
                throw new IllegalStateException("SparkTrainer: partitions' optimizer states differ in layout: " + a.layout + " vs " + b.layout);
            }
            return new Partial(FloatArrays.add(a.sums, b.sums), a.layout);
        }
    }

    /**
     * Trains a model built by {@code factory} on {@code data} and returns it. The driver builds the model
     * (its initial values are the ones broadcast) and, for synchronous SGD, the optimizer. {@code data} is
     * cached as one list of batches per partition; each partition is one task per step.
     *
     * @param sc the Spark context
     * @param factory the architecture (and the driver's initial values)
     * @param optimizer the optimizer
     * @param loss the mean-reduced loss
     * @param data the batches
     * @return the trained model and the epochs' figures
     */
    public Result fit(JavaSparkContext sc, ModelFactory factory, OptimizerFactory optimizer, LossFunction loss, JavaRDD<BatchData> data) {
        Module model = factory.create();
        model.train();
        List<Tensor> params = model.parameters();
        Optimizer opt = optimizer.create(params);
        JavaRDD<List<BatchData>> parts = data.glom().cache();
        List<Integer> counts = parts.map(List::size).collect();
        int steps = 0;
        for (int c : counts) steps = Math.max(steps, c);
        if (steps == 0) throw new IllegalArgumentException("SparkTrainer.fit: the data has no batches");
        int size = FlatParameters.size(params);
        String job = UUID.randomUUID().toString();
        int k = b.averageEvery;
        List<Epoch> epochs = new ArrayList<>();
        int exchange = 0;
        String stateLayout = "";
        float[] state = new float[0];
        try {
            for (int e = 0; e < b.epochs; e++) {
                long t0 = System.nanoTime();
                double loss0 = 0, n0 = 0, correct0 = 0, bcast = 0, compute = 0, agg = 0, driver = 0;
                int stepsDone = 0;
                for (int s = 0; s < steps; s += Math.max(k, 1)) {
                    b.onStep.accept(exchange++);
                    long a = System.nanoTime();
                    Broadcast<Shared> bw = sc.broadcast(new Shared(FlatParameters.values(params), stateLayout, state));
                    double bcastDriver = (System.nanoTime() - a) / 1e9;
                    int first = s, count = Math.max(k, 1), tasks = 0;
                    for (int c : counts) if (c > first) tasks++;
                    Task task = new Task(job, factory, loss, optimizer, bw, first, k == 0 ? 0 : count, size);
                    long j0 = System.nanoTime();
                    Partial sum = parts.map(task::run).treeAggregate(Partial.ZERO, Partial::add, Partial::add);
                    double jobSeconds = (System.nanoTime() - j0) / 1e9;
                    bw.destroy();
                    long d0 = System.nanoTime();
                    float[] r = sum.sums();
                    int tail = r.length - EXTRA;
                    double n = r[tail + N];
                    float[] mean = new float[size];
                    for (int i = 0; i < size; i++) mean[i] = (float) (r[i] / n);
                    if (k == 0) {
                        FlatParameters.setGradients(params, mean);
                        opt.step();
                    } else {
                        FlatParameters.setValues(params, mean);
                        stateLayout = sum.layout();
                        state = new float[tail - size];
                        for (int i = size; i < tail; i++) state[i - size] = (float) (r[i] / n);
                    }
                    driver += (System.nanoTime() - d0) / 1e9;
                    double taskBcast = r[tail + BCAST_MS] / 1e3 / tasks, taskCompute = r[tail + COMPUTE_MS] / 1e3 / tasks;
                    bcast += bcastDriver + taskBcast;
                    compute += taskCompute;
                    agg += Math.max(0, jobSeconds - taskBcast - taskCompute);
                    loss0 += r[tail + LOSS];
                    n0 += n;
                    correct0 += r[tail + CORRECT];
                    stepsDone += Math.min(count, steps - s);
                }
                Epoch ep = new Epoch(e, loss0 / n0, correct0 / n0, stepsDone, (System.nanoTime() - t0) / 1e9, bcast, compute, agg, driver);
                epochs.add(ep);
                if (b.log != null) b.log.println(ep);
            }
        } finally {
            parts.unpersist(false);
        }
        return new Result(model, List.copyOf(epochs));
    }

    /** One partition's work for one exchange; runs on an executor. */
    private record Task(String job, ModelFactory factory, LossFunction loss, OptimizerFactory optimizer, Broadcast<Shared> values,
                        int first, int localSteps, int size) implements Serializable {
        Partial run(List<BatchData> batches) {
            if (batches.size() <= first) return Partial.ZERO;
            long a = System.nanoTime();
            Shared shared = values.value();
            long b = System.nanoTime();
            Module m = Executors.model(job, factory);
            List<Tensor> ps = m.parameters();
            FlatParameters.setValues(ps, shared.params());
            float[] tail = new float[EXTRA], body;
            String layout = "";
            if (localSteps == 0) {
                Batch batch = batches.get(first).toBatch();
                for (Tensor p : ps) p.setGrad(null);
                int n = stats(m, batch, tail);
                body = FlatParameters.gradients(ps);
                for (int i = 0; i < size; i++) body[i] *= n;
            } else {
                Optimizer opt = optimizer.create(ps);
                // the averaged state of the last round (none before the first): moments and step carry on
                if (!shared.stateLayout().isEmpty()) FlatOptimizerState.load(opt, shared.stateLayout(), shared.state());
                int n = 0;
                for (int s = first; s < Math.min(batches.size(), first + localSteps); s++) {
                    opt.zeroGrad();
                    n += stats(m, batches.get(s).toBatch(), tail);
                    opt.step();
                }
                FlatOptimizerState.Flat st = FlatOptimizerState.of(opt);
                layout = st.layout();
                float[] v = FlatParameters.values(ps);
                body = new float[size + st.values().length];
                for (int i = 0; i < size; i++) body[i] = n * v[i];
                for (int i = 0; i < st.values().length; i++) body[size + i] = n * st.values()[i];
            }
            tail[BCAST_MS] = (b - a) / 1e6f;
            tail[COMPUTE_MS] = (System.nanoTime() - b) / 1e6f;
            float[] out = new float[body.length + EXTRA];
            System.arraycopy(body, 0, out, 0, body.length);
            System.arraycopy(tail, 0, out, body.length, EXTRA);
            return new Partial(out, layout);
        }

        /** Forward and backward of one batch; adds n, n*loss and the correct count into tail. */
        private int stats(Module m, Batch batch, float[] tail) {
            Tensor y = m.forward(batch.input());
            Tensor l = loss.apply(y, batch.target());
            Autograd.backward(l);
            int n = batch.input().shape().length == 0 ? 1 : batch.input().size(0);
            tail[N] += n;
            tail[LOSS] += (float) (n * l.item());
            tail[CORRECT] += correct(y, batch.target());
            return n;
        }
    }

    /** Rows whose arg-max equals the class target; 0 for other targets. */
    static int correct(Tensor output, Tensor target) {
        if (target.dtype().isFloatingPoint() || output.shape().length != 2) return 0;
        float[] o = output.detach().contiguous().toFloatArray();
        long[] t = target.toLongArray();
        int c = output.size(1), hits = 0;
        for (int i = 0; i < t.length; i++) {
            int best = 0;
            for (int j = 1; j < c; j++) if (o[i * c + j] > o[i * c + best]) best = j;
            if (best == t[i]) hits++;
        }
        return hits;
    }
}
