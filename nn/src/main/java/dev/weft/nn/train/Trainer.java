package dev.weft.nn.train;

import dev.weft.autograd.Autograd;
import dev.weft.nn.Module;
import dev.weft.nn.optim.GradClip;
import dev.weft.nn.optim.Optimizer;
import dev.weft.nn.optim.lr.LRScheduler;
import dev.weft.tensor.Tensor;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An optional training loop: for each batch zeroGrad, forward, loss, backward, (clip), step,
 * (scheduler), with running loss/accuracy, evaluations every N steps and/or per epoch, checkpoints every
 * N steps and at the end, and a progress report on stderr. Anything fancier is a plain loop over the
 * same calls; this class holds no state between fits.
 *
 * <pre>
 * History h = Trainer.builder().epochs(5).evalEachEpoch(Evaluator.of(loss, testBatches)).build()
 *         .fit(model, new Adam(model.parameters(), 1e-3), loss, trainBatches);
 * </pre>
 */
public final class Trainer {
    /** Where progress goes: AUTO redraws in place on a terminal and prints lines otherwise. */
    public enum ProgressMode {
        /** TERMINAL when the output is a console, else LINES. */
        AUTO,
        /** One status line redrawn in place. */
        TERMINAL,
        /** A new line every logEvery steps. */
        LINES,
        /** No progress output. */
        OFF
    }

    private final Builder b;

    private Trainer(Builder b) {
        this.b = b;
    }

    /**
     * A builder with the defaults listed on {@link Builder}'s setters.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of a {@link Trainer}; every setter returns the builder. */
    public static final class Builder {
        private int epochs = 1;
        private long maxSteps = -1;
        private LRScheduler scheduler;
        private boolean schedulerPerStep;
        private double clipGradNorm = Double.NaN;
        private int evalEvery;
        private Evaluator stepEvaluator, epochEvaluator;
        private int checkpointEvery;
        private Checkpointer checkpointer;
        private ProgressMode progress = ProgressMode.AUTO;
        private PrintStream out = System.err;
        private int logEvery;
        private GradientSync sync = GradientSync.NONE;
        private int averageEvery;

        private Builder() {}

        /**
         * Data-parallel training, synchronous: the parameters are broadcast from replica 0 when the fit
         * starts, and after every backward the flat gradient is replaced by the all-reduced mean over the
         * replicas, weighted by each replica's batch size ({@code input.size(0)}), so with a mean loss every
         * replica steps with the gradient of the global batch. Default {@link GradientSync#NONE}.
         * Every replica must run the same number of steps.
         *
         * @param s the replica group's sync
         * @return this builder
         */
        public Builder gradientSync(GradientSync s) {
            this.sync = java.util.Objects.requireNonNull(s, "Trainer: gradientSync");
            this.averageEvery = 0;
            return this;
        }

        /**
         * Data-parallel training by parameter averaging: the parameters are broadcast when the fit starts,
         * each replica steps on its own gradients, and every {@code every} optimizer steps (and once at the
         * end) the parameters are replaced by their mean over the replicas, weighted by the examples each
         * saw since the last average. Fewer exchanges than {@link #gradientSync} for short steps; with
         * plain SGD and {@code every = 1} it is the same update. The optimizer state (Adam's moments and step, momentum
         * buffers) is averaged with the parameters, with the same weights ({@link FlatOptimizerState}), and carries on
         * into the next round: local SGD with averaged optimizer state. Every replica's state must have the same layout
         * (the same steps taken).
         *
         * @param s the replica group's sync
         * @param every optimizer steps between averages, at least 1
         * @return this builder
         */
        public Builder parameterAveraging(GradientSync s, int every) {
            if (every < 1) throw new IllegalArgumentException("Trainer: parameterAveraging every must be >= 1, got " + every);
            this.sync = java.util.Objects.requireNonNull(s, "Trainer: parameterAveraging");
            this.averageEvery = every;
            return this;
        }

        /**
         * Passes over the data (default 1).
         *
         * @param epochs at least 1
         * @return this builder
         */
        public Builder epochs(int epochs) {
            if (epochs < 1) throw new IllegalArgumentException("Trainer: epochs must be >= 1, got " + epochs);
            this.epochs = epochs;
            return this;
        }

        /**
         * Stops after this many optimizer steps, even mid-epoch (default: no limit).
         *
         * @param maxSteps the step limit
         * @return this builder
         */
        public Builder maxSteps(long maxSteps) {
            if (maxSteps < 1) throw new IllegalArgumentException("Trainer: maxSteps must be >= 1, got " + maxSteps);
            this.maxSteps = maxSteps;
            return this;
        }

        /**
         * Steps {@code s} after every optimizer step (OneCycleLR, warmup by iteration).
         *
         * @param s the scheduler
         * @return this builder
         */
        public Builder schedulerPerStep(LRScheduler s) {
            this.scheduler = s;
            this.schedulerPerStep = true;
            return this;
        }

        /**
         * Steps {@code s} at the end of every epoch.
         *
         * @param s the scheduler
         * @return this builder
         */
        public Builder schedulerPerEpoch(LRScheduler s) {
            this.scheduler = s;
            this.schedulerPerStep = false;
            return this;
        }

        /**
         * Clips the gradients' total 2-norm to maxNorm before each step.
         *
         * @param maxNorm the largest total norm allowed
         * @return this builder
         */
        public Builder clipGradNorm(double maxNorm) {
            this.clipGradNorm = maxNorm;
            return this;
        }

        /**
         * Runs {@code e} every {@code steps} optimizer steps.
         *
         * @param steps optimizer steps between evaluations
         * @param e the evaluation
         * @return this builder
         */
        public Builder evalEvery(int steps, Evaluator e) {
            if (steps < 1) throw new IllegalArgumentException("Trainer: evalEvery steps must be >= 1, got " + steps);
            this.evalEvery = steps;
            this.stepEvaluator = e;
            return this;
        }

        /**
         * Runs {@code e} at the end of every epoch.
         *
         * @param e the evaluation
         * @return this builder
         */
        public Builder evalEachEpoch(Evaluator e) {
            this.epochEvaluator = e;
            return this;
        }

        /**
         * Saves a checkpoint every {@code steps} optimizer steps and once at the end of the fit.
         *
         * @param steps optimizer steps between checkpoints
         * @param c writes the checkpoints (e.g. {@link dev.weft.nn.io.Checkpoints#safetensors})
         * @return this builder
         */
        public Builder checkpointEvery(int steps, Checkpointer c) {
            if (steps < 1) throw new IllegalArgumentException("Trainer: checkpointEvery steps must be >= 1, got " + steps);
            this.checkpointEvery = steps;
            this.checkpointer = c;
            return this;
        }

        /**
         * Progress report mode (default AUTO) and where it goes (default System.err).
         *
         * @param mode how progress is shown
         * @param out where it goes
         * @return this builder
         */
        public Builder progress(ProgressMode mode, PrintStream out) {
            this.progress = mode;
            this.out = out;
            return this;
        }

        /**
         * Steps between progress lines when not on a terminal (default about ten per epoch).
         *
         * @param steps steps between lines
         * @return this builder
         */
        public Builder logEvery(int steps) {
            this.logEvery = steps;
            return this;
        }

        /**
         * {@return a trainer with these options}
         */
        public Trainer build() {
            return new Trainer(this);
        }
    }

    /**
     * Trains on batches; see {@link #fit(Module, Optimizer, BiFunction, Iterable, Function)}.
     *
     * @param model the module to train
     * @param optimizer updates the model's parameters
     * @param lossFn (output, target) to a scalar loss
     * @param train the batches, iterated once per epoch
     * @return each epoch's loss and accuracy, every evaluation, and the step count
     */
    public History fit(Module model, Optimizer optimizer, BiFunction<Tensor, Tensor, Tensor> lossFn, Iterable<Batch> train) {
        return fit(model, optimizer, lossFn, train, Function.identity());
    }

    /**
     * Trains {@code model} (in training mode, restored afterwards to training mode) with
     * {@code lossFn(model.forward(input), target)} over {@code train}, which is iterated once per epoch;
     * {@code toBatch} adapts the loader's element type. Modifies the model's parameters and the
     * optimizer's state; checkpoint failures are rethrown as UncheckedIOException.
     *
     * @param <T> the loader's element type
     * @param model the module to train
     * @param optimizer updates the model's parameters
     * @param lossFn (output, target) to a scalar loss
     * @param train the batches, iterated once per epoch
     * @param toBatch turns an element into a Batch(input, target)
     * @return each epoch's loss and accuracy, every evaluation, and the step count
     */
    public <T> History fit(Module model, Optimizer optimizer, BiFunction<Tensor, Tensor, Tensor> lossFn, Iterable<T> train,
                           Function<? super T, Batch> toBatch) {
        boolean terminal = switch (b.progress) {
            case AUTO -> Progress.stderrIsTerminal();
            case TERMINAL -> true;
            default -> false;
        };
        Progress progress = b.progress == ProgressMode.OFF ? null : new Progress(b.out, terminal, b.logEvery);
        List<History.Epoch> epochs = new ArrayList<>();
        List<History.Evaluation> evals = new ArrayList<>();
        int stepsPerEpoch = train instanceof Collection<?> c ? c.size() : -1;
        long step = 0;
        model.train();
        List<Tensor> params = model.parameters();
        boolean parallel = b.sync != GradientSync.NONE;
        if (parallel) {
            float[] v = FlatParameters.values(params);
            b.sync.broadcast(v);
            FlatParameters.setValues(params, v);
        }
        double seenSinceAverage = 0;
        boolean stop = false;
        for (int epoch = 0; epoch < b.epochs && !stop; epoch++) {
            Metrics m = new Metrics();
            long start = System.nanoTime();
            if (progress != null) progress.epochStart(epoch, b.epochs, stepsPerEpoch);
            int inEpoch = 0;
            for (T item : train) {
                if (b.maxSteps > 0 && step >= b.maxSteps) {
                    stop = true;
                    break;
                }
                Batch batch = toBatch.apply(item);
                optimizer.zeroGrad();
                Tensor out = model.forward(batch.input());
                Tensor loss = lossFn.apply(out, batch.target());
                Autograd.backward(loss);
                double examples = batch.input().shape().length == 0 ? 1 : batch.input().size(0);
                if (parallel && b.averageEvery == 0) {
                    float[] g = FlatParameters.gradients(params);
                    b.sync.allReduceMean(g, examples);
                    FlatParameters.setGradients(params, g);
                }
                if (!Double.isNaN(b.clipGradNorm)) GradClip.clipGradNorm(model.parameters(), b.clipGradNorm);
                optimizer.step();
                if (b.scheduler != null && b.schedulerPerStep) b.scheduler.step();
                step++;
                inEpoch++;
                seenSinceAverage += examples;
                if (parallel && b.averageEvery > 0 && step % b.averageEvery == 0) {
                    average(params, optimizer, seenSinceAverage);
                    seenSinceAverage = 0;
                }
                m.add(loss.item(), out.detach(), batch.target());
                if (progress != null) progress.step(inEpoch, m, inEpoch / ((System.nanoTime() - start) * 1e-9));
                if (b.stepEvaluator != null && step % b.evalEvery == 0) {
                    evals.add(evaluate(b.stepEvaluator, model, step, epoch, progress));
                }
                if (b.checkpointer != null && step % b.checkpointEvery == 0) checkpoint(model, optimizer, step, epoch);
            }
            if (b.maxSteps > 0 && step >= b.maxSteps) stop = true;
            if (b.scheduler != null && !b.schedulerPerStep) b.scheduler.step();
            double seconds = (System.nanoTime() - start) * 1e-9;
            epochs.add(new History.Epoch(epoch, m.meanLoss(), m.accuracy(), inEpoch, seconds));
            if (progress != null) progress.epochEnd(m, seconds);
            if (b.epochEvaluator != null) evals.add(evaluate(b.epochEvaluator, model, step, epoch, progress));
        }
        if (parallel && b.averageEvery > 0 && step % b.averageEvery != 0) average(params, optimizer, Math.max(seenSinceAverage, 1));
        if (b.checkpointer != null && step % b.checkpointEvery != 0) checkpoint(model, optimizer, step, epochs.size() - 1);
        return new History(List.copyOf(epochs), List.copyOf(evals), step);
    }

    /** One all-reduce of the parameters and the flat optimizer state together, both weighted by {@code weight}. */
    private void average(List<Tensor> params, Optimizer optimizer, double weight) {
        float[] v = FlatParameters.values(params);
        FlatOptimizerState.Flat s = FlatOptimizerState.of(optimizer);
        float[] both = new float[v.length + s.values().length];
        System.arraycopy(v, 0, both, 0, v.length);
        System.arraycopy(s.values(), 0, both, v.length, s.values().length);
        b.sync.allReduceMean(both, weight);
        System.arraycopy(both, 0, v, 0, v.length);
        FlatParameters.setValues(params, v);
        FlatOptimizerState.load(optimizer, s.layout(), java.util.Arrays.copyOfRange(both, v.length, both.length));
    }

    private static History.Evaluation evaluate(Evaluator e, Module model, long step, int epoch, Progress progress) {
        Map<String, Double> r;
        model.eval();
        try (var s = Autograd.noGrad()) {
            r = Map.copyOf(e.evaluate(model));
        } finally {
            model.train();
        }
        r = new java.util.TreeMap<>(r);
        if (progress != null) progress.eval(step, r);
        return new History.Evaluation(step, epoch, java.util.Collections.unmodifiableMap(r));
    }

    private void checkpoint(Module model, Optimizer optimizer, long step, int epoch) {
        try {
            b.checkpointer.save(new Checkpoint(step, epoch, model.stateDict(), optimizer.stateDict(),
                    b.scheduler == null ? null : b.scheduler.stateDict()));
        } catch (IOException e) {
            throw new UncheckedIOException("Trainer: checkpoint at step " + step + " failed: " + e.getMessage(), e);
        }
    }
}
