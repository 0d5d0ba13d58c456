package dev.weft.bench.autograd;

import dev.weft.autograd.Autograd;
import dev.weft.bench.BenchArgs;
import dev.weft.bench.BenchSuite;
import dev.weft.bench.JsonLine;
import dev.weft.kernels.Parallel;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code weft bench autograd}: what the tape costs. Tiny ops: an add of two 4-element F32 tensors,
 * forward + backward, averaged over 10,000 ops, (a) as a 10,000-long chain y = y + b with one backward,
 * (b) as 10,000 separate add + backward steps; beside the same add with no tape. MLP: one training step
 * (forward, MSE loss, backward) of a 3-layer ReLU MLP through the tape, against the same tensor ops
 * written out by hand with no tape (the overhead is the difference). Peer: bench/peers/autograd.py
 * (PyTorch eager) on the same shapes; run both in the same time window, the machine is shared.
 */
public final class AutogradBench implements BenchSuite {

    @Override
    public String name() {
        return "autograd";
    }

    @Override
    public String description() {
        return "tape overhead: µs per tiny op forward+backward, MLP step with and without the tape";
    }

    @Override
    public String usage() {
        return """
                weft bench autograd [options]
                  --ops N            ops per tiny-op measurement (default 10000)
                  --rounds N         timed rounds per case, the median is reported (default 15)
                  --mlp B,I,H,H2,O   MLP shape: batch, in, hidden, hidden, out (default 32,64,64,64,10;
                                     repeat the option with ';' between shapes)
                  --heap             also run a 10,000-step MLP training loop and report used heap after GC
                                     at step 1,000 and 10,000
                  --json             one JSON object per result line
                """;
    }

    public static void main(String[] args) throws Exception {
        System.exit(new AutogradBench().run(List.of(args), System.out));
    }

    @Override
    public Set<String> flags() {
        return Set.of("json", "heap");
    }

    @Override
    public Set<String> valued() {
        return Set.of("ops", "rounds", "mlp");
    }

    @Override
    public int run(List<String> argList, PrintStream out) throws Exception {
        BenchArgs args = BenchArgs.parse(this, argList);
        boolean json = args.flag("json");
        int ops = Integer.parseInt(args.get("ops", "10000"));
        int rounds = Integer.parseInt(args.get("rounds", "15"));
        Autograd.install();
        int threads = Parallel.threads();

        String[][] cases = {
                {"tiny_add_chain", "tiny add chain (fwd+bwd, one backward per " + ops + " ops)"},
                {"tiny_add_step", "tiny add + backward per op"},
                {"tiny_add_no_tape", "tiny add, no tape (forward only)"}};
        if (!json) out.printf(Locale.ROOT, "%-52s %10s %10s%n", "case (4-element f32 tensors)", "median", "best");
        for (String[] c : cases) {
            double[] t = switch (c[0]) {
                case "tiny_add_chain" -> TinyOps.chain(ops, rounds);
                case "tiny_add_step" -> TinyOps.steps(ops, rounds);
                default -> TinyOps.noTape(ops, rounds);
            };
            if (json) {
                out.println(JsonLine.of("autograd", c[0], "weft", threads, "cpu").put("numel", 4).put("ops", ops)
                        .put("us_per_op", t[0]).put("us_per_op_min", t[1]));
            } else {
                out.printf(Locale.ROOT, "%-52s %7.3f µs %7.3f µs%n", c[1], t[0], t[1]);
            }
        }

        for (String spec : args.get("mlp", "32,64,64,64,10").split(";")) {
            int[] s = java.util.Arrays.stream(spec.split(",")).mapToInt(v -> Integer.parseInt(v.trim())).toArray();
            if (s.length != 5) throw new IllegalArgumentException("bench autograd: --mlp needs B,I,H,H2,O, got '" + spec + "'");
            MlpStep m = new MlpStep(new Generator(1), s[0], s[1], s[2], s[3], s[4]);
            double[] t = m.time(rounds);
            double overhead = 100 * (t[0] / t[1] - 1);
            JsonLine line = JsonLine.of("autograd", "mlp_step", "weft", threads, "cpu").put("batch", s[0])
                    .put("features", s[1] + "," + s[2] + "," + s[3] + "," + s[4])
                    .put("us_per_step", t[0]).put("no_tape_us_per_step", t[1]).put("overhead_pct", overhead);
            if (json) out.println(line);
            else out.printf(Locale.ROOT, "MLP step B=%d %s: tape %.1f µs, no tape %.1f µs, overhead %+.1f%%%n",
                    s[0], spec.substring(spec.indexOf(',') + 1), t[0], t[1], overhead);
        }
        if (args.flag("heap")) {
            long[] h = HeapLoop.run(10_000);
            JsonLine line = JsonLine.of("autograd", "heap_10k_steps", "weft", threads, "cpu")
                    .put("heap_mib_step_1000", h[0] / 1048576.0).put("heap_mib_step_10000", h[1] / 1048576.0);
            if (json) out.println(line);
            else out.printf(Locale.ROOT, "used heap after GC: step 1,000 %.2f MiB, step 10,000 %.2f MiB%n",
                    h[0] / 1048576.0, h[1] / 1048576.0);
        }
        return 0;
    }
}
