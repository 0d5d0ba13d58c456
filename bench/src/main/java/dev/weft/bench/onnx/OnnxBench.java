package dev.weft.bench.onnx;

import dev.weft.autograd.GradMode;
import dev.weft.bench.BenchArgs;
import dev.weft.bench.BenchSuite;
import dev.weft.bench.JsonLine;
import dev.weft.bench.Stats;
import dev.weft.kernels.Parallel;
import dev.weft.nn.onnx.Onnx;
import dev.weft.nn.onnx.OnnxModel;
import dev.weft.nn.onnx.OnnxValue;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code weft bench onnx --model PATH}: batch-1 inference latency of an imported ONNX model (ResNet-18 is the
 * reference case) under no-grad, median over --iters timed runs after --warmup runs, per thread count. The input
 * is seeded N(0, 1) of the graph's declared shape, symbolic dims set to 1. Peer: bench/peers/onnx_resnet18.py
 * exports the ResNet-18 this suite loads and times torch on it with the same JSON fields (impl "torch").
 */
public final class OnnxBench implements BenchSuite {
    @Override
    public String name() {
        return "onnx";
    }

    @Override
    public String description() {
        return "ONNX import: batch-1 inference latency of an .onnx model (ResNet-18 from bench/peers/onnx_resnet18.py)";
    }

    @Override
    public String usage() {
        return """
                weft bench onnx --model PATH [options]
                  --model PATH     the .onnx file; make ResNet-18 with
                                   /usr/bin/python3 bench/peers/onnx_resnet18.py --export resnet18.onnx
                  --threads LIST   thread counts (default 1,2)
                  --warmup N       untimed runs first (default 3)
                  --iters N        timed runs, the median is reported (default 20)
                  --json           one JSON object per result line
                peer: /usr/bin/python3 bench/peers/onnx_resnet18.py --model PATH --threads 1,2 --json (same options)
                """;
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    @Override
    public Set<String> valued() {
        return Set.of("model", "threads", "warmup", "iters");
    }

    public static void main(String[] args) throws Exception {
        System.exit(new OnnxBench().run(List.of(args), System.out));
    }

    @Override
    public int run(List<String> argList, PrintStream out) throws Exception {
        BenchArgs args = BenchArgs.parse(this, argList);
        String model = args.get("model", null);
        if (model == null) {
            throw new IllegalArgumentException("bench onnx: --model PATH is required; generate ResNet-18 with "
                    + "/usr/bin/python3 bench/peers/onnx_resnet18.py --export resnet18.onnx");
        }
        Path path = Path.of(model);
        if (!Files.isRegularFile(path)) throw new IllegalArgumentException("bench onnx: --model " + model + ": no such file");
        int warmup = Integer.parseInt(args.get("warmup", "3")), iters = Integer.parseInt(args.get("iters", "20"));
        if (iters < 1 || warmup < 0) throw new IllegalArgumentException("bench onnx: --iters must be >= 1 and --warmup >= 0");
        boolean json = args.flag("json");

        long t0 = System.nanoTime();
        OnnxModel m = Onnx.load(path);
        double loadMs = (System.nanoTime() - t0) / 1e6;
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        Generator g = new Generator(0);
        for (OnnxValue v : m.inputs()) feeds.put(v.name(), Tensor.randn(g, v.dtype(), shapeOf(v)));
        String inputShape = feeds.values().iterator().next().shape().length == 0 ? "()"
                : java.util.Arrays.toString(feeds.values().iterator().next().shape()).replace(" ", "");
        String caseName = path.getFileName().toString().replaceFirst("\\.onnx$", "");

        int old = Parallel.threads();
        try (var scope = GradMode.noGrad()) {
            for (int threads : args.ints("threads", "1,2")) {
                if (threads < 1) throw new IllegalArgumentException("bench onnx: --threads: " + threads + " is not >= 1");
                Parallel.setThreads(threads);
                for (int i = 0; i < warmup; i++) m.run(feeds);
                double[] ms = new double[iters];
                for (int i = 0; i < iters; i++) {
                    long s = System.nanoTime();
                    m.run(feeds);
                    ms[i] = (System.nanoTime() - s) / 1e6;
                }
                double median = Stats.median(ms);
                if (json) {
                    out.println(JsonLine.of("onnx", caseName, "weft", threads, "cpu").put("batch", 1).put("input", inputShape)
                            .put("opset", m.opset()).put("nodes", m.nodeCount()).put("iters", iters).put("ms", median)
                            .put("load_ms", loadMs));
                } else {
                    out.printf(Locale.ROOT, "weft   threads=%d  %s input %s (opset %d, %d nodes): %8.2f ms median of %d (load %.0f ms)%n",
                            threads, caseName, inputShape, m.opset(), m.nodeCount(), median, iters, loadMs);
                }
            }
        } finally {
            Parallel.setThreads(old);
        }
        return 0;
    }

    /** The declared shape with symbolic or unknown dims (the batch) set to 1. */
    private static int[] shapeOf(OnnxValue v) {
        if (v.dims() == null) throw new IllegalArgumentException("bench onnx: input '" + v.name() + "' declares no shape");
        int[] s = new int[v.dims().length];
        for (int i = 0; i < s.length; i++) s[i] = v.dims()[i] < 0 ? 1 : (int) v.dims()[i];
        return s;
    }
}
