package dev.weft.bench.report;

import dev.weft.bench.BenchArgs;
import dev.weft.bench.BenchSuite;
import dev.weft.bench.DeviceOption;
import dev.weft.bench.elementwise.ElementwiseBench;
import dev.weft.bench.gemm.GemmBench;
import dev.weft.tensor.core.Device;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code weft bench report}: runs the op-family suites that have scalar and SIMD implementations (gemm,
 * elementwise; spmm has no scalar variant) with {@code --json}, the same cases on a CUDA device when the
 * tensor registry has one, and draws one HTML page with PNG charts ({@link ReportWriter}); or, with
 * {@code --from FILE}, draws the lines of an earlier run. Quick sizes by default (about a minute on one
 * core); {@code --full} for the whole sweep.
 */
public final class BenchReport implements BenchSuite {

    static final String DEFAULT_OUT = "bench-results/report";

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String description() {
        return "one HTML page with PNG charts: scalar vs SIMD vs CUDA per op family and size, fraction of limit, GPU crossover";
    }

    @Override
    public String usage() {
        return """
                weft bench report [options]
                  --out DIR        the folder for index.html, the charts and results.jsonl (default bench-results/report)
                  --from FILE      draw the JSON lines of FILE (an earlier results.jsonl, or bench --json output) instead of running
                  --full           the full sweep: gemm n = 64..2048 (scalar to 512), F32 and F64; elementwise 1K..16M
                                   (default: quick sizes, gemm n = 64..256 F32, elementwise 1K..1M; about a minute on one core)
                  --threads 1,2    thread counts of the CPU runs (default 1; with --full 1 and all cores)
                """;
    }

    public static void main(String[] args) throws Exception {
        System.exit(new BenchReport().run(List.of(args), System.out));
    }

    @Override
    public Set<String> flags() {
        return Set.of("full");
    }

    @Override
    public Set<String> valued() {
        return Set.of("out", "from", "threads");
    }

    @Override
    public int run(List<String> argList, PrintStream out) throws Exception {
        BenchArgs args = BenchArgs.parse(this, argList);
        long t0 = System.nanoTime();
        Path dir = Path.of(args.get("out", DEFAULT_OUT));
        String from = args.get("from", null);
        Device cuda = Device.cuda(0);
        Report report;
        if (from != null) {
            if (args.flag("full") || args.get("threads", null) != null) {
                throw new IllegalArgumentException("bench report: --from draws a file; --full and --threads choose what to run (give one or the other)");
            }
            List<ResultLine> lines = ResultLines.read(Path.of(from));
            boolean gpuLines = lines.stream().anyMatch(l -> !l.device().equals("cpu"));
            String reason = DeviceOption.reason(cuda);
            Map<String, String> facts = new LinkedHashMap<>(MachineFacts.current());
            facts.put("note", "the machine that drew this page; result lines do not record the machine that measured them");
            report = new Report(lines, from, List.of("./weft bench report --from " + from + " --out " + dir),
                    facts, gpuLines ? "" : "The lines read have no CUDA series"
                    + (reason.isEmpty() ? "." : "; on this machine CUDA is unavailable: " + reason + "."));
        } else {
            report = measure(args, dir, out);
        }
        ReportWriter.Written w = ReportWriter.write(dir, report);
        out.printf(Locale.ROOT, "bench report: wrote %s (%d families, %d charts, %d result lines) in %.1f s%n", w.page(),
                w.built().families().size(), w.charts().size(), report.lines().size(), (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    private static Report measure(BenchArgs args, Path dir, PrintStream out) throws Exception {
        boolean full = args.flag("full");
        int cores = Runtime.getRuntime().availableProcessors();
        String threads = args.get("threads", full && cores > 1 ? "1," + cores : "1");
        for (int t : args.ints("threads", threads)) if (t < 1) throw new IllegalArgumentException("bench report: --threads: " + t + " must be >= 1");
        String dtypes = full ? "f32,f64" : "f32";
        int[] simdSizes = full ? new int[] {64, 128, 256, 512, 1024, 2048} : new int[] {64, 128, 256};
        int[] scalarSizes = Arrays.stream(simdSizes).filter(n -> n <= 512).toArray();
        int[] ewSizes = full ? new int[] {1024, 16384, 262144, 1048576, 4194304, 16777216} : new int[] {1024, 16384, 262144, 1048576};
        List<String> ops = List.of("add", "mul", "exp", "relu");

        List<List<String>> runs = new ArrayList<>();
        runs.add(List.of("gemm", "--sizes", join(simdSizes), "--impl", "simd", "--dtype", dtypes, "--threads", threads, "--json"));
        runs.add(List.of("gemm", "--sizes", join(scalarSizes), "--impl", "scalar", "--dtype", dtypes, "--threads", "1", "--json"));
        runs.add(List.of("elementwise", "--sizes", join(ewSizes), "--impl", "scalar,simd", "--threads", threads, "--json"));
        // the GPU columns are the suites' own --device cuda runs (TF32 off: the comparable F32 figure)
        String reason = DeviceOption.reason(Device.cuda(0));
        if (reason.isEmpty()) {
            runs.add(List.of("gemm", "--device", "cuda:0", "--sizes", join(simdSizes), "--dtype", dtypes, "--tf32", "off", "--json"));
            runs.add(List.of("elementwise", "--device", "cuda:0", "--sizes", join(ewSizes), "--ops", String.join(",", ops), "--json"));
        }
        List<ResultLine> lines = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        commands.add("./weft bench report" + (full ? " --full" : "") + (args.get("threads", null) != null ? " --threads " + threads : "")
                + " --out " + dir);
        for (List<String> run : runs) {
            String cmd = "./weft bench " + String.join(" ", run);
            commands.add(cmd);
            long t = System.nanoTime();
            BenchSuite suite = run.getFirst().equals("gemm") ? new GemmBench() : new ElementwiseBench();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            int rc;
            try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
                rc = suite.run(run.subList(1, run.size()), ps);
            }
            if (rc != 0) throw new IllegalStateException("bench report: " + cmd + " exited with " + rc);
            lines.addAll(ResultLines.parse("bench " + run.getFirst(), buf.toString(StandardCharsets.UTF_8).lines().toList()));
            out.printf(Locale.ROOT, "bench report: %s (%.1f s)%n", cmd, (System.nanoTime() - t) / 1e9);
        }
        if (reason.isEmpty()) {
            long t = System.nanoTime();
            lines.addAll(ResultLines.parse("cuda transfers", CudaRuns.transfers(Device.cuda(0), full ? 16 << 20 : 4 << 20)));
            commands.add("(in process) host<->device transfers on cuda:0");
            out.printf(Locale.ROOT, "bench report: cuda transfers (%.1f s)%n", (System.nanoTime() - t) / 1e9);
        } else {
            out.println("bench report: no CUDA device: CPU columns only (" + reason + ")");
        }
        Map<String, String> facts = new LinkedHashMap<>(MachineFacts.current());
        facts.put("CUDA", reason.isEmpty() ? "cuda:0 measured" : "unavailable: " + reason);
        return new Report(lines, "the runs below", commands, facts,
                reason.isEmpty() ? "" : "CUDA is unavailable on this machine: " + reason + ".");
    }

    private static String join(int[] xs) {
        return Arrays.stream(xs).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }
}
