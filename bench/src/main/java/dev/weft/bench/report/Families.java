package dev.weft.bench.report;

import dev.weft.bench.report.Family.Point;
import dev.weft.bench.report.Family.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups result lines into the report's op families and computes each one's GPU crossover.
 * <ul>
 * <li>gemm, case square (one family per dtype): size n, GFLOP/s = 2mnk / time; limit {@code peak_gflops} of
 *     the line or the run's {@code fma_peak} line of that dtype and thread count; a GPU run copies A and B in
 *     ((mk + kn) element bytes) and C out (mn).</li>
 * <li>elementwise, cases add/mul/exp/relu (one family per op): size n floats, GB/s of 4n (arity + 1) bytes;
 *     limit {@code triad_gbps} of the line or the run's {@code triad} line of that thread count; a GPU run
 *     copies the 4n-byte inputs in and the output out.</li>
 * <li>transfer, cases h2d/d2h: a device's copy bandwidth ({@link Transfer}).</li>
 * </ul>
 * A GPU line (device other than cpu) takes its limit from {@code peak_gflops}, {@code peak_gbps} or
 * {@code copy_gbps}. Other suites and cases are counted as ignored. Within a series, a later line for the
 * same size replaces an earlier one. Families, series and sizes keep the order the lines first name them in.
 */
final class Families {
    private Families() {}

    /** The families, the transfer figures by device, and how many lines no family used. */
    record Built(List<Family> families, Map<String, Transfer> transfers, int ignored) {}

    private static final class Builder {
        final String id, title, sizeLabel, unit, limitName;
        final Map<String, TreeMap<Double, Point>> points = new LinkedHashMap<>();
        final Map<String, String[]> keys = new LinkedHashMap<>();   // series key -> impl, device, threads

        Builder(String id, String title, String sizeLabel, String unit, String limitName) {
            this.id = id; this.title = title; this.sizeLabel = sizeLabel; this.unit = unit; this.limitName = limitName;
        }

        void add(ResultLine l, Point p) {
            String key = l.impl() + "|" + l.device() + "|" + l.threads();
            keys.putIfAbsent(key, new String[] {l.impl(), l.device(), Integer.toString(l.threads())});
            points.computeIfAbsent(key, k -> new TreeMap<>()).put(p.size(), p);
        }
    }

    static Built build(List<ResultLine> lines) {
        Map<String, Double> fmaPeaks = new LinkedHashMap<>(), triads = new LinkedHashMap<>();
        Map<String, double[]> copies = new LinkedHashMap<>();      // device -> {h2d, d2h}
        for (ResultLine l : lines) {
            if (l.suite().equals("gemm") && l.caseName().equals("fma_peak")) {
                fmaPeaks.put(l.str("dtype", "f32") + "/" + l.threads(), l.num("gflops"));
            } else if (l.suite().equals("elementwise") && l.caseName().equals("triad")) {
                triads.put(Integer.toString(l.threads()), l.num("gbps"));
            } else if (l.suite().equals("transfer")) {
                double[] c = copies.computeIfAbsent(l.device(), d -> new double[] {Double.NaN, Double.NaN});
                switch (l.caseName()) {
                    case "h2d" -> c[0] = l.positiveOrNaN("gbps");
                    case "d2h" -> c[1] = l.positiveOrNaN("gbps");
                    default -> { }   // d2d_copy and the like: shown by the GPU lines' copy_gbps, not a transfer
                }
            }
        }
        Map<String, Builder> families = new LinkedHashMap<>();
        int ignored = 0;
        for (ResultLine l : lines) {
            boolean gpu = !l.device().equals("cpu");
            if (l.suite().equals("gemm") && l.caseName().equals("square")) {
                String dtype = l.str("dtype", "f32");
                if (!dtype.equals("f32") && !dtype.equals("f64")) throw l.error("dtype must be f32 or f64, got '" + dtype + "'");
                double es = dtype.equals("f64") ? 8 : 4;
                double m = l.count("m"), n = l.count("n"), k = l.count("k");
                double limit = gpu ? gpuLimit(l) : orLookup(l.positiveOrNaN("peak_gflops"), fmaPeaks.get(dtype + "/" + l.threads()));
                Builder b = families.computeIfAbsent("gemm-" + dtype, id -> new Builder(id,
                        "GEMM, square n x n x n, " + dtype.toUpperCase(Locale.ROOT), "n", "GFLOP/s",
                        "FMA peak (CPU) / device peak (GPU)"));
                b.add(l, new Point(n, positive(l, "gflops"), limit, 2 * m * n * k, (m * k + k * n) * es, m * n * es));
            } else if (l.suite().equals("elementwise") && List.of("add", "mul", "exp", "relu").contains(l.caseName())) {
                String op = l.caseName();
                int arity = op.equals("add") || op.equals("mul") ? 2 : 1;
                double n = l.count("n");
                double limit = gpu ? gpuLimit(l) : orLookup(l.positiveOrNaN("triad_gbps"), triads.get(Integer.toString(l.threads())));
                Builder b = families.computeIfAbsent("elementwise-" + op, id -> new Builder(id,
                        "elementwise " + op + " (F32, " + (arity == 2 ? "y = a " + (op.equals("add") ? "+" : "*") + " b" : "y = " + op + "(a)")
                                + ")", "n (elements)", "GB/s", "STREAM triad (CPU) / device copy (GPU)"));
                b.add(l, new Point(n, positive(l, "gbps"), limit, 4 * n * (arity + 1), 4 * n * arity, 4 * n));
            } else if (!(l.suite().equals("gemm") && l.caseName().equals("fma_peak"))
                    && !(l.suite().equals("elementwise") && l.caseName().equals("triad")) && !l.suite().equals("transfer")) {
                ignored++;
            }
        }
        Map<String, Transfer> transfers = new LinkedHashMap<>();
        copies.forEach((d, c) -> {
            if (Double.isFinite(c[0]) && Double.isFinite(c[1])) transfers.put(d, new Transfer(d, c[0], c[1]));
        });
        List<Family> out = new ArrayList<>();
        for (Builder b : families.values()) out.add(finish(b, transfers));
        return new Built(List.copyOf(out), Map.copyOf(transfers), ignored);
    }

    private static Family finish(Builder b, Map<String, Transfer> transfers) {
        List<Series> series = new ArrayList<>();
        b.points.forEach((key, pts) -> {
            String[] k = b.keys.get(key);
            series.add(new Series(label(k[0], k[1], Integer.parseInt(k[2])), k[0], k[1], Integer.parseInt(k[2]), List.copyOf(pts.values())));
        });
        Series gpu = series.stream().filter(Series::gpu).findFirst().orElse(null);
        if (gpu == null) return new Family(b.id, b.title, b.sizeLabel, b.unit, b.limitName, series, List.of(), Crossover.NO_GPU, "");
        Transfer t = transfers.get(gpu.device());
        if (t == null && transfers.size() == 1) t = transfers.values().iterator().next();
        String note = t == null ? "no transfer lines for " + gpu.device() + ": the crossover counts the kernel alone"
                : String.format(Locale.ROOT, "transfers at %.2f GB/s host to device, %.2f GB/s back (%s)", t.h2dGbps(), t.d2hGbps(), t.device());
        List<Double> sizes = new ArrayList<>();
        List<Double> cpu = new ArrayList<>(), withCopies = new ArrayList<>();
        List<Point> effective = new ArrayList<>();
        for (Point g : gpu.points()) {
            double bestCpu = Double.POSITIVE_INFINITY;
            for (Series s : series) {
                Point p = s.gpu() ? null : s.at(g.size());
                if (p != null) bestCpu = Math.min(bestCpu, p.seconds());
            }
            double sec = g.seconds() + (t == null ? 0 : t.seconds(g.inBytes(), g.outBytes()));
            effective.add(new Point(g.size(), g.work() / sec / 1e9, Double.NaN, g.work(), g.inBytes(), g.outBytes()));
            if (bestCpu == Double.POSITIVE_INFINITY) continue;
            sizes.add(g.size());
            cpu.add(bestCpu);
            withCopies.add(sec);
        }
        Crossover c = sizes.isEmpty() ? Crossover.NO_GPU
                : Crossover.find(unbox(sizes), unbox(cpu), unbox(withCopies));
        if (sizes.isEmpty()) note = "no size was measured on both the CPU and " + gpu.device();
        List<Series> derived = t == null ? List.of()
                : List.of(new Series(gpu.label() + " incl. transfers", gpu.impl(), gpu.device(), gpu.threads(), effective));
        return new Family(b.id, b.title, b.sizeLabel, b.unit, b.limitName, series, derived, c, note);
    }

    /** "simd", "simd, 2 threads", "cuda (cuda:0)". */
    static String label(String impl, String device, int threads) {
        return impl + (device.equals("cpu") ? "" : " (" + device + ")") + (threads > 1 ? ", " + threads + " threads" : "");
    }

    private static double gpuLimit(ResultLine l) {
        for (String k : new String[] {"peak_gflops", "peak_gbps", "copy_gbps"}) {
            double v = l.positiveOrNaN(k);
            if (Double.isFinite(v)) return v;
        }
        return Double.NaN;
    }

    private static double orLookup(double own, Double run) {
        return Double.isFinite(own) ? own : run == null ? Double.NaN : run;
    }

    private static double positive(ResultLine l, String key) {
        double v = l.num(key);
        if (v <= 0) throw l.error("'" + key + "' must be > 0, got " + v);
        return v;
    }

    private static double[] unbox(List<Double> v) {
        double[] a = new double[v.size()];
        for (int i = 0; i < a.length; i++) a[i] = v.get(i);
        return a;
    }
}
