package dev.weft.bench.report;

import dev.weft.bench.report.Family.Point;
import dev.weft.bench.report.Family.Series;
import dev.weft.plot.Chart;
import dev.weft.plot.ChartLayout;
import dev.weft.plot.Charts;
import dev.weft.plot.Drawing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a report folder: {@code index.html} (status, machine facts, commands, then per op family its two
 * PNG charts — the rate, and the fraction of each device's limit — the crossover sentence and a table of the
 * numbers), {@code FAMILY-rate.png} and {@code FAMILY-fraction.png} per family, and {@code results.jsonl}
 * (the lines drawn). The page refers only to files beside it, so the folder can be moved as it is. The charts are
 * drawn by weft-plot (the reproductions' chart code): x a size on a log2 axis, y linear from 0, or log10 when the
 * series span more than {@link #LOG_Y_RATIO} on a rate chart; GPU-with-transfers series dashed in the GPU's colour.
 */
final class ReportWriter {
    private ReportWriter() {}

    static final int WIDTH = 860, HEIGHT = 440;
    static final double LOG_Y_RATIO = 30;

    /** What {@link #write} made. */
    record Written(Path page, List<Path> charts, Families.Built built) {}

    static Written write(Path dir, Report r) throws IOException {
        Families.Built built = Families.build(r.lines());
        if (built.families().isEmpty()) {
            throw new IllegalArgumentException("bench report: " + r.origin() + ": no gemm (case square) or elementwise (add/mul/exp/relu)"
                    + " lines to draw (" + r.lines().size() + " lines read)");
        }
        Files.createDirectories(dir);
        List<Path> charts = new ArrayList<>();
        for (Family f : built.families()) {
            charts.add(png(dir.resolve(f.id() + "-rate.png"), rateChart(f)));
            charts.add(png(dir.resolve(f.id() + "-fraction.png"), fractionChart(f)));
        }
        StringBuilder jsonl = new StringBuilder();
        for (ResultLine l : r.lines()) jsonl.append(l.text()).append('\n');
        Files.writeString(dir.resolve("results.jsonl"), jsonl, StandardCharsets.UTF_8);
        Path page = dir.resolve("index.html");
        Files.writeString(page, html(r, built), StandardCharsets.UTF_8);
        return new Written(page, List.copyOf(charts), built);
    }

    private static Path png(Path p, Chart chart) throws IOException {
        return Charts.writePng(drawing(chart), p);
    }

    /** The chart at the report's size. */
    static Drawing drawing(Chart chart) {
        return ChartLayout.layout(chart, WIDTH, HEIGHT);
    }

    static Chart rateChart(Family f) {
        List<dev.weft.plot.Series> lines = new ArrayList<>();
        int i = 0;
        for (Series s : f.series()) lines.add(line(s.label(), s.points(), false, i++, false));
        for (Series s : f.withTransfers()) lines.add(line(s.label(), s.points(), false, indexOfGpu(f), true));
        Crossover c = f.crossover();
        double mark = c.kind() == Crossover.Kind.AT || c.kind() == Crossover.Kind.ALWAYS ? c.size() : Double.NaN;
        return Chart.lines(f.title(), f.sizeLabel() + " (log scale)", f.unit() + (logY(lines) ? " (log scale)" : ""), lines)
                .withScales(Chart.Scale.LOG2, logY(lines) ? Chart.Scale.LOG10 : Chart.Scale.LINEAR_FROM_ZERO)
                .withMarker(mark, "GPU wins from ~" + size(mark));
    }

    /** True when the positive values span more than {@link #LOG_Y_RATIO} (a GPU 100x the CPU): then y is log10. */
    static boolean logY(List<dev.weft.plot.Series> lines) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (dev.weft.plot.Series l : lines) {
            for (double y : l.y()) {
                if (!(Double.isFinite(y) && y > 0)) continue;
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
            }
        }
        return hi > 0 && hi / lo > LOG_Y_RATIO;
    }

    static Chart fractionChart(Family f) {
        List<dev.weft.plot.Series> lines = new ArrayList<>();
        int i = 0;
        for (Series s : f.series()) lines.add(line(s.label(), s.points(), true, i++, false));
        return Chart.lines(f.title() + ": fraction of the device's limit", f.sizeLabel() + " (log scale)", "fraction of " + f.limitName(),
                lines).withScales(Chart.Scale.LOG2, Chart.Scale.LINEAR_FROM_ZERO).withReference(1.0);
    }

    private static int indexOfGpu(Family f) {
        for (int i = 0; i < f.series().size(); i++) if (f.series().get(i).gpu()) return i;
        return 0;
    }

    private static dev.weft.plot.Series line(String label, List<Point> pts, boolean fraction, int color, boolean dashed) {
        double[] x = new double[pts.size()], y = new double[pts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pts.get(i).size();
            y[i] = fraction ? pts.get(i).fraction() : pts.get(i).value();
        }
        return new dev.weft.plot.Series(label, x, y, color, dashed);
    }

    static String html(Report r, Families.Built built) {
        StringBuilder sb = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Weft benchmarks: scalar, SIMD and CUDA</title>
                <style>
                body { font-family: system-ui, sans-serif; max-width: 64em; margin: 2em auto; padding: 0 1em; color: #222; }
                table { border-collapse: collapse; margin: 0.5em 0 1em; }
                th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
                th:first-child, td:first-child { text-align: left; }
                .note { color: #555; font-size: 0.92em; } .status { font-weight: bold; }
                img { max-width: 100%; border: 1px solid #eee; } code { font-size: 0.92em; }
                </style></head><body>
                <h1>Weft benchmarks: scalar, SIMD and CUDA</h1>
                """);
        boolean anyGpu = built.families().stream().anyMatch(Family::hasGpu);
        sb.append("<p class=\"status\">").append(anyGpu ? "GPU series present: charts put scalar, SIMD and CUDA side by side."
                : "no CUDA device: CPU columns only").append("</p>\n");
        if (!r.gpuStatus().isEmpty()) sb.append("<p class=\"note\">").append(esc(r.gpuStatus())).append("</p>\n");
        sb.append("<p class=\"note\">Lines from ").append(esc(r.origin())).append(": ").append(r.lines().size()).append(" read, ")
                .append(built.ignored()).append(" not part of any family (other suites or cases).")
                .append(" Each chart's x axis is the size on a log scale; the second chart of a family divides each point by its")
                .append(" device's limit: the FMA peak (GEMM) or the STREAM triad (elementwise) measured in the same run on the CPU,")
                .append(" the line's own peak or copy figure on a GPU (blank where the GPU reports none). The triad is a DRAM figure:")
                .append(" elementwise sizes that fit in cache can exceed 1.</p>\n");

        sb.append("<h2>Machine</h2>\n<table>\n");
        for (Map.Entry<String, String> e : r.facts().entrySet()) {
            sb.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(esc(e.getValue())).append("</td></tr>\n");
        }
        sb.append("</table>\n<h2>Commands</h2>\n<ul>\n");
        for (String c : r.commands()) sb.append("<li><code>").append(esc(c)).append("</code></li>\n");
        sb.append("</ul>\n");
        if (!built.transfers().isEmpty()) {
            sb.append("<h2>Host&lt;-&gt;device transfers</h2>\n<table><tr><th>device</th><th>host to device GB/s</th><th>device to host GB/s</th></tr>\n");
            for (Transfer t : built.transfers().values()) {
                sb.append("<tr><td>").append(esc(t.device())).append("</td><td>").append(num(t.h2dGbps())).append("</td><td>")
                        .append(num(t.d2hGbps())).append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        sb.append("<h2>Families</h2>\n<ul>\n");
        for (Family f : built.families()) {
            sb.append("<li><a href=\"#").append(esc(f.id())).append("\">").append(esc(f.title())).append("</a></li>\n");
        }
        sb.append("</ul>\n");
        for (Family f : built.families()) section(sb, f);
        return sb.append("</body></html>\n").toString();
    }

    private static void section(StringBuilder sb, Family f) {
        sb.append("<h2 id=\"").append(esc(f.id())).append("\">").append(esc(f.title())).append("</h2>\n");
        sb.append("<p>").append(f.hasGpu() ? esc(f.crossover().describe(ReportWriter::size)) + "."
                : "CPU only: no GPU series, so no crossover.").append(f.note().isEmpty() ? "" : " <span class=\"note\">(" + esc(f.note()) + ")</span>")
                .append("</p>\n");
        for (String kind : new String[] {"rate", "fraction"}) {
            String png = f.id() + "-" + kind + ".png";
            sb.append("<p><img src=\"").append(esc(png)).append("\" alt=\"").append(esc(f.title() + ": " + kind)).append("\" width=\"")
                    .append(WIDTH).append("\" height=\"").append(HEIGHT).append("\"></p>\n");
        }
        List<Series> all = new ArrayList<>(f.series());
        all.addAll(f.withTransfers());
        sb.append("<table><tr><th>").append(esc(f.sizeLabel())).append("</th>");
        for (Series s : f.series()) {
            sb.append("<th>").append(esc(s.label())).append("<br>").append(esc(f.unit())).append("</th><th>").append(esc(s.label()))
                    .append("<br>% of limit</th>");
        }
        for (Series s : f.withTransfers()) sb.append("<th>").append(esc(s.label())).append("<br>").append(esc(f.unit())).append("</th>");
        sb.append("</tr>\n");
        for (double size : f.sizes()) {
            sb.append("<tr><td>").append(esc(size(size))).append("</td>");
            for (Series s : f.series()) {
                Point p = s.at(size);
                sb.append("<td>").append(p == null ? "" : num(p.value())).append("</td><td>")
                        .append(p == null || !Double.isFinite(p.fraction()) ? "" : String.format(Locale.ROOT, "%.1f", 100 * p.fraction()))
                        .append("</td>");
            }
            for (Series s : f.withTransfers()) {
                Point p = s.at(size);
                sb.append("<td>").append(p == null ? "" : num(p.value())).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n<p class=\"note\">limits: ");
        List<String> limits = new ArrayList<>();
        for (Series s : f.series()) {
            Set<String> vs = new LinkedHashSet<>();
            for (Point p : s.points()) vs.add(Double.isFinite(p.limit()) ? num(p.limit()) + " " + f.unit() : "none reported");
            limits.add(esc(s.label()) + ": " + esc(String.join(", ", vs)));
        }
        sb.append(String.join("; ", limits)).append(".</p>\n");
    }

    /** A size for text: "1K", "64", or a rounded count for a crossover between measured sizes. */
    static String size(double v) {
        if (!Double.isFinite(v)) return "";
        double r = Math.rint(v);
        return Math.abs(v - r) < 1e-6 * Math.max(1, Math.abs(v)) ? dev.weft.plot.Axis.sizeLabel(r) : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.1f" : v >= 1 ? "%.2f" : "%.3g", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
