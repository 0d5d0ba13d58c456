package dev.weft.bench.train;

import dev.weft.autograd.Autograd;
import dev.weft.bench.BenchArgs;
import dev.weft.bench.BenchSuite;
import dev.weft.bench.FmaPeak;
import dev.weft.bench.JsonLine;
import dev.weft.bench.Stats;
import dev.weft.kernels.Parallel;
import dev.weft.nn.Sequential;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code weft bench train-mlp}: training steps per second of the MLP 784-256-128-10 (ReLU),
 * cross-entropy, Adam (lr 1e-3), batch 128, on random data — one step is zeroGrad + forward + loss
 * + backward + optimizer step, exactly what {@code bench/peers/train_mlp.py} times in PyTorch. Each
 * thread count warms up (C2 needs several seconds for the whole step), then runs rounds of steps;
 * the median round is reported, beside an FMA-peak check taken in the same run.
 */
public final class TrainMlpBench implements BenchSuite {
    @Override
    public String name() {
        return "train-mlp";
    }

    @Override
    public String description() {
        return "steps/s of an MLP 784-256-128-10 training step (Adam, batch 128) on random data";
    }

    @Override
    public String usage() {
        return """
                weft bench train-mlp [options]
                  --threads LIST   thread counts (default 1,2)
                  --batch N        batch size (default 128)
                  --sizes LIST     layer widths (default 784,256,128,10)
                  --steps N        steps per timed round (default 50)
                  --rounds N       timed rounds, the median is reported (default 7)
                  --warmup S       seconds of warm-up per thread count (default 8)
                  --json           one JSON object per result line
                peer: /usr/bin/python3 bench/peers/train_mlp.py --threads 1,2 --json
                """;
    }

    @Override
    public int run(List<String> argList, PrintStream out) throws Exception {
        BenchArgs args = BenchArgs.parse(name(), argList, Set.of("json"),
                Set.of("threads", "batch", "sizes", "steps", "rounds", "warmup"));
        boolean json = args.flag("json");
        int batch = Integer.parseInt(args.get("batch", "128"));
        int steps = Integer.parseInt(args.get("steps", "50"));
        int rounds = Integer.parseInt(args.get("rounds", "7"));
        double warmup = Double.parseDouble(args.get("warmup", "8"));
        String sizesText = args.get("sizes", "784,256,128,10");
        int[] sizes = java.util.Arrays.stream(sizesText.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        if (sizes.length < 2) throw new IllegalArgumentException("bench train-mlp: --sizes needs at least two widths, got " + sizesText);
        Autograd.install();
        int old = Parallel.threads();
        try {
            for (String tt : args.get("threads", "1,2").split(",")) {
                int threads = Integer.parseInt(tt.trim());
                Parallel.setThreads(threads);
                double peak = FmaPeak.measure(threads, false, 0.2);
                Step step = new Step(sizes, batch);
                long end = System.nanoTime() + (long) (warmup * 1e9);
                while (System.nanoTime() < end) step.run();
                double[] rates = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    for (int s = 0; s < steps; s++) step.run();
                    rates[r] = steps / ((System.nanoTime() - t0) / 1e9);
                }
                double sps = Stats.median(rates);
                if (json) {
                    out.println(JsonLine.of("train-mlp", "mlp_adam", "weft", threads, "cpu").put("batch", batch)
                            .put("features", sizesText).put("steps_per_s", sps).put("ms", 1000 / sps)
                            .put("fma_peak_gflops", peak).put("loss", step.lastLoss));
                } else {
                    out.printf(Locale.ROOT, "weft   threads=%d  batch=%d  %s Adam: %8.1f steps/s  (%.3f ms/step; FMA peak %.1f GFLOP/s)%n",
                            threads, batch, sizesText.replace(',', '-'), sps, 1000 / sps, peak);
                }
            }
        } finally {
            Parallel.setThreads(old);
        }
        return 0;
    }

    /** The model, optimizer and one fixed random batch; {@link #run} is one training step. */
    private static final class Step {
        final Sequential model = new Sequential();
        final Adam opt;
        final Tensor x, y;
        double lastLoss;

        Step(int[] sizes, int batch) {
            Generator g = new Generator(0);
            for (int i = 0; i + 1 < sizes.length; i++) {
                model.append(new Linear(sizes[i], sizes[i + 1], true, g));
                if (i + 2 < sizes.length) model.append(new ReLU());
            }
            opt = new Adam(model.parameters(), 1e-3);
            x = Tensor.randn(g, DType.F32, batch, sizes[0]);
            y = Tensor.randint(g, 0, sizes[sizes.length - 1], DType.I64, batch);
        }

        void run() {
            opt.zeroGrad();
            Tensor loss = Losses.crossEntropy(model.forward(x), y);
            Autograd.backward(loss);
            opt.step();
            lastLoss = loss.item();
        }
    }
}
