package dev.weft.bench.sparse;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.GradMode;
import dev.weft.bench.BenchArgs;
import dev.weft.bench.BenchSuite;
import dev.weft.bench.JsonLine;
import dev.weft.kernels.Parallel;
import dev.weft.nn.Module;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.prune.Prune;
import dev.weft.nn.sparse.SparseLinear;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code weft bench sparse-linear}: a pruned Linear run dense (the masked weight in a GEMM, as
 * torch.nn.utils.prune runs it) against the same layer stored sparse ({@link SparseLinear}: CSR weights, SpMM),
 * at a range of sparsities, so the sparsity above which the sparse form is faster is measured rather than
 * assumed. Shape: LeNet-300-100's first layer, 784 -> 300, batch 128, F32, magnitude pruning. Two passes:
 * {@code forward} (inference, no tape) and {@code train} (forward + backward of sum(y^2)). Reports the median ms
 * per call and the ratio dense / sparse (above 1: sparse is faster).
 */
public final class SparseLinearBench implements BenchSuite {
    @Override
    public String name() {
        return "sparse-linear";
    }

    @Override
    public String description() {
        return "pruned Linear 784->300, batch 128: dense masked GEMM vs SparseLinear (CSR, SpMM) by sparsity, forward and train";
    }

    @Override
    public String usage() {
        return """
                weft bench sparse-linear [options]
                  --sparsity 0,0.5,0.8,0.9,0.95,0.98   shares of the weights pruned (default as shown)
                  --batch 128                          rows of x
                  --in 784                             input features of the layer (default 784)
                  --out 300                            output features of the layer (default 300)
                  --threads 1,2                        thread counts (default 1 and all cores)
                  --json                               one JSON object per result line
                """;
    }

    public static void main(String[] args) throws Exception {
        System.exit(new SparseLinearBench().run(List.of(args), System.out));
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    @Override
    public Set<String> valued() {
        return Set.of("sparsity", "batch", "in", "out", "threads");
    }

    @Override
    public int run(List<String> argList, PrintStream out) throws Exception {
        BenchArgs args = BenchArgs.parse(this, argList);
        boolean json = args.flag("json");
        int cores = Runtime.getRuntime().availableProcessors();
        int[] threads = args.ints("threads", cores > 1 ? "1," + cores : "1");
        int batch = Integer.parseInt(args.get("batch", "128")), in = Integer.parseInt(args.get("in", "784")),
                outF = Integer.parseInt(args.get("out", "300"));
        List<String> sparsities = args.list("sparsity", "0,0.5,0.8,0.9,0.95,0.98");
        if (batch < 1 || in < 1 || outF < 1) throw new IllegalArgumentException("bench sparse-linear: --batch, --in, --out must be >= 1");
        if (!json) out.printf(Locale.ROOT, "%-8s %8s %7s %-7s %10s %10s %8s%n", "sparsity", "nnz", "threads", "pass", "dense_ms", "sparse_ms",
                "dense/sp");
        int old = Parallel.threads();
        try {
            Tensor x = Tensor.randn(new Generator(2), batch, in);
            warmUp(in, outF, x);
            for (String sp : sparsities) {
                double sparsity = Double.parseDouble(sp);
                if (!(sparsity >= 0 && sparsity < 1)) {
                    throw new IllegalArgumentException("bench sparse-linear: --sparsity: " + sp + " must be in [0, 1)");
                }
                Linear dense = new Linear(in, outF, true, new Generator(1));
                Prune.l1Unstructured(dense, "weight", sparsity);
                SparseLinear sparse = SparseLinear.fromDense(dense);
                for (int t : threads) {
                    if (t < 1) throw new IllegalArgumentException("bench sparse-linear: --threads: " + t + " must be >= 1");
                    Parallel.setThreads(t);
                    for (String pass : new String[] {"forward", "train"}) {
                        double d = SpmmBench.time(call(dense, x, pass), 0), s = SpmmBench.time(call(sparse, x, pass), 0);
                        if (json) {
                            for (String impl : new String[] {"dense_masked", "sparse_csr"}) {
                                out.println(JsonLine.of("sparse-linear", pass, impl, t, "cpu").put("sparsity", sparsity).put("nnz", sparse.nnz())
                                        .put("batch", batch).put("features", in + "," + outF).put("ms", impl.equals("dense_masked") ? d : s));
                            }
                        } else {
                            out.printf(Locale.ROOT, "%-8.3f %8d %7d %-7s %10.4f %10.4f %8.2f%n", sparsity, sparse.nnz(), t, pass, d, s, d / s);
                        }
                    }
                }
            }
        } finally {
            Parallel.setThreads(old);
        }
        return 0;
    }

    /** Both forms and both passes, once for ~0.3 s each, so the first row is not the one that pays for compilation. */
    private static void warmUp(int in, int out, Tensor x) {
        Linear dense = new Linear(in, out, true, new Generator(3));
        Prune.l1Unstructured(dense, "weight", 0.5);
        SparseLinear sparse = SparseLinear.fromDense(dense);
        for (String pass : new String[] {"forward", "train"}) {
            SpmmBench.time(call(dense, x, pass), 5);
            SpmmBench.time(call(sparse, x, pass), 5);
        }
    }

    private static Runnable call(Module m, Tensor x, String pass) {
        if (pass.equals("forward")) {
            return () -> {
                try (var s = GradMode.noGrad()) {
                    m.forward(x);
                }
            };
        }
        return () -> {
            m.zeroGrad();
            Autograd.backward(m.forward(x).square().sum());
        };
    }
}
