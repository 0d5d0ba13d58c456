package dev.weft.bench.sparse;

import dev.weft.bench.BenchArgs;
import dev.weft.bench.BenchSuite;
import dev.weft.bench.JsonLine;
import dev.weft.bench.Stats;
import dev.weft.kernels.Parallel;
import dev.weft.kernels.sparse.SpMM;
import dev.weft.tensor.Generator;
import dev.weft.tensor.SparseTensor;
import dev.weft.tensor.Tensor;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code weft bench spmm}: y = A x for a CSR A with I32 indices and F32 values (graphs: {@link SpmmGraphs}) and
 * x (n, features), two ways: impl {@code simd} through the tensor API (SparseTensor.matmul: dispatch, output
 * allocation and the SpMM kernel; the peer is torch.sparse.mm, which allocates its output too) and impl
 * {@code simd_kernel}, the SpMM kernel alone into a preallocated y (the peer is the plain C loop, which writes
 * into a preallocated y).
 * Reports the median time and the bytes a CSR product must move at least per call: rowPtr and y once, col and
 * values once per nonzero, one x row per nonzero: gbps = (4 (n + 1) + 8 nnz + 4 f nnz + 4 f n) / time. Peers:
 * bench/peers/spmm.py (torch.sparse.mm on CSR and COO, and a plain C CSR loop built with cc -O3 -march=native)
 * on the same graphs.
 */
public final class SpmmBench implements BenchSuite {

    @Override
    public String name() {
        return "spmm";
    }

    @Override
    public String description() {
        return "sparse x dense (CSR, F32): Cora-sized, 100k uniform and 100k power-law graphs, widths 16/64/256";
    }

    @Override
    public String usage() {
        return """
                weft bench spmm [options]
                  --graphs cora,uniform,powerlaw   graphs (default all three)
                  --features 16,64,256             feature widths (default 16,64,256)
                  --threads 1,2                    thread counts (default 1 and all cores)
                  --reps N                         timed calls per case (default: as many as fit in ~0.5 s, 5..500)
                  --json                           one JSON object per result line
                """;
    }

    public static void main(String[] args) throws Exception {
        System.exit(new SpmmBench().run(List.of(args), System.out));
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    @Override
    public Set<String> valued() {
        return Set.of("graphs", "features", "threads", "reps");
    }

    @Override
    public int run(List<String> argList, PrintStream out) throws Exception {
        BenchArgs args = BenchArgs.parse(this, argList);
        boolean json = args.flag("json");
        int cores = Runtime.getRuntime().availableProcessors();
        int[] threads = args.ints("threads", cores > 1 ? "1," + cores : "1");
        int[] features = args.ints("features", "16,64,256");
        int reps = Integer.parseInt(args.get("reps", "0"));
        List<String> graphs = args.list("graphs", "cora,uniform,powerlaw");
        for (int t : threads) if (t < 1) throw new IllegalArgumentException("bench spmm: --threads: " + t + " must be >= 1");
        for (int f : features) if (f < 1) throw new IllegalArgumentException("bench spmm: --features: " + f + " must be >= 1");
        if (!json) out.printf(Locale.ROOT, "%-9s %7s %8s %8s %7s %-12s %9s %8s%n", "graph", "nodes", "nnz", "features", "threads", "impl", "ms",
                "GB/s");
        int old = Parallel.threads();
        try {
            for (String name : graphs) {
                SpmmGraphs.Graph g = SpmmGraphs.of(name);
                SparseTensor a = SparseTensor.csr(Tensor.of(g.rowPtr()), Tensor.of(g.col()), Tensor.rand(new Generator(7), g.nnz()), g.n(), g.n());
                float[] vs = a.values().toFloatArray();
                for (int f : features) {
                    Tensor x = Tensor.rand(new Generator(8), g.n(), f);
                    double bytes = 4.0 * (g.n() + 1) + 8.0 * g.nnz() + 4.0 * f * g.nnz() + 4.0 * f * g.n();
                    float[] xs = x.toFloatArray(), ys = new float[g.n() * f];  // the kernel's operands, once per width
                    for (int t : threads) {
                        Parallel.setThreads(t);
                        for (String impl : new String[] {"simd", "simd_kernel"}) {
                            Runnable call = impl.equals("simd") ? () -> a.matmul(x)
                                    : () -> SpMM.spmm(g.n(), g.n(), f, g.rowPtr(), g.col(), 0, vs, 0, xs, 0, f, ys, 0, f);
                            double ms = time(call, reps);
                            double gbps = bytes / (ms * 1e-3) / 1e9;
                            if (json) {
                                out.println(JsonLine.of("spmm", name, impl, t, "cpu").put("nodes", g.n()).put("nnz", g.nnz()).put("features", f)
                                        .put("ms", ms).put("gbps", gbps));
                            } else {
                                out.printf(Locale.ROOT, "%-9s %7d %8d %8d %7d %-12s %9.4f %8.2f%n", name, g.n(), g.nnz(), f, t, impl, ms, gbps);
                            }
                        }
                    }
                }
            }
        } finally {
            Parallel.setThreads(old);
        }
        return 0;
    }

    /** Median milliseconds per product after ~0.3 s of warm-up. */
    static double time(Runnable call, int reps) {
        long t0 = System.nanoTime();
        int warm = 0;
        while (warm < 5 || (System.nanoTime() - t0 < 300_000_000L && warm < 100_000)) {
            call.run();
            warm++;
        }
        double per = (System.nanoTime() - t0) / 1e9 / warm;
        int n = reps > 0 ? reps : (int) Math.max(5, Math.min(500, 0.5 / Math.max(per, 1e-9)));
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        return Stats.median(ms);
    }
}
