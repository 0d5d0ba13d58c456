package dev.weft.bench.gemm;

import dev.weft.bench.BenchArgs;
import dev.weft.bench.BenchSuite;
import dev.weft.bench.DeviceOption;
import dev.weft.bench.FmaPeak;
import dev.weft.bench.JsonLine;
import dev.weft.bench.Stats;
import dev.weft.kernels.Parallel;
import dev.weft.kernels.gemm.GemmScalar;
import dev.weft.kernels.gemm.GemmSimd;
import dev.weft.tensor.core.Device;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code weft bench gemm}: GFLOP/s (2mnk / median time) of the scalar and SIMD GEMM on square sizes and
 * MLP training shapes, per thread count and dtype, beside the FMA peak measured in the same run.
 * The numbers to compare with come from bench/peers/gemm.py (OpenBLAS via NumPy, PyTorch) run in the
 * same time window: the machine is shared, so compare medians of several runs.
 */
public final class GemmBench implements BenchSuite {

    @Override
    public String name() {
        return "gemm";
    }

    @Override
    public String description() {
        return "SGEMM/DGEMM GFLOP/s: square sizes and MLP shapes, scalar vs SIMD, vs the FMA peak";
    }

    @Override
    public String usage() {
        return """
                weft bench gemm [options]
                  --sizes 256,512,1024   square sizes (default 256,512,1024)
                  --shapes mlp           also the MLP training shapes (batch 128, 784->256->128->10: fwd, dX, dW)
                  --threads 1,2          thread counts (default 1 and all cores)
                  --impl simd,scalar     implementations (default simd; scalar only for sizes <= 512
                                         unless --sizes is given, and only at 1 thread)
                  --dtype f32,f64        element types (default f32)
                  --reps N               timed calls per case (default: as many as fit in ~1 s, 5..200)
                  --device cpu|cuda[:N]  where to run (default cpu); on cuda: square sizes only (default
                                         1024,2048,4096,8192), dtypes f32,f64 by default, through a.matmul(b)
                  --tf32 off,on          cuda only: F32 with TF32 off and/or on, one line each (default both)
                  --samples N            cuda only: timed batches per case, median reported (default 7)
                  --json                 one JSON object per result line
                """;
    }

    /** Runs the suite outside the CLI: java ... dev.weft.bench.gemm.GemmBench --sizes 512 --json */
    public static void main(String[] args) throws Exception {
        System.exit(new GemmBench().run(List.of(args), System.out));
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    @Override
    public Set<String> valued() {
        return Set.of("sizes", "shapes", "threads", "impl", "dtype", "reps", "device", "tf32", "samples");
    }

    @Override
    public int run(List<String> argList, PrintStream out) throws Exception {
        BenchArgs args = BenchArgs.parse(this, argList);
        boolean json = args.flag("json");
        Device device = DeviceOption.parse(name(), args);
        if (device.kind() != Device.Kind.CPU) return runOnDevice(args, device, json, out);
        for (String o : List.of("tf32", "samples")) {
            if (args.get(o, null) != null) throw new IllegalArgumentException("bench gemm: --" + o + " applies to --device cuda only");
        }
        boolean sizesGiven = args.get("sizes", null) != null;
        int[] sizes = args.ints("sizes", "256,512,1024");
        int cores = Runtime.getRuntime().availableProcessors();
        int[] threads = args.ints("threads", cores > 1 ? "1," + cores : "1");
        List<String> impls = args.list("impl", "simd");
        List<String> dtypes = args.list("dtype", "f32");
        int reps = Integer.parseInt(args.get("reps", "0"));
        for (String i : impls) if (!i.equals("simd") && !i.equals("scalar"))
            throw new IllegalArgumentException("bench gemm: --impl: unknown '" + i + "' (expected simd or scalar)");
        for (String d : dtypes) if (!d.equals("f32") && !d.equals("f64"))
            throw new IllegalArgumentException("bench gemm: --dtype: unknown '" + d + "' (expected f32 or f64)");
        for (int t : threads) if (t < 1) throw new IllegalArgumentException("bench gemm: --threads: " + t + " must be >= 1");

        List<GemmShapes> shapes = new ArrayList<>();
        for (int s : sizes) shapes.add(GemmShapes.square(s));
        for (String s : args.list("shapes", "")) {
            if (!s.equals("mlp")) throw new IllegalArgumentException("bench gemm: --shapes: unknown '" + s + "' (expected mlp)");
            shapes.addAll(GemmShapes.mlp());
        }

        Map<String, Double> peaks = new LinkedHashMap<>();
        for (String d : dtypes) {
            for (int t : threads) {
                double p = FmaPeak.measure(t, d.equals("f64"), 0.2);
                peaks.put(d + "/" + t, p);
                if (json) {
                    out.println(JsonLine.of("gemm", "fma_peak", "simd", t, "cpu").put("dtype", d).put("gflops", p));
                } else {
                    out.printf(Locale.ROOT, "FMA peak %s, %d thread%s: %.1f GFLOP/s%n", d, t, t == 1 ? "" : "s", p);
                }
            }
            double one = peaks.get(d + "/" + threads[0]);
            for (int t : threads) {
                double p = peaks.get(d + "/" + t);
                if (threads[0] == 1 && t > 1 && p < 0.75 * t * one && !json)
                    out.printf(Locale.ROOT, "note: the %d-thread peak is only %.2fx the 1-thread peak: cores are shared or busy,"
                            + " %d-thread figures are not trustworthy%n", t, p / one, t);
            }
        }
        if (!json) {
            out.printf(Locale.ROOT, "%-16s %-6s %-5s %6s %6s %6s %-5s %7s %9s %7s%n",
                    "case", "impl", "dtype", "m", "n", "k", "tA/tB", "threads", "GFLOP/s", "% peak");
        }
        int oldThreads = Parallel.threads();
        try {
            warmUp(dtypes, impls);
            for (String d : dtypes) {
                for (String impl : impls) {
                    for (int t : threads) {
                        Parallel.setThreads(t);
                        for (GemmShapes s : shapes) {
                            boolean scalar = impl.equals("scalar");
                            if (scalar && !sizesGiven && s.caseName().equals("square") && s.m() > 512) continue;
                            if (scalar && t > 1) continue; // the reference is single-threaded
                            double g = time(s, d.equals("f64"), scalar, reps);
                            double peak = peaks.get(d + "/" + t);
                            double pct = 100 * g / peak;
                            if (json) {
                                out.println(JsonLine.of("gemm", s.caseName(), impl, t, "cpu").put("dtype", d)
                                        .put("m", s.m()).put("n", s.n()).put("k", s.k())
                                        .put("trans_a", s.transA()).put("trans_b", s.transB())
                                        .put("gflops", g).put("peak_gflops", peak).put("pct_peak", pct));
                            } else {
                                out.printf(Locale.ROOT, "%-16s %-6s %-5s %6d %6d %6d %-5s %7d %9.1f %6.1f%%%n",
                                        s.caseName(), impl, d, s.m(), s.n(), s.k(),
                                        (s.transA() ? "T" : "N") + "/" + (s.transB() ? "T" : "N"), t, g, pct);
                            }
                        }
                    }
                }
            }
        } finally {
            Parallel.setThreads(oldThreads);
        }
        return 0;
    }

    /** The --device cuda run: checks the options, then that the device is there, then {@link CudaGemm}. */
    private int runOnDevice(BenchArgs args, Device device, boolean json, PrintStream out) {
        for (String o : List.of("shapes", "threads", "impl", "reps")) {
            if (args.get(o, null) != null) throw new IllegalArgumentException("bench gemm: --" + o + " applies to --device cpu only");
        }
        int[] sizes = args.ints("sizes", "1024,2048,4096,8192");
        for (int s : sizes) if (s < 1) throw new IllegalArgumentException("bench gemm: --sizes: " + s + " must be >= 1");
        List<String> dtypes = args.list("dtype", "f32,f64");
        for (String d : dtypes) if (!d.equals("f32") && !d.equals("f64"))
            throw new IllegalArgumentException("bench gemm: --dtype: unknown '" + d + "' (expected f32 or f64)");
        List<Boolean> tf32 = new ArrayList<>();
        for (String t : args.list("tf32", "off,on")) {
            if (!t.equals("off") && !t.equals("on")) throw new IllegalArgumentException("bench gemm: --tf32: unknown '" + t + "' (expected off or on)");
            tf32.add(t.equals("on"));
        }
        int samples = args.ints("samples", "7")[0];
        if (samples < 1) throw new IllegalArgumentException("bench gemm: --samples: " + samples + " must be >= 1");
        DeviceOption.require(name(), device);
        CudaGemm.run(device, sizes, dtypes, tf32, samples, json, out);
        return 0;
    }

    /**
     * Runs every path hot (each transpose pair, edge tiles, several k slices, both loop orders) for about
     * 1.6 s, so the first cases timed do not pay for JIT compilation.
     */
    private static void warmUp(List<String> dtypes, List<String> impls) {
        GemmShapes[] shapes = {
            new GemmShapes("warm", 96, 100, 600, false, false), new GemmShapes("warm", 96, 100, 600, false, true),
            new GemmShapes("warm", 96, 100, 600, true, false), new GemmShapes("warm", 96, 100, 600, true, true),
            new GemmShapes("warm", 128, 160, 784, false, true), new GemmShapes("warm", 200, 300, 128, true, false),
            new GemmShapes("warm", 400, 200, 300, false, false), new GemmShapes("warm", 400, 200, 300, true, true)};
        for (String d : dtypes) {
            for (String impl : impls) {
                if (impl.equals("scalar")) continue;
                for (GemmShapes s : shapes) {
                    Runnable call = d.equals("f64") ? f64Call(s, false) : f32Call(s, false);
                    long t0 = System.nanoTime();
                    while (System.nanoTime() - t0 < 200_000_000L) call.run();
                }
            }
        }
    }

    /**
     * Median GFLOP/s of one case. Warms up until two consecutive ~0.1 s windows agree within 5% (at least
     * 0.3 s, at most 4 s): with a fixed 0.3 s the first cases of a run were timed while C2 was still
     * compiling the kernels (a third slower on a busy 2-core machine).
     */
    static double time(GemmShapes s, boolean f64, boolean scalar, int reps) {
        Runnable call = f64 ? f64Call(s, scalar) : f32Call(s, scalar);
        long start = System.nanoTime();
        double previous = Double.MAX_VALUE, perCall;
        while (true) {
            long w0 = System.nanoTime();
            int n = 0;
            while (n < 3 || System.nanoTime() - w0 < 100_000_000L) {
                call.run();
                n++;
            }
            perCall = (System.nanoTime() - w0) / 1e9 / n;
            long elapsed = System.nanoTime() - start;
            boolean settled = Math.abs(perCall - previous) <= 0.05 * previous;
            if ((settled && elapsed >= 300_000_000L) || elapsed > 4_000_000_000L) break;
            previous = perCall;
        }
        int n = reps > 0 ? reps : (int) Math.max(5, Math.min(200, 1.0 / Math.max(perCall, 1e-9)));
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            long a = System.nanoTime();
            call.run();
            g[i] = s.flops() / (System.nanoTime() - a);
        }
        return Stats.median(g);
    }

    private static Runnable f32Call(GemmShapes s, boolean scalar) {
        int m = s.m(), n = s.n(), k = s.k();
        boolean ta = s.transA(), tb = s.transB();
        float[] a = randomF(m * k, 1), b = randomF(k * n, 2), c = new float[m * n];
        int lda = ta ? m : k, ldb = tb ? k : n;
        return scalar
                ? () -> GemmScalar.sgemm(ta, tb, m, n, k, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n)
                : () -> GemmSimd.sgemm(ta, tb, m, n, k, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n);
    }

    private static Runnable f64Call(GemmShapes s, boolean scalar) {
        int m = s.m(), n = s.n(), k = s.k();
        boolean ta = s.transA(), tb = s.transB();
        double[] a = randomD(m * k, 1), b = randomD(k * n, 2), c = new double[m * n];
        int lda = ta ? m : k, ldb = tb ? k : n;
        return scalar
                ? () -> GemmScalar.dgemm(ta, tb, m, n, k, 1, a, 0, lda, b, 0, ldb, 0, c, 0, n)
                : () -> GemmSimd.dgemm(ta, tb, m, n, k, 1, a, 0, lda, b, 0, ldb, 0, c, 0, n);
    }

    private static float[] randomF(int len, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[len];
        for (int i = 0; i < len; i++) x[i] = (float) r.nextDouble(-1, 1);
        return x;
    }

    private static double[] randomD(int len, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[len];
        for (int i = 0; i < len; i++) x[i] = r.nextDouble(-1, 1);
        return x;
    }
}
