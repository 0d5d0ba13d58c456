package dev.weft.bench.train;

import dev.weft.autograd.Autograd;
import dev.weft.bench.Allocation;
import dev.weft.bench.BenchArgs;
import dev.weft.bench.BenchSuite;
import dev.weft.bench.DeviceOption;
import dev.weft.bench.FmaPeak;
import dev.weft.bench.JsonLine;
import dev.weft.bench.Stats;
import dev.weft.kernels.Parallel;
import dev.weft.tensor.core.Device;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the {@code weft bench train-*} suites share: the options, the timing and the output. Steps/s
 * mode: per thread count, build the case, warm up (C2 needs several seconds for a whole step), run
 * {@code --rounds} rounds of {@code --steps} steps and report the median round beside an FMA-peak
 * check taken in the same run and the heap bytes allocated per timed step (all threads, {@link Allocation}).
 * {@code --first-steps} mode: one thread count, and the wall time from JVM start to the end of steps 1,
 * 10 and 100 ({@link FirstSteps}); meaningful only as the first thing a fresh process does. A suite names its case, defaults, peer script and model options.
 */
public abstract class TrainSuite implements BenchSuite {
    private static final Set<String> FLAGS = Set.of("json", "first-steps");
    private static final Set<String> VALUED = Set.of("threads", "batch", "steps", "rounds", "warmup", "checkpoints", "device");

    protected abstract int defaultBatch();

    protected abstract int defaultSteps();

    /** The peer script's file name under bench/peers, e.g. "train_mlp.py". */
    protected abstract String peerScript();

    /** The suite's own options (valued), e.g. "sizes"; none by default. */
    protected Set<String> modelOptions() {
        return Set.of();
    }

    /** Usage lines for {@link #modelOptions()}, each ending in a newline. */
    protected String modelUsage() {
        return "";
    }

    /** The case these options describe; {@code batch} is already parsed and positive. */
    abstract TrainCase trainCase(BenchArgs args, int batch);

    /**
     * The case on a device: the model moved there with module.to(device), its data resident there. Only
     * suites that override this run with --device cuda; the default accepts the CPU only.
     */
    TrainCase trainCase(BenchArgs args, int batch, Device device) {
        if (device.kind() == Device.Kind.CPU) return trainCase(args, batch);
        throw new IllegalArgumentException("bench " + name() + ": --device " + device + " is not supported by this suite"
                + " (train-mlp and train-gcn run on cuda)");
    }

    /** True when one step is a full-batch epoch: the JSON line also carries epochs_per_s (= steps_per_s). */
    protected boolean stepIsEpoch() {
        return false;
    }

    @Override
    public final String usage() {
        return "weft bench " + name() + " [options]\n"
                + "  --threads LIST   thread counts (default 1,2; with --first-steps one, default 1)\n"
                + "  --batch N        batch size (default " + defaultBatch() + ")\n"
                + modelUsage()
                + "  --steps N        steps per timed round (default " + defaultSteps() + ")\n"
                + "  --rounds N       timed rounds, the median is reported (default 7)\n"
                + "  --warmup S       seconds of warm-up per thread count (default 8)\n"
                + "  --first-steps    only: seconds from JVM start to the end of steps 1, 10, 100, then exit\n"
                + "  --checkpoints L  the steps --first-steps reports (default 1,10,100)\n"
                + "  --device D       cpu (default) or cuda[:N] (train-mlp, train-gcn): model and data on the device,\n"
                + "                   one host thread; each step reads its loss back, on both sides\n"
                + "  --json           one JSON object per result line\n"
                + "peer: env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 bench/peers/"
                + peerScript() + " --threads 1,2 --json   (same options)\n";
    }

    @Override
    public final Set<String> flags() {
        return FLAGS;
    }

    @Override
    public final Set<String> valued() {
        Set<String> valued = new HashSet<>(VALUED);
        valued.addAll(modelOptions());
        return Set.copyOf(valued);
    }

    @Override
    public final int run(List<String> argList, PrintStream out) throws Exception {
        BenchArgs args = BenchArgs.parse(this, argList);
        boolean json = args.flag("json"), first = args.flag("first-steps");
        int batch = positive(args, "batch", defaultBatch());
        int steps = positive(args, "steps", defaultSteps());
        int rounds = positive(args, "rounds", 7);
        double warmup;
        try {
            warmup = Double.parseDouble(args.get("warmup", "8"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bench " + name() + ": --warmup: '" + args.get("warmup", "") + "' is not a number of seconds");
        }
        Device device = DeviceOption.parse(name(), args);
        boolean onDevice = device.kind() != Device.Kind.CPU;
        if (onDevice && (first || args.get("threads", null) != null)) {
            throw new IllegalArgumentException("bench " + name() + ": --" + (first ? "first-steps" : "threads")
                    + " applies to --device cpu only");
        }
        int[] threadCounts = args.ints("threads", first || onDevice ? "1" : "1,2");
        for (int t : threadCounts) {
            if (t < 1) throw new IllegalArgumentException("bench " + name() + ": --threads: " + t + " is not >= 1");
        }
        int[] checkpoints = args.ints("checkpoints", "1,10,100");
        for (int i = 0; i < checkpoints.length; i++) {
            if (checkpoints[i] < 1 || (i > 0 && checkpoints[i] <= checkpoints[i - 1])) {
                throw new IllegalArgumentException("bench " + name() + ": --checkpoints must be increasing steps >= 1, got "
                        + args.get("checkpoints", ""));
            }
        }
        if (first && threadCounts.length != 1) {
            throw new IllegalArgumentException("bench " + name() + ": --first-steps times one fresh process: give one thread "
                    + "count (--threads N), got " + args.get("threads", ""));
        }
        TrainCase c = trainCase(args, batch, device);
        DeviceOption.require(name(), device);
        Autograd.install();
        int old = Parallel.threads();
        try {
            if (first) {
                Parallel.setThreads(threadCounts[0]);
                firstSteps(c, threadCounts[0], batch, checkpoints, json, out);
                return 0;
            }
            for (int threads : threadCounts) {
                Parallel.setThreads(threads);
                double peak = onDevice ? Double.NaN : FmaPeak.measure(threads, false, 0.2);
                TrainStep step = c.factory().get();
                double loss = Double.NaN;
                long end = System.nanoTime() + (long) (warmup * 1e9);
                while (System.nanoTime() < end) loss = step.run();
                double[] rates = new double[rounds];
                long alloc0 = Allocation.totalBytes();
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    for (int s = 0; s < steps; s++) loss = step.run();
                    rates[r] = steps / ((System.nanoTime() - t0) / 1e9);
                }
                long alloc1 = Allocation.totalBytes();
                double sps = Stats.median(rates);
                double bytesPerStep = alloc0 < 0 || alloc1 < 0 ? Double.NaN : (alloc1 - alloc0) / (double) (rounds * steps);
                if (json && onDevice) {
                    JsonLine l = line(c, threads, batch, device).put("steps_per_s", sps);
                    if (stepIsEpoch()) l.put("epochs_per_s", sps);
                    out.println(l.put("ms", 1000 / sps).put("loss", loss));
                } else if (onDevice) {
                    out.printf(Locale.ROOT, "weft   %s  batch=%d  %s: %8.1f steps/s  (%.3f ms/step)%n", device, batch, c.label(), sps, 1000 / sps);
                } else if (json) {
                    JsonLine l = line(c, threads, batch).put("steps_per_s", sps);
                    if (stepIsEpoch()) l.put("epochs_per_s", sps);
                    out.println(l.put("ms", 1000 / sps)
                            .put("fma_peak_gflops", peak).put("bytes_per_step", bytesPerStep).put("loss", loss));
                } else {
                    out.printf(Locale.ROOT, "weft   threads=%d  batch=%d  %s: %8.1f steps/s  (%.3f ms/step; %.2f MB allocated/step; "
                            + "FMA peak %.1f GFLOP/s)%n", threads, batch, c.label(), sps, 1000 / sps, bytesPerStep / 1e6, peak);
                }
            }
        } finally {
            Parallel.setThreads(old);
        }
        return 0;
    }

    private void firstSteps(TrainCase c, int threads, int batch, int[] checkpoints, boolean json, PrintStream out) {
        FirstSteps.Result r = FirstSteps.measure(c, checkpoints);
        if (json) {
            JsonLine l = line(c, threads, batch).put("case", c.caseName() + "_first_steps").put("from", "jvm_start");
            for (int i = 0; i < checkpoints.length; i++) l.put("first_" + checkpoints[i] + "_s", r.seconds()[i]);
            out.println(l.put("loss", r.loss()));
        } else {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < checkpoints.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "step %d at %.3f s", checkpoints[i], r.seconds()[i]));
            }
            out.printf(Locale.ROOT, "weft   threads=%d  batch=%d  %s: %s (from JVM start)%n", threads, batch, c.label(), sb);
        }
    }

    private JsonLine line(TrainCase c, int threads, int batch) {
        return line(c, threads, batch, Device.CPU);
    }

    private JsonLine line(TrainCase c, int threads, int batch, Device device) {
        JsonLine l = JsonLine.of(name(), c.caseName(), "weft", threads, device.toString()).put("batch", batch);
        c.shape().forEach(l::put);
        return l;
    }

    private int positive(BenchArgs args, String option, int dflt) {
        int v = args.ints(option, Integer.toString(dflt))[0];
        if (v < 1 || args.get(option, "").contains(",")) {
            throw new IllegalArgumentException("bench " + name() + ": --" + option + " must be one integer >= 1, got "
                    + args.get(option, ""));
        }
        return v;
    }
}
