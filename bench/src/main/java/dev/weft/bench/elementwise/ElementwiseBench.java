package dev.weft.bench.elementwise;

import dev.weft.bench.BenchArgs;
import dev.weft.bench.BenchSuite;
import dev.weft.bench.DeviceOption;
import dev.weft.bench.JsonLine;
import dev.weft.bench.Stats;
import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;
import dev.weft.kernels.elementwise.Binary;
import dev.weft.kernels.elementwise.BinaryFn;
import dev.weft.kernels.elementwise.Unary;
import dev.weft.kernels.elementwise.UnaryFn;
import dev.weft.tensor.core.Device;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code weft bench elementwise}: GB/s of add, mul, exp and relu through the kernel facades (scalar and SIMD,
 * per thread count) on float runs from 1K to 16M, beside a STREAM-triad reference measured in the same run
 * ({@link Triad}). GB/s = (bytes read + bytes written) / median time: 12 bytes per element for add/mul,
 * 8 for exp/relu. Small sizes live in cache and may exceed the triad figure, which is a DRAM number.
 * Peers (NumPy, PyTorch) come from bench/peers/elementwise.py in the same format.
 */
public final class ElementwiseBench implements BenchSuite {

    private static final List<String> OPS = List.of("add", "mul", "exp", "relu");

    @Override
    public String name() {
        return "elementwise";
    }

    @Override
    public String description() {
        return "add/mul/exp/relu GB/s on 1K..16M floats, scalar vs SIMD, vs a STREAM-triad measured in the same run";
    }

    @Override
    public String usage() {
        return """
                weft bench elementwise [options]
                  --sizes 1024,16777216   element counts (default 1K,16K,256K,1M,4M,16M)
                  --ops add,mul,exp,relu  operations (default all four)
                  --threads 1,2           thread counts (default 1 and all cores)
                  --impl scalar,simd      implementations (default both)
                  --samples N             timed samples per case, median reported (default 7)
                  --device cpu|cuda[:N]   where to run (default cpu); on cuda the tensor API's ops on device
                                          floats beside a device-to-device copy (default sizes 1M,4M,16M,64M)
                  --json                  one JSON object per result line
                """;
    }

    /** Runs the suite outside the CLI: java ... dev.weft.bench.elementwise.ElementwiseBench --json */
    public static void main(String[] args) throws Exception {
        System.exit(new ElementwiseBench().run(List.of(args), System.out));
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    @Override
    public Set<String> valued() {
        return Set.of("sizes", "ops", "threads", "impl", "samples", "device");
    }

    @Override
    public int run(List<String> argList, PrintStream out) throws Exception {
        BenchArgs args = BenchArgs.parse(this, argList);
        boolean json = args.flag("json");
        Device device = DeviceOption.parse(name(), args);
        boolean onDevice = device.kind() != Device.Kind.CPU;
        if (onDevice) {
            for (String o : List.of("threads", "impl")) {
                if (args.get(o, null) != null) throw new IllegalArgumentException("bench elementwise: --" + o + " applies to --device cpu only");
            }
        }
        int[] sizes = args.ints("sizes", onDevice ? "1048576,4194304,16777216,67108864" : "1024,16384,262144,1048576,4194304,16777216");
        int cores = Runtime.getRuntime().availableProcessors();
        int[] threads = args.ints("threads", cores > 1 ? "1," + cores : "1");
        List<String> ops = args.list("ops", String.join(",", OPS));
        List<String> impls = args.list("impl", "scalar,simd");
        int samples = Integer.parseInt(args.get("samples", "7"));
        for (String op : ops) if (!OPS.contains(op))
            throw new IllegalArgumentException("bench elementwise: --ops: unknown '" + op + "' (expected " + String.join(", ", OPS) + ")");
        for (String i : impls) if (!i.equals("simd") && !i.equals("scalar"))
            throw new IllegalArgumentException("bench elementwise: --impl: unknown '" + i + "' (expected scalar or simd)");
        for (int s : sizes) if (s < 1) throw new IllegalArgumentException("bench elementwise: --sizes: " + s + " must be >= 1");
        for (int t : threads) if (t < 1) throw new IllegalArgumentException("bench elementwise: --threads: " + t + " must be >= 1");
        if (samples < 1) throw new IllegalArgumentException("bench elementwise: --samples: " + samples + " must be >= 1");
        if (onDevice) {
            DeviceOption.require(name(), device);
            CudaElementwise.run(device, sizes, ops, samples, json, out);
            return 0;
        }

        int oldThreads = Parallel.threads();
        KernelImpl oldImpl = KernelImpl.current();
        try {
            Map<Integer, Double> triad = new HashMap<>();
            for (int t : threads) {
                Parallel.setThreads(t);
                double g = Triad.gbps(16 << 20, samples);
                triad.put(t, g);
                if (json) out.println(JsonLine.of("elementwise", "triad", "best", t, "cpu").put("n", 16 << 20).put("gbps", g).put("triad_gbps", g));
                else out.printf(Locale.ROOT, "STREAM triad (16M floats, best of plain/SIMD), %d thread%s: %.2f GB/s%n", t, t == 1 ? "" : "s", g);
            }
            if (!json) out.printf(Locale.ROOT, "%-5s %-6s %7s %10s %10s %8s %8s%n", "op", "impl", "threads", "n", "us/call", "GB/s", "% triad");
            for (String op : ops) {
                for (int n : sizes) {
                    float[] a = new float[n], b = new float[n], y = new float[n];
                    SplittableRandom r = new SplittableRandom(n);
                    for (int i = 0; i < n; i++) { a[i] = (float) r.nextDouble(-4, 4); b[i] = (float) r.nextDouble(-4, 4); }
                    Runnable call = switch (op) {
                        case "add" -> () -> Binary.apply(BinaryFn.ADD, a, 0, 1, b, 0, 1, y, 0, 1, n);
                        case "mul" -> () -> Binary.apply(BinaryFn.MUL, a, 0, 1, b, 0, 1, y, 0, 1, n);
                        case "exp" -> () -> Unary.apply(UnaryFn.EXP, 0, 0, a, 0, 1, y, 0, 1, n);
                        default -> () -> Unary.apply(UnaryFn.RELU, 0, 0, a, 0, 1, y, 0, 1, n);
                    };
                    double bytes = (op.equals("add") || op.equals("mul") ? 12.0 : 8.0) * n;
                    for (String impl : impls) {
                        KernelImpl.set(impl.equals("simd") ? KernelImpl.SIMD : KernelImpl.SCALAR);
                        for (int t : threads) {
                            Parallel.setThreads(t);
                            double sec = medianSeconds(call, samples);
                            double g = bytes / sec / 1e9, tr = triad.get(t);
                            if (json) {
                                out.println(JsonLine.of("elementwise", op, impl, t, "cpu").put("n", n).put("gbps", g).put("triad_gbps", tr));
                            } else {
                                out.printf(Locale.ROOT, "%-5s %-6s %7d %10d %10.2f %8.2f %7.0f%%%n", op, impl, t, n, sec * 1e6, g, 100 * g / tr);
                            }
                        }
                    }
                }
            }
        } finally {
            Parallel.setThreads(oldThreads);
            KernelImpl.set(oldImpl);
        }
        return 0;
    }

    /**
     * Median seconds per call: warms up (JIT) until two consecutive ~0.1 s windows agree within 10%
     * (at least 0.2 s and 200 calls, at most 5 s) — the Vector API kernels run interpreted, hundreds of
     * times slower, until C2 compiles them — then takes the given number of samples, each a batch of
     * calls long enough (about 20 ms) that timer resolution does not matter.
     */
    static double medianSeconds(Runnable call, int samples) {
        long start = System.nanoTime();
        int calls = 0;
        double previous = Double.MAX_VALUE, perCall;
        while (true) {
            long w0 = System.nanoTime();
            int n = 0;
            while (n < 5 || System.nanoTime() - w0 < 100_000_000L) {
                call.run();
                n++;
            }
            calls += n;
            perCall = (System.nanoTime() - w0) / 1e9 / n;
            boolean settled = Math.abs(perCall - previous) <= 0.1 * previous;
            long elapsed = System.nanoTime() - start;
            if ((settled && calls >= 200 && elapsed >= 200_000_000L) || elapsed > 5_000_000_000L) break;
            previous = perCall;
        }
        int batch = (int) Math.max(1, Math.min(1_000_000, 0.02 / Math.max(perCall, 1e-9)));
        double[] s = new double[samples];
        for (int k = 0; k < samples; k++) {
            long a = System.nanoTime();
            for (int i = 0; i < batch; i++) call.run();
            s[k] = (System.nanoTime() - a) / 1e9 / batch;
        }
        return Stats.median(s);
    }
}
